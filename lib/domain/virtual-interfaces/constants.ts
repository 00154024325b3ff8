import type { VifType } from '@/lib/db/generated/enums';

/** AWS facts for virtual interfaces (DX-REFERENCE §4.1, §4.2, §7). */

/** Display order in the wizard. */
export const VIF_TYPES = ['PRIVATE', 'TRANSIT', 'PUBLIC'] as const satisfies readonly VifType[];
// A new Prisma VifType value breaks the build here until it is listed above.
type Exhaustive<T extends never> = T;
export type VifTypesComplete = Exhaustive<Exclude<VifType, (typeof VIF_TYPES)[number]>>;

export const ADDRESS_FAMILIES = ['ipv4', 'ipv6'] as const;
export type AddressFamilyValue = (typeof ADDRESS_FAMILIES)[number];

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;
/** Where VLAN suggestions start: low VLANs are often native or management VLANs on customer kit. */
export const VLAN_SUGGESTION_START = 100;

/** `asn` takes 1–2147483646; larger customer ASNs go in `asnLong` (model, §7.15). */
export const AWS_ASN_FIELD_MAX = 2_147_483_646;
export const AWS_LONG_ASN_MAX = 4_294_967_294;
/** Amazon's own ASNs: 7224 on public VIFs and legacy VGWs; the others are Amazon's Internet ASNs. */
export const AMAZON_PUBLIC_ASN = 7224;
export const AMAZON_ASNS: ReadonlySet<number> = new Set([7224, 8987, 14618, 16509]);

export const AUTH_KEY_MIN = 6;
export const AUTH_KEY_MAX = 80;

export const VIF_NAME_MAX = 100;

export const MTU_DEFAULT = 1500;
export const MTU_OPTIONS = {
  PRIVATE: [1500, 9001],
  TRANSIT: [1500, 8500],
  PUBLIC: [],
} as const satisfies Record<VifType, readonly number[]>;

export const MAX_ROUTE_FILTER_PREFIXES = 1000;

/** Per dedicated connection (or LAG); a hosted connection carries one VIF of any type. */
export const MAX_PRIVATE_PUBLIC_VIFS_PER_CONNECTION = 50;
export const MAX_TRANSIT_VIFS_PER_CONNECTION = 4;
export const MAX_VIFS_PER_CONNECTION = 51;
export const MAX_VIFS_PER_HOSTED_CONNECTION = 1;

export const FAILOVER_TEST_MIN_MINUTES = 1;
export const FAILOVER_TEST_MAX_MINUTES = 4320;
export const FAILOVER_TEST_DEFAULT_MINUTES = 180;

export const vifTypeInfo = {
  PRIVATE: {
    label: 'Private',
    description: 'Reaches your VPCs over private addresses, through a Direct Connect gateway (VPCs in any Region) or a virtual private gateway (one VPC in this Region).',
  },
  TRANSIT: {
    label: 'Transit',
    description: 'Reaches the VPCs behind your transit gateways, through a Direct Connect gateway associated with them.',
  },
  PUBLIC: {
    label: 'Public',
    description: 'Reaches AWS public endpoints (such as Amazon S3) and public IP addresses; needs public peer addresses and prefixes that you own.',
  },
} as const satisfies Record<VifType, { label: string; description: string }>;

/** The type as Direct Connect spells it (`virtualInterfaceType`). */
export function awsVifType(type: VifType): 'private' | 'public' | 'transit' {
  return type === 'PRIVATE' ? 'private' : type === 'PUBLIC' ? 'public' : 'transit';
}

/** Direct Connect's `virtualInterfaceType` back to the portal enum; null for anything else. */
export function vifTypeFromAws(type: string | undefined | null): VifType | null {
  return type === 'private' ? 'PRIVATE' : type === 'public' ? 'PUBLIC' : type === 'transit' ? 'TRANSIT' : null;
}

export function isVifType(value: unknown): value is VifType {
  return typeof value === 'string' && (VIF_TYPES as readonly string[]).includes(value);
}
