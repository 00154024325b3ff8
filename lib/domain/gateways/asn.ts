import { isPrivateAsn, parseAsn } from '@/lib/domain/net';
import { DEFAULT_AMAZON_SIDE_ASN } from './constants';

const RANGES = '64512–65534 or 4200000000–4294967294';

/**
 * The ASN AWS speaks on its side of the BGP sessions of a Direct Connect gateway or virtual
 * private gateway. Both APIs take only private ASNs; null when the value is allowed.
 */
export function checkAmazonSideAsn(asn: number): string | null {
  if (!Number.isInteger(asn)) return `The Amazon-side ASN must be a whole number in ${RANGES}.`;
  if (isPrivateAsn(asn)) return null;
  return `AS ${asn} cannot be the Amazon-side ASN: AWS accepts only private ASNs here, ${RANGES} (default ${DEFAULT_AMAZON_SIDE_ASN}).`;
}

/**
 * Reads an Amazon-side ASN from a form (empty means the default) and checks it.
 * Returns the number, or the message to show.
 */
export function readAmazonSideAsn(input: string | number | undefined | null): { ok: true; asn: number } | { ok: false; message: string } {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    return { ok: true, asn: DEFAULT_AMAZON_SIDE_ASN };
  }
  const parsed = parseAsn(input);
  if (!parsed.ok) return { ok: false, message: `${parsed.reason}.` };
  const problem = checkAmazonSideAsn(parsed.asn);
  return problem ? { ok: false, message: problem } : { ok: true, asn: parsed.asn };
}
