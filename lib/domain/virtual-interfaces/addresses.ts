import type { VifType } from '@/lib/db/generated/enums';
import {
  addressScope,
  formatCidr,
  formatIp,
  ipEquals,
  lastAddress,
  networkAddress,
  networkOf,
  NEVER_UNICAST,
  NOT_PUBLIC,
  offsetIp,
  parseCidr,
  parseIp,
  samePrefix,
  type AddressScope,
  type Cidr,
} from '@/lib/domain/net';
import type { AddressFamilyValue } from './constants';
import { error, warning, type Finding } from './findings';

type AddressField = 'customerAddress' | 'amazonAddress';

const LABEL: Record<AddressField, string> = { customerAddress: 'Customer address', amazonAddress: 'Amazon address' };
const IN_SENTENCE: Record<AddressField, string> = { customerAddress: 'customer address', amazonAddress: 'Amazon address' };
const OTHER: Record<AddressField, AddressField> = { customerAddress: 'amazonAddress', amazonAddress: 'customerAddress' };

const SCOPE_TEXT: Partial<Record<AddressScope, string>> = {
  private: 'a private address (RFC 1918)',
  shared: 'in the carrier-grade NAT range 100.64.0.0/10 (RFC 6598)',
  'link-local': 'a link-local address (169.254.0.0/16)',
  documentation: 'reserved for documentation (RFC 5737)',
  benchmarking: 'reserved for benchmarking (198.18.0.0/15, RFC 2544)',
  loopback: 'a loopback address (127.0.0.0/8)',
  multicast: 'a multicast address (224.0.0.0/4)',
  'this-network': 'in 0.0.0.0/8 ("this network")',
  reserved: 'in reserved IETF space',
  broadcast: 'the limited broadcast address',
  unspecified: 'the unspecified address',
};
const scopeText = (scope: AddressScope) => SCOPE_TEXT[scope] ?? `a ${scope} address`;

/** What a public VIF may not use: anything not routable on the Internet, including example ranges. */
const NOT_PUBLIC_FOR_VIF: ReadonlySet<AddressScope> = new Set([...NOT_PUBLIC, 'documentation']);

export type PeerAddressInput = {
  type: VifType;
  addressFamily: AddressFamilyValue;
  customerAddress?: string | null;
  amazonAddress?: string | null;
};

/** Findings plus, when both addresses are valid, their canonical text (address/length). */
export type PeerAddressCheck = { findings: Finding[]; customerAddress?: string; amazonAddress?: string };

/**
 * IPv4 peer addresses: both empty (AWS assigns a /30 from 169.254.0.0/16) or both given as
 * address/length, /30 or /31, in one subnet, different, and on a /30 neither the network nor
 * the broadcast address. Public VIFs need public addresses the customer owns and cannot use
 * AWS-assigned ones. IPv6 peer addresses are always assigned by AWS.
 */
export function checkPeerAddresses(input: PeerAddressInput): PeerAddressCheck {
  const text: Record<AddressField, string> = {
    customerAddress: (input.customerAddress ?? '').trim(),
    amazonAddress: (input.amazonAddress ?? '').trim(),
  };
  const fields = ['customerAddress', 'amazonAddress'] as const;
  if (input.addressFamily === 'ipv6') {
    return {
      findings: fields.filter((f) => text[f] !== '').map((f) => error(f, 'AWS assigns IPv6 peer addresses itself; leave both empty.')),
    };
  }
  const isPublic = input.type === 'PUBLIC';
  if (text.customerAddress === '' && text.amazonAddress === '') {
    if (!isPublic) return { findings: [] };
    return {
      findings: [
        error('customerAddress', 'Enter the customer address: a public IPv4 address that you own, with /30 or /31. AWS assigns addresses only for private and transit virtual interfaces.'),
        error('amazonAddress', "Enter the Amazon address: the other address of the same public /30 or /31 subnet (AWS's end of the link)."),
      ],
    };
  }
  const findings: Finding[] = [];
  const parsed: Partial<Record<AddressField, Cidr>> = {};
  for (const field of fields) {
    if (text[field] === '') {
      const other = IN_SENTENCE[OTHER[field]];
      findings.push(
        error(
          field,
          isPublic
            ? `Enter the ${IN_SENTENCE[field]} too: a public virtual interface needs both addresses, in the same subnet as the ${other}.`
            : `Enter the ${IN_SENTENCE[field]} too, in the same subnet as the ${other}, or leave both empty to let AWS assign a pair.`,
        ),
      );
      continue;
    }
    const result = checkOne(field, text[field], isPublic);
    findings.push(...result.findings);
    if (result.cidr) parsed[field] = result.cidr;
  }
  const { customerAddress: customer, amazonAddress: amazon } = parsed;
  if (!customer || !amazon || findings.some((f) => f.severity === 'error')) return { findings };
  if (customer.prefixLength !== amazon.prefixLength) {
    findings.push(
      error('amazonAddress', `Both addresses need the same prefix length: the customer address is /${customer.prefixLength}, the Amazon address /${amazon.prefixLength}.`),
    );
    return { findings };
  }
  if (!samePrefix(customer, amazon)) {
    findings.push(
      error(
        'amazonAddress',
        `The Amazon address and the customer address must be in the same subnet: ${text.customerAddress} is in ${formatCidr(networkOf(customer))}, ` +
          `${text.amazonAddress} is in ${formatCidr(networkOf(amazon))}.`,
      ),
    );
    return { findings };
  }
  if (ipEquals(customer.address, amazon.address)) {
    const [a, b] = usablePair(customer);
    findings.push(error('amazonAddress', `The Amazon address and the customer address must be different; in ${formatCidr(networkOf(customer))} use ${a} for one and ${b} for the other.`));
    return { findings };
  }
  return { findings, customerAddress: formatCidr(customer), amazonAddress: formatCidr(amazon) };
}

function checkOne(field: AddressField, text: string, isPublic: boolean): { findings: Finding[]; cidr?: Cidr } {
  const label = LABEL[field];
  if (!text.includes('/')) {
    const bare = parseIp(text);
    if (bare?.version === 4) return { findings: [error(field, `Give the ${IN_SENTENCE[field]} with its prefix length, e.g. ${text}/30 (/30 or /31).`)] };
  }
  const result = parseCidr(text);
  if (!result.ok) return { findings: [error(field, `${label} "${text}" is not an IPv4 address with a prefix length such as 169.254.10.2/30: ${result.reason}.`)] };
  const { cidr } = result;
  if (cidr.address.version === 6) {
    return { findings: [error(field, `${label} ${text} is IPv6, but the address family is IPv4. For IPv6, switch the address family and leave both addresses empty: AWS assigns them.`)] };
  }
  if (cidr.prefixLength !== 30 && cidr.prefixLength !== 31) {
    return { findings: [error(field, `${label} ${text}: the BGP link takes a /30 or a /31 (RFC 3021); /${cidr.prefixLength} is not accepted.`)] };
  }
  const scope = addressScope(cidr.address);
  if (NEVER_UNICAST.has(scope)) return { findings: [error(field, `${label} ${text} is ${scopeText(scope)}, which cannot be a BGP peer address.`)] };
  if (isPublic && NOT_PUBLIC_FOR_VIF.has(scope)) {
    return { findings: [error(field, `${label} ${text} is ${scopeText(scope)}; a public virtual interface needs public IPv4 addresses that you own.`)] };
  }
  if (cidr.prefixLength === 30) {
    const [a, b] = usablePair(cidr);
    if (ipEquals(cidr.address, networkAddress(cidr))) {
      return { findings: [error(field, `${label} ${text} is the network address of ${formatCidr(networkOf(cidr))}; on a /30 only ${a} and ${b} can be used.`)] };
    }
    if (ipEquals(cidr.address, lastAddress(cidr))) {
      return { findings: [error(field, `${label} ${text} is the broadcast address of ${formatCidr(networkOf(cidr))}; on a /30 only ${a} and ${b} can be used.`)] };
    }
  }
  const findings: Finding[] = [];
  if (!isPublic && (scope === 'documentation' || scope === 'benchmarking')) {
    findings.push(
      warning(field, `${label} ${text} is ${scopeText(scope)}. Fine in a lab, but meant for examples: real peerings use link-local (169.254.0.0/16), RFC 1918 or your own space.`),
    );
  }
  return { findings, cidr };
}

/** The two host addresses of a /30, or both addresses of a /31. */
function usablePair(cidr: Cidr): [string, string] {
  const base = networkAddress(cidr);
  const first = cidr.prefixLength === 31 ? 0n : 1n;
  return [offsetIp(base, first), offsetIp(base, first + 1n)].map((a) => (a ? formatIp(a) : '?')) as [string, string];
}

/** Peer addresses must be unique on the connection (AWS refuses a conflicting IP address). */
export function checkAddressesUnused(args: { customerAddress?: string; amazonAddress?: string; usedAddresses: Iterable<string> }): Finding[] {
  const used = [...args.usedAddresses].flatMap((t) => {
    const ip = parseIp(t.split('/')[0]?.trim() ?? '');
    return ip ? [ip] : [];
  });
  const findings: Finding[] = [];
  for (const field of ['customerAddress', 'amazonAddress'] as const) {
    const text = args[field];
    const ip = text ? parseIp(text.split('/')[0] ?? '') : null;
    if (ip && used.some((u) => ipEquals(u, ip))) {
      findings.push(error(field, `${formatIp(ip)} is already used by another virtual interface on this connection; choose another subnet.`));
    }
  }
  return findings;
}
