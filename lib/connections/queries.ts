import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { AwsConnectionState, ConnectionType, Prisma } from '../db/generated/client';
import { readScope } from '../db/scope';
import { currentStep, type LifecycleFacts } from '../domain/connections/lifecycle';
import { timelinePage } from '../events/timeline';

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
} satisfies Prisma.ConnectionSelect;

/** What a whole AWS connection, LAG or account id looks like (dxcon-fg5678ab, dxlag-…, 123456789012). */
const awsIdShape = /^(dx(con|lag)-[a-z0-9]{4,}|\d{12})$/i;

function where(actor: Actor, f: ConnectionFilters): Prisma.ConnectionWhereInput {
  const and: Prisma.ConnectionWhereInput[] = [readScope(actor)];
  if (f.view === 'open') and.push({ portalStatus: { in: ['SUBMITTED', 'APPROVED', 'PROVISIONING', 'PROVISIONING_FAILED', 'DECOMMISSIONING'] } });
  if (f.view === 'active') and.push({ portalStatus: 'ACTIVE' });
  if (f.view === 'closed') and.push({ portalStatus: { in: ['CLOSED', 'REJECTED'] } });
  if (f.awsState) and.push({ awsState: f.awsState });
  if (f.type) and.push({ type: f.type });
  if (f.locationId) and.push({ locationId: f.locationId });
  const q = f.q?.trim();
  if (q && awsIdShape.test(q)) {
    // A pasted AWS id or account id: an exact, indexed match instead of a substring scan of every row.
    and.push(/^\d{12}$/.test(q) ? { awsAccount: { accountId: q } } : { awsConnectionId: q.toLowerCase() });
  } else if (q) {
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
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  name: [{ name: 'asc' }, { id: 'asc' }],
  state: [{ awsState: 'asc' }, { portalStatus: 'asc' }, { createdAt: 'desc' }],
};

/**
 * Adds each connection's count of live VIFs with one grouped query over just these rows. (A
 * `_count` in the list's select makes PostgreSQL count the VIFs of every connection before the
 * page's LIMIT applies.)
 */
export async function withLiveVifCounts<T extends { id: string }>(rows: T[]): Promise<Array<T & { _count: { virtualInterfaces: number } }>> {
  if (rows.length === 0) return [];
  const counts = await db().virtualInterface.groupBy({
    by: ['connectionId'],
    where: { connectionId: { in: rows.map((r) => r.id) }, portalStatus: { notIn: ['DELETED'] } },
    _count: { _all: true },
  });
  const byId = new Map(counts.map((c) => [c.connectionId, c._count._all]));
  return rows.map((r) => ({ ...r, _count: { virtualInterfaces: byId.get(r.id) ?? 0 } }));
}

export function factsOf(
  c: Omit<LifecycleFacts, 'crossConnectStatus' | 'virtualInterfaceCount'> & {
    crossConnects: Array<{ status: NonNullable<LifecycleFacts['crossConnectStatus']> }>;
    _count: { virtualInterfaces: number };
  },
): LifecycleFacts {
  return { ...c, crossConnectStatus: c.crossConnects[0]?.status ?? null, virtualInterfaceCount: c._count.virtualInterfaces };
}


/** One page of connections with their current step; a fixed number of queries whatever the page or organisation size. */
export async function listConnections(actor: Actor, filters: ConnectionFilters = {}) {
  const page = Math.max(1, filters.page ?? 1);
  const w = where(actor, filters);
  const [total, page_] = await Promise.all([
    db().connection.count({ where: w }),
    db().connection.findMany({
      where: w,
      select: listSelect,
      orderBy: orderBy[filters.sort ?? 'newest'],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const rows = await withLiveVifCounts(page_);
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
  const [timeline, siblings] = await Promise.all([
    timelinePage({ connectionId: connection.id, ...readScope(actor) }),
    db().connection.findMany({
      where: { requestGroupId: connection.requestGroupId, id: { not: connection.id }, ...readScope(actor) },
      select: { id: true, name: true, awsState: true, portalStatus: true, location: { select: { code: true } } },
      orderBy: { groupIndex: 'asc' },
    }),
  ]);
  const installOrder = [...connection.crossConnects].reverse().find((c) => c.kind === 'INSTALL');
  const step = currentStep({ ...factsOf(connection), crossConnectStatus: installOrder?.status ?? null }, new Date());
  return { ...connection, timeline, siblings, step };
}

export type ConnectionDetail = NonNullable<Awaited<ReturnType<typeof getConnection>>>;

/** A cheap fingerprint of what the connection page shows, for live updates without reloading. */
export async function connectionVersion(actor: Actor, id: string): Promise<string | null> {
  // One statement: the row by primary key and its newest event from the (connectionId, id) index.
  const row = await db().connection.findFirst({
    where: { id, ...readScope(actor) },
    select: { updatedAt: true, events: { orderBy: { id: 'desc' }, take: 1, select: { id: true } } },
  });
  if (!row) return null;
  return `${row.updatedAt.getTime()}:${row.events[0]?.id ?? 0}`;
}

/** What the public API returns of a connection: every field a client sent, as stored, and the states. */
export const apiConnectionSelect = {
  id: true,
  name: true,
  type: true,
  bandwidth: true,
  region: true,
  resiliency: true,
  requestGroupId: true,
  groupIndex: true,
  notes: true,
  locationId: true,
  awsAccountId: true,
  portalStatus: true,
  awsState: true,
  awsConnectionId: true,
  awsDevice: true,
  vlan: true,
  rejectionReason: true,
  lastError: true,
  loaIssuedAt: true,
  loaExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  location: { select: { code: true } },
  awsAccount: { select: { accountId: true } },
  crossConnects: { where: { kind: 'INSTALL' }, select: { status: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ConnectionSelect;

export type ApiConnectionRow = Prisma.ConnectionGetPayload<{ select: typeof apiConnectionSelect }>;

/**
 * Newest first after a keyset cursor (createdAt, id): the same cost on page 1 and page 400, and
 * no row skipped or repeated when connections are added while a client pages.
 */
export async function connectionsAfter(
  actor: Actor,
  options: { filters?: Omit<ConnectionFilters, 'sort' | 'page'>; after?: { createdAt: Date; id: string }; limit: number },
): Promise<{ items: ApiConnectionRow[]; hasMore: boolean }> {
  const base = where(actor, options.filters ?? {});
  const after = options.after;
  const w: Prisma.ConnectionWhereInput = after
    ? { AND: [base, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
    : base;
  const rows = await db().connection.findMany({ where: w, select: apiConnectionSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.limit + 1 });
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

/** One connection for the API, or null when the actor may not see it. */
export async function connectionForApi(actor: Actor, id: string): Promise<ApiConnectionRow | null> {
  return db().connection.findFirst({ where: { id, ...readScope(actor) }, select: apiConnectionSelect });
}

/** The connections of one request, in their order: what POST /connections answers with. */
export async function requestGroupForApi(actor: Actor, requestGroupId: string): Promise<ApiConnectionRow[]> {
  return db().connection.findMany({ where: { requestGroupId, ...readScope(actor) }, select: apiConnectionSelect, orderBy: { groupIndex: 'asc' } });
}

/** Every connection of these requests, for the API (one query, whatever the number of requests). */
export async function requestGroupsForApi(actor: Actor, requestGroupIds: string[]): Promise<ApiConnectionRow[]> {
  if (requestGroupIds.length === 0) return [];
  return db().connection.findMany({ where: { requestGroupId: { in: requestGroupIds }, ...readScope(actor) }, select: apiConnectionSelect, orderBy: [{ createdAt: 'asc' }, { groupIndex: 'asc' }] });
}
