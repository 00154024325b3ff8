import type { AwsConnectionState, BgpStatus, VifState, VifType } from '@/lib/db/generated/enums';
import { formatAsn } from '@/lib/domain/net';
import { MTU_DEFAULT, type AddressFamilyValue } from './constants';

/** The facts of one VIF (and its BGP peer) that the checklist names concretely. */
export type TroubleshootingFacts = {
  type: VifType;
  vlan: number;
  addressFamily: AddressFamilyValue;
  /** address/length as AWS reports it; null until known. */
  customerAddress: string | null;
  amazonAddress: string | null;
  asn: number;
  amazonSideAsn: number | null;
  /** Whether the portal holds the MD5 key (it can then be revealed on the page). */
  authKeySet: boolean;
  mtu?: number | null;
  awsState?: VifState | null;
  bgpStatus?: BgpStatus | null;
  connectionState?: AwsConnectionState | null;
  /** The router server's interface towards the provider, e.g. "eth1", from the router bundle settings. */
  routerInterface?: string | null;
};

export type ChecklistItem = { id: string; title: string; detail: string };

const bare = (address: string | null) => (address ? (address.split('/')[0] ?? address) : null);

/**
 * Ordered, concrete checks for a VIF whose BGP session is down: first what no router change can
 * fix (link, AWS verification, a running test), then the router side from layer 2 up, then the
 * path into the VPC. Pure data; the page renders it.
 */
export function vifTroubleshootingChecklist(f: TroubleshootingFacts): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const iface = `${f.routerInterface || 'eth1'}.${f.vlan}`;
  const ours = bare(f.customerAddress);
  const theirs = bare(f.amazonAddress);
  const v6 = f.addressFamily === 'ipv6';
  const amazonPeer = theirs ?? "Amazon's peer address";
  const amazonAsn = f.amazonSideAsn === null ? "the Amazon-side ASN shown for this interface" : formatAsn(f.amazonSideAsn);

  if (f.connectionState === 'down' || f.connectionState === 'pending') {
    items.push({
      id: 'link',
      title: 'The connection itself is not up',
      detail:
        `The connection is ${f.connectionState}, so no BGP session can form over it. Check the cross-connect and the optical light levels ` +
        'on your port first; BGP follows once AWS reports the connection available.',
    });
  }
  if (f.type === 'PUBLIC' && f.awsState === 'verifying') {
    items.push({
      id: 'verification',
      title: 'AWS is still verifying this public virtual interface',
      detail: 'BGP stays down until AWS has verified that the prefixes (and a public ASN) are registered to you, which can take up to 72 hours. Watch for a request for proof from AWS Support.',
    });
  }
  if (f.awsState === 'testing') {
    items.push({ id: 'testing', title: 'A BGP failover test is running', detail: 'The test holds BGP down on purpose until it ends or you stop it from this page.' });
  }

  items.push({
    id: 'vlan',
    title: `VLAN tag ${f.vlan} on the router's subinterface`,
    detail:
      `Frames must leave your router tagged with 802.1Q VLAN ${f.vlan}, e.g. on subinterface ${iface}. ` +
      `Check with \`ip -d link show ${iface}\` (it should say "vlan protocol 802.1Q id ${f.vlan}"). A wrong or missing tag is the most common reason nothing answers.`,
  });
  items.push({
    id: 'addresses',
    title: ours && theirs ? `Addresses: yours ${f.customerAddress}, Amazon ${theirs}` : 'Peer addresses',
    detail:
      ours && theirs
        ? `Configure ${f.customerAddress} on ${iface} and peer with ${theirs}. Check with \`ip ${v6 ? '-6 ' : ''}addr show dev ${iface}\`, ` +
          `then \`ping ${v6 ? '-6 ' : ''}-c 3 ${theirs}\`: Amazon's peer address should answer once the VLAN and addresses match.`
        : 'AWS has not reported the peer addresses yet; they appear on this page once the interface is set up.',
  });
  items.push({
    id: 'asn',
    title: `ASNs: yours ${formatAsn(f.asn)}, Amazon's ${amazonAsn}`,
    detail:
      `Your router must run \`router bgp ${f.asn}\` with \`neighbor ${amazonPeer} remote-as ${f.amazonSideAsn ?? '<Amazon ASN>'}\`. ` +
      'A mismatch shows in the BGP log as a "bad peer AS" notification; 4-byte ASNs are written in plain form (e.g. 4200000001).',
  });
  items.push({
    id: 'md5',
    title: 'The MD5 key must match exactly',
    detail: f.authKeySet
      ? `Reveal the key on this page and compare it character for character with \`neighbor ${amazonPeer} password …\` (case matters; no quotes or spaces around it). ` +
        'With a wrong key the session stays in Connect/Active and the kernel log (`dmesg`) reports MD5 hash failures.'
      : 'The portal holds no key for this interface: AWS generated it. Download the router configuration for this interface from the AWS console and copy the key exactly.',
  });
  items.push({
    id: 'firewall',
    title: 'TCP port 179 allowed on the router server',
    detail:
      `BGP runs over TCP port 179 between ${ours ?? 'your address'} and ${amazonPeer}. Allow it in both directions in iptables/nftables ` +
      "(`nft list ruleset`, `iptables -S`), and allow ICMP for the ping test. `ss -tn '( sport = :179 or dport = :179 )'` shows whether a TCP session exists.",
  });
  items.push({
    id: 'bgp-settings',
    title: 'Direct eBGP session, no multihop',
    detail:
      `AWS peers only directly (TTL 1): no \`ebgp-multihop\`, and the session must be sourced from ${ours ?? 'your peer address'} on ${iface}, not a loopback. ` +
      `Hold time must be at least 3 seconds. Advertise at most ${f.type === 'PUBLIC' ? '1,000' : '100'} prefixes per address family, or AWS takes the session down.`,
  });
  if (f.mtu && f.mtu > MTU_DEFAULT) {
    items.push({
      id: 'mtu',
      title: `Interface MTU ${f.mtu}`,
      detail: `This interface uses jumbo frames: set MTU ${f.mtu} on ${iface} and its parent interface. With a smaller MTU, BGP comes up but stalls or flaps when large updates are sent.`,
    });
  }
  if (f.type !== 'PUBLIC') {
    const routing =
      f.type === 'TRANSIT'
        ? "the transit gateway's route table must route your prefixes to the Direct Connect gateway attachment"
        : 'the subnet\'s route table must send your prefixes to the virtual private gateway (enable route propagation, or add a static route)';
    items.push({
      id: 'vpc-path',
      title: 'Security groups and ICMP for the ping test',
      detail:
        'To ping an instance in the VPC from your network, its security group must allow ICMP from your on-premises prefixes, ' +
        `the subnet's network ACL must allow ICMP both ways, and ${routing}.`,
    });
  }
  items.push({
    id: 'traceroute',
    title: 'Traceroute through the Direct Connect path',
    detail:
      `From the router server, \`traceroute -n ${f.type === 'PUBLIC' ? '<AWS public endpoint>' : '<instance private IP>'}\` should show ${amazonPeer} as the first hop. ` +
      `If it leaves through another uplink, your router prefers another route: check that it receives AWS's prefixes from ${amazonPeer} ` +
      `(\`vtysh -c "show bgp neighbors ${amazonPeer} routes"\`).`,
  });
  return items;
}
