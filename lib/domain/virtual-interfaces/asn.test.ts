import { describe, expect, it } from 'vitest';
import { asnLabel, asnWarning, checkAsnsDiffer, fromAwsAsnFields, readCustomerAsn, toAwsAsnFields } from './asn';

describe('readCustomerAsn', () => {
  it.each([
    [1, 1],
    ['1', 1],
    ['64512', 64512],
    ['65534', 65534],
    ['AS65000', 65000],
    ['as 65001', 65001],
    ['2.10', 131082],
    ['131072', 131072],
    ['2147483646', 2147483646],
    ['2147483647', 2147483647],
    ['4199999999', 4199999999],
    ['4200000000', 4200000000],
    ['4,200,000,000', 4200000000],
    ['4294967294', 4294967294],
    [4294967294, 4294967294],
  ])('accepts %j', (input, asn) => {
    expect(readCustomerAsn(input)).toEqual({ ok: true, asn });
  });

  it.each([
    ['0', /AS 0 is reserved \(RFC 7607\)/],
    [0, /AS 0 is reserved/],
    ['23456', /AS_TRANS/],
    ['64496', /reserved for documentation \(RFC 5398\)/],
    ['64511', /reserved for documentation \(RFC 5398\)/],
    ['65535', /AS 65535 is reserved \(RFC 7300\)/],
    ['65536', /65536–65551 are reserved for documentation/],
    ['65551', /documentation/],
    ['65552', /reserved by IANA/],
    ['4294967295', /AS 4294967295 is reserved \(RFC 7300\)/],
    ['4294967296', /outside the AS number range/],
    ['7224', /belongs to Amazon/],
    ['16509', /belongs to Amazon/],
    ['', /Enter your BGP ASN/],
    [undefined, /Enter your BGP ASN/],
    [null, /Enter your BGP ASN/],
    [true, /as a number/],
    ['65000.5.1', /not an AS number/],
    ['1.70000', /asdot/],
    [65000.5, /not a whole number/],
  ])('refuses %j', (input, message) => {
    const result = readCustomerAsn(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('tells what to use instead of a reserved ASN', () => {
    expect(readCustomerAsn('23456')).toEqual({
      ok: false,
      message: 'AS 23456 is AS_TRANS (RFC 6793), a stand-in for 4-byte ASNs, never a real network; use a private ASN such as 65000, or the public ASN registered to you.',
    });
  });
});

describe('checkAsnsDiffer', () => {
  it('refuses equal customer and Amazon ASNs (that would be iBGP)', () => {
    expect(checkAsnsDiffer(64512, 64512)).toBe(
      'Your ASN and the Amazon-side ASN of the chosen gateway are both 64512. The BGP session is eBGP, so they must differ: use another ASN for your router (e.g. 65000), or choose a gateway with a different Amazon-side ASN.',
    );
    expect(checkAsnsDiffer(65000, 65000)).toMatch(/e\.g\. 65001/);
    expect(checkAsnsDiffer(65000, 64512)).toBeNull();
    expect(checkAsnsDiffer(65000, null)).toBeNull();
  });
});

describe('asnWarning', () => {
  it('warns about verification for a public ASN on a public VIF only', () => {
    expect(asnWarning(12345, 'PUBLIC')).toMatch(/AS 12345 is a public ASN: AWS checks that it is registered to you/);
    expect(asnWarning(64512, 'PUBLIC')).toBeNull();
    expect(asnWarning(4200000000, 'PUBLIC')).toBeNull();
    expect(asnWarning(12345, 'PRIVATE')).toBeNull();
    expect(asnWarning(12345, 'TRANSIT')).toBeNull();
  });
});

describe('toAwsAsnFields / fromAwsAsnFields', () => {
  it.each([
    [1, { asn: 1 }],
    [65000, { asn: 65000 }],
    [2147483646, { asn: 2147483646 }],
    [2147483647, { asnLong: 2147483647, asn: undefined }],
    [4200000000, { asnLong: 4200000000, asn: undefined }],
    [4294967294, { asnLong: 4294967294, asn: undefined }],
  ])('sends %d as %j', (asn, fields) => {
    expect(toAwsAsnFields(asn)).toEqual(fields);
    expect(fromAwsAsnFields(toAwsAsnFields(asn))).toBe(asn);
  });
  it('reads AWS responses, where 4-byte ASNs come with asn 0', () => {
    expect(fromAwsAsnFields({ asn: 0, asnLong: 4200000001 })).toBe(4200000001);
    expect(fromAwsAsnFields({ asn: 65000, asnLong: 65000 })).toBe(65000);
    expect(fromAwsAsnFields({ asn: 65000 })).toBe(65000);
    expect(fromAwsAsnFields({ asn: 65000, asnLong: null })).toBe(65000);
    expect(fromAwsAsnFields({ asn: 0 })).toBeNull();
    expect(fromAwsAsnFields({})).toBeNull();
  });
});

describe('asnLabel', () => {
  it('describes size, scope and asdot', () => {
    expect(asnLabel(65000)).toBe('AS65000 (2-byte, private)');
    expect(asnLabel(4200000001)).toBe('AS4200000001 (4-byte, private, asdot 64086.59905)');
    expect(asnLabel(3356)).toBe('AS3356 (2-byte, public)');
  });
});
