import type { VifType } from '@/lib/db/generated/enums';
import { checkPeerAddresses } from './addresses';
import { asnWarning, readCustomerAsn } from './asn';
import { checkAuthKey } from './auth-key';
import { ADDRESS_FAMILIES, isVifType, type AddressFamilyValue } from './constants';
import { error, warning, type Finding } from './findings';
import { mtuWarning, readMtu } from './mtu';
import { checkVifName } from './name';
import { parseRouteFilterPrefixes, ROUTE_FILTER_VERIFICATION_NOTE, routeFilterWarning } from './route-filters';
import { checkOtherAccountId, checkTarget, normaliseAccountId, TARGET_KINDS, VIF_OWNERS, type TargetKind, type VifOwner } from './targets';
import { readVlan, vlanWarning } from './vlan';

export const ADDRESS_MODES = ['auto', 'manual'] as const;
export type AddressMode = (typeof ADDRESS_MODES)[number];
export const AUTH_KEY_MODES = ['generate', 'manual'] as const;
export type AuthKeyMode = (typeof AUTH_KEY_MODES)[number];

/**
 * A create-VIF request after every context-free rule passed. Values that do not apply are
 * absent: addresses unless entered (IPv4, manual), the key unless entered, MTU on public VIFs,
 * the other account unless owner is "other", the gateway id that was not chosen; route filter
 * prefixes are empty except on public VIFs.
 */
export type CreateVif = {
  connectionId: string;
  type: VifType;
  name: string;
  vlan: number;
  addressFamily: AddressFamilyValue;
  asn: number;
  addressMode: AddressMode;
  customerAddress?: string;
  amazonAddress?: string;
  authKeyMode: AuthKeyMode;
  authKey?: string;
  mtu?: number;
  owner: VifOwner;
  otherAccountId?: string;
  targetKind: TargetKind;
  dxGatewayId?: string;
  vpnGatewayId?: string;
  routeFilterPrefixes: string[];
};

/** The raw form values, possibly invalid (the schema runs the rules even when a field failed its type). */
export type RawCreateVif = { [K in keyof CreateVif]?: unknown };

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((value) => value === v);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (isOneOf(values, v) ? v : undefined);
const listInput = (v: unknown): string | string[] | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : undefined;

/**
 * Runs every context-free rule on the raw form values. Modes left out are inferred, so an API
 * caller may send just the fields it means: addresses given → manual, key given → manual, one
 * gateway id given → that gateway.
 */
export function analyseCreateVif(raw: RawCreateVif): { findings: Finding[]; value: CreateVif | null } {
  const findings: Finding[] = [];
  const connectionId = text(raw.connectionId);
  const type = isVifType(raw.type) ? raw.type : undefined;
  const addressFamily = oneOf(ADDRESS_FAMILIES, raw.addressFamily ?? 'ipv4');
  const owner = oneOf(VIF_OWNERS, raw.owner ?? 'self');

  const nameProblem = checkVifName(text(raw.name));
  if (nameProblem) findings.push(error('name', nameProblem));
  const vlan = readVlan(raw.vlan);
  if (!vlan.ok) findings.push(error('vlan', vlan.message));
  const asn = readCustomerAsn(raw.asn);
  if (!asn.ok) findings.push(error('asn', asn.message));

  const customerText = text(raw.customerAddress);
  const amazonText = text(raw.amazonAddress);
  const addressMode = oneOf(ADDRESS_MODES, raw.addressMode ?? (customerText || amazonText ? 'manual' : 'auto'));
  let addresses: { customerAddress?: string; amazonAddress?: string } = {};
  if (type && addressFamily && addressMode) {
    if (addressFamily === 'ipv6' && addressMode === 'manual') {
      findings.push(error('addressMode', 'AWS assigns IPv6 peer addresses itself; choose automatic addressing and leave both addresses empty.'));
      findings.push(...checkPeerAddresses({ type, addressFamily, customerAddress: customerText, amazonAddress: amazonText }).findings);
    } else if (addressFamily === 'ipv4' && addressMode === 'auto' && type === 'PUBLIC') {
      findings.push(error('addressMode', 'A public virtual interface needs public IPv4 peer addresses that you own; AWS assigns addresses only for private and transit interfaces. Enter them.'));
    } else if (addressFamily === 'ipv4' && addressMode === 'manual') {
      if (customerText === '' && amazonText === '' && type !== 'PUBLIC') {
        const hint = ', or choose automatic addressing to let AWS assign a pair from 169.254.0.0/16.';
        findings.push(error('customerAddress', `Enter the customer address, e.g. 169.254.10.2/30${hint}`));
        findings.push(error('amazonAddress', `Enter the Amazon address, e.g. 169.254.10.1/30${hint}`));
      } else {
        const check = checkPeerAddresses({ type, addressFamily, customerAddress: customerText, amazonAddress: amazonText });
        findings.push(...check.findings);
        addresses = { customerAddress: check.customerAddress, amazonAddress: check.amazonAddress };
      }
    }
  }

  const keyText = typeof raw.authKey === 'string' ? raw.authKey : '';
  const authKeyMode = oneOf(AUTH_KEY_MODES, raw.authKeyMode ?? (keyText ? 'manual' : 'generate'));
  if (authKeyMode === 'manual') {
    const keyProblem = keyText === '' ? 'Enter the BGP MD5 key, or let AWS generate one.' : checkAuthKey(keyText);
    if (keyProblem) findings.push(error('authKey', keyProblem));
  }

  const mtu = type ? readMtu(raw.mtu, type) : null;
  if (mtu && !mtu.ok) findings.push(error('mtu', mtu.message));

  const otherAccountId = owner === 'other' ? normaliseAccountId(text(raw.otherAccountId)) : undefined;
  if (owner === 'other') {
    const problem = checkOtherAccountId(text(raw.otherAccountId));
    if (problem) findings.push(error('otherAccountId', problem));
  }

  const dxGatewayId = text(raw.dxGatewayId);
  const vpnGatewayId = text(raw.vpnGatewayId);
  let targetKind = oneOf(TARGET_KINDS, raw.targetKind);
  if (raw.targetKind === undefined) {
    if (dxGatewayId && vpnGatewayId) {
      findings.push(error('targetKind', 'Choose either a Direct Connect gateway or a virtual private gateway, not both.'));
    } else {
      targetKind = dxGatewayId ? 'dxGateway' : vpnGatewayId ? 'vpnGateway' : 'none';
    }
  }
  if (type && owner && targetKind) findings.push(...checkTarget({ type, owner, targetKind, dxGatewayId, vpnGatewayId }));

  let routeFilterPrefixes: string[] = [];
  if (type === 'PUBLIC') {
    const parsed = parseRouteFilterPrefixes(listInput(raw.routeFilterPrefixes));
    findings.push(...parsed.errors.map((m) => error('routeFilterPrefixes', m)));
    routeFilterPrefixes = parsed.prefixes;
  } else if (type && hasEntries(raw.routeFilterPrefixes)) {
    findings.push(
      error('routeFilterPrefixes', 'Only public virtual interfaces take route filter prefixes; private and transit interfaces learn your routes over BGP. Leave this empty.'),
    );
  }

  const valid = !findings.some((f) => f.severity === 'error');
  if (!valid || !connectionId || !type || !addressFamily || !addressMode || !authKeyMode || !owner || !targetKind || !vlan.ok || !asn.ok || !mtu?.ok) {
    return { findings, value: null };
  }
  return {
    findings,
    value: {
      connectionId,
      type,
      name: text(raw.name),
      vlan: vlan.vlan,
      addressFamily,
      asn: asn.asn,
      addressMode,
      ...(addresses.customerAddress && addresses.amazonAddress ? addresses : {}),
      authKeyMode,
      ...(authKeyMode === 'manual' ? { authKey: keyText } : {}),
      ...(mtu.mtu === undefined ? {} : { mtu: mtu.mtu }),
      owner,
      ...(otherAccountId ? { otherAccountId } : {}),
      targetKind,
      ...(targetKind === 'dxGateway' ? { dxGatewayId } : {}),
      ...(targetKind === 'vpnGateway' ? { vpnGatewayId } : {}),
      routeFilterPrefixes,
    },
  };
}

function hasEntries(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  return Array.isArray(v) && v.some((e) => typeof e === 'string' && e.trim() !== '');
}

/** Warnings that need no context: things AWS accepts but that are probably not what was meant. */
export function vifWarnings(input: CreateVif): Finding[] {
  const out: Finding[] = [];
  const add = (field: Finding['field'], message: string | null) => {
    if (message) out.push(warning(field, message));
  };
  add('vlan', vlanWarning(input.vlan));
  add('asn', asnWarning(input.asn, input.type));
  add('mtu', mtuWarning(input.mtu));
  if (input.customerAddress || input.amazonAddress) {
    out.push(...checkPeerAddresses(input).findings.filter((f) => f.severity === 'warning'));
  }
  if (input.type === 'PUBLIC') {
    add('routeFilterPrefixes', routeFilterWarning(input.routeFilterPrefixes, input.addressFamily));
    add('routeFilterPrefixes', ROUTE_FILTER_VERIFICATION_NOTE);
  }
  return out;
}
