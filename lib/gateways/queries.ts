import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { orgScope, readScope } from '../db/scope';
import { asnNumber, listedStatuses, liveAssociationWhere, liveVifWhere, vpnGatewayCoreSelect } from './facts';
import { gatewayRegions } from './regions';

/** Scoped reads for the gateway pages: DTOs with numbers for ASNs, never raw rows. */

export async function listDxGateways(actor: Actor) {
  const rows = await db().directConnectGateway.findMany({
    where: { ...readScope(actor), portalStatus: { in: [...listedStatuses] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      amazonSideAsn: true,
      portalStatus: true,
      awsGatewayId: true,
      awsState: true,
      awsAccount: { select: { id: true, name: true, accountId: true } },
      org: { select: { name: true } },
    },
  });
  // Counted for just these gateways with one grouped query each (a `_count` in the select counts
  // the VIFs of every gateway before the WHERE is applied).
  const ids = rows.map((r) => r.id);
  const [associations, vifs] = ids.length
    ? await Promise.all([
        db().gatewayAssociation.groupBy({ by: ['dxGatewayId'], where: { ...liveAssociationWhere, dxGatewayId: { in: ids } }, _count: { _all: true } }),
        db().virtualInterface.groupBy({ by: ['dxGatewayId'], where: { ...liveVifWhere, dxGatewayId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const associationCount = new Map(associations.map((a) => [a.dxGatewayId, a._count._all]));
  const vifCount = new Map(vifs.map((v) => [v.dxGatewayId, v._count._all]));
  return rows.map(({ amazonSideAsn, ...rest }) => ({
    ...rest,
    amazonSideAsn: asnNumber(amazonSideAsn),
    associationCount: associationCount.get(rest.id) ?? 0,
    attachedVifCount: vifCount.get(rest.id) ?? 0,
  }));
}

export type DxGatewayListItem = Awaited<ReturnType<typeof listDxGateways>>[number];

export async function listVpnGateways(actor: Actor) {
  const rows = await db().virtualPrivateGateway.findMany({
    where: { ...readScope(actor), portalStatus: { in: [...listedStatuses] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...vpnGatewayCoreSelect,
      amazonSideAsn: true,
      awsAccount: { select: { id: true, name: true, accountId: true } },
      org: { select: { name: true } },
      associations: { where: liveAssociationWhere, select: { awsState: true, dxGateway: { select: { id: true, name: true } } }, take: 1 },
    },
  });
  return rows.map(({ amazonSideAsn, associations, ...rest }) => ({ ...rest, amazonSideAsn: asnNumber(amazonSideAsn), association: associations[0] ?? null }));
}

export type VpnGatewayListItem = Awaited<ReturnType<typeof listVpnGateways>>[number];

/** What the create forms offer: every AWS account of the organisation (unverified ones say why not) and the Regions. */
export async function gatewayCatalog(actor: Actor) {
  const [accounts, regions] = await Promise.all([
    db().awsAccount.findMany({ where: orgScope(actor), select: { id: true, name: true, accountId: true, status: true }, orderBy: { createdAt: 'asc' } }),
    gatewayRegions(actor),
  ]);
  return { accounts, regions };
}

export type GatewayCatalog = Awaited<ReturnType<typeof gatewayCatalog>>;

/**
 * Fingerprint of the gateway list page for live refresh. Every state change writes an event, so
 * the newest event id plus the row counts change exactly when the page would (the sync's
 * "last checked" stamps alone do not trigger a refresh).
 */
export async function gatewaysVersion(actor: Actor): Promise<string> {
  const scope = readScope(actor);
  const [dx, vgw, event] = await Promise.all([
    db().directConnectGateway.count({ where: scope }),
    db().virtualPrivateGateway.count({ where: scope }),
    db().event.aggregate({ where: { ...scope, subjectType: { in: ['DX_GATEWAY', 'VPN_GATEWAY', 'GATEWAY_ASSOCIATION'] } }, _max: { id: true } }),
  ]);
  return [dx, vgw, event._max.id ?? 0].join(':');
}

// ───────────── API v1: every field a client sends, as stored, plus AWS's view ─────────────

type After = { createdAt: Date; id: string };
const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
const afterWhere = (after: After | undefined) => (after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {});

export const apiDxGatewaySelect = {
  id: true,
  awsAccountId: true,
  name: true,
  amazonSideAsn: true,
  portalStatus: true,
  awsGatewayId: true,
  awsState: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
  awsAccount: { select: { accountId: true } },
} satisfies Prisma.DirectConnectGatewaySelect;
export type ApiDxGatewayRow = Prisma.DirectConnectGatewayGetPayload<{ select: typeof apiDxGatewaySelect }>;

export const apiVpnGatewaySelect = {
  id: true,
  awsAccountId: true,
  name: true,
  region: true,
  amazonSideAsn: true,
  portalStatus: true,
  awsVpnGatewayId: true,
  awsState: true,
  vpcId: true,
  attachmentState: true,
  propagatingRouteTableIds: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
  awsAccount: { select: { accountId: true } },
} satisfies Prisma.VirtualPrivateGatewaySelect;
export type ApiVpnGatewayRow = Prisma.VirtualPrivateGatewayGetPayload<{ select: typeof apiVpnGatewaySelect }>;

export const apiAssociationSelect = {
  id: true,
  dxGatewayId: true,
  vpnGatewayId: true,
  allowedPrefixes: true,
  portalStatus: true,
  awsAssociationId: true,
  awsState: true,
  stateChangeError: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.GatewayAssociationSelect;
export type ApiAssociationRow = Prisma.GatewayAssociationGetPayload<{ select: typeof apiAssociationSelect }>;

/** Gateways still tracked (creating, active, deleting), newest first after a keyset cursor. */
export async function dxGatewaysAfter(actor: Actor, options: { after?: After; limit: number }) {
  const rows = await db().directConnectGateway.findMany({
    where: { AND: [{ ...readScope(actor), portalStatus: { in: [...listedStatuses] } }, afterWhere(options.after)] },
    select: apiDxGatewaySelect,
    orderBy: newestFirst,
    take: options.limit + 1,
  });
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

export async function vpnGatewaysAfter(actor: Actor, options: { after?: After; limit: number }) {
  const rows = await db().virtualPrivateGateway.findMany({
    where: { AND: [{ ...readScope(actor), portalStatus: { in: [...listedStatuses] } }, afterWhere(options.after)] },
    select: apiVpnGatewaySelect,
    orderBy: newestFirst,
    take: options.limit + 1,
  });
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

export async function associationsAfter(actor: Actor, options: { dxGatewayId?: string; after?: After; limit: number }) {
  const rows = await db().gatewayAssociation.findMany({
    where: { AND: [{ ...readScope(actor), portalStatus: { in: [...listedStatuses] }, ...(options.dxGatewayId ? { dxGatewayId: options.dxGatewayId } : {}) }, afterWhere(options.after)] },
    select: apiAssociationSelect,
    orderBy: newestFirst,
    take: options.limit + 1,
  });
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

export async function dxGatewayForApi(actor: Actor, id: string): Promise<ApiDxGatewayRow | null> {
  return db().directConnectGateway.findFirst({ where: { id, ...readScope(actor) }, select: apiDxGatewaySelect });
}
export async function vpnGatewayForApi(actor: Actor, id: string): Promise<ApiVpnGatewayRow | null> {
  return db().virtualPrivateGateway.findFirst({ where: { id, ...readScope(actor) }, select: apiVpnGatewaySelect });
}
export async function associationForApi(actor: Actor, id: string): Promise<ApiAssociationRow | null> {
  return db().gatewayAssociation.findFirst({ where: { id, ...readScope(actor) }, select: apiAssociationSelect });
}
