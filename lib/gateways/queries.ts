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
      _count: { select: { associations: { where: liveAssociationWhere }, virtualInterfaces: { where: liveVifWhere } } },
    },
  });
  return rows.map(({ amazonSideAsn, _count, ...rest }) => ({
    ...rest,
    amazonSideAsn: asnNumber(amazonSideAsn),
    associationCount: _count.associations,
    attachedVifCount: _count.virtualInterfaces,
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

const timelineSelect = { id: true, occurredAt: true, source: true, actorType: true, actorLabel: true, kind: true, fromState: true, toState: true, message: true } as const;

/** Events of a gateway and of its associations, oldest first (the timeline reverses them). */
export async function gatewayTimeline(orgId: string, subjects: Prisma.EventWhereInput[]) {
  const events = await db().event.findMany({
    where: { orgId, OR: subjects },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    select: timelineSelect,
    take: 500,
  });
  return events.map((e) => ({ ...e, id: e.id.toString() }));
}

/** The last event id among a gateway's and its associations' events, for live refresh. */
export async function lastEventId(orgId: string, subjects: Prisma.EventWhereInput[]): Promise<string> {
  const last = await db().event.findFirst({ where: { orgId, OR: subjects }, orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id.toString() ?? '0';
}
