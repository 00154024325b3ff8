import { canonicalPrefix, containsPrefix, hasHostBits, parseCidr, prefixesOverlap, tryParseCidr, type Cidr } from '@/lib/domain/net';
import { fail, pass, type RuleResult } from './result';

/** Splits a textarea or a list into entries: newlines, commas, semicolons and spaces all separate. */
export function splitList(input: string | readonly string[] | undefined | null): string[] {
  if (input === undefined || input === null) return [];
  const parts = typeof input === 'string' ? [input] : input;
  return parts.flatMap((p) => p.split(/[\s,;]+/)).filter((p) => p !== '');
}

export type PrefixListResult = { prefixes: string[]; errors: string[] };

/**
 * Allowed prefixes of a Direct Connect gateway ↔ virtual private gateway association: IPv4
 * networks (host bits zero), returned canonical and de-duplicated. An empty list is valid and
 * means "the VPC's CIDR blocks" (see `defaultAllowedPrefixes`).
 */
export function parseAllowedPrefixes(input: string | readonly string[] | undefined | null): PrefixListResult {
  const errors: string[] = [];
  const seen = new Map<string, Cidr>();
  for (const entry of splitList(input)) {
    const parsed = parseCidr(entry);
    if (!parsed.ok) {
      errors.push(`${entry}: ${parsed.reason}.`);
      continue;
    }
    const { cidr } = parsed;
    if (cidr.address.version !== 4) {
      errors.push(`${entry}: only IPv4 prefixes can be allowed here; the portal does not manage IPv6 VPC ranges yet.`);
      continue;
    }
    if (hasHostBits(cidr)) {
      errors.push(`${entry} has host bits set; did you mean ${canonicalPrefix(cidr)}?`);
      continue;
    }
    seen.set(canonicalPrefix(cidr), cidr);
  }
  const list = [...seen.entries()];
  for (const [text, cidr] of list) {
    const outer = list.find(([other, o]) => other !== text && containsPrefix(o, cidr));
    if (outer) errors.push(`${text} lies inside ${outer[0]}, which is also in the list; keep only ${outer[0]}.`);
  }
  return { prefixes: list.map(([text]) => text), errors };
}

/** AWS's default when no allowed prefixes are given: the VPC's IPv4 CIDR blocks. */
export function defaultAllowedPrefixes(vpcCidrs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of vpcCidrs) {
    const cidr = tryParseCidr(text);
    if (cidr && cidr.address.version === 4) out.add(canonicalPrefix(cidr));
  }
  return [...out];
}

export type OtherAssociation = { vpnGatewayId: string; label?: string; allowedPrefixes: readonly string[] };

/**
 * Allowed prefixes filter what the association advertises, and AWS advertises whole VPC CIDR
 * blocks only: a prefix must be the same as or wider than a VPC CIDR or nothing passes it.
 * Prefixes must not overlap those of the gateway's other associations, or AWS could not tell
 * which VPC a destination belongs to.
 */
export function checkAllowedPrefixes(args: {
  prefixes: readonly string[];
  vpcCidrs: readonly string[];
  otherAssociations: readonly OtherAssociation[];
}): RuleResult {
  const mine = args.prefixes.map((text) => ({ text, cidr: tryParseCidr(text) }));
  const vpc = args.vpcCidrs.flatMap((text) => {
    const cidr = tryParseCidr(text);
    return cidr && cidr.address.version === 4 ? [{ text: canonicalPrefix(cidr), cidr }] : [];
  });
  for (const { text, cidr } of mine) {
    if (!cidr) return fail(`${text} is not a valid IPv4 prefix.`);
    if (vpc.length > 0 && !vpc.some((v) => containsPrefix(cidr, v.cidr))) {
      const narrower = vpc.find((v) => containsPrefix(v.cidr, cidr));
      return fail(
        narrower
          ? `${text} is narrower than the VPC's CIDR ${narrower.text}. AWS advertises whole VPC CIDR blocks, so this prefix would let nothing through; use ${narrower.text} or a wider prefix.`
          : `${text} does not cover any of the VPC's CIDR blocks (${vpc.map((v) => v.text).join(', ')}), so nothing would be advertised; use the VPC CIDR or a wider prefix that contains it.`,
      );
    }
  }
  for (const other of args.otherAssociations) {
    for (const theirsText of other.allowedPrefixes) {
      const theirs = tryParseCidr(theirsText);
      if (!theirs) continue;
      const clash = mine.find((m) => m.cidr && prefixesOverlap(m.cidr, theirs));
      if (clash) {
        return fail(
          `${clash.text} overlaps ${theirsText}, already allowed for ${other.label ?? other.vpnGatewayId} on this Direct Connect gateway. ` +
            "Allowed prefixes (and so the VPCs' CIDR blocks) must not overlap across one Direct Connect gateway's associations.",
        );
      }
    }
  }
  return pass();
}
