import type { z } from 'zod';
import {
  addressScope,
  canonicalPrefix,
  containsAddress,
  formatCidr,
  isUsableHostAddress,
  networkAddress,
  NEVER_UNICAST,
  NOT_PUBLIC,
  parseIp,
  prefixesOverlap,
  prefixScope,
  samePrefix,
  tryParseCidr,
  type Cidr,
} from '@/lib/domain/net';
import { INTERFACE_NAME_MAX } from './fields';
import { maxAdvertisedPrefixes, MTU_BY_VIF_TYPE, vifInterfaceName } from './names';
import type { RouterBundleParams } from './schema';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;
type Ctx = { p: RouterBundleParams; report: Report; valid: (...paths: string[]) => boolean };

/**
 * Rules that relate fields to each other. Runs even when field-level validation failed, so each
 * rule first asks whether the fields it reads are valid and silently skips otherwise.
 */
export function checkRouterBundle(p: RouterBundleParams, ctx: z.RefinementCtx<RouterBundleParams>): void {
  // An unknown key makes its object fail but leaves the known fields beside it valid.
  const invalid = ctx.issues
    .filter((issue) => issue.code !== 'unrecognized_keys')
    .map((issue) => (issue.path ?? []).map(String).join('.'));
  const valid = (...paths: string[]) =>
    paths.every((path) => !invalid.some((bad) => bad === '' || bad === path || bad.startsWith(`${path}.`) || path.startsWith(`${bad}.`)));
  // A value that is not even the right shape gets its type errors only.
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(p) || !isRecord(p.vif) || !isRecord(p.router) || !isRecord(p.options)) return;
  const c: Ctx = { p, valid, report: (path, message) => ctx.addIssue({ code: 'custom', path, message }) };
  const peer = checkPeering(c);
  checkVif(c);
  checkInterfaces(c);
  checkBackendNetworks(c, peer);
  checkBackendAddress(c);
  checkAcceptedPrefixes(c);
}

const versionOf = (family: 'ipv4' | 'ipv6') => (family === 'ipv4' ? 4 : 6);
const familyLabel = (version: 4 | 6) => (version === 4 ? 'IPv4' : 'IPv6');

/** Returns the peering subnet when both addresses are valid, for the overlap rules. */
function checkPeering({ p, report, valid }: Ctx): Cidr | null {
  if (!valid('vif.addressFamily', 'vif.type')) return null;
  const version = versionOf(p.vif.addressFamily);
  const checkOne = (field: 'customerAddress' | 'amazonAddress'): Cidr | null => {
    if (!valid(`vif.${field}`)) return null;
    const text = p.vif[field];
    const cidr = tryParseCidr(text);
    if (!cidr) return null;
    const path = ['vif', field];
    if (cidr.address.version !== version) {
      report(path, `${text} is ${familyLabel(cidr.address.version)} but addressFamily is ${p.vif.addressFamily}`);
      return null;
    }
    if (version === 4 && cidr.prefixLength !== 30 && cidr.prefixLength !== 31) {
      report(path, `IPv4 peering addresses must be /30 or /31 (AWS assigns one of these); got /${cidr.prefixLength}`);
      return null;
    }
    if (version === 6 && (cidr.prefixLength < 64 || cidr.prefixLength > 127)) {
      report(path, `IPv6 peering addresses must be /64 to /127 (AWS assigns a /125); got /${cidr.prefixLength}`);
      return null;
    }
    const scope = addressScope(cidr.address);
    if (NEVER_UNICAST.has(scope)) {
      report(path, `${text} is a ${scope} address, not a unicast host address`);
      return null;
    }
    if (version === 6 && scope === 'link-local') {
      report(path, `${text} is link-local; AWS peers over the global IPv6 /125 it assigns to the VIF`);
      return null;
    }
    if (p.vif.type === 'public' && version === 4 && NOT_PUBLIC.has(scope)) {
      report(path, `a public VIF needs public IPv4 addresses you own; ${text} is ${scope}`);
      return null;
    }
    if (!isUsableHostAddress(cidr)) {
      const subnet = canonicalPrefix(cidr);
      const what =
        cidr.address.value === networkAddress(cidr).value
          ? version === 4
            ? 'the network address'
            : 'the Subnet-Router anycast address'
          : 'the broadcast address';
      report(path, `${text} is ${what} of ${subnet}; use a host address of that subnet`);
      return null;
    }
    return cidr;
  };
  const customer = checkOne('customerAddress');
  const amazon = checkOne('amazonAddress');
  if (!customer || !amazon) return customer ?? amazon;
  const path = ['vif', 'amazonAddress'];
  if (customer.prefixLength !== amazon.prefixLength) {
    report(path, `amazonAddress must have the same prefix length as customerAddress (/${customer.prefixLength})`);
  } else if (!samePrefix(customer, amazon)) {
    report(path, `${p.vif.amazonAddress} is not in the same subnet as customerAddress (${canonicalPrefix(customer)})`);
  } else if (customer.address.value === amazon.address.value) {
    report(path, 'amazonAddress must differ from customerAddress');
  }
  return customer;
}

function checkVif({ p, report, valid }: Ctx): void {
  if (valid('vif.type', 'vif.mtu')) {
    const allowed: readonly number[] = MTU_BY_VIF_TYPE[p.vif.type];
    if (!allowed.includes(p.vif.mtu)) {
      report(
        ['vif', 'mtu'],
        p.vif.type === 'public'
          ? `a public VIF has no jumbo frames: MTU must be 1500; got ${p.vif.mtu}`
          : `a ${p.vif.type} VIF supports MTU ${allowed.join(' or ')}; got ${p.vif.mtu}`,
      );
    }
  }
  if (valid('vif.asn', 'vif.amazonSideAsn') && p.vif.asn === p.vif.amazonSideAsn) {
    report(['vif', 'amazonSideAsn'], `amazonSideAsn must differ from asn (${p.vif.asn}): the session to AWS is eBGP`);
  }
  if (valid('vif.type', 'options.advertiseDefaultRoute') && p.vif.type === 'public' && p.options.advertiseDefaultRoute) {
    report(
      ['options', 'advertiseDefaultRoute'],
      'a public VIF only accepts verified prefixes you own, never a default route; use a private or transit VIF',
    );
  }
}

const RESERVED_INTERFACE_NAMES = new Set(['lo', 'all', 'default']);

function checkInterfaces({ p, report, valid }: Ctx): void {
  if (!valid('router.interface', 'router.tagVlan', 'vif.vlan')) return;
  const { router } = p;
  const vifInterface = vifInterfaceName(router, p.vif.vlan);
  if (router.tagVlan && router.interface.includes('.')) {
    report(
      ['router', 'interface'],
      `with tagVlan give the physical parent interface (no "."); the bundle creates ${router.interface}.${p.vif.vlan} itself`,
    );
  } else if (vifInterface.length > INTERFACE_NAME_MAX) {
    report(
      ['router', 'interface'],
      `the VLAN subinterface name ${vifInterface} is ${vifInterface.length} characters; Linux allows ${INTERFACE_NAME_MAX}`,
    );
  }
  if (RESERVED_INTERFACE_NAMES.has(router.interface)) {
    report(['router', 'interface'], `"${router.interface}" cannot carry the Direct Connect link (reserved name)`);
  }
  if (!valid('router.backendInterface')) return;
  if (router.backendInterface === vifInterface) {
    report(
      ['router', 'backendInterface'],
      `backendInterface must differ from the Direct Connect interface ${vifInterface}: the server routes between two links`,
    );
  } else if (router.tagVlan && router.backendInterface === router.interface) {
    report(
      ['router', 'backendInterface'],
      `${router.interface} is the parent of the tagged VLAN and is configured without an address; put the backend network on another interface`,
    );
  }
}

/**
 * The rules every prefix list shares: each entry must be a prefix of the VIF's family, routable,
 * and listed once. `more` adds a list's own rules for entries that pass those.
 */
function checkPrefixList(
  { p, report, valid }: Ctx,
  list: 'router.backendNetworks' | 'options.acceptedPrefixes',
  prefixes: readonly string[],
  more: (cidr: Cidr, text: string, path: Path) => void = () => {},
): void {
  const version = versionOf(p.vif.addressFamily);
  const seen: { cidr: Cidr; index: number }[] = [];
  prefixes.forEach((text, index) => {
    const path = [...list.split('.'), index];
    if (!valid(path.join('.'))) return;
    const cidr = tryParseCidr(text);
    if (!cidr) return;
    if (cidr.address.version !== version) {
      report(path, `${text} is ${familyLabel(cidr.address.version)} but the VIF carries ${p.vif.addressFamily} routes only`);
      return;
    }
    const scope = prefixScope(cidr);
    if (scope !== 'mixed' && (NEVER_UNICAST.has(scope) || scope === 'link-local')) {
      report(path, `${text} is ${scope} space and cannot be routed`);
      return;
    }
    more(cidr, text, path);
    const duplicate = seen.find((s) => samePrefix(s.cidr, cidr));
    if (duplicate) report(path, `${text} duplicates ${list}[${duplicate.index}]`);
    seen.push({ cidr, index });
  });
}

function checkBackendNetworks(c: Ctx, peer: Cidr | null): void {
  const { p, report, valid } = c;
  if (!valid('vif.addressFamily', 'vif.type')) return;
  if (!Array.isArray(p.router.backendNetworks)) return;
  const version = versionOf(p.vif.addressFamily);
  checkPrefixList(c, 'router.backendNetworks', p.router.backendNetworks, (cidr, text, path) => {
    const scope = prefixScope(cidr);
    if (p.vif.type === 'public' && (scope === 'mixed' || NOT_PUBLIC.has(scope))) {
      report(path, `a public VIF only carries public prefixes you own; ${text} is ${scope === 'mixed' ? 'partly non-public' : scope}`);
    }
    if (p.vif.type === 'public' && version === 6 && cidr.prefixLength > 64) {
      report(path, `AWS accepts IPv6 prefixes of /64 or shorter on a public VIF; got /${cidr.prefixLength}`);
    }
    if (peer && prefixesOverlap(cidr, peer)) {
      report(path, `${text} overlaps the peering subnet ${canonicalPrefix(peer)}`);
    }
  });
  if (!valid('router.backendNetworks', 'options.advertiseDefaultRoute')) return;
  const count = p.router.backendNetworks.length + (p.options.advertiseDefaultRoute ? 1 : 0);
  const max = maxAdvertisedPrefixes(p.vif.type);
  if (count > max) {
    report(
      ['router', 'backendNetworks'],
      `AWS accepts at most ${max} prefixes per session on a ${p.vif.type} VIF and drops the session above that; this would advertise ${count}`,
    );
  }
}

function checkBackendAddress({ p, report, valid }: Ctx): void {
  if (!valid('router.backendAddress', 'router.backendNetworks', 'vif.addressFamily')) return;
  const text = p.router.backendAddress;
  if (text === undefined) return;
  const address = parseIp(text);
  if (!address) return;
  const path = ['router', 'backendAddress'];
  if (address.version !== versionOf(p.vif.addressFamily)) {
    report(path, `${text} is ${familyLabel(address.version)} but addressFamily is ${p.vif.addressFamily}`);
    return;
  }
  const home = p.router.backendNetworks
    .map((n) => tryParseCidr(n))
    .find((n): n is Cidr => n !== null && containsAddress(n, address));
  if (!home) {
    report(path, `${text} is not inside any of router.backendNetworks; it must be this server's address on the backend network`);
    return;
  }
  const asHost: Cidr = { address, prefixLength: home.prefixLength };
  if (!isUsableHostAddress(asHost)) {
    const what = address.value === networkAddress(home).value ? 'network' : 'broadcast';
    report(path, `${text} is the ${what} address of ${formatCidr(home)}; use a host address of that network`);
  }
}

function checkAcceptedPrefixes(c: Ctx): void {
  if (!c.valid('vif.addressFamily')) return;
  if (!Array.isArray(c.p.options.acceptedPrefixes)) return;
  checkPrefixList(c, 'options.acceptedPrefixes', c.p.options.acceptedPrefixes);
}
