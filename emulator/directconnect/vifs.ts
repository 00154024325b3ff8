import { dxClientError } from '../errors.js';
import { dxId } from '../state/ids.js';
import type { Vif, VifType } from '../state/types.js';
import { type DxContext, nextSeq, ownedVif } from './context.js';
import { assertPartner } from './interconnects.js';
import { type Input, optBool, optNumber, optString, readTags, reqObject, reqString } from './input.js';
import { vifState } from './lifecycle.js';
import { renderVif } from './render.js';
import { AMAZON_PUBLIC_ASN, validateCustomerAsn, validateMtu, validateName } from './rules.js';
import {
  buildPeer,
  checkConnectionQuota,
  checkVlan,
  connectionForVif,
  dxGatewayForVif,
  readRouteFilterPrefixes,
  vgwForVif,
} from './vif-rules.js';

type Gateways = { virtualGatewayId?: string; directConnectGatewayId?: string; amazonSideAsn?: number };

/** Resolve the VGW / DX gateway a private or transit VIF attaches to, and its Amazon-side ASN. */
function resolveGateways(ctx: DxContext, type: VifType, spec: Input, excludeVifId?: string): Gateways {
  const vgwId = optString(spec, 'virtualGatewayId') || undefined;
  const dxgwId = optString(spec, 'directConnectGatewayId') || undefined;
  if (type === 'public') {
    if (vgwId || dxgwId) throw dxClientError('A public virtual interface cannot be attached to a virtual private gateway or a Direct Connect gateway.');
    return { amazonSideAsn: AMAZON_PUBLIC_ASN };
  }
  if (type === 'transit') {
    if (vgwId) throw dxClientError('A transit virtual interface attaches to a Direct Connect gateway, not to a virtual private gateway.');
    if (!dxgwId) throw dxClientError('A transit virtual interface requires directConnectGatewayId.');
    const gw = dxGatewayForVif(ctx, dxgwId, type, excludeVifId);
    return { directConnectGatewayId: gw.id, amazonSideAsn: gw.amazonSideAsn };
  }
  if (vgwId && dxgwId) throw dxClientError('Specify either virtualGatewayId or directConnectGatewayId for a private virtual interface, not both.');
  if (vgwId) {
    const vgw = vgwForVif(ctx, vgwId);
    return { virtualGatewayId: vgw.id, amazonSideAsn: vgw.amazonSideAsn };
  }
  if (dxgwId) {
    const gw = dxGatewayForVif(ctx, dxgwId, type, excludeVifId);
    return { directConnectGatewayId: gw.id, amazonSideAsn: gw.amazonSideAsn };
  }
  throw dxClientError('A private virtual interface requires either virtualGatewayId or directConnectGatewayId.');
}

function newVif(
  ctx: DxContext,
  type: VifType,
  connectionId: string,
  spec: Input,
  allocation: { ownerAccount: string } | undefined,
): Vif {
  const conn = connectionForVif(ctx, connectionId, allocation ? 'allocate' : 'create');
  if (allocation && conn.kind === 'interconnect') assertPartner(ctx);
  const name = optString(spec, 'virtualInterfaceName');
  if (name === undefined) throw dxClientError('Missing required parameter virtualInterfaceName.');
  validateName(name, 'virtual interface');
  const vlan = optNumber(spec, 'vlan');
  if (vlan === undefined) throw dxClientError('Missing required parameter vlan.');
  checkVlan(ctx, conn, vlan);
  checkConnectionQuota(ctx, conn, type);
  const tags = readTags(spec);
  const mtu = type === 'public' ? 1500 : (optNumber(spec, 'mtu') ?? 1500);
  validateMtu(type, mtu);
  const siteLink = optBool(spec, 'enableSiteLink') ?? false;
  const gateways = allocation ? (type === 'public' ? { amazonSideAsn: AMAZON_PUBLIC_ASN } : {}) : resolveGateways(ctx, type, spec);
  if (siteLink && !gateways.directConnectGatewayId) {
    throw dxClientError('SiteLink can only be enabled on a virtual interface attached to a Direct Connect gateway.');
  }
  const routeFilterPrefixes = type === 'public' ? readRouteFilterPrefixes(spec) : [];
  const peer = buildPeer(ctx, { type, connectionId: conn.id, amazonSideAsn: gateways.amazonSideAsn }, spec);
  const phase = allocation ? 'confirming' : type === 'public' ? 'verifying' : 'pending';
  if (type === 'public' && phase === 'verifying') peer.phase = 'verifying';
  let id = dxId('dxvif');
  while (ctx.state.vifs[id]) id = dxId('dxvif');
  const vif: Vif = {
    id,
    seq: nextSeq(ctx),
    type,
    ownerAccount: allocation?.ownerAccount ?? ctx.caller.accountId,
    ...(allocation ? { allocatedBy: ctx.caller.accountId } : {}),
    connectionId: conn.id,
    region: conn.region,
    location: conn.location,
    name,
    vlan,
    asnLong: peer.asnLong,
    ...gateways,
    authKey: peer.authKey,
    amazonAddress: peer.amazonAddress,
    customerAddress: peer.customerAddress,
    addressFamily: peer.addressFamily,
    mtu,
    phase,
    routeFilterPrefixes,
    peers: [peer],
    siteLinkEnabled: siteLink,
    createdAt: ctx.scheduler.now(),
    tags,
  };
  ctx.state.vifs[id] = vif;
  if (phase === 'verifying') ctx.scheduler.schedule('vif.verified', id, ctx.delays.publicVifVerification);
  if (phase === 'pending') ctx.scheduler.schedule('vif.provisioned', id, ctx.delays.vifProvisioning);
  return vif;
}

function allocationOwner(ctx: DxContext, input: Input): { ownerAccount: string } {
  const ownerAccount = reqString(input, 'ownerAccount');
  if (!/^\d{12}$/.test(ownerAccount)) throw dxClientError(`ownerAccount ${ownerAccount} is not a valid AWS account ID (12 digits).`);
  if (!ctx.state.accounts[ownerAccount]) throw dxClientError(`The owner account ${ownerAccount} is not a valid AWS account.`);
  return { ownerAccount };
}

export function createPrivateVirtualInterface(ctx: DxContext, input: Input): unknown {
  const vif = newVif(ctx, 'private', reqString(input, 'connectionId'), reqObject(input, 'newPrivateVirtualInterface'), undefined);
  return renderVif(ctx.state, vif);
}

export function createPublicVirtualInterface(ctx: DxContext, input: Input): unknown {
  const vif = newVif(ctx, 'public', reqString(input, 'connectionId'), reqObject(input, 'newPublicVirtualInterface'), undefined);
  return renderVif(ctx.state, vif);
}

export function createTransitVirtualInterface(ctx: DxContext, input: Input): unknown {
  const vif = newVif(ctx, 'transit', reqString(input, 'connectionId'), reqObject(input, 'newTransitVirtualInterface'), undefined);
  return { virtualInterface: renderVif(ctx.state, vif) };
}

export function allocatePrivateVirtualInterface(ctx: DxContext, input: Input): unknown {
  const spec = reqObject(input, 'newPrivateVirtualInterfaceAllocation');
  const vif = newVif(ctx, 'private', reqString(input, 'connectionId'), spec, allocationOwner(ctx, input));
  return renderVif(ctx.state, vif);
}

export function allocatePublicVirtualInterface(ctx: DxContext, input: Input): unknown {
  const spec = reqObject(input, 'newPublicVirtualInterfaceAllocation');
  const vif = newVif(ctx, 'public', reqString(input, 'connectionId'), spec, allocationOwner(ctx, input));
  return renderVif(ctx.state, vif);
}

export function allocateTransitVirtualInterface(ctx: DxContext, input: Input): unknown {
  const spec = reqObject(input, 'newTransitVirtualInterfaceAllocation');
  const vif = newVif(ctx, 'transit', reqString(input, 'connectionId'), spec, allocationOwner(ctx, input));
  return { virtualInterface: renderVif(ctx.state, vif) };
}

/** The VIF owner accepts a hosted VIF, naming the gateway for private/transit (§7.4). */
function confirm(ctx: DxContext, input: Input, type: VifType, operation: string): unknown {
  const vif = ownedVif(ctx, reqString(input, 'virtualInterfaceId'));
  if (vif.type !== type) {
    throw dxClientError(`${operation} failed. ${vif.id} is a ${vif.type} virtual interface, not a ${type} one.`);
  }
  if (vif.phase !== 'confirming') throw dxClientError(`${operation} failed. ${vif.id} is in state ${vifState(ctx.state, vif)}`);
  const gateways = resolveGateways(ctx, type, input, vif.id);
  for (const p of vif.peers) validateCustomerAsn(p.asnLong, type === 'public' ? undefined : gateways.amazonSideAsn);
  Object.assign(vif, gateways);
  if (type === 'public') {
    vif.phase = 'verifying';
    for (const p of vif.peers) p.phase = 'verifying';
    ctx.scheduler.schedule('vif.verified', vif.id, ctx.delays.publicVifVerification);
  } else {
    vif.phase = 'pending';
    ctx.scheduler.schedule('vif.provisioned', vif.id, ctx.delays.vifProvisioning);
  }
  return { virtualInterfaceState: vifState(ctx.state, vif) };
}

export const confirmPrivateVirtualInterface = (ctx: DxContext, input: Input) => confirm(ctx, input, 'private', 'ConfirmPrivateVirtualInterface');
export const confirmPublicVirtualInterface = (ctx: DxContext, input: Input) => confirm(ctx, input, 'public', 'ConfirmPublicVirtualInterface');
export const confirmTransitVirtualInterface = (ctx: DxContext, input: Input) => confirm(ctx, input, 'transit', 'ConfirmTransitVirtualInterface');

