import type { VifType } from '@/lib/db/generated/enums';
import { describeAsn, isPrivateAsn, parseAsn, reservedAsnReason } from '@/lib/domain/net';
import { AMAZON_ASNS, AWS_ASN_FIELD_MAX } from './constants';

export type AsnRead = { ok: true; asn: number } | { ok: false; message: string };

/**
 * Reads the customer's BGP ASN (65000, AS65000, asdot 1.10, 4,200,000,000) and refuses values
 * that can never be a peer AS: 0, AS_TRANS, documentation and reserved ranges, 4294967295
 * (AWS's `asnLong` stops at 4294967294), and Amazon's own ASNs.
 */
export function readCustomerAsn(input: unknown): AsnRead {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    return { ok: false, message: 'Enter your BGP ASN, e.g. 65000 (private) or the public ASN registered to you.' };
  }
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, message: 'Enter your BGP ASN as a number, e.g. 65000.' };
  const parsed = parseAsn(input);
  if (!parsed.ok) return { ok: false, message: `${parsed.reason}.` };
  const { asn } = parsed;
  const reserved = reservedAsnReason(asn);
  if (reserved) return { ok: false, message: `${reserved}; use a private ASN such as 65000, or the public ASN registered to you.` };
  if (AMAZON_ASNS.has(asn)) return { ok: false, message: `AS ${asn} belongs to Amazon; your side of the session needs your own ASN, e.g. 65000.` };
  return { ok: true, asn };
}

/**
 * The session is eBGP: equal ASNs on both ends would make it iBGP, which AWS does not speak.
 * `amazonSideAsn` is the ASN of the gateway the VIF attaches to; null when not known yet.
 */
export function checkAsnsDiffer(asn: number, amazonSideAsn: number | null): string | null {
  if (amazonSideAsn === null || asn !== amazonSideAsn) return null;
  const alternative = [65000, 65001].find((a) => a !== amazonSideAsn);
  return (
    `Your ASN and the Amazon-side ASN of the chosen gateway are both ${asn}. The BGP session is eBGP, so they must differ: ` +
    `use another ASN for your router (e.g. ${alternative}), or choose a gateway with a different Amazon-side ASN.`
  );
}

/** Public VIFs accept a private ASN, or a public one AWS has verified as registered to the customer. */
export function asnWarning(asn: number, type: VifType): string | null {
  if (type !== 'PUBLIC' || isPrivateAsn(asn)) return null;
  return (
    `AS ${asn} is a public ASN: AWS checks that it is registered to you before the public virtual interface can be used ` +
    '(it stays "verifying", for up to 72 hours). A private ASN needs no such check; your prefixes are verified either way.'
  );
}

/**
 * The ASN members of AWS's create/allocate/BGP-peer requests: `asn` while it fits (1–2147483646),
 * otherwise `asnLong` (AWS rejects 4-byte values in `asn`, and reads only `asnLong` when both are sent).
 */
export function toAwsAsnFields(asn: number): { asn: number; asnLong?: undefined } | { asn?: undefined; asnLong: number } {
  return asn <= AWS_ASN_FIELD_MAX ? { asn } : { asnLong: asn, asn: undefined };
}

/** The customer ASN from a Direct Connect response, which reports `asn: 0` for 4-byte values. */
export function fromAwsAsnFields(fields: { asn?: number | null; asnLong?: number | null }): number | null {
  if (fields.asnLong !== undefined && fields.asnLong !== null && fields.asnLong > 0) return fields.asnLong;
  if (fields.asn !== undefined && fields.asn !== null && fields.asn > 0) return fields.asn;
  return null;
}

/** "AS65000 (2-byte, private)" for summaries and the troubleshooting checklist. */
export function asnLabel(asn: number): string {
  const info = describeAsn(asn);
  const notation = info.size === 4 ? `, asdot ${info.asdot}` : '';
  return `AS${asn} (${info.size}-byte, ${info.scope}${notation})`;
}
