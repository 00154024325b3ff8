import { containsAddress, containsPrefix, tryParseCidr, type Cidr } from './cidr';
import type { IpAddress } from './ip';

/**
 * What kind of space an address belongs to (IANA special-purpose registries, RFC 6890).
 * `global` means none of the special blocks below.
 */
export type AddressScope =
  | 'unspecified'
  | 'loopback'
  | 'this-network'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'
  | 'broadcast'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'global';

const block = (text: string, scope: AddressScope): { cidr: Cidr; scope: AddressScope } => {
  const cidr = tryParseCidr(text);
  if (!cidr) throw new Error(`bad built-in block ${text}`);
  return { cidr, scope };
};

// Most specific first: the first match wins.
const BLOCKS = [
  block('0.0.0.0/32', 'unspecified'),
  block('255.255.255.255/32', 'broadcast'),
  block('0.0.0.0/8', 'this-network'),
  block('10.0.0.0/8', 'private'),
  block('100.64.0.0/10', 'shared'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local'),
  block('172.16.0.0/12', 'private'),
  block('192.0.0.0/24', 'reserved'),
  block('192.0.2.0/24', 'documentation'),
  block('192.168.0.0/16', 'private'),
  block('198.18.0.0/15', 'benchmarking'),
  block('198.51.100.0/24', 'documentation'),
  block('203.0.113.0/24', 'documentation'),
  block('224.0.0.0/4', 'multicast'),
  block('240.0.0.0/4', 'reserved'),
  block('::/128', 'unspecified'),
  block('::1/128', 'loopback'),
  block('::ffff:0:0/96', 'ipv4-mapped'),
  block('2001:db8::/32', 'documentation'),
  block('fc00::/7', 'unique-local'),
  block('fe80::/10', 'link-local'),
  block('ff00::/8', 'multicast'),
];

export function addressScope(address: IpAddress): AddressScope {
  for (const { cidr, scope } of BLOCKS) if (containsAddress(cidr, address)) return scope;
  return 'global';
}

/** The scope of a whole prefix, or `mixed` when it spans a special block and other space. */
export function prefixScope(prefix: Cidr): AddressScope | 'mixed' {
  for (const { cidr, scope } of BLOCKS) if (containsPrefix(cidr, prefix)) return scope;
  return BLOCKS.some(({ cidr }) => containsPrefix(prefix, cidr)) ? 'mixed' : 'global';
}

/** Scopes that can never be a unicast peer or host address on a routed link. */
export const NEVER_UNICAST: ReadonlySet<AddressScope> = new Set([
  'unspecified',
  'loopback',
  'this-network',
  'multicast',
  'reserved',
  'broadcast',
  'ipv4-mapped',
]);

/** Scopes that are not reachable on the public Internet (RFC 1918, RFC 6598, link-local, ULA…). */
export const NOT_PUBLIC: ReadonlySet<AddressScope> = new Set([
  ...NEVER_UNICAST,
  'private',
  'shared',
  'link-local',
  'unique-local',
  'benchmarking',
]);
