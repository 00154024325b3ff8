import { dxClientError } from '../errors.js';
import { uuid } from '../state/ids.js';
import type { Association, DxGateway, VpnGateway } from '../state/types.js';
import { bySeq, type DxContext, nextSeq, ownedDxGateway } from './context.js';
import { type Input, optCidrList, optNumber, optString, readTags, reqString } from './input.js';
import { attachmentState } from './lifecycle.js';
import { cidrsOverlap, parseCidr4 } from './net.js';
import { renderAssociation, renderAttachment, renderDxGateway } from './render.js';
import { paginate, validateAmazonSideAsn, validateName } from './rules.js';

/** Quotas §4.1. */
export const MAX_DX_GATEWAYS_PER_ACCOUNT = 200;
export const MAX_VGWS_PER_DX_GATEWAY = 20;

const activeAssociation = (a: Association) => a.state !== 'disassociated';

export function createDirectConnectGateway(ctx: DxContext, input: Input): unknown {
  const name = reqString(input, 'directConnectGatewayName');
  validateName(name, 'Direct Connect gateway');
  const asn = optNumber(input, 'amazonSideAsn') ?? 64512;
  validateAmazonSideAsn(asn, 'Direct Connect gateway');
  const tags = readTags(input);
  const owned = Object.values(ctx.state.dxGateways).filter((g) => g.ownerAccount === ctx.caller.accountId);
  if (owned.length >= MAX_DX_GATEWAYS_PER_ACCOUNT) {
    throw dxClientError(`Account ${ctx.caller.accountId} has reached the limit of ${MAX_DX_GATEWAYS_PER_ACCOUNT} Direct Connect gateways.`);
  }
  // The CLI sample shows `available` straight away in the create response (§5).
  const gw: DxGateway = { id: uuid(), seq: nextSeq(ctx), name, ownerAccount: ctx.caller.accountId, amazonSideAsn: asn, state: 'available', tags };
  ctx.state.dxGateways[gw.id] = gw;
  return { directConnectGateway: renderDxGateway(gw) };
}

export function describeDirectConnectGateways(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'directConnectGatewayId');
  const all = id
    ? [ownedDxGateway(ctx, id)]
    : bySeq(Object.values(ctx.state.dxGateways).filter((g) => g.ownerAccount === ctx.caller.accountId && g.state !== 'deleted'));
  const { page, nextToken } = paginate(all, input, 'DescribeDirectConnectGateways');
  return { directConnectGateways: page.map(renderDxGateway), ...(nextToken ? { nextToken } : {}) };
}

export function updateDirectConnectGateway(ctx: DxContext, input: Input): unknown {
  const gw = ownedDxGateway(ctx, reqString(input, 'directConnectGatewayId'));
  const name = reqString(input, 'newDirectConnectGatewayName');
  validateName(name, 'Direct Connect gateway');
  if (gw.state !== 'available') throw dxClientError(`Direct Connect gateway ${gw.id} is in state ${gw.state}.`);
  gw.name = name;
  return { directConnectGateway: renderDxGateway(gw) };
}

/** Deletion guard: no associations and no attached VIFs (§7.10). */
export function deleteDirectConnectGateway(ctx: DxContext, input: Input): unknown {
  const gw = ownedDxGateway(ctx, reqString(input, 'directConnectGatewayId'));
  if (gw.state !== 'available') throw dxClientError(`DeleteDirectConnectGateway failed. Direct Connect gateway ${gw.id} is in state ${gw.state}.`);
  const assocs = Object.values(ctx.state.associations).filter((a) => a.directConnectGatewayId === gw.id && activeAssociation(a));
  if (assocs.length > 0) {
    throw dxClientError(`Direct Connect gateway ${gw.id} has ${assocs.length} association(s) with virtual private gateways (${assocs.map((a) => a.virtualGatewayId).join(', ')}). Delete the associations first.`);
  }
  const vifs = Object.values(ctx.state.vifs).filter((v) => v.directConnectGatewayId === gw.id && attachmentState(v) !== undefined && attachmentState(v) !== 'detached');
  if (vifs.length > 0) {
    throw dxClientError(`Direct Connect gateway ${gw.id} has ${vifs.length} attached virtual interface(s) (${vifs.map((v) => v.id).join(', ')}). Delete them first.`);
  }
  gw.state = 'deleting';
  ctx.scheduler.schedule('dxgw.deleted', gw.id, ctx.delays.deletion);
  return { directConnectGateway: renderDxGateway(gw) };
}

function vgwForAssociation(ctx: DxContext, id: string): VpnGateway {
  if (id.startsWith('tgw-')) throw dxClientError(`Transit gateway ${id} does not exist.`);
  const vgw = ctx.state.vpnGateways[id];
  if (!vgw || vgw.ownerAccount !== ctx.caller.accountId || vgw.state === 'deleted' || vgw.state === 'deleting') {
    throw dxClientError(`Virtual private gateway ${id} does not exist.`);
  }
  return vgw;
}

function vpcCidrOf(ctx: DxContext, vgw: VpnGateway): string | undefined {
  const att = vgw.attachments.find((a) => a.state === 'attached');
  return att ? ctx.state.vpcs[att.vpcId]?.cidrBlock : undefined;
}

/** VGW must be attached to a VPC and not associated elsewhere; VPC CIDRs must not overlap (§4.3). */
export function createDirectConnectGatewayAssociation(ctx: DxContext, input: Input): unknown {
  const gw = ownedDxGateway(ctx, reqString(input, 'directConnectGatewayId'));
  if (gw.state !== 'available') throw dxClientError(`Direct Connect gateway ${gw.id} is in state ${gw.state}.`);
  const gatewayId = optString(input, 'gatewayId') || optString(input, 'virtualGatewayId');
  if (!gatewayId) throw dxClientError('Specify the virtual private gateway to associate with gatewayId (or virtualGatewayId).');
  const vgw = vgwForAssociation(ctx, gatewayId);
  if (vgw.state !== 'available') throw dxClientError(`Virtual private gateway ${vgw.id} is not available (state ${vgw.state}).`);
  const cidr = vpcCidrOf(ctx, vgw);
  if (!cidr) throw dxClientError(`Virtual private gateway ${vgw.id} must be attached to a VPC before it can be associated with a Direct Connect gateway.`);
  const existing = Object.values(ctx.state.associations).find((a) => a.virtualGatewayId === vgw.id && activeAssociation(a));
  if (existing) {
    throw dxClientError(
      existing.directConnectGatewayId === gw.id
        ? `Virtual private gateway ${vgw.id} is already associated with Direct Connect gateway ${gw.id} (association ${existing.id}).`
        : `Virtual private gateway ${vgw.id} is already associated with another Direct Connect gateway (${existing.directConnectGatewayId}).`,
    );
  }
  const siblings = Object.values(ctx.state.associations).filter((a) => a.directConnectGatewayId === gw.id && activeAssociation(a));
  if (siblings.length >= MAX_VGWS_PER_DX_GATEWAY) {
    throw dxClientError(`Direct Connect gateway ${gw.id} has reached the limit of ${MAX_VGWS_PER_DX_GATEWAY} associated virtual private gateways.`);
  }
  const prefixes = optCidrList(input, 'addAllowedPrefixesToDirectConnectGateway') ?? [cidr];
  checkPrefixOverlap(ctx, gw.id, prefixes, undefined);
  const assoc: Association = {
    id: uuid(),
    seq: nextSeq(ctx),
    directConnectGatewayId: gw.id,
    dxGatewayOwnerAccount: gw.ownerAccount,
    virtualGatewayId: vgw.id,
    virtualGatewayOwnerAccount: vgw.ownerAccount,
    virtualGatewayRegion: vgw.region,
    state: 'associating',
    allowedPrefixes: [...new Set(prefixes)],
  };
  ctx.state.associations[assoc.id] = assoc;
  ctx.scheduler.schedule('assoc.settled', assoc.id, ctx.delays.association);
  return { directConnectGatewayAssociation: renderAssociation(assoc) };
}

/** Allowed prefixes (VPC CIDRs by default) of associations on one DX gateway must not overlap. */
function checkPrefixOverlap(ctx: DxContext, gatewayId: string, prefixes: string[], self: string | undefined): void {
  for (const p of prefixes) if (!parseCidr4(p)) throw dxClientError(`Allowed prefix ${p} is not a valid IPv4 CIDR.`);
  for (const other of Object.values(ctx.state.associations)) {
    if (other.directConnectGatewayId !== gatewayId || !activeAssociation(other) || other.id === self) continue;
    for (const mine of prefixes) {
      const clash = [...other.allowedPrefixes, ...(other.pendingPrefixes ?? [])].find((p) => cidrsOverlap(mine, p));
      if (clash) {
        throw dxClientError(`The allowed prefix ${mine} overlaps ${clash}, already allowed for ${other.virtualGatewayId} on Direct Connect gateway ${gatewayId}.`);
      }
    }
  }
}

function visibleAssociation(ctx: DxContext, a: Association): boolean {
  return a.dxGatewayOwnerAccount === ctx.caller.accountId || a.virtualGatewayOwnerAccount === ctx.caller.accountId;
}

/**
 * AWS lists associations only for something named: a Direct Connect gateway, a virtual private
 * (or transit) gateway, or an association (model doc: "You must specify one of the following").
 * An unfiltered call is refused, so a client that would list "everything" fails here as on AWS.
 */
export function describeDirectConnectGatewayAssociations(ctx: DxContext, input: Input): unknown {
  const associationId = optString(input, 'associationId');
  const dxgwId = optString(input, 'directConnectGatewayId');
  const vgwId = optString(input, 'virtualGatewayId') || optString(input, 'associatedGatewayId');
  if (!associationId && !dxgwId && !vgwId) {
    throw dxClientError(
      'You must specify one of the following: a Direct Connect gateway (directConnectGatewayId), a virtual private or transit gateway (virtualGatewayId or associatedGatewayId), or an association (associationId).',
    );
  }
  if (dxgwId) ownedDxGateway(ctx, dxgwId);
  const all = Object.values(ctx.state.associations).filter(
    (a) =>
      visibleAssociation(ctx, a) &&
      (!associationId || a.id === associationId) &&
      (!dxgwId || a.directConnectGatewayId === dxgwId) &&
      (!vgwId || a.virtualGatewayId === vgwId),
  );
  const { page, nextToken } = paginate(bySeq(all), input, 'DescribeDirectConnectGatewayAssociations');
  return { directConnectGatewayAssociations: page.map(renderAssociation), ...(nextToken ? { nextToken } : {}) };
}

function findAssociation(ctx: DxContext, input: Input): Association {
  const associationId = optString(input, 'associationId');
  const dxgwId = optString(input, 'directConnectGatewayId');
  const vgwId = optString(input, 'virtualGatewayId');
  let found: Association | undefined;
  if (associationId) {
    found = ctx.state.associations[associationId];
  } else if (dxgwId && vgwId) {
    found = Object.values(ctx.state.associations).find((a) => a.directConnectGatewayId === dxgwId && a.virtualGatewayId === vgwId && activeAssociation(a));
  } else {
    throw dxClientError('Specify associationId, or directConnectGatewayId and virtualGatewayId.');
  }
  if (!found || !visibleAssociation(ctx, found) || !activeAssociation(found)) {
    throw dxClientError(`Direct Connect gateway association ${associationId ?? `${dxgwId ?? ''}/${vgwId ?? ''}`} does not exist.`);
  }
  return found;
}

export function updateDirectConnectGatewayAssociation(ctx: DxContext, input: Input): unknown {
  const assoc = findAssociation(ctx, input);
  if (assoc.state !== 'associated') throw dxClientError(`Direct Connect gateway association ${assoc.id} is in state ${assoc.state}.`);
  const add = optCidrList(input, 'addAllowedPrefixesToDirectConnectGateway') ?? [];
  const remove = new Set(optCidrList(input, 'removeAllowedPrefixesToDirectConnectGateway') ?? []);
  const next = [...new Set([...assoc.allowedPrefixes, ...add])].filter((c) => !remove.has(c));
  if (next.length === 0) throw dxClientError('An association must keep at least one allowed prefix.');
  checkPrefixOverlap(ctx, assoc.directConnectGatewayId, next, assoc.id);
  assoc.pendingPrefixes = next;
  assoc.state = 'updating';
  ctx.scheduler.schedule('assoc.settled', assoc.id, ctx.delays.association);
  return { directConnectGatewayAssociation: renderAssociation(assoc) };
}

export function deleteDirectConnectGatewayAssociation(ctx: DxContext, input: Input): unknown {
  const assoc = findAssociation(ctx, input);
  if (assoc.state === 'disassociating') throw dxClientError(`Direct Connect gateway association ${assoc.id} is already disassociating.`);
  assoc.state = 'disassociating';
  delete assoc.pendingPrefixes;
  ctx.scheduler.cancel('assoc.settled', assoc.id);
  ctx.scheduler.schedule('assoc.settled', assoc.id, ctx.delays.association);
  return { directConnectGatewayAssociation: renderAssociation(assoc) };
}

/** VIF↔DX gateway attachments; a gateway, a VIF, or both must be given (model doc). */
export function describeDirectConnectGatewayAttachments(ctx: DxContext, input: Input): unknown {
  const dxgwId = optString(input, 'directConnectGatewayId');
  const vifId = optString(input, 'virtualInterfaceId');
  if (!dxgwId && !vifId) throw dxClientError('Specify a Direct Connect gateway (directConnectGatewayId), a virtual interface (virtualInterfaceId), or both.');
  if (dxgwId) ownedDxGateway(ctx, dxgwId);
  const vifs = Object.values(ctx.state.vifs).filter(
    (v) =>
      (!dxgwId || v.directConnectGatewayId === dxgwId) &&
      (!vifId || v.id === vifId) &&
      (v.ownerAccount === ctx.caller.accountId || (dxgwId !== undefined && v.directConnectGatewayId === dxgwId)),
  );
  const rows = bySeq(vifs).map(renderAttachment).filter((r): r is Record<string, unknown> => r !== undefined);
  const { page, nextToken } = paginate(rows, input, 'DescribeDirectConnectGatewayAttachments');
  return { directConnectGatewayAttachments: page, ...(nextToken ? { nextToken } : {}) };
}

/** Deprecated DX view of the caller's EC2 VGWs in the Region. */
export function describeVirtualGateways(ctx: DxContext): unknown {
  const vgws = bySeq(Object.values(ctx.state.vpnGateways).filter((g) => g.ownerAccount === ctx.caller.accountId && g.region === ctx.region && g.state !== 'deleted'));
  return { virtualGateways: vgws.map((g) => ({ virtualGatewayId: g.id, virtualGatewayState: g.state })) };
}

