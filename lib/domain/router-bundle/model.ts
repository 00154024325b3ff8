import {
  canonicalPrefix,
  formatCidr,
  formatIp,
  low32AsIpv4,
  tryParseCidr,
  type Cidr,
  type IpAddress,
} from '@/lib/domain/net';
import { bundleRootDir, vifInterfaceName } from './names';
import type { RouterBundleParams } from './schema';

/**
 * Everything the file renderers need, derived once from validated parameters: canonical address
 * text, interface names, the router id. Renderers only format; they decide nothing about values.
 */
export type BundleModel = {
  readonly p: RouterBundleParams;
  readonly version: 4 | 6;
  /** The interface that carries the peering address (`eth1.100` when tagged). */
  readonly vifInterface: string;
  /** The physical interface under the VLAN subinterface, when the server tags. */
  readonly parentInterface: string | null;
  readonly customerIp: string;
  readonly amazonIp: string;
  /** Customer interface address with prefix length, e.g. 169.254.10.2/30. */
  readonly customerCidr: string;
  readonly peerSubnet: string;
  readonly backendNetworks: readonly string[];
  readonly acceptedPrefixes: readonly string[];
  readonly routerId: string;
  readonly rootDir: string;
  /** Upper bound on prefixes accepted from AWS before the session is reset (see frr.ts). */
  readonly maxPrefixesIn: number;
};

const cidrOf = (text: string): Cidr => {
  const cidr = tryParseCidr(text);
  if (!cidr) throw new Error(`validated input holds an invalid prefix: ${text}`);
  return cidr;
};

/**
 * BGP identifier: the customer IPv4 address for an IPv4 session. An IPv6-only server has no IPv4
 * address to borrow, and FRR would otherwise pick one from any interface (or 0.0.0.0, which
 * keeps the session down). RFC 6286 only asks for a non-zero value unique within the AS, but
 * older peers reject identifiers outside unicast space, so the low 32 bits of the customer IPv6
 * address are used when they read as a unicast address (first octet 1–223, not 127), and are
 * otherwise moved into 10.0.0.0/8 keeping their low 24 bits.
 */
export function deriveRouterId(customer: IpAddress): string {
  if (customer.version === 4) return formatIp(customer);
  const low = low32AsIpv4(customer).value;
  const firstOctet = Number(low >> 24n);
  const unicastLooking = firstOctet >= 1 && firstOctet <= 223 && firstOctet !== 127;
  return formatIp({ version: 4, value: unicastLooking ? low : (low & 0xffffffn) | 0x0a000000n });
}

export function buildModel(p: RouterBundleParams): BundleModel {
  const customer = cidrOf(p.vif.customerAddress);
  const amazon = cidrOf(p.vif.amazonAddress);
  const canonicalList = (list: readonly string[]) => list.map((text) => canonicalPrefix(cidrOf(text)));
  return {
    p,
    version: customer.address.version,
    vifInterface: vifInterfaceName(p.router, p.vif.vlan),
    parentInterface: p.router.tagVlan ? p.router.interface : null,
    customerIp: formatIp(customer.address),
    amazonIp: formatIp(amazon.address),
    customerCidr: formatCidr(customer),
    peerSubnet: canonicalPrefix(customer),
    backendNetworks: canonicalList(p.router.backendNetworks),
    acceptedPrefixes: canonicalList(p.options.acceptedPrefixes),
    routerId: deriveRouterId(customer.address),
    rootDir: bundleRootDir(p.vif.id),
    maxPrefixesIn: p.vif.type === 'public' ? 50_000 : 1_000,
  };
}

/** `ip` or `ipv6`, the keyword FRR and iproute2 use for the family. */
export const ipKeyword = (m: BundleModel): 'ip' | 'ipv6' => (m.version === 4 ? 'ip' : 'ipv6');

export const describeVif = (m: BundleModel): string =>
  `AWS Direct Connect ${m.p.vif.type} VIF ${m.p.vif.id}, VLAN ${m.p.vif.vlan}, ${m.p.vif.addressFamily}`;
