import { dxClientError } from '../errors.js';
import { type Input, optNumber, optString } from './input.js';

export const MAX_ASN = 2147483646;
export const MAX_LONG_ASN = 4294967294;
export const AMAZON_PUBLIC_ASN = 7224;

/** `asn`/`asnLong` duality (§7.15): `asnLong` wins when both are given; `asn` is limited to 2147483646. */
export function readAsn(input: Input): number {
  const asnLong = optNumber(input, 'asnLong');
  const asn = optNumber(input, 'asn');
  if (asnLong !== undefined) {
    if (asnLong < 1 || asnLong > MAX_LONG_ASN) throw dxClientError(`asnLong ${asnLong} is out of range; the valid range is 1 to ${MAX_LONG_ASN}.`);
    return asnLong;
  }
  if (asn !== undefined) {
    if (asn < 1 || asn > MAX_ASN) {
      throw dxClientError(`asn ${asn} is out of range; the valid range is 1 to ${MAX_ASN}. Use asnLong for 4-byte ASNs.`);
    }
    return asn;
  }
  throw dxClientError('Either asn or asnLong must be specified.');
}

/** The legacy `asn` member: the value itself, or 0 when it does not fit (model doc). */
export function legacyAsn(asnLong: number): number {
  return asnLong <= MAX_ASN ? asnLong : 0;
}

const RESERVED_ASNS: [number, number, string][] = [
  [23456, 23456, 'is AS_TRANS (RFC 6793)'],
  [64496, 64511, 'is reserved for documentation (RFC 5398)'],
  [65535, 65535, 'is reserved (RFC 7300)'],
  [65536, 65551, 'is reserved for documentation (RFC 5398)'],
];
const AMAZON_ASNS = new Set([AMAZON_PUBLIC_ASN, 16509, 14618, 8987]);

export function isPrivateAsn(asn: number): boolean {
  return (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= MAX_LONG_ASN);
}

/** Customer-side ASN rules for a BGP peer. */
export function validateCustomerAsn(asn: number, amazonSideAsn: number | undefined): void {
  for (const [from, to, why] of RESERVED_ASNS) {
    if (asn >= from && asn <= to) throw dxClientError(`ASN ${asn} ${why} and cannot be used for BGP peering.`);
  }
  if (AMAZON_ASNS.has(asn)) throw dxClientError(`ASN ${asn} belongs to Amazon and cannot be used as the customer ASN.`);
  if (amazonSideAsn !== undefined && asn === amazonSideAsn) {
    throw dxClientError(`The customer ASN ${asn} must be different from the Amazon side ASN ${amazonSideAsn}.`);
  }
}

/** Amazon-side ASN of a DX gateway or VGW: private range only (§4.2). */
export function validateAmazonSideAsn(asn: number, what: string): void {
  if (!isPrivateAsn(asn)) {
    throw dxClientError(`The amazonSideAsn ${asn} for the ${what} is not valid; it must be in the private range 64512–65534 or 4200000000–4294967294.`);
  }
}

export function validateVlan(vlan: number): void {
  if (!Number.isInteger(vlan) || vlan < 1 || vlan > 4094) throw dxClientError(`VLAN ${vlan} is not valid; the VLAN must be between 1 and 4094.`);
}

export const MTU_BY_TYPE = { private: [1500, 9001], transit: [1500, 8500], public: [1500] } as const;

export function validateMtu(type: keyof typeof MTU_BY_TYPE, mtu: number): void {
  const allowed: readonly number[] = MTU_BY_TYPE[type];
  if (!allowed.includes(mtu)) {
    throw dxClientError(`MTU ${mtu} is not supported for a ${type} virtual interface; supported values are ${allowed.join(' and ')}.`);
  }
}

export function readAuthKey(input: Input): string | undefined {
  const key = optString(input, 'authKey');
  if (key === undefined || key === '') return undefined;
  if (key.length < 6 || key.length > 80) throw dxClientError(`The BGP authentication key must be between 6 and 80 characters long (got ${key.length}).`);
  if (/\s/.test(key)) throw dxClientError('The BGP authentication key must not contain whitespace.');
  return key;
}

export function validateName(name: string, what: string): void {
  if (name.length < 1 || name.length > 100) throw dxClientError(`The ${what} name must be between 1 and 100 characters.`);
}

const PAGE_LIMIT = 100;

/** `maxResults`/`nextToken` paging; more than 100 is capped at 100 (model doc). */
export function paginate<T>(items: T[], input: Input, operation: string): { page: T[]; nextToken?: string } {
  const maxResults = optNumber(input, 'maxResults');
  const token = optString(input, 'nextToken');
  let offset = 0;
  if (token !== undefined && token !== '') {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const d = decoded as { o?: unknown; op?: unknown } | undefined;
    if (!d || typeof d.o !== 'number' || d.op !== operation) throw dxClientError('The nextToken is not valid.');
    offset = d.o;
  }
  if (maxResults !== undefined && maxResults < 1) throw dxClientError('maxResults must be at least 1.');
  const size = maxResults === undefined ? (token ? PAGE_LIMIT : items.length) : Math.min(maxResults, PAGE_LIMIT);
  const page = items.slice(offset, offset + size);
  const end = offset + size;
  return end < items.length ? { page, nextToken: Buffer.from(JSON.stringify({ o: end, op: operation })).toString('base64url') } : { page };
}
