/**
 * BGP autonomous system numbers as plain numbers (32 bits fit a JS number exactly).
 * Vendor-neutral facts only (RFC 5396 notation, IANA special-purpose ranges); AWS's own limits
 * live with the Direct Connect rules.
 */

export const ASN_MAX_32BIT = 4_294_967_295;
export const ASN_MAX_16BIT = 65_535;

export type AsnNotation = 'asplain' | 'asdot';

export type AsnParseResult =
  | { ok: true; asn: number; notation: AsnNotation }
  | { ok: false; reason: string };

/**
 * Reads an ASN as people write it: `65000`, `AS65000`, `as 65000`, RFC 5396 asdot `1.10`
 * (= 65546) or with thousands separators as AWS's documentation prints them (`4,200,000,000`).
 * Only the syntax and the 32-bit range are checked here; whether an ASN may be used is a
 * separate rule.
 */
export function parseAsn(input: string | number): AsnParseResult {
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) return { ok: false, reason: `${input} is not a whole number; an ASN is an integer from 0 to ${ASN_MAX_32BIT}` };
    return inRange(input, String(input), 'asplain');
  }
  const text = input.trim().replace(/^AS\s*/i, '');
  if (text === '') return { ok: false, reason: 'Enter an AS number, for example 65000' };
  if (/^\d+$/.test(text)) return inRange(Number(text), input.trim(), 'asplain');
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return inRange(Number(text.replaceAll(',', '')), input.trim(), 'asplain');
  const dot = /^(\d+)\.(\d+)$/.exec(text);
  if (dot) {
    const high = Number(dot[1]);
    const low = Number(dot[2]);
    if (high > ASN_MAX_16BIT || low > ASN_MAX_16BIT) {
      return { ok: false, reason: `"${input.trim()}" is not valid asdot notation: both parts must be from 0 to ${ASN_MAX_16BIT}` };
    }
    return { ok: true, asn: high * 65_536 + low, notation: 'asdot' };
  }
  return {
    ok: false,
    reason: `"${input.trim()}" is not an AS number; write it as digits (65000, 4200000001), with an AS prefix (AS65000) or in asdot notation (1.10)`,
  };
}

function inRange(asn: number, shown: string, notation: AsnNotation): AsnParseResult {
  if (asn < 0 || asn > ASN_MAX_32BIT) {
    return { ok: false, reason: `${shown} is outside the AS number range 0 to ${ASN_MAX_32BIT} (32 bits)` };
  }
  return { ok: true, asn, notation };
}

/** asplain (`65546`), asdot (`1.10` above 65535, plain below) or asdot+ (`0.100`, `1.10`). */
export function formatAsn(asn: number, style: 'asplain' | 'asdot' | 'asdot+' = 'asplain'): string {
  if (style === 'asplain' || (style === 'asdot' && asn <= ASN_MAX_16BIT)) return String(asn);
  return `${Math.floor(asn / 65_536)}.${asn % 65_536}`;
}

/** 2-byte ASNs fit the original BGP-4 field; 4-byte ones need RFC 6793 support on both ends. */
export function asnSize(asn: number): 2 | 4 {
  return asn <= ASN_MAX_16BIT ? 2 : 4;
}

/** RFC 6996 private-use ranges. */
export function isPrivateAsn(asn: number): boolean {
  return (asn >= 64_512 && asn <= 65_534) || (asn >= 4_200_000_000 && asn <= 4_294_967_294);
}

const SPECIAL_ASNS: readonly { from: number; to: number; kind: 'reserved' | 'documentation'; why: string }[] = [
  { from: 0, to: 0, kind: 'reserved', why: 'AS 0 is reserved (RFC 7607) and never identifies a network' },
  { from: 23_456, to: 23_456, kind: 'reserved', why: 'AS 23456 is AS_TRANS (RFC 6793), a stand-in for 4-byte ASNs, never a real network' },
  { from: 64_496, to: 64_511, kind: 'documentation', why: 'ASNs 64496–64511 are reserved for documentation (RFC 5398)' },
  { from: 65_535, to: 65_535, kind: 'reserved', why: 'AS 65535 is reserved (RFC 7300)' },
  { from: 65_536, to: 65_551, kind: 'documentation', why: 'ASNs 65536–65551 are reserved for documentation (RFC 5398)' },
  { from: 65_552, to: 131_071, kind: 'reserved', why: 'ASNs 65552–131071 are reserved by IANA and not assigned to anyone' },
  { from: ASN_MAX_32BIT, to: ASN_MAX_32BIT, kind: 'reserved', why: 'AS 4294967295 is reserved (RFC 7300)' },
];

/** Why an ASN can never be a real BGP speaker's AS, or null when it can. */
export function reservedAsnReason(asn: number): string | null {
  return SPECIAL_ASNS.find(({ from, to }) => asn >= from && asn <= to)?.why ?? null;
}

export type AsnScope = 'private' | 'public' | 'reserved' | 'documentation';

export type AsnInfo = { asn: number; size: 2 | 4; scope: AsnScope; asplain: string; asdot: string };

export function describeAsn(asn: number): AsnInfo {
  const special = SPECIAL_ASNS.find(({ from, to }) => asn >= from && asn <= to);
  const scope: AsnScope = special ? special.kind : isPrivateAsn(asn) ? 'private' : 'public';
  return { asn, size: asnSize(asn), scope, asplain: formatAsn(asn), asdot: formatAsn(asn, 'asdot') };
}
