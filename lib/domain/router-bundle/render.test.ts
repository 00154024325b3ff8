import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { parseIp } from '@/lib/domain/net';
import { deriveRouterId } from './model';
import { stableUuid } from './os-network';
import { renderRouterBundle, type RouterBundle } from './render';
import type { RouterBundleInput } from './schema';
import { validInput } from './test-fixtures';

type Change = (i: RouterBundleInput) => void;
const render = (change: Change = () => {}, family: 'ipv4' | 'ipv6' = 'ipv4'): RouterBundle => {
  const input = validInput(family);
  change(input);
  return renderRouterBundle(input);
};
const file = (b: RouterBundle, suffix: string): string => {
  const f = b.files.find((x) => x.path.endsWith(suffix));
  if (!f) throw new Error(`no file ending ${suffix} in ${b.files.map((x) => x.path).join(', ')}`);
  return f.content;
};
const lines = (text: string) => text.split('\n');

describe('bundle layout', () => {
  it('roots every path in a folder named after the VIF, sorted, with the right modes', () => {
    const b = render();
    expect(b.rootDir).toBe('dx-router-dxvif-ffabc123');
    expect(b.archiveName).toBe('dx-router-dxvif-ffabc123.tar.gz');
    expect(b.files.map((f) => [f.path.slice(b.rootDir.length + 1), f.mode.toString(8)])).toEqual([
      ['README.md', '644'],
      ['backend/debian-interfaces.txt', '644'],
      ['backend/rhel-nmcli.sh', '755'],
      ['backend/ubuntu-netplan.yaml', '644'],
      ['etc/frr/daemons', '640'],
      ['etc/frr/frr.conf', '640'],
      ['etc/network/interfaces.d/dx-dxvif-ffabc123', '644'],
      ['etc/sysctl.d/90-dx-routing.conf', '644'],
      ['install.sh', '755'],
    ]);
  });

  it('writes the OS network files of the chosen family only', () => {
    const paths = (os: 'debian' | 'ubuntu' | 'rhel', tagVlan: boolean) =>
      render((i) => {
        i.router.os = os;
        i.router.tagVlan = tagVlan;
      })
        .files.map((f) => f.path)
        .filter((p) => /\/etc\/(network|netplan|NetworkManager)\//.test(p))
        .map((p) => p.replace(/^[^/]+\//, ''));
    expect(paths('debian', true)).toEqual(['etc/network/interfaces.d/dx-dxvif-ffabc123']);
    expect(paths('ubuntu', true)).toEqual(['etc/netplan/60-dx-dxvif-ffabc123.yaml']);
    expect(paths('rhel', false)).toEqual(['etc/NetworkManager/system-connections/dx-dxvif-ffabc123.nmconnection']);
    expect(paths('rhel', true)).toEqual([
      'etc/NetworkManager/system-connections/dx-dxvif-ffabc123-parent.nmconnection',
      'etc/NetworkManager/system-connections/dx-dxvif-ffabc123.nmconnection',
    ]);
    const modes = render((i) => (i.router.os = 'rhel')).files.filter((f) => f.path.endsWith('.nmconnection')).map((f) => f.mode);
    expect(modes).toEqual([0o600, 0o600]);
    expect(render((i) => (i.router.os = 'ubuntu')).files.find((f) => f.path.endsWith('.yaml') && f.path.includes('/etc/'))?.mode).toBe(0o600);
  });
});

describe('every field lands where it should (frr.conf)', () => {
  const conf = file(render(), 'etc/frr/frr.conf');

  it('sets up the eBGP session from the VIF', () => {
    expect(lines(conf)).toEqual(
      expect.arrayContaining([
        'frr defaults traditional',
        'hostname rs1',
        'log syslog informational',
        'service integrated-vtysh-config',
        'interface eth1.100',
        ' description AWS Direct Connect private VIF dxvif-ffabc123, VLAN 100, ipv4',
        'router bgp 65000',
        ' bgp router-id 169.254.10.2',
        ' bgp log-neighbor-changes',
        ' no bgp default ipv4-unicast',
        ' neighbor 169.254.10.1 remote-as 64512',
        ' neighbor 169.254.10.1 password x7Gq2mT9vL4pR8sK',
        ' neighbor 169.254.10.1 timers 10 30',
        ' address-family ipv4 unicast',
        '  network 10.20.0.0/24',
        '  neighbor 169.254.10.1 activate',
        '  neighbor 169.254.10.1 soft-reconfiguration inbound',
        '  neighbor 169.254.10.1 maximum-prefix 1000 90 restart 5',
        '  neighbor 169.254.10.1 route-map DX-IN in',
        '  neighbor 169.254.10.1 route-map DX-OUT out',
        'ip prefix-list DX-IN seq 5 deny 0.0.0.0/0',
        'ip prefix-list DX-IN seq 10 permit 0.0.0.0/0 le 32',
        'ip prefix-list DX-OUT seq 5 permit 10.20.0.0/24',
        'route-map DX-IN permit 10',
        ' match ip address prefix-list DX-IN',
        'route-map DX-OUT permit 10',
        ' match ip address prefix-list DX-OUT',
      ]),
    );
  });

  it('defines every prefix-list and route-map before the neighbours that use them', () => {
    // FRR applies frr.conf top to bottom; a forward reference loads with a warning and leaves the
    // session without policy until the definition arrives.
    for (const c of [conf, file(render(undefined, 'ipv6'), 'etc/frr/frr.conf')]) {
      const at = (pattern: RegExp) => lines(c).findIndex((l) => pattern.test(l));
      const uses = at(/^router bgp /);
      expect(uses).toBeGreaterThan(0);
      for (const definition of [/prefix-list DX-IN /, /prefix-list DX-OUT /, /^route-map DX-IN /, /^route-map DX-OUT /]) {
        expect(at(definition), String(definition)).toBeGreaterThan(-1);
        expect(at(definition), String(definition)).toBeLessThan(uses);
      }
    }
  });

  it('leaves out what the runbook got wrong', () => {
    expect(conf).not.toMatch(/^\s*(enable )?password /m);
    expect(conf).not.toMatch(/^\s*ip route /m);
    expect(conf).not.toContain('ebgp-requires-policy');
    expect(conf).not.toContain('default-originate');
    expect(conf).not.toContain(' bfd');
    expect(conf).not.toMatch(/^\s*ip address/m);
  });

  it('puts the MD5 key in frr.conf and nowhere else', () => {
    const b = render();
    const holders = b.files.filter((f) => f.content.includes('x7Gq2mT9vL4pR8sK')).map((f) => f.path);
    expect(holders).toEqual([`${b.rootDir}/etc/frr/frr.conf`]);
    expect(conf.match(/x7Gq2mT9vL4pR8sK/g)).toHaveLength(1);
  });

  it('advertises the default route, restricts what is accepted and enables BFD on request', () => {
    const c = file(
      render((i) => {
        i.options = { advertiseDefaultRoute: true, acceptedPrefixes: ['10.0.0.0/16', '172.31.0.0/16'], bfd: true };
        i.router.backendNetworks = ['10.20.0.0/24', '10.21.0.0/23'];
      }),
      'etc/frr/frr.conf',
    );
    expect(lines(c)).toEqual(
      expect.arrayContaining([
        '  neighbor 169.254.10.1 default-originate',
        'ip prefix-list DX-IN seq 5 permit 10.0.0.0/16 le 32',
        'ip prefix-list DX-IN seq 10 permit 172.31.0.0/16 le 32',
        'ip prefix-list DX-OUT seq 5 permit 10.20.0.0/24',
        'ip prefix-list DX-OUT seq 10 permit 10.21.0.0/23',
        '  network 10.21.0.0/23',
        ' neighbor 169.254.10.1 bfd',
        ' bgp graceful-restart-disable',
      ]),
    );
    expect(c).not.toContain('deny 0.0.0.0/0');
    // The default route is not put in the outbound list: default-originate bypasses it.
    expect(c).not.toMatch(/DX-OUT .*0\.0\.0\.0\/0/);
  });

  it('raises the inbound ceiling for a public VIF, where AWS sends its public ranges', () => {
    const c = file(
      render((i) => {
        i.vif = { ...i.vif, type: 'public', customerAddress: '198.51.100.2/30', amazonAddress: '198.51.100.1/30' };
        i.router.backendNetworks = ['203.0.113.0/24'];
      }),
      'etc/frr/frr.conf',
    );
    expect(c).toContain('maximum-prefix 50000 90 restart 5');
  });

  it('renders an IPv6 session in canonical form', () => {
    const c = file(
      render((i) => {
        i.vif.customerAddress = '2001:DB8:10:0:0:0:0:2/125';
        i.vif.amazonAddress = '2001:0db8:0010::0001/125';
        i.router.backendNetworks = ['2001:DB8:20::/64'];
        i.options = { acceptedPrefixes: ['2001:db8:100:0::/56'] };
      }, 'ipv6'),
      'etc/frr/frr.conf',
    );
    expect(lines(c)).toEqual(
      expect.arrayContaining([
        ' bgp router-id 10.0.0.2',
        ' no bgp default ipv4-unicast',
        ' neighbor 2001:db8:10::1 remote-as 64512',
        ' address-family ipv6 unicast',
        '  network 2001:db8:20::/64',
        '  neighbor 2001:db8:10::1 activate',
        'ipv6 prefix-list DX-IN seq 5 permit 2001:db8:100::/56 le 128',
        'ipv6 prefix-list DX-OUT seq 5 permit 2001:db8:20::/64',
        ' match ipv6 address prefix-list DX-IN',
      ]),
    );
    expect(c).not.toContain('address-family ipv4');
  });
});

describe('every field lands where it should (system files)', () => {
  it('enables bgpd in daemons, bfdd only with BFD', () => {
    const d = file(render(), 'etc/frr/daemons');
    expect(lines(d)).toEqual(expect.arrayContaining(['bgpd=yes', 'bfdd=no', 'ospfd=no', 'vtysh_enable=yes', 'zebra_options="  -A 127.0.0.1 -s 90000000"']));
    expect(file(render((i) => (i.options = { bfd: true })), 'etc/frr/daemons')).toContain('bfdd=yes');
  });

  it('writes sysctl keys for the family, with sysctl(8) slashes for a VLAN interface', () => {
    const v4 = file(render(), '90-dx-routing.conf');
    expect(lines(v4)).toEqual(
      expect.arrayContaining([
        'net.ipv4.conf.all.forwarding = 1',
        'net.ipv4.conf.all.send_redirects = 0',
        'net.ipv4.conf.default.send_redirects = 0',
        'net.ipv4.conf.eth1/100.send_redirects = 0',
        'net.ipv4.conf.eth1/100.rp_filter = 2',
      ]),
    );
    expect(v4).not.toContain('ipv6');
    expect(file(render((i) => (i.router.tagVlan = false)), '90-dx-routing.conf')).toContain('net.ipv4.conf.eth1.send_redirects = 0');
    const v6 = file(render(() => {}, 'ipv6'), '90-dx-routing.conf');
    expect(v6).toMatch(/^net\.ipv6\.conf\.all\.forwarding = 1$/m);
    expect(v6).not.toMatch(/^net\.ipv4/m);
  });

  it('configures the VLAN subinterface and its parent for ifupdown', () => {
    const ifaces = file(render((i) => (i.vif.mtu = 9001)), 'interfaces.d/dx-dxvif-ffabc123');
    expect(ifaces).toContain('auto eth1\niface eth1 inet manual\n    mtu 9001\n');
    expect(ifaces).toContain('auto eth1.100\niface eth1.100 inet static\n    address 169.254.10.2/30\n    mtu 9001\n    vlan-raw-device eth1\n');
    expect(ifaces).not.toMatch(/^\s+gateway /m);
    const untagged = file(render((i) => (i.router.tagVlan = false)), 'interfaces.d/dx-dxvif-ffabc123');
    expect(untagged).toContain('iface eth1 inet static\n    address 169.254.10.2/30\n    mtu 1500\n');
    expect(untagged).not.toContain('vlan-raw-device');
    expect(file(render(() => {}, 'ipv6'), 'interfaces.d/dx-dxvif-ffabc123')).toContain('iface eth1.100 inet6 static\n    address 2001:db8:10::2/125\n');
  });

  it('configures netplan vlans and NetworkManager keyfiles', () => {
    const netplan = file(render((i) => (i.router.os = 'ubuntu')), '60-dx-dxvif-ffabc123.yaml');
    expect(netplan).toContain('  vlans:\n    eth1.100:\n      id: 100\n      link: eth1\n      mtu: 1500\n');
    expect(netplan).toContain('        - "169.254.10.2/30"');
    const nm = render((i) => {
      i.router.os = 'rhel';
      i.vif.mtu = 9001;
    });
    const vlan = file(nm, 'dx-dxvif-ffabc123.nmconnection');
    expect(vlan).toContain('type=vlan\ninterface-name=eth1.100');
    expect(vlan).toContain('[vlan]\nid=100\nparent=eth1');
    expect(vlan).toContain('[ipv4]\nmethod=manual\naddress1=169.254.10.2/30\nnever-default=true');
    expect(vlan).toContain('[ethernet]\nmtu=9001');
    expect(file(nm, 'parent.nmconnection')).toContain('interface-name=eth1\nautoconnect=true\n\n[ethernet]\nmtu=9001\n\n[ipv4]\nmethod=disabled');
  });

  it('gives the backend servers routes via the router server, with placeholders only where unknown', () => {
    const unknown = file(render(), 'backend/debian-interfaces.txt');
    expect(unknown).toContain('up ip route replace VPC_CIDR via ROUTER_SERVER_BACKEND_IP');
    const known = render((i) => {
      i.router.backendAddress = '10.20.0.1';
      i.options = { acceptedPrefixes: ['10.0.0.0/16'] };
    });
    expect(file(known, 'backend/debian-interfaces.txt')).toContain('    up ip route replace 10.0.0.0/16 via 10.20.0.1\n');
    expect(file(known, 'backend/ubuntu-netplan.yaml')).toContain('        - to: "10.0.0.0/16"\n          via: "10.20.0.1"');
    expect(file(known, 'backend/rhel-nmcli.sh')).toContain('+ipv4.routes "10.0.0.0/16 $GATEWAY"');
    expect(file(known, 'backend/rhel-nmcli.sh')).toContain('GATEWAY="10.20.0.1"');
    for (const f of known.files.filter((x) => x.path.includes('/backend/'))) expect(f.content).not.toMatch(/ROUTER_SERVER_BACKEND_IP|VPC_CIDR/);
  });

  it('tells install.sh how to bring the link up on each OS', () => {
    expect(file(render(), 'install.sh')).toContain('ifup eth1 eth1.100');
    expect(file(render((i) => (i.router.os = 'ubuntu')), 'install.sh')).toContain('netplan apply');
    const rhel = file(render((i) => (i.router.os = 'rhel')), 'install.sh');
    expect(rhel).toContain("nmcli connection up 'dx-dxvif-ffabc123-parent'");
    expect(rhel).toContain('dnf install -y frr');
    expect(file(render(), 'install.sh')).toContain("PEER='169.254.10.1'");
  });

  it('documents the parameters in the README', () => {
    const readme = file(render((i) => (i.router.backendAddress = '10.20.0.1')), 'README.md');
    for (const text of ['dxvif-ffabc123 (private), VLAN 100, ipv4, MTU 1500', '169.254.10.2/30', '65000 / 64512', 'eth2 / 10.20.0.0/24', '| Router server backend address | 10.20.0.1 |', 'security group must allow ICMP', 'second connection', 'iptables/nftables']) {
      expect(readme).toContain(text);
    }
  });
});

describe('determinism', () => {
  it('renders byte-identical bundles for the same input, whatever the key order', () => {
    const a = render();
    const input = validInput();
    const reordered = JSON.parse(JSON.stringify({ options: input.options, router: { ...input.router }, vif: Object.fromEntries(Object.entries(input.vif).reverse()) })) as RouterBundleInput;
    expect(renderRouterBundle(reordered)).toEqual(a);
    expect(render()).toEqual(a);
  });

  it('refuses to render invalid input', () => {
    expect(() => render((i) => (i.vif.vlan = 0))).toThrow(ZodError);
  });
});

describe('derived values', () => {
  const id = (text: string) => {
    const a = parseIp(text);
    if (!a) throw new Error(text);
    return deriveRouterId(a);
  };
  it.each([
    ['169.254.10.2', '169.254.10.2'],
    ['2001:db8:10::2', '10.0.0.2'],
    ['2001:db8::c633:6402', '198.51.100.2'],
    ['2001:db8::7f00:1', '10.0.0.1'],
    ['2001:db8::e000:5', '10.0.0.5'],
    ['2001:db8::1:0:0', '10.0.0.0'],
  ])('router-id for %s is %s', (address, expected) => expect(id(address)).toBe(expected));

  it('derives stable version-8 UUIDs for NetworkManager', () => {
    const u = stableUuid('dx-dxvif-ffabc123');
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('dx-dxvif-ffabc123')).toBe(u);
    expect(stableUuid('dx-dxvif-ffabc124')).not.toBe(u);
  });
});

describe('full bundle snapshots', () => {
  const dump = (b: RouterBundle) => b.files.map((f) => `==> ${f.path} (${f.mode.toString(8)})\n${f.content}`).join('\n');
  it.each([
    ['ipv4-debian-tagged', () => render((i) => (i.router.backendAddress = '10.20.0.1'))],
    ['ipv6-ubuntu-untagged', () => render((i) => {
      i.router.os = 'ubuntu';
      i.router.tagVlan = false;
      i.vif.type = 'transit';
      i.vif.mtu = 8500;
      i.options = { acceptedPrefixes: ['2001:db8:100::/56'], advertiseDefaultRoute: true };
    }, 'ipv6')],
    ['ipv4-rhel-tagged-bfd', () => render((i) => {
      i.router.os = 'rhel';
      i.vif.mtu = 9001;
      i.options = { acceptedPrefixes: ['10.0.0.0/16'], bfd: true };
    })],
  ])('%s', async (name, make) => {
    await expect(dump(make())).toMatchFileSnapshot(`./__snapshots__/bundle-${name}.txt`);
  });
});
