import { describe, expect, it } from 'vitest';
import { compareIp, formatIp, ipEquals, low32AsIpv4, offsetIp, parseIp, parseIpv4, parseIpv6 } from './ip';

const v4 = (text: string) => {
  const a = parseIpv4(text);
  if (!a) throw new Error(text);
  return a;
};
const v6 = (text: string) => {
  const a = parseIpv6(text);
  if (!a) throw new Error(text);
  return a;
};

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['255.255.255.255', 0xffffffffn],
    ['169.254.10.2', 0xa9fe0a02n],
    ['10.0.0.1', 0x0a000001n],
  ])('parses %s', (text, value) => {
    expect(parseIpv4(text)).toEqual({ version: 4, value });
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1.2.3.-1',
    '01.2.3.4',
    '1.2.3.04',
    '1.2.3.4 ',
    ' 1.2.3.4',
    '1..3.4',
    '1.2.3.4/32',
    '0x1.2.3.4',
    '1.2.3.1000',
    '١.2.3.4',
  ])('refuses %j', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe('parseIpv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['2001:db8::2', 0x20010db8000000000000000000000002n],
    ['2001:DB8:0:0:0:0:0:2', 0x20010db8000000000000000000000002n],
    ['2001:0db8:0000:0000:0000:0000:0000:0002', 0x20010db8000000000000000000000002n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
    ['::ffff:192.0.2.1', 0xffffc0000201n],
    ['::192.0.2.1', 0xc0000201n],
    ['64:ff9b::192.0.2.1', 0x0064ff9b0000000000000000c0000201n],
    ['1:2:3:4:5:6:192.0.2.1', 0x000100020003000400050006c0000201n],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n],
  ])('parses %s', (text, value) => {
    expect(parseIpv6(text)).toEqual({ version: 6, value });
  });

  it.each([
    '',
    ':',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::1',
    'fe80::1%eth0',
    '::ffff:192.0.2',
    '::ffff:192.0.2.256',
    '1:2:3:4:5:6:7::1.2.3.4',
    '1.2.3.4',
    '1.2.3.4::',
    '2001:db8::/64',
  ])('refuses %j', (text) => {
    expect(parseIpv6(text)).toBeNull();
  });
});

describe('parseIp', () => {
  it('picks the family from the text', () => {
    expect(parseIp('192.0.2.1')?.version).toBe(4);
    expect(parseIp('2001:db8::1')?.version).toBe(6);
    expect(parseIp('hello')).toBeNull();
  });
});

describe('formatIp', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['192.0.2.255', '192.0.2.255'],
  ])('formats IPv4 %s', (text, out) => {
    expect(formatIp(v4(text))).toBe(out);
  });

  it.each([
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['2001:DB8:0:0:0:0:0:2', '2001:db8::2'],
    // RFC 5952 §4.2.2: a single zero group is not compressed.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.3: the longest run wins; on a tie the first one.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // §4.1: leading zeros dropped, lower case.
    ['2001:0DB8:00A0:0000:0000:0000:0000:000F', '2001:db8:a0::f'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('formats IPv6 %s as %s', (text, out) => {
    expect(formatIp(v6(text))).toBe(out);
  });

  it('round-trips its own output', () => {
    for (const text of ['::', '::1', '2001:db8::1:0:0:1', 'fe80::1', '2001:db8:a0::f']) {
      expect(formatIp(v6(formatIp(v6(text))))).toBe(formatIp(v6(text)));
    }
  });
});

describe('helpers', () => {
  it('compares and tests equality across families', () => {
    expect(ipEquals(v4('10.0.0.1'), v4('10.0.0.1'))).toBe(true);
    expect(ipEquals(v4('0.0.0.1'), v6('::1'))).toBe(false);
    expect(compareIp(v4('10.0.0.1'), v4('10.0.0.2'))).toBeLessThan(0);
    expect(compareIp(v4('10.0.0.2'), v4('10.0.0.1'))).toBeGreaterThan(0);
    expect(compareIp(v4('10.0.0.2'), v4('10.0.0.2'))).toBe(0);
    expect(compareIp(v4('255.255.255.255'), v6('::'))).toBeLessThan(0);
  });

  it('offsets within the address space only', () => {
    expect(offsetIp(v4('10.0.0.255'), 1n)).toEqual(v4('10.0.1.0'));
    expect(offsetIp(v4('255.255.255.255'), 1n)).toBeNull();
    expect(offsetIp(v4('0.0.0.0'), -1n)).toBeNull();
    expect(offsetIp(v6('::'), -1n)).toBeNull();
    expect(offsetIp(v6('2001:db8::1'), 1n)).toEqual(v6('2001:db8::2'));
  });

  it('takes the low 32 bits', () => {
    expect(formatIp(low32AsIpv4(v6('2001:db8::c000:201')))).toBe('192.0.2.1');
    expect(formatIp(low32AsIpv4(v4('192.0.2.1')))).toBe('192.0.2.1');
  });
});
