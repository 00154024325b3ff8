/**
 * The provider's old runbook configuration ("Connecting a Bare Metal Backend"), verbatim apart
 * from its placeholders, to show in a test what it does on FRR 8.x. Do not use it for anything else.
 */

export type RunbookValues = {
  interface: string;
  customerIp: string;
  amazonIp: string;
  backendNetwork: string;
  asn: number;
  amazonSideAsn: number;
  authKey: string;
};

export function runbookZebraConf(v: RunbookValues): string {
  return `hostname Zebra
password USER_PASS
enable password ENABLE_PASS
log file zebra.log
!
!
!
vrf Default-IP-Routing-Table
ip route 0.0.0.0/0 ${v.amazonIp}
ip route ${v.backendNetwork} ${v.interface}
interface ${v.interface}
ip address ${v.customerIp}/30
!
!
!
!
line vty
!
`;
}

export function runbookBgpdConf(v: RunbookValues): string {
  const peer = v.amazonIp;
  return `hostname Bgpd
password USER_PASS
enable password ENABLE_PASS
log file bgpd.log
!
!
router bgp ${v.asn}
neighbor ${peer} remote-as ${v.amazonSideAsn}
neighbor ${peer} password ${v.authKey}
neighbor ${peer} timers 10 30
neighbor ${peer} default-originate
neighbor ${peer} soft-reconfiguration inbound
!
address-family ipv4 unicast
network ${v.backendNetwork}
exit-address-family
!
!
line vty
!
`;
}

export function runbookSysctl(v: RunbookValues): string {
  return `# Sysctl for routing
#
# Routing: We need to forward packets
net.ipv4.conf.all.forwarding=1
net.ipv6.conf.all.forwarding=1
net.ipv4.conf.${v.interface}.send_redirects=0
`;
}
