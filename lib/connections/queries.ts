import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { AwsConnectionState, ConnectionType, Prisma } from '../db/generated/client';
import { readScope } from '../db/scope';
import { currentStep, type LifecycleFacts } from '../domain/connections/lifecycle';

export const PAGE_SIZE = 25;

export type ConnectionFilters = {
  q?: string;
  view?: 'open' | 'active' | 'closed' | 'all';
  awsState?: AwsConnectionState;
  type?: ConnectionType;
  locationId?: string;
  sort?: 'newest' | 'oldest' | 'name' | 'state';
  page?: number;
};

/** Counts the virtual interfaces that still exist, for {@link factsOf}. */
export const liveVifCount = { select: { virtualInterfaces: { where: { portalStatus: { notIn: ['DELETED' as const] } } } } } satisfies Prisma.ConnectionCountOutputTypeDefaultArgs;

const listSelect = {
  id: true,
  name: true,
  type: true,
  bandwidth: true,
  region: true,
  portalStatus: true,
  awsState: true,
  awsConnectionId: true,
  awsStateChangedAt: true,
  createdAt: true,
  decidedAt: true,
  rejectionReason: true,
  lastError: true,
  loaIssuedAt: true,
  loaExpiresAt: true,
  loaFirstIssuedAt: true,
  portUpAt: true,
  resiliency: true,
  requestGroupId: true,
  location: { select: { code: true, name: true } },
  awsAccount: { select: { accountId: true, name: true } },
  org: { select: { id: true, name: true } },
  crossConnects: { where: { kind: 'INSTALL' }, select: { status: true }, orderBy: { createdAt: 'desc' }, take: 1 },
  _count: liveVifCount,
} satisfies Prisma.ConnectionSelect;

function where(actor: Actor, f: ConnectionFilters): Prisma.ConnectionWhereInput {
  const and: Prisma.ConnectionWhereInput[] = [readScope(actor)];
  if (f.view === 'open') and.push({ portalStatus: { in: ['SUBMITTED', 'APPROVED', 'PROVISIONING', 'PROVISIONING_FAILED', 'DECOMMISSIONING'] } });
  if (f.view === 'active') and.push({ portalStatus: 'ACTIVE' });
  if (f.view === 'closed') and.push({ portalStatus: { in: ['CLOSED', 'REJECTED'] } });
  if (f.awsState) and.push({ awsState: f.awsState });
  if (f.type) and.push({ type: f.type });
  if (f.locationId) and.push({ locationId: f.locationId });
  const q = f.q?.trim();
  if (q) {
    const contains = { contains: q, mode: 'insensitive' as const };
    and.push({
      OR: [
        { id: q },
        { name: contains },
        { awsConnectionId: contains },
        { awsAccount: { accountId: { contains: q.replace(/\D/g, '') || q } } },
        { location: { code: contains } },
        // Organisation names only matter to staff; for customers it is always their own.
        ...(actor.kind === 'staff' ? [{ org: { name: contains } }] : []),
      ],
    });
  }
  return { AND: and };
}

const orderBy: Record<NonNullable<ConnectionFilters['sort']>, Prisma.ConnectionOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'asc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  name: [{ name: 'asc' }, { id: 'asc' }],
  state: [{ awsState: 'asc' }, { portalStatus: 'asc' }, { createdAt: 'desc' }],
};

export function factsOf(
  c: Omit<LifecycleFacts, 'crossConnectStatus' | 'virtualInterfaceCount'> & {
    crossConnects: Array<{ status: NonNullable<LifecycleFacts['crossConnectStatus']> }>;
    _count: { virtualInterfaces: number };
  },
): LifecycleFacts {
  return { ...c, crossConnectStatus: c.crossConnects[0]?.status ?? null, virtualInterfaceCount: c._count.virtualInterfaces };
}


/** One page of connections with their current step; two queries whatever the page size. */
export async function listConnections(actor: Actor, filters: ConnectionFilters = {}) {
  const page = Math.max(1, filters.page ?? 1);
  const w = where(actor, filters);
  const [total, rows] = await Promise.all([
    db().connection.count({ where: w }),
    db().connection.findMany({
      where: w,
      select: listSelect,
      orderBy: orderBy[filters.sort ?? 'newest'],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const now = new Date();
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: rows.map((row) => ({ ...row, step: currentStep(factsOf(row), now) })),
  };
}

export type ConnectionListItem = Awaited<ReturnType<typeof listConnections>>['items'][number];

export async function countConnections(actor: Actor): Promise<number> {
  return db().connection.count({ where: readScope(actor) });
}

/** Everything the connection page shows, or null when the actor may not see it. */
export async function getConnection(actor: Actor, id: string) {
  const connection = await db().connection.findFirst({
    where: { id, ...readScope(actor) },
    select: {
      ...listSelect,
      notes: true,
      vlan: true,
      awsDevice: true,
      jumboFrameCapable: true,
      hasLogicalRedundancy: true,
      acceptedAt: true,
      billingStoppedAt: true,
      deletedInAwsAt: true,
      lastSyncedAt: true,
      provisionAttempts: true,
      lastErrorAt: true,
      groupIndex: true,
      requestedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
      interconnect: { select: { awsInterconnectId: true, name: true } },
      awsAccount: { select: { id: true, accountId: true, name: true } },
      crossConnects: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          patchPanel: true,
          panelPort: true,
          awsDevice: true,
          awsPort: true,
          loaExpiresAt: true,
          createdAt: true,
          reservedAt: true,
          patchedAt: true,
          testedAt: true,
          completedAt: true,
        },
      },
      _count: liveVifCount,
    },
  });
  if (!connection) return null;
  const [events, siblings] = await Promise.all([
    db().event.findMany({
      where: { connectionId: connection.id },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      select: { id: true, occurredAt: true, source: true, actorType: true, actorLabel: true, kind: true, fromState: true, toState: true, message: true },
      take: 500,
    }),
    db().connection.findMany({
      where: { requestGroupId: connection.requestGroupId, id: { not: connection.id }, ...readScope(actor) },
      select: { id: true, name: true, awsState: true, portalStatus: true, location: { select: { code: true } } },
      orderBy: { groupIndex: 'asc' },
    }),
  ]);
  const installOrder = [...connection.crossConnects].reverse().find((c) => c.kind === 'INSTALL');
  const step = currentStep({ ...factsOf(connection), crossConnectStatus: installOrder?.status ?? null }, new Date());
  return { ...connection, events: events.map((e) => ({ ...e, id: e.id.toString() })), siblings, step };
}

export type ConnectionDetail = NonNullable<Awaited<ReturnType<typeof getConnection>>>;

/** A cheap fingerprint of what the connection page shows, for live updates without reloading. */
export async function connectionVersion(actor: Actor, id: string): Promise<string | null> {
  const row = await db().connection.findFirst({ where: { id, ...readScope(actor) }, select: { updatedAt: true } });
  if (!row) return null;
  const last = await db().event.findFirst({ where: { connectionId: id }, orderBy: { id: 'desc' }, select: { id: true } });
  return `${row.updatedAt.getTime()}:${last?.id ?? 0}`;
}
