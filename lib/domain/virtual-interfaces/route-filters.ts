import { canonicalPrefix, containsPrefix, hasHostBits, parseCidr, prefixScope, tryParseCidr, type AddressScope, type Cidr } from '@/lib/domain/net';
import { splitList } from '@/lib/domain/gateways';
import { MAX_ROUTE_FILTER_PREFIXES, type AddressFamilyValue } from './constants';

const GLOBAL_UNICAST_V6 = tryParseCidr('2000::/3');

const SCOPE_SPACE: Partial<Record<AddressScope, string>> = {
  private: 'private space (RFC 1918)',
  shared: 'carrier-grade NAT space (100.64.0.0/10)',
  'link-local': 'link-local space',
  documentation: 'documentation space',
  benchmarking: 'benchmarking space (198.18.0.0/15)',
  'unique-local': 'unique local space (fc00::/7)',
  loopback: 'loopback space',
  multicast: 'multicast space',
  'this-network': '"this network" space (0.0.0.0/8)',
  reserved: 'reserved space',
};

export type RouteFilterResult = { prefixes: string[]; errors: string[] };

/**
 * The prefixes a public VIF advertises (AWS `routeFilterPrefixes`): 1–1,000 public networks the
 * customer owns, IPv4 or IPv6 (IPv6 /64 or shorter), host bits zero. Returned canonical and
 * de-duplicated. Both families are accepted whatever the session's family, because a public VIF
 * can carry a BGP peer of each family and the list applies to both.
 */
export function parseRouteFilterPrefixes(input: string | readonly string[] | undefined | null): RouteFilterResult {
  const errors: string[] = [];
  const prefixes = new Map<string, Cidr>();
  for (const entry of splitList(input)) {
    const problem = checkRouteFilterPrefix(entry);
    if (typeof problem === 'string') errors.push(problem);
    else prefixes.set(canonicalPrefix(problem), problem);
  }
  if (prefixes.size === 0 && errors.length === 0) {
    errors.push('A public virtual interface needs at least one prefix to advertise: the public address space you own, one per line (e.g. your /24).');
  }
  if (prefixes.size > MAX_ROUTE_FILTER_PREFIXES) {
    errors.push(`A public virtual interface advertises at most ${MAX_ROUTE_FILTER_PREFIXES.toLocaleString('en')} prefixes; this list has ${prefixes.size.toLocaleString('en')}.`);
  }
  return { prefixes: [...prefixes.keys()], errors };
}

/** One entry: the parsed network, or the reason it cannot be advertised. */
function checkRouteFilterPrefix(entry: string): Cidr | string {
  const parsed = parseCidr(entry);
  if (!parsed.ok) return `${entry}: ${parsed.reason}.`;
  const { cidr } = parsed;
  if (hasHostBits(cidr)) return `${entry} has host bits set; did you mean ${canonicalPrefix(cidr)}?`;
  if (cidr.prefixLength === 0) return `${entry} is a default route; advertise the networks you own instead.`;
  if (cidr.address.version === 6 && cidr.prefixLength > 64) return `${entry} is too specific: AWS takes IPv6 prefixes of /64 or shorter.`;
  const scope = prefixScope(cidr);
  if (scope === 'mixed') return `${entry} includes special-purpose space (private, shared, documentation or reserved ranges); advertise only public space you own.`;
  if (scope !== 'global') return `${entry} is ${SCOPE_SPACE[scope] ?? `${scope} space`}, not public address space; a public virtual interface advertises only public prefixes you own.`;
  if (cidr.address.version === 6 && GLOBAL_UNICAST_V6 && !containsPrefix(GLOBAL_UNICAST_V6, cidr)) {
    return `${entry} is outside IPv6 global unicast space (2000::/3); advertise only public prefixes you own.`;
  }
  return cidr;
}

/** A public VIF of one family with prefixes only of the other would advertise nothing on its session. */
export function routeFilterWarning(prefixes: readonly string[], addressFamily: AddressFamilyValue): string | null {
  const version = addressFamily === 'ipv4' ? 4 : 6;
  if (prefixes.length === 0 || prefixes.some((p) => tryParseCidr(p)?.address.version === version)) return null;
  const family = addressFamily === 'ipv4' ? 'IPv4' : 'IPv6';
  return `None of these prefixes is ${family}, so this ${family} session has nothing to advertise until you add a BGP peer of the other family.`;
}

/**
 * AWS verifies ownership of every prefix before a public VIF leaves "verifying"; prefixes added
 * later go through AWS Support.
 */
export const ROUTE_FILTER_VERIFICATION_NOTE =
  'AWS checks that these prefixes are registered to you (the interface stays "verifying" for up to 72 hours). Adding prefixes later needs a request to AWS Support, so list all of them now.';
