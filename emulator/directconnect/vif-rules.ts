import { dxClientError } from '../errors.js';
import { generateAuthKey, dxId } from '../state/ids.js';
import type { BgpPeer, Connection, DxGateway, Vif, VifType, VpnGateway } from '../state/types.js';
import { type DxContext, ownedDxGateway } from './context.js';
import { vlanInUse } from './interconnects.js';
import { type Input, optCidrList, optString } from './input.js';
import { vifActive } from './lifecycle.js';
import { allocateIpv6125, allocateLinkLocal30, validateIpv4Peer, validateRouteFilterPrefix } from './net.js';
import { readAsn, readAuthKey, validateCustomerAsn, validateVlan } from './rules.js';

/** Quotas §4.1. */
export const MAX_PRIVATE_PUBLIC_PER_CONNECTION = 50;
export const MAX_TRANSIT_PER_CONNECTION = 4;
export const MAX_VIFS_PER_CONNECTION = 51;
export const MAX_VIFS_PER_DX_GATEWAY = 30;
export const MAX_ROUTE_FILTER_PREFIXES = 1000;

/**
 * The connection a VIF will ride on. Create*: the caller's own dedicated or (confirmed) hosted
 * connection. Allocate*: any connection-like resource the caller owns, incl. its interconnects.
 */
export function connectionForVif(ctx: DxContext, id: string, mode: 'create' | 'allocate'): Connection {
  const conn = ctx.state.connections[id];
  if (!conn || conn.ownerAccount !== ctx.caller.accountId || conn.region !== ctx.region) {
    throw dxClientError(`Could not find Connection with ID ${id}`);
  }
  if (mode === 'create' && conn.kind === 'interconnect') {
    throw dxClientError(`${id} is an interconnect; provision virtual interfaces on it for other accounts with the Allocate*VirtualInterface operations.`);
  }
  if (conn.phase !== 'pending' && conn.phase !== 'provisioned') {
    const why = conn.phase === 'ordering' ? 'the hosted connection must be accepted (ConfirmConnection) first' : `it is in state ${conn.phase}`;
    throw dxClientError(`The specified Connection ID is not available for virtual interface creation: ${id} (${why}).`);
  }
  return conn;
}

/** VLAN rules: 1–4094, unique on the connection/interconnect; a hosted connection's VIF uses its VLAN. */
export function checkVlan(ctx: DxContext, conn: Connection, vlan: number): void {
  validateVlan(vlan);
  if (conn.kind === 'hosted') {
    if (vlan !== conn.vlan) {
      throw dxClientError(`VLAN ${vlan} does not match VLAN ${conn.vlan ?? '?'} assigned to hosted connection ${conn.id}; a hosted connection's virtual interface must use the connection's VLAN.`);
    }
    return;
  }
  const clash = vlanInUse(ctx, conn.id, vlan);
  if (clash) throw dxClientError(`VLAN ${vlan} is already in use on connection ${conn.id} by ${clash}.`);
}

export function checkConnectionQuota(ctx: DxContext, conn: Connection, type: VifType): void {
  const active = Object.values(ctx.state.vifs).filter((v) => v.connectionId === conn.id && vifActive(v));
  if (conn.kind === 'hosted') {
    if (active.length >= 1) {
      throw dxClientError(`Hosted connection ${conn.id} supports only one virtual interface and already has ${active[0]?.id ?? ''}.`);
    }
    return;
  }
  const transit = active.filter((v) => v.type === 'transit').length;
  if (type === 'transit' && transit >= MAX_TRANSIT_PER_CONNECTION) {
    throw dxClientError(`Connection ${conn.id} has reached the limit of ${MAX_TRANSIT_PER_CONNECTION} transit virtual interfaces.`);
  }
  if (type !== 'transit' && active.length - transit >= MAX_PRIVATE_PUBLIC_PER_CONNECTION) {
    throw dxClientError(`Connection ${conn.id} has reached the limit of ${MAX_PRIVATE_PUBLIC_PER_CONNECTION} private and public virtual interfaces.`);
  }
  if (active.length >= MAX_VIFS_PER_CONNECTION) {
    throw dxClientError(`Connection ${conn.id} has reached the limit of ${MAX_VIFS_PER_CONNECTION} virtual interfaces.`);
  }
}

/** A VGW of the caller in this Region that a private VIF can use. */
export function vgwForVif(ctx: DxContext, id: string): VpnGateway {
  const vgw = ctx.state.vpnGateways[id];
  if (!vgw || vgw.ownerAccount !== ctx.caller.accountId || vgw.region !== ctx.region || vgw.state === 'deleted' || vgw.state === 'deleting') {
    throw dxClientError(`Virtual private gateway ${id} does not exist in ${ctx.region}.`);
  }
  if (vgw.state !== 'available') throw dxClientError(`Virtual private gateway ${id} is not available (state ${vgw.state}).`);
  return vgw;
}

/** A DX gateway of the caller that can take one more VIF of this type (30 per gateway, no mixing). */
export function dxGatewayForVif(ctx: DxContext, id: string, type: VifType, excludeVifId?: string): DxGateway {
  const gw = ownedDxGateway(ctx, id);
  if (gw.state !== 'available') throw dxClientError(`Direct Connect gateway ${id} is in state ${gw.state}.`);
  const attached = Object.values(ctx.state.vifs).filter((v) => v.directConnectGatewayId === id && vifActive(v) && v.id !== excludeVifId);
  if (attached.length >= MAX_VIFS_PER_DX_GATEWAY) {
    throw dxClientError(`Direct Connect gateway ${id} has reached the limit of ${MAX_VIFS_PER_DX_GATEWAY} attached virtual interfaces.`);
  }
  const other = attached.find((v) => v.type !== type);
  if (other) {
    throw dxClientError(`Direct Connect gateway ${id} already has ${other.type} virtual interfaces attached (${other.id}); ${type} and ${other.type} virtual interfaces cannot share a Direct Connect gateway.`);
  }
  return gw;
}

function addressesInUseOn(ctx: DxContext, connectionId: string): Set<string> {
  const used = new Set<string>();
  for (const v of Object.values(ctx.state.vifs)) {
    if (v.connectionId !== connectionId || !vifActive(v)) continue;
    for (const p of v.peers) if (p.phase !== 'deleted') used.add(p.amazonAddress.split('/')[0] ?? '').add(p.customerAddress.split('/')[0] ?? '');
  }
  return used;
}

function allAddresses(ctx: DxContext): Set<string> {
  const used = new Set<string>();
  for (const v of Object.values(ctx.state.vifs)) for (const p of v.peers) used.add(p.amazonAddress);
  return used;
}

/**
 * A new BGP peer from `asn/asnLong, authKey, addressFamily, amazonAddress, customerAddress`:
 * IPv6 is always auto-assigned (/125); IPv4 is given (public VIFs: public and required) or
 * auto-assigned from 169.254.0.0/16 (/30).
 */
export function buildPeer(ctx: DxContext, vif: Pick<Vif, 'type' | 'connectionId' | 'amazonSideAsn'>, spec: Input): BgpPeer {
  const asn = readAsn(spec);
  validateCustomerAsn(asn, vif.type === 'public' ? undefined : vif.amazonSideAsn);
  const family = optString(spec, 'addressFamily') ?? 'ipv4';
  if (family !== 'ipv4' && family !== 'ipv6') throw dxClientError(`addressFamily ${family} is not valid; use ipv4 or ipv6.`);
  const amazonAddress = optString(spec, 'amazonAddress') || undefined;
  const customerAddress = optString(spec, 'customerAddress') || undefined;
  const authKey = readAuthKey(spec) ?? generateAuthKey();
  let addresses: { amazonAddress: string; customerAddress: string };
  if (family === 'ipv6') {
    if (amazonAddress || customerAddress) {
      throw dxClientError('Custom IPv6 addresses are not supported; omit amazonAddress and customerAddress and Amazon assigns a /125 from its IPv6 pool.');
    }
    addresses = allocateIpv6125(allAddresses(ctx));
  } else if (amazonAddress && customerAddress) {
    validateIpv4Peer(amazonAddress, customerAddress, vif.type === 'public');
    const used = addressesInUseOn(ctx, vif.connectionId);
    for (const a of [amazonAddress, customerAddress]) {
      if (used.has(a.split('/')[0] ?? '')) throw dxClientError(`The IP address ${a} is already in use on connection ${vif.connectionId}.`);
    }
    addresses = { amazonAddress, customerAddress };
  } else if (amazonAddress || customerAddress) {
    throw dxClientError('amazonAddress and customerAddress must be specified together, or both omitted to have Amazon assign them.');
  } else if (vif.type === 'public') {
    throw dxClientError('A public virtual interface with address family ipv4 requires amazonAddress and customerAddress: public IPv4 addresses that you own.');
  } else {
    addresses = allocateLinkLocal30(allAddresses(ctx));
  }
  return { id: dxId('dxpeer'), addressFamily: family, asnLong: asn, authKey, ...addresses, phase: 'pending', routerUp: false };
}

export function readRouteFilterPrefixes(spec: Input): string[] {
  const prefixes = optCidrList(spec, 'routeFilterPrefixes') ?? [];
  if (prefixes.length === 0) {
    throw dxClientError('A public virtual interface requires at least one route filter prefix (routeFilterPrefixes): the public prefixes you will advertise.');
  }
  if (prefixes.length > MAX_ROUTE_FILTER_PREFIXES) {
    throw dxClientError(`A public virtual interface can advertise at most ${MAX_ROUTE_FILTER_PREFIXES} route filter prefixes.`);
  }
  prefixes.forEach(validateRouteFilterPrefix);
  return [...new Set(prefixes)];
}
