import { randomInt } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { dxClientError } from '../errors.js';

export type Cidr4 = { ip: number; prefix: number };

export function parseIpv4(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function formatIpv4(ip: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(ip / 2 ** shift) % 256).join('.');
}

/** `a.b.c.d/n` → address and prefix length (the address need not be the network address). */
export function parseCidr4(text: string): Cidr4 | undefined {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const ip = parseIpv4(m[1]);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 32) return undefined;
  return { ip, prefix };
}

function network(c: Cidr4): number {
  const size = 2 ** (32 - c.prefix);
  return Math.floor(c.ip / size) * size;
}

const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
];

/** RFC 1918, link-local, CGN, loopback, documentation, benchmarking and multicast/reserved space. */
export function isPrivateIpv4(ip: number): boolean {
  return PRIVATE_V4.some(([base, prefix]) => network({ ip, prefix }) === parseIpv4(base));
}

function checkPair(amazon: Cidr4, customer: Cidr4, publicOnly: boolean): void {
  for (const [label, c] of [['Amazon Address', amazon], ['Customer Address', customer]] as const) {
    if (publicOnly && isPrivateIpv4(c.ip)) throw dxClientError(`${label} is not allowed to contain a private IP`);
    if (c.prefix < 24 || c.prefix > 31) throw dxClientError(`${label} must have a prefix length between /24 and /31, got /${c.prefix}.`);
  }
  if (amazon.prefix !== customer.prefix || network(amazon) !== network(customer)) {
    throw dxClientError('Amazon Address and Customer Address must be in the same CIDR');
  }
  if (amazon.ip === customer.ip) throw dxClientError('Amazon Address and Customer Address must be different.');
  if (amazon.prefix <= 30) {
    const size = 2 ** (32 - amazon.prefix);
    for (const [label, c] of [['Amazon Address', amazon], ['Customer Address', customer]] as const) {
      if (c.ip === network(c)) throw dxClientError(`${label} is address 0 on its subnet.`);
      if (c.ip === network(c) + size - 1) throw dxClientError(`${label} is the broadcast address on its subnet.`);
    }
  }
}

/**
 * Validate IPv4 peer addresses given by the customer. Public VIFs need public addresses the
 * customer owns (§4.2); private/transit VIFs accept any addressing.
 */
export function validateIpv4Peer(amazonAddress: string, customerAddress: string, publicOnly: boolean): void {
  const amazon = parseCidr4(amazonAddress);
  if (!amazon) throw dxClientError(`Amazon Address ${amazonAddress} is not a valid IPv4 address in CIDR notation (for example 203.0.113.1/30).`);
  const customer = parseCidr4(customerAddress);
  if (!customer) throw dxClientError(`Customer Address ${customerAddress} is not a valid IPv4 address in CIDR notation (for example 203.0.113.2/30).`);
  checkPair(amazon, customer, publicOnly);
}

/** Pick a free /30 from 169.254.0.0/16 (model: "a /30 CIDR will be allocated from 169.254.0.0/16"). */
export function allocateLinkLocal30(inUse: Set<string>): { amazonAddress: string; customerAddress: string } {
  const base = parseIpv4('169.254.0.0') ?? 0;
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const block = base + randomInt(1, 16383) * 4;
    const amazonAddress = `${formatIpv4(block + 1)}/30`;
    if (!inUse.has(amazonAddress)) return { amazonAddress, customerAddress: `${formatIpv4(block + 2)}/30` };
  }
  throw dxClientError('No free 169.254.0.0/16 peer addresses are left.');
}

/** Amazon-pool IPv6 /125 pair (IPv6 peers are always auto-assigned). */
export function allocateIpv6125(inUse: Set<string>): { amazonAddress: string; customerAddress: string } {
  for (;;) {
    const g = () => randomInt(0, 0x10000).toString(16);
    const last = randomInt(0, 0x2000) * 8;
    const prefix = `2600:1f18:${g()}:${g()}:0:1:${g()}`;
    const amazonAddress = `${prefix}:${(last + 1).toString(16)}/125`;
    if (!inUse.has(amazonAddress)) return { amazonAddress, customerAddress: `${prefix}:${(last + 2).toString(16)}/125` };
  }
}

/** A route-filter prefix for a public VIF: a public IPv4 CIDR, or an IPv6 CIDR of /64 or shorter. */
export function validateRouteFilterPrefix(cidr: string): void {
  const m = /^(.+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!m?.[1] || !m[2]) throw dxClientError(`Route filter prefix ${cidr} is not a valid CIDR.`);
  const prefix = Number(m[2]);
  if (isIPv4(m[1])) {
    const c = parseCidr4(cidr);
    if (!c || prefix > 32) throw dxClientError(`Route filter prefix ${cidr} is not a valid CIDR.`);
    if (isPrivateIpv4(c.ip)) throw dxClientError(`Route filter prefix ${cidr} is not a public prefix; public virtual interfaces only advertise public address space you own.`);
    if (network(c) !== c.ip) throw dxClientError(`Route filter prefix ${cidr} has host bits set; use ${formatIpv4(network(c))}/${c.prefix}.`);
    return;
  }
  if (isIPv6(m[1])) {
    if (prefix > 64) throw dxClientError(`Route filter prefix ${cidr} is too specific; an IPv6 CIDR must use /64 or shorter.`);
    const first = m[1].toLowerCase();
    if (/^(fc|fd|fe8|fe9|fea|feb)/.test(first) || first === '::1' || first.startsWith('::')) {
      throw dxClientError(`Route filter prefix ${cidr} is not a public prefix; public virtual interfaces only advertise public address space you own.`);
    }
    return;
  }
  throw dxClientError(`Route filter prefix ${cidr} is not a valid CIDR.`);
}

/** Whether two IPv4 CIDR blocks overlap (used for the DX gateway association check). */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr4(a);
  const y = parseCidr4(b);
  if (!x || !y) return false;
  const prefix = Math.min(x.prefix, y.prefix);
  return network({ ip: x.ip, prefix }) === network({ ip: y.ip, prefix });
}
