import { describe, expect, it } from 'vitest';
import { routerBundleInputSchema, routerSettingsSchema } from './schema';
import { issuesAfter, validInput } from './test-fixtures';

const ok = (change: Parameters<typeof issuesAfter>[0], family?: 'ipv4' | 'ipv6') =>
  expect(issuesAfter(change, family)).toEqual([]);
const refused = (change: Parameters<typeof issuesAfter>[0], expected: string, family?: 'ipv4' | 'ipv6') => {
  const issues = issuesAfter(change, family);
  expect(issues.some((i) => i.includes(expected)), `${expected}\nnot in:\n${issues.join('\n')}`).toBe(true);
};

describe('valid inputs', () => {
  it('accepts the fixtures and fills option defaults', () => {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const { options: _omitted, ...rest } = validInput(family);
      const parsed = routerBundleInputSchema.parse(rest);
      expect(parsed.options).toEqual({ advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false });
    }
  });

  it('validates the router settings alone, for the VIF page form', () => {
    const { router } = validInput();
    expect(routerSettingsSchema.safeParse({ router }).success).toBe(true);
    expect(routerSettingsSchema.safeParse({ router: { ...router, interface: '' } }).success).toBe(false);
  });

  it('reports every problem at once, including cross-field ones next to field errors', () => {
    const issues = issuesAfter((i) => {
      i.vif.vlan = 0;
      i.vif.mtu = 9000;
      i.router.backendNetworks = ['10.20.0.1/24'];
    });
    expect(issues).toEqual([
      'vif.vlan: VLAN must be from 1 to 4094 (802.1Q reserves 0)',
      'router.backendNetworks.0: 10.20.0.1/24 has host bits set; did you mean 10.20.0.0/24?',
      'vif.mtu: a private VIF supports MTU 1500 or 9001; got 9000',
    ]);
  });

  it('refuses unknown keys, which are usually typos', () => {
    refused((i) => (i.options.advertiseDefaultRoutes = true), 'options: unknown field "advertiseDefaultRoutes" in options (check the spelling)');
  });
});

describe('VLAN', () => {
  it.each([1, 100, 4094])('accepts %i', (vlan) => ok((i) => (i.vif.vlan = vlan)));
  it.each([
    [0, 'VLAN must be from 1 to 4094 (802.1Q reserves 0)'],
    [4095, 'VLAN must be from 1 to 4094 (802.1Q reserves 4095)'],
    [-1, 'VLAN must be from 1 to 4094'],
    [1.5, 'VLAN must be a whole number'],
    ['100', 'VLAN must be a number'],
  ])('refuses %j', (vlan, message) => refused((i) => (i.vif.vlan = vlan), `vif.vlan: ${message}`));
});

describe('ASNs', () => {
  it.each([1, 64512, 65534, 65536, 4200000000, 4294967294])('accepts %i', (asn) => {
    ok((i) => {
      i.vif.asn = asn;
      i.vif.amazonSideAsn = asn === 64512 ? 64513 : 64512;
    });
    ok((i) => {
      i.vif.amazonSideAsn = asn;
      i.vif.asn = asn === 65000 ? 65001 : 65000;
    });
  });
  it.each([
    [0, '0 is reserved'],
    [4294967295, '4294967295 is reserved'],
    [65535, 'reserved (RFC 7300)'],
    [23456, 'AS_TRANS'],
    [-5, 'from 1 to 4294967294'],
    [65000.5, 'whole number'],
  ])('refuses %i', (asn, message) => {
    refused((i) => (i.vif.asn = asn), `vif.asn: ASN`);
    refused((i) => (i.vif.asn = asn), message);
    refused((i) => (i.vif.amazonSideAsn = asn), 'vif.amazonSideAsn: ASN');
  });
  it('refuses the same ASN on both sides (eBGP)', () => {
    refused((i) => (i.vif.amazonSideAsn = 65000), 'vif.amazonSideAsn: amazonSideAsn must differ from asn (65000)');
  });
});

describe('peering addresses (IPv4)', () => {
  it.each([
    ['169.254.10.1/30', '169.254.10.2/30'],
    ['169.254.10.0/31', '169.254.10.1/31'],
    ['169.254.10.1/31', '169.254.10.0/31'],
    ['10.1.2.5/30', '10.1.2.6/30'],
  ])('accepts amazon %s / customer %s', (amazon, customer) =>
    ok((i) => {
      i.vif.amazonAddress = amazon;
      i.vif.customerAddress = customer;
    }),
  );

  it.each([
    ['169.254.10.0/30', 'vif.customerAddress: 169.254.10.0/30 is the network address of 169.254.10.0/30'],
    ['169.254.10.3/30', 'vif.customerAddress: 169.254.10.3/30 is the broadcast address of 169.254.10.0/30'],
    ['169.254.10.2/29', 'vif.customerAddress: IPv4 peering addresses must be /30 or /31'],
    ['169.254.10.2/32', 'vif.customerAddress: IPv4 peering addresses must be /30 or /31'],
    ['169.254.10.2', 'vif.customerAddress: address must be in CIDR form like 169.254.10.2/30: "169.254.10.2" has no prefix length'],
    ['169.254.10.256/30', 'is not a valid IPv4 or IPv6 address'],
    ['2001:db8:10::2/125', 'vif.customerAddress: 2001:db8:10::2/125 is IPv6 but addressFamily is ipv4'],
    ['224.0.0.1/30', 'is a multicast address'],
    ['127.0.0.2/30', 'is a loopback address'],
  ])('refuses customer %s with a clear message', (customer, message) => refused((i) => (i.vif.customerAddress = customer), message));

  it('refuses addresses in different subnets, of different lengths, or equal', () => {
    refused((i) => (i.vif.amazonAddress = '169.254.11.1/30'), 'vif.amazonAddress: 169.254.11.1/30 is not in the same subnet as customerAddress (169.254.10.0/30)');
    refused((i) => (i.vif.amazonAddress = '169.254.10.1/31'), 'vif.amazonAddress: amazonAddress must have the same prefix length as customerAddress (/30)');
    refused((i) => (i.vif.amazonAddress = '169.254.10.2/30'), 'vif.amazonAddress: amazonAddress must differ from customerAddress');
  });

  it('requires public addresses on a public VIF', () => {
    refused((i) => (i.vif.type = 'public'), 'vif.customerAddress: a public VIF needs public IPv4 addresses you own; 169.254.10.2/30 is link-local');
    ok((i) => {
      i.vif.type = 'public';
      i.vif.customerAddress = '198.51.100.2/30';
      i.vif.amazonAddress = '198.51.100.1/30';
      i.router.backendNetworks = ['203.0.113.0/24'];
    });
  });
});

describe('peering addresses (IPv6)', () => {
  it.each([
    ['2001:db8:10::1/125', '2001:db8:10::2/125'],
    ['2001:db8:10::/127', '2001:db8:10::1/127'],
    ['2001:DB8:10:0::1/64', '2001:db8:10::2/64'],
  ])('accepts amazon %s / customer %s', (amazon, customer) =>
    ok((i) => {
      i.vif.amazonAddress = amazon;
      i.vif.customerAddress = customer;
    }, 'ipv6'),
  );

  it.each([
    ['2001:db8:10::/125', 'is the Subnet-Router anycast address of 2001:db8:10::/125'],
    ['2001:db8:10::2/48', 'IPv6 peering addresses must be /64 to /127'],
    ['2001:db8:10::2/128', 'IPv6 peering addresses must be /64 to /127'],
    ['169.254.10.2/30', 'is IPv4 but addressFamily is ipv6'],
    ['fe80::2/125', 'is link-local'],
    ['ff02::2/125', 'is a multicast address'],
  ])('refuses customer %s', (customer, message) => refused((i) => (i.vif.customerAddress = customer), message, 'ipv6'));
});

describe('MTU by VIF type', () => {
  it.each([
    ['private', 1500],
    ['private', 9001],
    ['transit', 1500],
    ['transit', 8500],
  ] as const)('accepts %s %i', (type, mtu) =>
    ok((i) => {
      i.vif.type = type;
      i.vif.mtu = mtu;
    }),
  );
  it.each([
    ['private', 8500, 'a private VIF supports MTU 1500 or 9001; got 8500'],
    ['transit', 9001, 'a transit VIF supports MTU 1500 or 8500; got 9001'],
    ['private', 1492, 'a private VIF supports MTU 1500 or 9001; got 1492'],
  ] as const)('refuses %s %i', (type, mtu, message) =>
    refused((i) => {
      i.vif.type = type;
      i.vif.mtu = mtu;
    }, `vif.mtu: ${message}`),
  );
  it('allows no jumbo frames on a public VIF', () => {
    refused((i) => {
      i.vif.type = 'public';
      i.vif.mtu = 9001;
    }, 'vif.mtu: a public VIF has no jumbo frames: MTU must be 1500; got 9001');
  });
});

describe('authentication key', () => {
  it.each(['abcdef', 'x'.repeat(80), '0xC_ukbCerl6EYA0example', 'a-b.c:d/e+f=g@h%i^j&k*l(m)n[o]p{q}r|s~t$u;v,w<x>'])('accepts %s', (key) =>
    ok((i) => (i.vif.authKey = key)),
  );
  it.each([
    ['abcde', 'must be 6–80 characters'],
    ['x'.repeat(81), 'must be 6–80 characters'],
    ['has space', 'contains U+0020'],
    ['tab\tkey1', 'contains U+0009'],
    ['quote"key', 'contains """'],
    ["quote'key", `contains "'"`],
    ['bang!key', 'contains "!"'],
    ['hash#key', 'contains "#"'],
    ['back\\slash', 'contains "\\"'],
    ['why?key12', 'contains "?"'],
    ['clé-secrète', 'contains U+00e9'],
  ])('refuses %j', (key, message) => refused((i) => (i.vif.authKey = key), `vif.authKey: BGP authentication key ${message}`));
});

describe('names', () => {
  it.each(['rs1', 'router-1.dc.example.com', 'R'])('accepts hostname %s', (hostname) => ok((i) => (i.router.hostname = hostname)));
  it.each(['1router', '-rs', 'rs_1', 'rs..x', 'a'.repeat(64), 'rs 1', ''])('refuses hostname %j', (hostname) =>
    refused((i) => (i.router.hostname = hostname), 'router.hostname: hostname must start with a letter'),
  );

  it('counts the .vlan suffix against the 15-character interface limit', () => {
    ok((i) => (i.router.interface = 'enp129s0f1n'));
    refused((i) => (i.router.interface = 'enp129s0f1np1'), 'router.interface: the VLAN subinterface name enp129s0f1np1.100 is 17 characters; Linux allows 15');
    ok((i) => {
      i.router.interface = 'enp129s0f1np1';
      i.router.tagVlan = false;
    });
    refused((i) => (i.router.interface = 'enp129s0f1np1x17'), 'router.interface: interface name must be at most 15 characters');
  });

  it.each(['eth 1', '-eth1', '.eth1', 'eth/1', 'eth:1', ''])('refuses interface name %j', (name) =>
    refused((i) => (i.router.interface = name), 'router.interface: interface name may contain only'),
  );

  it('refuses a dotted parent when the server tags, and reserved names', () => {
    refused((i) => (i.router.interface = 'bond0.5'), 'with tagVlan give the physical parent interface (no ".")');
    refused((i) => (i.router.interface = 'lo'), '"lo" cannot carry the Direct Connect link');
  });

  it('refuses a backend interface that is the Direct Connect interface or its VLAN parent', () => {
    refused((i) => (i.router.backendInterface = 'eth1.100'), 'router.backendInterface: backendInterface must differ from the Direct Connect interface eth1.100');
    refused((i) => (i.router.backendInterface = 'eth1'), 'router.backendInterface: eth1 is the parent of the tagged VLAN');
    refused((i) => {
      i.router.tagVlan = false;
      i.router.backendInterface = 'eth1';
    }, 'must differ from the Direct Connect interface eth1');
    ok((i) => (i.router.backendInterface = 'bond0.20'));
  });

  it.each(['dxvif-ffabc123', 'dxvif-1', 'a'])('accepts VIF id %s', (id) => ok((i) => (i.vif.id = id)));
  it.each(['DXVIF-1', 'dxvif_1', '-dxvif', '', 'dxvif/../x'])('refuses VIF id %j', (id) => refused((i) => (i.vif.id = id), 'vif.id: VIF id must be'));
});

describe('backend networks', () => {
  it('requires at least one', () => refused((i) => (i.router.backendNetworks = []), 'router.backendNetworks: at least one backend network is required'));
  it.each([
    ['10.20.0.1/24', '10.20.0.1/24 has host bits set; did you mean 10.20.0.0/24?'],
    ['0.0.0.0/0', '0.0.0.0/0 is a default route, not a network'],
    ['2001:db8:20::/64', '2001:db8:20::/64 is IPv6 but the VIF carries ipv4 routes only'],
    ['169.254.0.0/16', '169.254.0.0/16 is link-local space and cannot be routed'],
    ['169.254.10.0/29', '169.254.10.0/29 is link-local space'],
    ['127.0.0.0/8', '127.0.0.0/8 is loopback space'],
    ['224.0.0.0/4', '224.0.0.0/4 is multicast space'],
    ['banana', 'prefix must be in CIDR form like 10.20.0.0/24: "banana" has no prefix length'],
  ])('refuses %s', (prefix, message) => refused((i) => (i.router.backendNetworks = [prefix]), `router.backendNetworks.0: ${message}`));

  it('refuses overlap with the peering subnet and duplicates', () => {
    ok((i) => {
      i.vif.customerAddress = '10.1.2.6/30';
      i.vif.amazonAddress = '10.1.2.5/30';
      i.router.backendNetworks = ['10.1.3.0/24'];
    });
    refused((i) => {
      i.vif.customerAddress = '10.1.2.6/30';
      i.vif.amazonAddress = '10.1.2.5/30';
      i.router.backendNetworks = ['10.1.0.0/16'];
    }, 'router.backendNetworks.0: 10.1.0.0/16 overlaps the peering subnet 10.1.2.4/30');
    refused((i) => (i.router.backendNetworks = ['10.20.0.0/24', '10.21.0.0/24', '10.20.0.0/24']), 'router.backendNetworks.2: 10.20.0.0/24 duplicates router.backendNetworks[0]');
  });

  it('keeps to the AWS limit of 100 prefixes per session (101 with a default route)', () => {
    const nets = (n: number) => Array.from({ length: n }, (_, k) => `10.${20 + Math.floor(k / 256)}.${k % 256}.0/24`);
    ok((i) => (i.router.backendNetworks = nets(100)));
    refused((i) => (i.router.backendNetworks = nets(101)), 'AWS accepts at most 100 prefixes per session on a private VIF');
    refused((i) => {
      i.router.backendNetworks = nets(100);
      i.options.advertiseDefaultRoute = true;
    }, 'this would advertise 101');
  });

  it('needs public prefixes on a public VIF, IPv6 no longer than /64', () => {
    const publicVif = (i: { vif: Record<string, unknown> }) => {
      i.vif.type = 'public';
      i.vif.customerAddress = '198.51.100.2/30';
      i.vif.amazonAddress = '198.51.100.1/30';
    };
    refused(publicVif, 'router.backendNetworks.0: a public VIF only carries public prefixes you own; 10.20.0.0/24 is private');
    refused((i) => {
      i.vif.type = 'public';
      i.router.backendNetworks = ['2001:db8:20::/80'];
    }, 'AWS accepts IPv6 prefixes of /64 or shorter on a public VIF', 'ipv6');
  });
});

describe('backend address', () => {
  it('must be a host of a backend network, of the same family', () => {
    ok((i) => (i.router.backendAddress = '10.20.0.1'));
    refused((i) => (i.router.backendAddress = '10.20.0.1/24'), 'give the address without a prefix length, e.g. 10.20.0.1');
    refused((i) => (i.router.backendAddress = '10.30.0.1'), 'is not inside any of router.backendNetworks');
    refused((i) => (i.router.backendAddress = '10.20.0.0'), 'router.backendAddress: 10.20.0.0 is the network address of 10.20.0.0/24');
    refused((i) => (i.router.backendAddress = '10.20.0.255'), 'is the broadcast address of 10.20.0.0/24');
    refused((i) => (i.router.backendAddress = '2001:db8:20::1'), 'is IPv6 but addressFamily is ipv4');
    refused((i) => (i.router.backendAddress = 'gateway'), '"gateway" is not a valid IPv4 or IPv6 address');
  });
});

describe('options', () => {
  it('refuses a default route on a public VIF', () => {
    refused((i) => {
      i.vif.type = 'public';
      i.options.advertiseDefaultRoute = true;
    }, 'options.advertiseDefaultRoute: a public VIF only accepts verified prefixes you own, never a default route');
  });
  it('checks acceptedPrefixes', () => {
    ok((i) => (i.options.acceptedPrefixes = ['10.0.0.0/16', '172.31.0.0/16']));
    refused((i) => (i.options.acceptedPrefixes = ['0.0.0.0/0']), 'options.acceptedPrefixes.0: 0.0.0.0/0 is a default route');
    refused((i) => (i.options.acceptedPrefixes = ['10.0.0.0/8', '10.0.0.0/8']), 'options.acceptedPrefixes.1: 10.0.0.0/8 duplicates options.acceptedPrefixes[0]');
    refused((i) => (i.options.acceptedPrefixes = ['2001:db8::/32']), 'is IPv6 but the VIF carries ipv4 routes only');
    refused((i) => (i.options.acceptedPrefixes = ['10.0.0.1/16']), 'did you mean 10.0.0.0/16?');
  });
});
