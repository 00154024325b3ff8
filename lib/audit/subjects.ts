import 'server-only';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { SubjectType } from '../db/generated/client';
import { connectionReadScope, orgScope, readScope } from '../db/scope';
import { subjectTypeOfAwsId } from './schema';

export type SubjectRef = { subjectType: SubjectType; subjectId: string };
export type SubjectInfo = { name: string; awsId: string | null };

type Ids = string[];
type Found = Array<{ id: string; name: string; awsId: string | null }>;

/**
 * One scoped query per subject type that appears on the page: names and AWS ids for the audit
 * log's object column. Objects the reader may not see (or that are gone) simply get no name.
 */
const loaders: Record<SubjectType, (actor: Actor, ids: Ids) => Promise<Found>> = {
  CONNECTION: async (actor, ids) =>
    (await db().connection.findMany({ where: { id: { in: ids }, ...readScope(actor) }, select: { id: true, name: true, awsConnectionId: true } })).map((r) => ({ id: r.id, name: r.name, awsId: r.awsConnectionId })),
  VIRTUAL_INTERFACE: async (actor, ids) =>
    (await db().virtualInterface.findMany({ where: { id: { in: ids }, ...readScope(actor) }, select: { id: true, name: true, awsVirtualInterfaceId: true } })).map((r) => ({ id: r.id, name: r.name, awsId: r.awsVirtualInterfaceId })),
  DX_GATEWAY: async (actor, ids) =>
    (await db().directConnectGateway.findMany({ where: { id: { in: ids }, ...readScope(actor) }, select: { id: true, name: true, awsGatewayId: true } })).map((r) => ({ id: r.id, name: r.name, awsId: r.awsGatewayId })),
  VPN_GATEWAY: async (actor, ids) =>
    (await db().virtualPrivateGateway.findMany({ where: { id: { in: ids }, ...readScope(actor) }, select: { id: true, name: true, awsVpnGatewayId: true } })).map((r) => ({ id: r.id, name: r.name, awsId: r.awsVpnGatewayId })),
  GATEWAY_ASSOCIATION: async (actor, ids) =>
    (
      await db().gatewayAssociation.findMany({
        where: { id: { in: ids }, ...readScope(actor) },
        select: { id: true, awsAssociationId: true, dxGateway: { select: { name: true } }, vpnGateway: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.dxGateway.name} ↔ ${r.vpnGateway.name}`, awsId: r.awsAssociationId })),
  AWS_ACCOUNT: async (actor, ids) =>
    (await db().awsAccount.findMany({ where: { id: { in: ids }, ...readScope(actor) }, select: { id: true, name: true, accountId: true } })).map((r) => ({ id: r.id, name: r.name, awsId: r.accountId })),
  CROSS_CONNECT: async (actor, ids) =>
    (await db().crossConnectOrder.findMany({ where: { id: { in: ids }, ...connectionReadScope(actor) }, select: { id: true, connection: { select: { name: true } } } })).map((r) => ({ id: r.id, name: `Work order for ${r.connection.name}`, awsId: null })),
  ORGANISATION: async (actor, ids) =>
    (await db().organisation.findMany({ where: { id: { in: actor.kind === 'customer' ? ids.filter((id) => id === orgScope(actor).orgId) : ids } }, select: { id: true, name: true } })).map((r) => ({ ...r, awsId: null })),
  USER: async (actor, ids) =>
    (
      await db().user.findMany({
        where: { id: { in: ids }, ...(actor.kind === 'customer' ? { memberships: { some: readScope(actor) } } : {}) },
        select: { id: true, name: true },
      })
    ).map((r) => ({ ...r, awsId: null })),
};

const key = (s: SubjectRef) => `${s.subjectType}:${s.subjectId}`;

/** Names and AWS ids for the subjects of a page of events: one query per subject type present. */
export async function describeSubjects(actor: Actor, subjects: SubjectRef[]): Promise<Map<string, SubjectInfo>> {
  const byType = new Map<SubjectType, Set<string>>();
  for (const s of subjects) {
    let ids = byType.get(s.subjectType);
    if (!ids) byType.set(s.subjectType, (ids = new Set()));
    ids.add(s.subjectId);
  }
  const found = await Promise.all([...byType].map(async ([type, ids]) => ({ type, rows: await loaders[type](actor, [...ids]) })));
  const info = new Map<string, SubjectInfo>();
  for (const { type, rows } of found) for (const r of rows) info.set(key({ subjectType: type, subjectId: r.id }), { name: r.name, awsId: r.awsId });
  return info;
}

export function subjectInfo(map: Map<string, SubjectInfo>, s: SubjectRef): SubjectInfo | null {
  return map.get(key(s)) ?? null;
}

/** The page an object lives on, when this reader may open it. */
export function subjectHref(actor: Actor, s: SubjectRef): string | null {
  switch (s.subjectType) {
    case 'CONNECTION':
      return can(actor, 'connection.read') ? `/connections/${s.subjectId}` : null;
    case 'VIRTUAL_INTERFACE':
      return can(actor, 'vif.read') ? `/virtual-interfaces/${s.subjectId}` : null;
    case 'DX_GATEWAY':
      return can(actor, 'gateway.read') ? `/gateways/dx/${s.subjectId}` : null;
    case 'VPN_GATEWAY':
      return can(actor, 'gateway.read') ? `/gateways/vgw/${s.subjectId}` : null;
    case 'CROSS_CONNECT':
      return can(actor, 'noc.crossConnect') ? `/noc/cross-connects/${s.subjectId}` : null;
    case 'AWS_ACCOUNT':
      return can(actor, 'awsAccount.read') ? `/aws-accounts/${s.subjectId}` : null;
    default:
      return null;
  }
}

/** The AWS id column of each object type that has one: a pasted AWS id resolves through it. */
const awsIdLookups: Partial<Record<SubjectType, (actor: Actor, id: string) => Promise<Array<{ id: string }>>>> = {
  CONNECTION: (actor, id) => db().connection.findMany({ where: { ...readScope(actor), OR: [{ id }, { awsConnectionId: id.toLowerCase() }] }, select: { id: true }, take: 10 }),
  VIRTUAL_INTERFACE: (actor, id) => db().virtualInterface.findMany({ where: { ...readScope(actor), OR: [{ id }, { awsVirtualInterfaceId: id.toLowerCase() }] }, select: { id: true }, take: 10 }),
  DX_GATEWAY: (actor, id) => db().directConnectGateway.findMany({ where: { ...readScope(actor), OR: [{ id }, { awsGatewayId: id }] }, select: { id: true }, take: 10 }),
  VPN_GATEWAY: (actor, id) => db().virtualPrivateGateway.findMany({ where: { ...readScope(actor), OR: [{ id }, { awsVpnGatewayId: id.toLowerCase() }] }, select: { id: true }, take: 10 }),
  GATEWAY_ASSOCIATION: (actor, id) => db().gatewayAssociation.findMany({ where: { ...readScope(actor), OR: [{ id }, { awsAssociationId: id }] }, select: { id: true }, take: 10 }),
  // An AWS account id is unique per organisation, so staff may find it in several.
  AWS_ACCOUNT: (actor, id) => db().awsAccount.findMany({ where: { ...readScope(actor), OR: [{ id }, { accountId: id }] }, select: { id: true }, take: 10 }),
};

/**
 * The portal ids an object filter means: for types with an AWS id, the objects with that portal or
 * AWS id, looked up within the reader's scope; otherwise the id as given (the events query is
 * scoped too, so a foreign portal id finds nothing). Empty only for an AWS id nobody visible has.
 */
export async function resolveSubjectIds(actor: Actor, type: SubjectType, object: string): Promise<string[]> {
  const lookup = awsIdLookups[type];
  if (!lookup) return [object];
  const found = (await lookup(actor, object)).map((r) => r.id);
  if (found.length > 0) return found;
  return subjectTypeOfAwsId(object) ? [] : [object];
}
