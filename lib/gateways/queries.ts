import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
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
