/**
 * IP address parsing and formatting, IPv4 and IPv6, as plain values (no I/O, no Node APIs).
 * Both families are held as a bigint so that masks and ranges work the same way for each.
 */

export type IpVersion = 4 | 6;

export type IpAddress = { readonly version: IpVersion; readonly value: bigint };

export const addressBits = (version: IpVersion): number => (version === 4 ? 32 : 128);

const maxValue = (version: IpVersion): bigint => (1n << BigInt(addressBits(version))) - 1n;

/**
 * Strict dotted-quad: exactly four decimal octets 0–255 without leading zeros, because
 * `010.0.0.1` is read as octal by some tools and as decimal by others.
 */
export function parseIpv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return { version: 4, value };
}

/** RFC 4291 §2.2 text forms, including `::` and a trailing dotted quad; zone ids are refused. */
export function parseIpv6(text: string): IpAddress | null {
  if (text.length === 0 || text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return null;
  let head = text;
  let tailGroups: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tailGroups = [Number(v4.value >> 16n), Number(v4.value & 0xffffn)];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "64:ff9b::1.2.3.4" leaves "64:ff9b::", "1:2:3:4:5:6:1.2.3.4" leaves a trailing ':'.
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const doubleColons = head.split('::').length - 1;
  if (doubleColons > 1) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const groups: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  let groups: number[];
  if (doubleColons === 1) {
    const [left, right] = head.split('::') as [string, string];
    const l = parseGroups(left);
    const r = parseGroups(right);
    if (!l || !r) return null;
    const missing = 8 - tailGroups.length - l.length - r.length;
    if (missing < 1) return null;
    groups = [...l, ...new Array<number>(missing).fill(0), ...r, ...tailGroups];
  } else {
    const g = parseGroups(head);
    if (!g) return null;
    groups = [...g, ...tailGroups];
    if (groups.length !== 8) return null;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return { version: 6, value };
}

export function parseIp(text: string): IpAddress | null {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** IPv4 dotted quad; IPv6 in RFC 5952 canonical form (lower case, longest zero run compressed). */
export function formatIp(address: IpAddress): string {
  if (address.version === 4) {
    const v = address.value;
    return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((address.value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}

export function ipEquals(a: IpAddress, b: IpAddress): boolean {
  return a.version === b.version && a.value === b.value;
}

export function compareIp(a: IpAddress, b: IpAddress): number {
  if (a.version !== b.version) return a.version - b.version;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Adds `delta` to an address; null when the result leaves the address space. */
export function offsetIp(address: IpAddress, delta: bigint): IpAddress | null {
  const value = address.value + delta;
  if (value < 0n || value > maxValue(address.version)) return null;
  return { version: address.version, value };
}

/** The low 32 bits of an address as a dotted quad (IPv4 returns itself). */
export function low32AsIpv4(address: IpAddress): IpAddress {
  return { version: 4, value: address.value & 0xffffffffn };
}
