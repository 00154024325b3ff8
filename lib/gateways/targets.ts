import 'server-only';
import type { Actor } from '../auth/permissions';
import { db, type Tx } from '../db/client';
import type { DxGatewayState, VifType, VpnGatewayState } from '../db/generated/client';
import { readScope } from '../db/scope';
import type { DxGatewayForVif, VpnGatewayForVif } from '../domain/gateways';
import { asnNumber, liveAssociationWhere, liveVifWhere, trackedStatuses } from './facts';

/**
 * The gateways a virtual interface can attach to, with the facts the VIF rules need
 * (`checkDxGatewayAcceptsVif`, `checkVpnGatewayAcceptsVif` in lib/domain/gateways):
 * state (null while AWS has not created it), the types of the VIFs already attached, the
 * Amazon-side ASN the VIF's BGP session will peer with, the AWS ids and account, and for
 * virtual private gateways the Region. Scoped to the actor's organisation (staff: all).
 */
export type DxGatewayTarget = DxGatewayForVif & {
  name: string;
  awsGatewayId: string | null;
  awsAccountId: string;
  amazonSideAsn: number;
  associationCount: number;
};

export type VpnGatewayTarget = VpnGatewayForVif & {
  name: string;
  awsVpnGatewayId: string | null;
  awsAccountId: string;
  amazonSideAsn: number;
  vpcId: string | null;
  attachedVifCount: number;
};

type Filter = { awsAccountId?: string };

const dxSelect = {
  id: true,
  name: true,
  awsGatewayId: true,
  awsAccountId: true,
  awsState: true,
  amazonSideAsn: true,
  _count: { select: { associations: { where: liveAssociationWhere } } },
  virtualInterfaces: { where: liveVifWhere, select: { type: true } },
} as const;

const vgwSelect = {
  id: true,
  name: true,
  region: true,
  awsVpnGatewayId: true,
  awsAccountId: true,
  awsState: true,
  amazonSideAsn: true,
  vpcId: true,
  _count: { select: { virtualInterfaces: { where: liveVifWhere } } },
} as const;

function dxTarget(row: {
  id: string;
  name: string;
  awsGatewayId: string | null;
  awsAccountId: string;
  awsState: DxGatewayState | null;
  amazonSideAsn: bigint;
  _count: { associations: number };
  virtualInterfaces: Array<{ type: VifType }>;
}): DxGatewayTarget {
  return {
    id: row.id,
    name: row.name,
    state: row.awsState,
    attachedVifTypes: row.virtualInterfaces.map((v) => v.type),
    awsGatewayId: row.awsGatewayId,
    awsAccountId: row.awsAccountId,
    amazonSideAsn: asnNumber(row.amazonSideAsn),
    associationCount: row._count.associations,
  };
}

function vgwTarget(row: {
  id: string;
  name: string;
  region: string;
  awsVpnGatewayId: string | null;
  awsAccountId: string;
  awsState: VpnGatewayState | null;
  amazonSideAsn: bigint;
  vpcId: string | null;
  _count: { virtualInterfaces: number };
}): VpnGatewayTarget {
  return {
    id: row.id,
    name: row.name,
    state: row.awsState,
    region: row.region,
    awsVpnGatewayId: row.awsVpnGatewayId,
    awsAccountId: row.awsAccountId,
    amazonSideAsn: asnNumber(row.amazonSideAsn),
    vpcId: row.vpcId,
    attachedVifCount: row._count.virtualInterfaces,
  };
}

/** Every gateway of the organisation a VIF could use (optionally of one AWS account), oldest first. */
export async function listGatewayTargets(actor: Actor, filter: Filter = {}): Promise<{ dxGateways: DxGatewayTarget[]; vpnGateways: VpnGatewayTarget[] }> {
  const where = { ...readScope(actor), portalStatus: { in: [...trackedStatuses] }, ...(filter.awsAccountId ? { awsAccountId: filter.awsAccountId } : {}) };
  const [dx, vgw] = await Promise.all([
    db().directConnectGateway.findMany({ where, select: dxSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db().virtualPrivateGateway.findMany({ where, select: vgwSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return { dxGateways: dx.map(dxTarget), vpnGateways: vgw.map(vgwTarget) };
}

/**
 * One Direct Connect gateway of the organisation, for checking a VIF request on the server;
 * pass the transaction that creates the VIF so the facts are read in it. Null when not found.
 */
export async function dxGatewayTarget(actor: Actor, id: string, tx?: Tx): Promise<DxGatewayTarget | null> {
  const row = await (tx ?? db()).directConnectGateway.findFirst({ where: { id, ...readScope(actor), portalStatus: { in: [...trackedStatuses] } }, select: dxSelect });
  return row ? dxTarget(row) : null;
}

export async function vpnGatewayTarget(actor: Actor, id: string, tx?: Tx): Promise<VpnGatewayTarget | null> {
  const row = await (tx ?? db()).virtualPrivateGateway.findFirst({ where: { id, ...readScope(actor), portalStatus: { in: [...trackedStatuses] } }, select: vgwSelect });
  return row ? vgwTarget(row) : null;
}
