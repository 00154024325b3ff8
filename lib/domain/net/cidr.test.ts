import { describe, expect, it } from 'vitest';
import {
  addressCount,
  canonicalPrefix,
  containsAddress,
  containsPrefix,
  formatCidr,
  hasHostBits,
  isUsableHostAddress,
  lastAddress,
  networkAddress,
  parseCidr,
  prefixesOverlap,
  prefixMask,
  samePrefix,
  tryParseCidr,
  type Cidr,
} from './cidr';
import { formatIp, parseIp } from './ip';
import { addressScope, prefixScope } from './ranges';

const c = (text: string): Cidr => {
  const cidr = tryParseCidr(text);
  if (!cidr) throw new Error(text);
  return cidr;
};
const ip = (text: string) => {
  const a = parseIp(text);
  if (!a) throw new Error(text);
  return a;
};

describe('parseCidr', () => {
  it('parses both families', () => {
    expect(parseCidr('169.254.10.2/30')).toEqual({
      ok: true,
      cidr: { address: { version: 4, value: 0xa9fe0a02n }, prefixLength: 30 },
    });
    expect(formatCidr(c('2001:DB8::2/125'))).toBe('2001:db8::2/125');
    expect(c('0.0.0.0/0').prefixLength).toBe(0);
    expect(c('::/0').prefixLength).toBe(0);
    expect(c('10.0.0.1/32').prefixLength).toBe(32);
    expect(c('::1/128').prefixLength).toBe(128);
  });

  it.each([
    ['10.0.0.1', 'has no prefix length'],
    ['10.0.0.1/', 'prefix length "" must be a whole number from 0 to 32'],
    ['10.0.0.1/33', 'from 0 to 32'],
    ['10.0.0.1/030', 'from 0 to 32'],
    ['10.0.0.1/-1', 'from 0 to 32'],
    ['10.0.0.1/3a', 'from 0 to 32'],
    ['2001:db8::1/129', 'from 0 to 128'],
    ['10.0.0.256/24', '"10.0.0.256" is not a valid IPv4 or IPv6 address'],
    ['/24', 'is not a valid'],
    ['10.0.0.1/24/1', 'must be a whole number'],
  ])('refuses %j with a reason', (text, reason) => {
    const result = parseCidr(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
    expect(tryParseCidr(text)).toBeNull();
  });
});

describe('masks, network and last address', () => {
  it('builds masks at every length', () => {
    expect(prefixMask(4, 0)).toBe(0n);
    expect(prefixMask(4, 32)).toBe(0xffffffffn);
    expect(prefixMask(4, 30)).toBe(0xfffffffcn);
    expect(prefixMask(6, 64)).toBe(((1n << 64n) - 1n) << 64n);
    for (let len = 0; len <= 128; len++) {
      const mask = prefixMask(6, len);
      expect(mask.toString(2).padStart(128, '0')).toBe('1'.repeat(len) + '0'.repeat(128 - len));
    }
  });

  it.each([
    ['169.254.10.2/30', '169.254.10.0', '169.254.10.3', false],
    ['169.254.10.0/30', '169.254.10.0', '169.254.10.3', true],
    ['10.20.0.0/24', '10.20.0.0', '10.20.0.255', true],
    ['10.20.0.7/31', '10.20.0.6', '10.20.0.7', false],
    ['192.0.2.1/32', '192.0.2.1', '192.0.2.1', true],
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255', true],
    ['2001:db8::2/125', '2001:db8::', '2001:db8::7', false],
    ['2001:db8:1::/48', '2001:db8:1::', '2001:db8:1:ffff:ffff:ffff:ffff:ffff', true],
  ])('%s → network %s, last %s', (text, network, last, isNetwork) => {
    const cidr = c(text);
    expect(formatIp(networkAddress(cidr))).toBe(network);
    expect(formatIp(lastAddress(cidr))).toBe(last);
    expect(hasHostBits(cidr)).toBe(!isNetwork);
  });

  it('gives canonical prefixes and sizes', () => {
    expect(canonicalPrefix(c('10.20.0.9/24'))).toBe('10.20.0.0/24');
    expect(canonicalPrefix(c('2001:0DB8:0:0:1::5/64'))).toBe('2001:db8::/64');
    expect(addressCount(c('10.0.0.0/30'))).toBe(4n);
    expect(addressCount(c('2001:db8::/125'))).toBe(8n);
  });
});

describe('containment and overlap', () => {
  it('contains addresses of the same family only', () => {
    expect(containsAddress(c('10.0.0.0/16'), ip('10.0.255.1'))).toBe(true);
    expect(containsAddress(c('10.0.0.0/16'), ip('10.1.0.0'))).toBe(false);
    expect(containsAddress(c('0.0.0.0/0'), ip('203.0.113.1'))).toBe(true);
    expect(containsAddress(c('::/0'), ip('10.0.0.1'))).toBe(false);
    expect(containsAddress(c('2001:db8::/125'), ip('2001:db8::7'))).toBe(true);
    expect(containsAddress(c('2001:db8::/125'), ip('2001:db8::8'))).toBe(false);
  });

  it('contains prefixes', () => {
    expect(containsPrefix(c('10.0.0.0/8'), c('10.20.0.0/24'))).toBe(true);
    expect(containsPrefix(c('10.20.0.0/24'), c('10.0.0.0/8'))).toBe(false);
    expect(containsPrefix(c('10.20.0.0/24'), c('10.20.0.0/24'))).toBe(true);
    expect(containsPrefix(c('10.20.0.0/24'), c('10.20.1.0/24'))).toBe(false);
    expect(containsPrefix(c('10.0.0.0/8'), c('2001:db8::/32'))).toBe(false);
  });

  it('detects overlap in either direction', () => {
    expect(prefixesOverlap(c('10.0.0.0/8'), c('10.20.0.0/24'))).toBe(true);
    expect(prefixesOverlap(c('10.20.0.0/24'), c('10.0.0.0/8'))).toBe(true);
    expect(prefixesOverlap(c('10.20.0.0/24'), c('10.20.1.0/24'))).toBe(false);
    expect(prefixesOverlap(c('169.254.10.0/30'), c('169.254.10.4/30'))).toBe(false);
    expect(prefixesOverlap(c('169.254.10.2/30'), c('169.254.0.0/16'))).toBe(true);
    expect(prefixesOverlap(c('2001:db8::/64'), c('2001:db8::/125'))).toBe(true);
    expect(prefixesOverlap(c('2001:db8::/64'), c('10.0.0.0/8'))).toBe(false);
  });

  it('compares prefixes ignoring host bits', () => {
    expect(samePrefix(c('169.254.10.1/30'), c('169.254.10.2/30'))).toBe(true);
    expect(samePrefix(c('169.254.10.1/30'), c('169.254.10.5/30'))).toBe(false);
    expect(samePrefix(c('169.254.10.1/30'), c('169.254.10.1/29'))).toBe(false);
  });
});

describe('isUsableHostAddress', () => {
  it.each([
    ['169.254.10.0/30', false],
    ['169.254.10.1/30', true],
    ['169.254.10.2/30', true],
    ['169.254.10.3/30', false],
    ['169.254.10.0/31', true],
    ['169.254.10.1/31', true],
    ['192.0.2.7/32', true],
    ['10.20.0.0/24', false],
    ['10.20.0.255/24', false],
    ['2001:db8::/125', false],
    ['2001:db8::1/125', true],
    ['2001:db8::7/125', true],
    ['2001:db8::/127', true],
    ['2001:db8::1/127', true],
    ['2001:db8::/128', true],
  ])('%s → %s', (text, usable) => {
    expect(isUsableHostAddress(c(text))).toBe(usable);
  });
});

describe('address scopes', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'global'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['127.0.0.1', 'loopback'],
    ['169.254.10.2', 'link-local'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.5', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['8.8.8.8', 'global'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:10.0.0.1', 'ipv4-mapped'],
    ['2001:db8::1', 'documentation'],
    ['fd00::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2600:1f18::1', 'global'],
  ])('%s is %s', (text, scope) => {
    expect(addressScope(ip(text))).toBe(scope);
  });

  it.each([
    ['10.20.0.0/24', 'private'],
    ['0.0.0.0/8', 'this-network'],
    ['0.0.0.0/0', 'mixed'],
    ['10.0.0.0/7', 'mixed'],
    ['8.0.0.0/7', 'global'],
    ['198.51.100.0/24', 'documentation'],
    ['2001:db8:1::/48', 'documentation'],
    ['::/0', 'mixed'],
    ['2600::/16', 'global'],
  ])('prefix %s is %s', (text, scope) => {
    expect(prefixScope(c(text))).toBe(scope);
  });
});
