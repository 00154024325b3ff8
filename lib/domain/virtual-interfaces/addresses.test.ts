import { describe, expect, it } from 'vitest';
import { checkAddressesUnused, checkPeerAddresses, type PeerAddressInput } from './addresses';

const check = (input: Partial<PeerAddressInput>) => checkPeerAddresses({ type: 'PRIVATE', addressFamily: 'ipv4', ...input });
const errors = (input: Partial<PeerAddressInput>) =>
  check(input)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => [f.field, f.message]);
const pair = (customerAddress: string, amazonAddress: string, type: PeerAddressInput['type'] = 'PRIVATE') => check({ customerAddress, amazonAddress, type });

describe('automatic addresses', () => {
  it('accepts both empty on private and transit VIFs', () => {
    expect(check({})).toEqual({ findings: [] });
    expect(check({ customerAddress: ' ', amazonAddress: '' , type: 'TRANSIT' })).toEqual({ findings: [] });
  });
  it('requires both on a public VIF', () => {
    expect(errors({ type: 'PUBLIC' })).toEqual([
      ['customerAddress', 'Enter the customer address: a public IPv4 address that you own, with /30 or /31. AWS assigns addresses only for private and transit virtual interfaces.'],
      ['amazonAddress', "Enter the Amazon address: the other address of the same public /30 or /31 subnet (AWS's end of the link)."],
    ]);
  });
});

describe('valid pairs', () => {
  it.each([
    ['169.254.10.2/30', '169.254.10.1/30'],
    ['169.254.10.1/30', '169.254.10.2/30'],
    ['10.0.0.0/31', '10.0.0.1/31'],
    ['10.0.0.1/31', '10.0.0.0/31'],
    ['192.168.1.6/30', '192.168.1.5/30'],
    ['100.64.0.2/30', '100.64.0.1/30'],
    ['8.8.4.2/30', '8.8.4.1/30'],
  ])('accepts %s with %s and returns them canonical', (customerAddress, amazonAddress) => {
    expect(pair(customerAddress, amazonAddress)).toEqual({ findings: [], customerAddress, amazonAddress });
  });
  it('accepts public addresses on a public VIF', () => {
    expect(pair('8.8.4.2/30', '8.8.4.1/30', 'PUBLIC')).toEqual({ findings: [], customerAddress: '8.8.4.2/30', amazonAddress: '8.8.4.1/30' });
    expect(pair(' 1.1.1.0/31 ', '1.1.1.1/31', 'PUBLIC').findings).toEqual([]);
  });
});

describe('prefix lengths', () => {
  it.each([29, 32, 24, 28, 0])('refuses /%d', (len) => {
    expect(errors({ customerAddress: `169.254.10.2/${len}`, amazonAddress: '169.254.10.1/30' })).toEqual([
      ['customerAddress', `Customer address 169.254.10.2/${len}: the BGP link takes a /30 or a /31 (RFC 3021); /${len} is not accepted.`],
    ]);
  });
  it('needs the same prefix length on both', () => {
    expect(errors({ customerAddress: '10.0.0.1/30', amazonAddress: '10.0.0.2/31' })).toEqual([
      ['amazonAddress', 'Both addresses need the same prefix length: the customer address is /30, the Amazon address /31.'],
    ]);
  });
  it('asks for a missing prefix length', () => {
    expect(errors({ customerAddress: '169.254.10.2', amazonAddress: '169.254.10.1/30' })).toEqual([
      ['customerAddress', 'Give the customer address with its prefix length, e.g. 169.254.10.2/30 (/30 or /31).'],
    ]);
  });
});

describe('network and broadcast addresses on a /30', () => {
  it('refuses the network address', () => {
    expect(errors({ customerAddress: '169.254.10.0/30', amazonAddress: '169.254.10.1/30' })).toEqual([
      ['customerAddress', 'Customer address 169.254.10.0/30 is the network address of 169.254.10.0/30; on a /30 only 169.254.10.1 and 169.254.10.2 can be used.'],
    ]);
  });
  it('refuses the broadcast address', () => {
    expect(errors({ customerAddress: '169.254.10.2/30', amazonAddress: '169.254.10.3/30' })).toEqual([
      ['amazonAddress', 'Amazon address 169.254.10.3/30 is the broadcast address of 169.254.10.0/30; on a /30 only 169.254.10.1 and 169.254.10.2 can be used.'],
    ]);
  });
  it('has neither on a /31', () => {
    expect(errors({ customerAddress: '169.254.10.2/31', amazonAddress: '169.254.10.3/31' })).toEqual([]);
  });
});

describe('subnet and identity', () => {
  it('refuses addresses in different subnets', () => {
    expect(errors({ customerAddress: '169.254.10.2/30', amazonAddress: '169.254.10.5/30' })).toEqual([
      ['amazonAddress', 'The Amazon address and the customer address must be in the same subnet: 169.254.10.2/30 is in 169.254.10.0/30, 169.254.10.5/30 is in 169.254.10.4/30.'],
    ]);
  });
  it('refuses the same address twice', () => {
    expect(errors({ customerAddress: '169.254.10.1/30', amazonAddress: '169.254.10.1/30' })).toEqual([
      ['amazonAddress', 'The Amazon address and the customer address must be different; in 169.254.10.0/30 use 169.254.10.1 for one and 169.254.10.2 for the other.'],
    ]);
    expect(errors({ customerAddress: '10.0.0.0/31', amazonAddress: '10.0.0.0/31' })[0]?.[1]).toMatch(/use 10\.0\.0\.0 for one and 10\.0\.0\.1 for the other/);
  });
});

describe('one address missing', () => {
  it('names the missing one on a private VIF', () => {
    expect(errors({ customerAddress: '169.254.10.2/30' })).toEqual([
      ['amazonAddress', 'Enter the Amazon address too, in the same subnet as the customer address, or leave both empty to let AWS assign a pair.'],
    ]);
    expect(errors({ amazonAddress: '169.254.10.1/30' })).toEqual([
      ['customerAddress', 'Enter the customer address too, in the same subnet as the Amazon address, or leave both empty to let AWS assign a pair.'],
    ]);
  });
  it('names the missing one on a public VIF and still checks the other', () => {
    expect(errors({ type: 'PUBLIC', customerAddress: '10.0.0.2/30' })).toEqual([
      ['customerAddress', 'Customer address 10.0.0.2/30 is a private address (RFC 1918); a public virtual interface needs public IPv4 addresses that you own.'],
      ['amazonAddress', 'Enter the Amazon address too: a public virtual interface needs both addresses, in the same subnet as the customer address.'],
    ]);
  });
});

describe('public VIFs need public addresses', () => {
  it.each([
    ['10.1.1.2/30', 'a private address (RFC 1918)'],
    ['172.16.0.2/30', 'a private address (RFC 1918)'],
    ['192.168.0.2/30', 'a private address (RFC 1918)'],
    ['169.254.10.2/30', 'a link-local address (169.254.0.0/16)'],
    ['100.64.0.2/30', 'in the carrier-grade NAT range 100.64.0.0/10 (RFC 6598)'],
    ['192.0.2.2/30', 'reserved for documentation (RFC 5737)'],
    ['198.51.100.2/30', 'reserved for documentation (RFC 5737)'],
    ['203.0.113.2/30', 'reserved for documentation (RFC 5737)'],
    ['198.18.0.2/30', 'reserved for benchmarking (198.18.0.0/15, RFC 2544)'],
  ])('refuses %s (%s)', (customerAddress, why) => {
    expect(errors({ type: 'PUBLIC', customerAddress, amazonAddress: '8.8.4.1/30' })).toContainEqual([
      'customerAddress',
      `Customer address ${customerAddress} is ${why}; a public virtual interface needs public IPv4 addresses that you own.`,
    ]);
  });
});

describe('never-unicast space, for every VIF type', () => {
  it.each([
    ['127.0.0.2/30', 'a loopback address (127.0.0.0/8)'],
    ['224.0.0.2/30', 'a multicast address (224.0.0.0/4)'],
    ['0.0.0.2/30', 'in 0.0.0.0/8 ("this network")'],
    ['240.0.0.2/30', 'in reserved IETF space'],
  ])('refuses %s', (customerAddress, why) => {
    expect(errors({ customerAddress, amazonAddress: '169.254.10.1/30' })).toContainEqual([
      'customerAddress',
      `Customer address ${customerAddress} is ${why}, which cannot be a BGP peer address.`,
    ]);
  });
});

describe('warnings on private and transit VIFs', () => {
  it('warns about documentation and benchmarking ranges but accepts them', () => {
    const result = pair('192.0.2.2/30', '192.0.2.1/30', 'TRANSIT');
    expect(result.customerAddress).toBe('192.0.2.2/30');
    expect(result.findings.map((f) => [f.field, f.severity])).toEqual([
      ['customerAddress', 'warning'],
      ['amazonAddress', 'warning'],
    ]);
    expect(result.findings[0]?.message).toMatch(/reserved for documentation \(RFC 5737\)\. Fine in a lab/);
  });
  it('does not warn about link-local, RFC 1918, CGNAT or public space', () => {
    for (const [c, a] of [['169.254.1.2/30', '169.254.1.1/30'], ['10.0.0.2/30', '10.0.0.1/30'], ['100.64.1.2/30', '100.64.1.1/30'], ['8.8.4.2/30', '8.8.4.1/30']] as const) {
      expect(pair(c, a).findings).toEqual([]);
    }
  });
});

describe('malformed input', () => {
  it('explains text that is not an address', () => {
    expect(errors({ customerAddress: 'router-1', amazonAddress: '169.254.10.1/30' })[0]?.[1]).toMatch(
      /^Customer address "router-1" is not an IPv4 address with a prefix length such as 169\.254\.10\.2\/30: "router-1" has no prefix length/,
    );
    expect(errors({ customerAddress: '169.254.10.256/30', amazonAddress: '169.254.10.1/30' })[0]?.[1]).toMatch(/is not a valid IPv4 or IPv6 address/);
  });
  it('refuses IPv6 on an IPv4 session', () => {
    expect(errors({ customerAddress: '2001:db8::2/126', amazonAddress: '2001:db8::1/126' })).toEqual([
      ['customerAddress', 'Customer address 2001:db8::2/126 is IPv6, but the address family is IPv4. For IPv6, switch the address family and leave both addresses empty: AWS assigns them.'],
      ['amazonAddress', 'Amazon address 2001:db8::1/126 is IPv6, but the address family is IPv4. For IPv6, switch the address family and leave both addresses empty: AWS assigns them.'],
    ]);
  });
});

describe('IPv6 sessions', () => {
  it('refuses any address entered: AWS assigns them', () => {
    expect(errors({ addressFamily: 'ipv6', customerAddress: '2001:db8::2/125' })).toEqual([
      ['customerAddress', 'AWS assigns IPv6 peer addresses itself; leave both empty.'],
    ]);
    expect(errors({ addressFamily: 'ipv6', customerAddress: 'x', amazonAddress: 'y' })).toHaveLength(2);
    expect(check({ addressFamily: 'ipv6', type: 'PUBLIC' })).toEqual({ findings: [] });
  });
});

describe('checkAddressesUnused', () => {
  it('refuses addresses already used on the connection', () => {
    expect(checkAddressesUnused({ customerAddress: '169.254.10.2/30', amazonAddress: '169.254.10.1/30', usedAddresses: ['169.254.10.1/30', '10.0.0.1'] })).toEqual([
      { field: 'amazonAddress', severity: 'error', message: '169.254.10.1 is already used by another virtual interface on this connection; choose another subnet.' },
    ]);
    expect(checkAddressesUnused({ customerAddress: '169.254.10.6/30', amazonAddress: '169.254.10.5/30', usedAddresses: ['169.254.10.1/30', 'junk'] })).toEqual([]);
  });
});
