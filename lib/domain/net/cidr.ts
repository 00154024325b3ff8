import { addressBits, formatIp, parseIp, type IpAddress, type IpVersion } from './ip';

/** An address with a prefix length; the address may have host bits set (an interface address). */
export type Cidr = { readonly address: IpAddress; readonly prefixLength: number };

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; reason: string };

/** Parses `address/length`, with a reason a person can act on when it is not one. */
export function parseCidr(text: string): CidrParseResult {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: `"${text}" has no prefix length (expected address/length)` };
  const addressText = text.slice(0, slash);
  const lengthText = text.slice(slash + 1);
  const address = parseIp(addressText);
  if (!address) return { ok: false, reason: `"${addressText}" is not a valid IPv4 or IPv6 address` };
  const max = addressBits(address.version);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(lengthText) || Number(lengthText) > max) {
    return { ok: false, reason: `prefix length "${lengthText}" must be a whole number from 0 to ${max}` };
  }
  return { ok: true, cidr: { address, prefixLength: Number(lengthText) } };
}

/** Like parseCidr but returns null instead of a reason. */
export function tryParseCidr(text: string): Cidr | null {
  const result = parseCidr(text);
  return result.ok ? result.cidr : null;
}

export function prefixMask(version: IpVersion, prefixLength: number): bigint {
  const bits = BigInt(addressBits(version));
  const all = (1n << bits) - 1n;
  return (all << (bits - BigInt(prefixLength))) & all;
}

const hostMask = (cidr: Cidr): bigint =>
  ~prefixMask(cidr.address.version, cidr.prefixLength) & ((1n << BigInt(addressBits(cidr.address.version))) - 1n);

/** First address of the prefix (all host bits zero). */
export function networkAddress(cidr: Cidr): IpAddress {
  const mask = prefixMask(cidr.address.version, cidr.prefixLength);
  return { version: cidr.address.version, value: cidr.address.value & mask };
}

/** Last address of the prefix (all host bits one): the IPv4 broadcast address. */
export function lastAddress(cidr: Cidr): IpAddress {
  return { version: cidr.address.version, value: cidr.address.value | hostMask(cidr) };
}

/** The prefix itself, host bits cleared. */
export function networkOf(cidr: Cidr): Cidr {
  return { address: networkAddress(cidr), prefixLength: cidr.prefixLength };
}

export function hasHostBits(cidr: Cidr): boolean {
  return (cidr.address.value & hostMask(cidr)) !== 0n;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.address)}/${cidr.prefixLength}`;
}

/** Canonical text of the network: host bits cleared, IPv6 in RFC 5952 form. */
export function canonicalPrefix(cidr: Cidr): string {
  return formatCidr(networkOf(cidr));
}

export function addressCount(cidr: Cidr): bigint {
  return 1n << BigInt(addressBits(cidr.address.version) - cidr.prefixLength);
}

/** True when `address` lies inside the prefix `cidr`. */
export function containsAddress(cidr: Cidr, address: IpAddress): boolean {
  if (cidr.address.version !== address.version) return false;
  const mask = prefixMask(address.version, cidr.prefixLength);
  return (cidr.address.value & mask) === (address.value & mask);
}

/** True when every address of `inner` is inside `outer`. */
export function containsPrefix(outer: Cidr, inner: Cidr): boolean {
  return inner.prefixLength >= outer.prefixLength && containsAddress(outer, inner.address);
}

/** Two prefixes overlap exactly when one contains the other. */
export function prefixesOverlap(a: Cidr, b: Cidr): boolean {
  return containsPrefix(a, b) || containsPrefix(b, a);
}

export function samePrefix(a: Cidr, b: Cidr): boolean {
  return a.prefixLength === b.prefixLength && containsPrefix(a, b);
}

/**
 * Whether the address may be assigned to a host in this prefix. IPv4 reserves the network and
 * broadcast addresses except on /31 (RFC 3021) and /32; IPv6 reserves the Subnet-Router anycast
 * address (all host bits zero, RFC 4291 §2.6.1) except on /127 (RFC 6164) and /128.
 */
export function isUsableHostAddress(cidr: Cidr): boolean {
  const { version } = cidr.address;
  const hostBits = addressBits(version) - cidr.prefixLength;
  if (hostBits <= 1) return true;
  const value = cidr.address.value;
  if (value === networkAddress(cidr).value) return false;
  if (version === 4 && value === lastAddress(cidr).value) return false;
  return true;
}
