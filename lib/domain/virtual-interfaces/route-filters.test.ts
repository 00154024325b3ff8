import { describe, expect, it } from 'vitest';
import { parseRouteFilterPrefixes, routeFilterWarning } from './route-filters';

describe('parseRouteFilterPrefixes', () => {
  it('reads a textarea, canonical and de-duplicated', () => {
    expect(parseRouteFilterPrefixes('8.8.4.0/24\n8.8.4.0/24, 2600:1F18::/32\n\n 1.1.1.1/32 ')).toEqual({
      prefixes: ['8.8.4.0/24', '2600:1f18::/32', '1.1.1.1/32'],
      errors: [],
    });
    expect(parseRouteFilterPrefixes(['8.8.4.0/24', '2600:1f18::/32', '2600:1F18::/32']).prefixes).toEqual(['8.8.4.0/24', '2600:1f18::/32']);
  });
  it('needs at least one prefix', () => {
    for (const empty of ['', '  \n ', undefined, null, []]) {
      expect(parseRouteFilterPrefixes(empty)).toEqual({
        prefixes: [],
        errors: ['A public virtual interface needs at least one prefix to advertise: the public address space you own, one per line (e.g. your /24).'],
      });
    }
  });
  it('accepts 1,000 prefixes and refuses 1,001', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `${11 + Math.floor(i / 256)}.${i % 256}.0.0/16`);
    expect(parseRouteFilterPrefixes(list(1000)).errors).toEqual([]);
    expect(parseRouteFilterPrefixes(list(1001)).errors).toEqual(['A public virtual interface advertises at most 1,000 prefixes; this list has 1,001.']);
    expect(parseRouteFilterPrefixes([...list(1000), ...list(1000)]).errors).toEqual([]);
  });
  it.each([
    ['8.8.4.1/24', '8.8.4.1/24 has host bits set; did you mean 8.8.4.0/24?'],
    ['2600:1f18::1/64', '2600:1f18::1/64 has host bits set; did you mean 2600:1f18::/64?'],
    ['10.0.0.0/8', '10.0.0.0/8 is private space (RFC 1918), not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['192.168.10.0/24', '192.168.10.0/24 is private space (RFC 1918), not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['100.64.0.0/16', '100.64.0.0/16 is carrier-grade NAT space (100.64.0.0/10), not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['169.254.0.0/16', '169.254.0.0/16 is link-local space, not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['203.0.113.0/24', '203.0.113.0/24 is documentation space, not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['2001:db8::/32', '2001:db8::/32 is documentation space, not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['fd00::/8', 'fd00::/8 is unique local space (fc00::/7), not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['224.0.0.0/4', '224.0.0.0/4 is multicast space, not public address space; a public virtual interface advertises only public prefixes you own.'],
    ['96.0.0.0/3', '96.0.0.0/3 includes special-purpose space (private, shared, documentation or reserved ranges); advertise only public space you own.'],
    ['0.0.0.0/0', '0.0.0.0/0 is a default route; advertise the networks you own instead.'],
    ['2600:1f18::/96', '2600:1f18::/96 is too specific: AWS takes IPv6 prefixes of /64 or shorter.'],
    ['4000::/16', '4000::/16 is outside IPv6 global unicast space (2000::/3); advertise only public prefixes you own.'],
    ['8.8.4.0', '8.8.4.0: "8.8.4.0" has no prefix length (expected address/length).'],
    ['example.com', 'example.com: "example.com" has no prefix length (expected address/length).'],
  ])('refuses %s', (entry, message) => {
    expect(parseRouteFilterPrefixes(`8.8.8.0/24\n${entry}`)).toEqual({ prefixes: ['8.8.8.0/24'], errors: [message] });
  });
  it('accepts IPv6 /64 and any IPv4 length', () => {
    expect(parseRouteFilterPrefixes('2600:1f18:0:1::/64\n8.8.8.8/32').errors).toEqual([]);
  });
  it('does not add the "at least one" error when every entry was bad', () => {
    expect(parseRouteFilterPrefixes('10.0.0.0/8').errors).toHaveLength(1);
  });
});

describe('routeFilterWarning', () => {
  it('warns when no prefix matches the session family', () => {
    expect(routeFilterWarning(['2600:1f18::/32'], 'ipv4')).toBe(
      'None of these prefixes is IPv4, so this IPv4 session has nothing to advertise until you add a BGP peer of the other family.',
    );
    expect(routeFilterWarning(['8.8.8.0/24'], 'ipv6')).toMatch(/is IPv6, so this IPv6 session/);
    expect(routeFilterWarning(['8.8.8.0/24', '2600:1f18::/32'], 'ipv6')).toBeNull();
    expect(routeFilterWarning([], 'ipv4')).toBeNull();
  });
});
