import { describe, expect, it } from 'vitest';
import { checkAllowedPrefixes, defaultAllowedPrefixes, parseAllowedPrefixes, splitList } from './prefixes';

describe('splitList', () => {
  it('splits on newlines, commas, semicolons and spaces', () => {
    expect(splitList('10.0.0.0/16\n10.1.0.0/16, 10.2.0.0/16;10.3.0.0/16  \r\n')).toEqual(['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16']);
    expect(splitList(['a b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList('')).toEqual([]);
  });
});

describe('parseAllowedPrefixes', () => {
  it('returns canonical, de-duplicated IPv4 networks', () => {
    expect(parseAllowedPrefixes('10.0.0.0/16\n10.0.0.0/16\n10.1.0.0/16')).toEqual({ prefixes: ['10.0.0.0/16', '10.1.0.0/16'], errors: [] });
    expect(parseAllowedPrefixes('')).toEqual({ prefixes: [], errors: [] });
  });
  it('explains bad entries', () => {
    expect(parseAllowedPrefixes('10.0.0.1/16').errors).toEqual(['10.0.0.1/16 has host bits set; did you mean 10.0.0.0/16?']);
    expect(parseAllowedPrefixes('10.0.0.0').errors[0]).toMatch(/has no prefix length/);
    expect(parseAllowedPrefixes('2001:db8::/32').errors[0]).toMatch(/only IPv4 prefixes/);
    expect(parseAllowedPrefixes('10.0.0.0/33').errors[0]).toMatch(/prefix length "33" must be a whole number from 0 to 32/);
  });
  it('refuses a prefix nested in another of the list', () => {
    expect(parseAllowedPrefixes('10.0.0.0/15 10.1.0.0/16').errors).toEqual(['10.1.0.0/16 lies inside 10.0.0.0/15, which is also in the list; keep only 10.0.0.0/15.']);
  });
});

describe('defaultAllowedPrefixes', () => {
  it('uses the VPC IPv4 CIDR blocks', () => {
    expect(defaultAllowedPrefixes(['10.0.0.0/16', '10.0.0.0/16', '100.64.0.0/24', '2600:1f18::/56', 'junk'])).toEqual(['10.0.0.0/16', '100.64.0.0/24']);
  });
});

describe('checkAllowedPrefixes', () => {
  const vpcCidrs = ['10.0.0.0/16'];
  it('accepts the VPC CIDR or a wider prefix', () => {
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/16'], vpcCidrs, otherAssociations: [] }).ok).toBe(true);
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/15'], vpcCidrs, otherAssociations: [] }).ok).toBe(true);
  });
  it('refuses narrower or unrelated prefixes, as AWS would advertise nothing', () => {
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/24'], vpcCidrs, otherAssociations: [] })).toEqual({
      ok: false,
      message:
        "10.0.0.0/24 is narrower than the VPC's CIDR 10.0.0.0/16. AWS advertises whole VPC CIDR blocks, so this prefix would let nothing through; use 10.0.0.0/16 or a wider prefix.",
    });
    expect(checkAllowedPrefixes({ prefixes: ['22.0.0.0/24'], vpcCidrs, otherAssociations: [] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not cover any of the VPC's CIDR blocks \(10\.0\.0\.0\/16\)/),
    });
  });
  it('refuses overlaps with the gateway\'s other associations', () => {
    const otherAssociations = [{ vpnGatewayId: 'vgw-2', label: '"staging" (vgw-2)', allowedPrefixes: ['10.1.0.0/16'] }];
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/16'], vpcCidrs, otherAssociations }).ok).toBe(true);
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/15'], vpcCidrs, otherAssociations })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^10\.0\.0\.0\/15 overlaps 10\.1\.0\.0\/16, already allowed for "staging" \(vgw-2\) on this Direct Connect gateway/),
    });
    expect(checkAllowedPrefixes({ prefixes: ['10.0.0.0/16'], vpcCidrs, otherAssociations: [{ vpnGatewayId: 'vgw-3', allowedPrefixes: ['10.0.0.0/16'] }] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already allowed for vgw-3/),
    });
  });
  it('skips the coverage rule when the VPC CIDRs are unknown', () => {
    expect(checkAllowedPrefixes({ prefixes: ['10.9.0.0/24'], vpcCidrs: [], otherAssociations: [] }).ok).toBe(true);
    expect(checkAllowedPrefixes({ prefixes: ['nonsense'], vpcCidrs: [], otherAssociations: [] }).ok).toBe(false);
  });
});
