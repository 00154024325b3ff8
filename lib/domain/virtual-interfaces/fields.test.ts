import { describe, expect, it } from 'vitest';
import { checkAuthKey, generateAuthKey, maskAuthKey } from './auth-key';
import { checkJumbo, mtuOptions, mtuWarning, readMtu } from './mtu';
import { checkVifName, defaultVifName, suggestVifName } from './name';

describe('checkAuthKey', () => {
  it.each([
    ['abcdef', 6],
    ['x'.repeat(80), 80],
    ['0xC_ukbCerl6EYA0example', 23],
    ['Pa$$w0rd-with.sym%&*()[]{}<>=+~^|,;:@/', 38],
  ])('accepts a %d-character key', (key) => {
    expect(checkAuthKey(key)).toBeNull();
  });
  it('enforces 6–80 characters', () => {
    expect(checkAuthKey('abcde')).toBe('The BGP key must be 6 to 80 characters long; this one has 5.');
    expect(checkAuthKey('x'.repeat(81))).toBe('The BGP key must be 6 to 80 characters long; this one has 81.');
    expect(checkAuthKey('')).toMatch(/this one has 0/);
  });
  it.each(['abc def', 'abcdef\t', 'abc\ndef', 'abc\u00a0def'])('refuses whitespace in %j', (key) => {
    expect(checkAuthKey(key)).toBe('The BGP key cannot contain spaces, tabs or line breaks: router configurations would cut it at the first one.');
  });
  it('refuses non-ASCII and control characters without echoing the key', () => {
    expect(checkAuthKey('pässwort')).toBe('The BGP key must use printable ASCII characters only; it contains U+00E4.');
    expect(checkAuthKey('abc\u0000def')).toMatch(/U\+0000/);
    expect(checkAuthKey('secret🔑x')).toMatch(/U\+1F511/);
  });
  it.each(['"', "'", '`', '\\', '?', '!', '#'])('refuses %s', (ch) => {
    const message = checkAuthKey(`abc${ch}def`);
    expect(message).toMatch(/^The BGP key cannot contain “.”: quotes, backslash, "\?", "!" and "#" change meaning in router configurations\./);
    expect(message).toContain(`“${ch}”`);
    expect(message).not.toContain('abc');
  });
});

describe('generateAuthKey', () => {
  const fixed = (value: number) => (n: number) => new Uint8Array(n).fill(value);
  it('builds an AWS-style key from the injected random source', () => {
    expect(generateAuthKey(fixed(0))).toBe(`0x${'A'.repeat(22)}`);
    expect(generateAuthKey(fixed(63))).toBe(`0x${'.'.repeat(22)}`);
    expect(generateAuthKey(fixed(64 + 27))).toBe(`0x${'b'.repeat(22)}`);
    const bytes = Uint8Array.from({ length: 22 }, (_, i) => i * 3);
    expect(generateAuthKey(() => bytes)).toBe('0xADGJMPSVYbehknqtwz258.');
  });
  it('always produces a key the rules accept', () => {
    for (let seed = 0; seed < 256; seed++) {
      const key = generateAuthKey((n) => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 17) & 255));
      expect(key).toHaveLength(24);
      expect(checkAuthKey(key)).toBeNull();
    }
  });
  it('refuses a short random source', () => {
    expect(() => generateAuthKey(() => new Uint8Array(4))).toThrow(/returned 4 of 22 bytes/);
  });
  it('masks keys', () => {
    expect(maskAuthKey('secret-key')).toBe('••••••••');
    expect(maskAuthKey(null)).toBe('not set');
  });
});

describe('MTU', () => {
  it('offers the values of each type', () => {
    expect(mtuOptions('PRIVATE')).toEqual([1500, 9001]);
    expect(mtuOptions('TRANSIT')).toEqual([1500, 8500]);
    expect(mtuOptions('PUBLIC')).toEqual([]);
  });
  it.each([
    ['PRIVATE', '1500', 1500],
    ['PRIVATE', 9001, 9001],
    ['PRIVATE', '', 1500],
    ['PRIVATE', undefined, 1500],
    ['TRANSIT', '8500', 8500],
    ['TRANSIT', 1500, 1500],
    ['PUBLIC', '', undefined],
    ['PUBLIC', undefined, undefined],
  ] as const)('%s takes %j', (type, input, mtu) => {
    expect(readMtu(input, type)).toEqual({ ok: true, mtu });
  });
  it.each([
    ['PRIVATE', '8500', 'A private virtual interface takes MTU 1500 or 9001 (jumbo frames); 8500 is not one of them (8500 is the transit value).'],
    ['TRANSIT', 9001, 'A transit virtual interface takes MTU 1500 or 8500 (jumbo frames); 9001 is not one of them (9001 is the private value).'],
    ['PRIVATE', '9000', 'A private virtual interface takes MTU 1500 or 9001 (jumbo frames); 9000 is not one of them.'],
    ['TRANSIT', 'jumbo', 'A transit virtual interface takes MTU 1500 or 8500 (jumbo frames); jumbo is not one of them.'],
    ['PUBLIC', '1500', 'Public virtual interfaces have no MTU setting (AWS always uses 1500); leave the MTU empty.'],
    ['PUBLIC', 9001, 'Public virtual interfaces have no MTU setting (AWS always uses 1500); leave the MTU empty.'],
  ] as const)('%s refuses %j', (type, input, message) => {
    expect(readMtu(input, type)).toEqual({ ok: false, message });
  });
  it('allows jumbo frames only on a jumbo-capable connection', () => {
    expect(checkJumbo(9001, true)).toBeNull();
    expect(checkJumbo(8500, true)).toBeNull();
    expect(checkJumbo(1500, false)).toBeNull();
    expect(checkJumbo(undefined, false)).toBeNull();
    expect(checkJumbo(9001, false)).toBe('This connection does not support jumbo frames (AWS reports it as not jumbo-capable), so the MTU must be 1500.');
    expect(checkJumbo(8500, null)).toMatch(/AWS has not reported yet whether this connection supports jumbo frames; use MTU 1500 for now/);
  });
  it('reminds to set the router MTU for jumbo frames', () => {
    expect(mtuWarning(9001)).toMatch(/Set MTU 9001 on your router's interface/);
    expect(mtuWarning(1500)).toBeNull();
    expect(mtuWarning(undefined)).toBeNull();
  });
});

describe('VIF names', () => {
  it('accepts the documented character set up to 100 characters', () => {
    expect(checkVifName('prod-vpc-1')).toBeNull();
    expect(checkVifName(' prod ')).toBeNull();
    expect(checkVifName('a'.repeat(100))).toBeNull();
  });
  it('explains and suggests', () => {
    expect(checkVifName('')).toBe('Give the virtual interface a name, e.g. "prod-vpc-ashburn".');
    expect(checkVifName('a'.repeat(101))).toBe('Keep the name to 100 characters or fewer (AWS limit); this one has 101.');
    expect(checkVifName('Prod VPC (Ashburn) #1')).toBe('AWS allows lower-case letters, digits and hyphens in virtual interface names; try "prod-vpc-ashburn-1".');
    expect(checkVifName('***')).toBe('AWS allows lower-case letters, digits and hyphens in virtual interface names.');
  });
  it('suggests names', () => {
    expect(suggestVifName('Zürich  Prod__VIF')).toBe('zurich-prod-vif');
    expect(suggestVifName('---')).toBe('');
    expect(suggestVifName(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
    expect(defaultVifName({ type: 'PRIVATE', vlan: 101 })).toBe('private-vlan-101');
    expect(defaultVifName({ type: 'TRANSIT', vlan: null, connectionName: 'Ashburn 10G' })).toBe('ashburn-10g-transit');
  });
});
