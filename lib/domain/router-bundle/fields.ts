import { z } from 'zod';
import { canonicalPrefix, hasHostBits, parseCidr, parseIp } from '@/lib/domain/net';

/**
 * Type errors that say whether the value is missing or of the wrong kind; on an object, unknown
 * keys (usually typos) are named.
 */
export const typeError =
  (label: string, expected: string) =>
  (issue: { code?: string; input?: unknown; keys?: readonly string[] }): string => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown field${issue.keys?.length === 1 ? '' : 's'} ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')} in ${label} (check the spelling)`;
    }
    return issue.input === undefined ? `${label} is required` : `${label} must be ${expected}`;
  };

/**
 * Field-level rules of the router bundle input: each depends on one value only, so a form can
 * show them as the user types. Rules that relate fields live in `rules.ts`.
 */

export const MIN_ASN = 1;
export const MAX_ASN = 4_294_967_294;
/** RFC 6793 AS_TRANS and RFC 7300 last-ASN values: never a real peer AS. */
const RESERVED_ASNS: ReadonlyMap<number, string> = new Map([
  [23456, 'ASN 23456 is AS_TRANS (RFC 6793), a placeholder for 4-byte ASNs, never a real AS'],
  [65535, 'ASN 65535 is reserved (RFC 7300)'],
]);

export const asnField = z
  .number({ error: typeError('ASN', 'a number') })
  .int({ error: 'ASN must be a whole number' })
  .min(MIN_ASN, { error: `ASN must be from ${MIN_ASN} to ${MAX_ASN} (0 is reserved)` })
  .max(MAX_ASN, { error: `ASN must be from ${MIN_ASN} to ${MAX_ASN} (4294967295 is reserved, RFC 7300)` })
  .superRefine((asn, ctx) => {
    const reason = RESERVED_ASNS.get(asn);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

export const vlanField = z
  .number({ error: typeError('VLAN', 'a number') })
  .int({ error: 'VLAN must be a whole number' })
  .min(1, { error: 'VLAN must be from 1 to 4094 (802.1Q reserves 0)' })
  .max(4094, { error: 'VLAN must be from 1 to 4094 (802.1Q reserves 4095)' });

export const vifIdField = z
  .string({ error: typeError('VIF id', 'a string') })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    error: 'VIF id must be 1–63 lower-case letters, digits or hyphens, e.g. dxvif-ffabc123',
  });

/**
 * The key ends up on a `neighbor … password KEY` line: FRR splits on whitespace, `!` and `#`
 * start comments, quotes are taken literally, so any of these would silently change the key.
 * 80 is both AWS's limit and the kernel's TCP_MD5SIG_MAXKEYLEN.
 */
export const authKeyField = z
  .string({ error: typeError('BGP authentication key', 'a string') })
  .min(6, { error: 'BGP authentication key must be 6–80 characters' })
  .max(80, { error: 'BGP authentication key must be 6–80 characters' })
  .superRefine((key, ctx) => {
    const bad = [...key].find((ch) => !/^[\x21-\x7e]$/.test(ch) || `"'\`!#\\?`.includes(ch));
    if (bad === undefined) return;
    const shown = /^[\x21-\x7e]$/.test(bad) ? `"${bad}"` : `U+${bad.codePointAt(0)?.toString(16).padStart(4, '0')}`;
    ctx.addIssue({
      code: 'custom',
      message: `BGP authentication key contains ${shown}; use printable ASCII without spaces, quotes, backslash, "?", "!" or "#"`,
    });
  });

/**
 * Linux accepts almost any byte in an interface name, but ifupdown, netplan, NetworkManager,
 * sysctl keys and FRR all agree on this conservative set. IFNAMSIZ is 16 including the NUL.
 */
export const INTERFACE_NAME_MAX = 15;
export const interfaceNameField = z
  .string({ error: typeError('interface name', 'a string') })
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, {
    error: 'interface name may contain only letters, digits, "_", "-" and "." and must not start with "-" or "."',
  })
  .max(INTERFACE_NAME_MAX, { error: `interface name must be at most ${INTERFACE_NAME_MAX} characters (Linux IFNAMSIZ)` });

/** RFC 1123 host name; FRR's `hostname` additionally insists on a leading letter. */
export const hostnameField = z
  .string({ error: typeError('hostname', 'a string') })
  .max(253, { error: 'hostname must be at most 253 characters' })
  .regex(/^[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, {
    error: 'hostname must start with a letter and consist of dot-separated labels of letters, digits and hyphens',
  });

/** An interface address such as 169.254.10.2/30: host bits are expected. */
export const interfaceAddressField = z.string({ error: typeError('address', 'a string') }).superRefine((text, ctx) => {
  const result = parseCidr(text);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: `address must be in CIDR form like 169.254.10.2/30: ${result.reason}` });
});

/** A route prefix such as 10.20.0.0/24: host bits must be zero and /0 is handled elsewhere. */
export const prefixField = z.string({ error: typeError('prefix', 'a string') }).superRefine((text, ctx) => {
  const result = parseCidr(text);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: `prefix must be in CIDR form like 10.20.0.0/24: ${result.reason}` });
    return;
  }
  if (hasHostBits(result.cidr)) {
    ctx.addIssue({
      code: 'custom',
      message: `${text} has host bits set; did you mean ${canonicalPrefix(result.cidr)}?`,
    });
  }
  if (result.cidr.prefixLength === 0) {
    ctx.addIssue({ code: 'custom', message: `${text} is a default route, not a network` });
  }
});

export const hostAddressField = z.string({ error: typeError('address', 'a string') }).superRefine((text, ctx) => {
  if (text.includes('/')) {
    ctx.addIssue({ code: 'custom', message: `give the address without a prefix length, e.g. ${text.split('/')[0]}` });
  } else if (!parseIp(text)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a valid IPv4 or IPv6 address` });
  }
});
