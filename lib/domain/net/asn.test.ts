import { describe, expect, it } from 'vitest';
import { asnSize, describeAsn, formatAsn, isPrivateAsn, parseAsn, reservedAsnReason } from './asn';

const parsed = (input: string | number) => {
  const result = parseAsn(input);
  if (!result.ok) throw new Error(result.reason);
  return result.asn;
};

describe('parseAsn', () => {
  it.each([
    ['65000', 65000],
    ['AS65000', 65000],
    ['as65000', 65000],
    ['AS 65000', 65000],
    ['  65000 ', 65000],
    ['0', 0],
    ['4294967295', 4294967295],
    ['4,200,000,000', 4200000000],
    ['64,512', 64512],
    ['1.10', 65546],
    ['0.100', 100],
    ['65535.65535', 4294967295],
    ['AS1.0', 65536],
    [7224, 7224],
    [4294967294, 4294967294],
  ])('reads %j as %d', (input, asn) => {
    expect(parsed(input)).toBe(asn);
  });

  it('reports the notation', () => {
    expect(parseAsn('1.10')).toEqual({ ok: true, asn: 65546, notation: 'asdot' });
    expect(parseAsn('65546')).toEqual({ ok: true, asn: 65546, notation: 'asplain' });
  });

  it.each([
    ['', /Enter an AS number/],
    ['AS', /Enter an AS number/],
    ['4294967296', /outside the AS number range 0 to 4294967295/],
    ['99999999999999', /outside/],
    ['1.65536', /both parts must be from 0 to 65535/],
    ['65536.0', /both parts/],
    ['65,00', /not an AS number/],
    ['-1', /not an AS number/],
    ['1.2.3', /not an AS number/],
    ['AS-FOO', /not an AS number/],
    ['6500O', /not an AS number/],
    ['0x10', /not an AS number/],
    [65000.5, /not a whole number/],
    [-1, /outside/],
    [Number.NaN, /not a whole number/],
  ])('refuses %j', (input, reason) => {
    const result = parseAsn(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('formatAsn', () => {
  it('writes asplain, asdot and asdot+', () => {
    expect(formatAsn(65546)).toBe('65546');
    expect(formatAsn(65546, 'asdot')).toBe('1.10');
    expect(formatAsn(65000, 'asdot')).toBe('65000');
    expect(formatAsn(65000, 'asdot+')).toBe('0.65000');
    expect(formatAsn(4294967294, 'asdot')).toBe('65535.65534');
  });

  it('round-trips through parseAsn', () => {
    for (const asn of [1, 65535, 65536, 4200000000, 4294967294]) {
      expect(parsed(formatAsn(asn, 'asdot+'))).toBe(asn);
      expect(parsed(formatAsn(asn, 'asdot'))).toBe(asn);
    }
  });
});

describe('classification', () => {
  it.each([
    [1, 2, 'public'],
    [7224, 2, 'public'],
    [64511, 2, 'documentation'],
    [64512, 2, 'private'],
    [65534, 2, 'private'],
    [65535, 2, 'reserved'],
    [65536, 4, 'documentation'],
    [131072, 4, 'public'],
    [2147483647, 4, 'public'],
    [4199999999, 4, 'public'],
    [4200000000, 4, 'private'],
    [4294967294, 4, 'private'],
    [4294967295, 4, 'reserved'],
    [0, 2, 'reserved'],
    [23456, 2, 'reserved'],
    [100000, 4, 'reserved'],
  ])('AS %d is %d-byte and %s', (asn, size, scope) => {
    expect(asnSize(asn)).toBe(size);
    expect(describeAsn(asn).scope).toBe(scope);
  });

  it('knows the private ranges exactly', () => {
    expect([64511, 64512, 65534, 65535, 4199999999, 4200000000, 4294967294, 4294967295].map(isPrivateAsn)).toEqual([
      false, true, true, false, false, true, true, false,
    ]);
  });

  it('explains reserved values', () => {
    expect(reservedAsnReason(23456)).toMatch(/AS_TRANS/);
    expect(reservedAsnReason(0)).toMatch(/RFC 7607/);
    expect(reservedAsnReason(4294967295)).toMatch(/RFC 7300/);
    expect(reservedAsnReason(65000)).toBeNull();
  });

  it('describes both notations', () => {
    expect(describeAsn(4200000001)).toEqual({ asn: 4200000001, size: 4, scope: 'private', asplain: '4200000001', asdot: '64086.59905' });
  });
});
