import 'server-only';
import type { z } from 'zod';
import { can, type Actor } from '../auth/permissions';
import { physicalWorld } from '../aws/physical-world';
import { db } from '../db/client';
import type { CrossConnectStatus, Prisma } from '../db/generated/client';
import { staffCrossOrgScope } from '../db/scope';
import { crossConnectStatusLabels } from '../domain/connections/labels';
import { nextCrossConnectStep, testEvidence, type advanceCrossConnectSchema, type markTestedSchema, type reservePortSchema } from '../domain/connections/cross-connect';
import { opticsFor } from '../domain/connections/optics';
import { conflict, forbidden, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { timelinePage } from '../events/timeline';
import { enqueue } from '../jobs/enqueue';
import { logger } from '../log';

function requireCrossConnects(actor: Actor) {
  if (!can(actor, 'noc.crossConnect')) throw forbidden();
  return staffCrossOrgScope(actor);
}

const orderSelect = {
  id: true,
  kind: true,
  status: true,
  patchPanel: true,
  panelPort: true,
  awsDevice: true,
  loaExpiresAt: true,
  createdAt: true,
  reservedAt: true,
  reservedById: true,
  patchedAt: true,
  patchedById: true,
  testedAt: true,
  testedById: true,
  testRxDbm: true,
  testTxDbm: true,
  testNote: true,
  completedAt: true,
  completedById: true,
  connection: {
    select: {
      id: true,
      name: true,
      type: true,
      awsConnectionId: true,
      awsState: true,
      bandwidth: true,
      region: true,
      loaIssuedAt: true,
      org: { select: { id: true, name: true } },
      awsAccount: { select: { accountId: true, name: true } },
      location: { select: { code: true, name: true, facility: true } },
    },
  },
} satisfies Prisma.CrossConnectOrderSelect;

type OrderRow = Prisma.CrossConnectOrderGetPayload<{ select: typeof orderSelect }>;

/** Adds who did each step (names, one query for all orders) and the port's optics. */
async function withPeople<T extends OrderRow>(orders: T[]) {
  const ids = [...new Set(orders.flatMap((o) => [o.reservedById, o.patchedById, o.testedById, o.completedById]).filter((id): id is string => Boolean(id)))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.name]));
  const who = (id: string | null) => (id ? (name.get(id) ?? 'a former user') : null);
  return orders.map((o) => ({
    ...o,
    optics: opticsFor(o.connection.bandwidth),
    reservedBy: who(o.reservedById),
    patchedBy: who(o.patchedById),
    testedBy: who(o.testedById),
    completedBy: who(o.completedById),
  }));
}

export const crossConnectPageSize = 25;

/** Open orders soonest LOA expiry first, or finished ones newest first; a page at a time, with the total. */
export async function listCrossConnects(actor: Actor, view: 'open' | 'done' = 'open', page = 1) {
  requireCrossConnects(actor);
  const where: Prisma.CrossConnectOrderWhereInput = view === 'open' ? { status: { notIn: ['COMPLETE', 'CANCELLED'] } } : { status: { in: ['COMPLETE', 'CANCELLED'] } };
  const [orders, total] = await Promise.all([
    db().crossConnectOrder.findMany({
      where,
      orderBy: view === 'open' ? [{ loaExpiresAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] : [{ completedAt: 'desc' }, { id: 'asc' }],
      skip: (Math.max(1, page) - 1) * crossConnectPageSize,
      take: crossConnectPageSize,
      select: orderSelect,
    }),
    db().crossConnectOrder.count({ where }),
  ]);
  return { orders: await withPeople(orders), total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / crossConnectPageSize)) };
}

/** One work order with everything a facility technician needs, and its own history. */
export async function getCrossConnect(actor: Actor, id: string) {
  requireCrossConnects(actor);
  const order = await db().crossConnectOrder.findUnique({ where: { id }, select: orderSelect });
  if (!order) return null;
  const [withNames] = await withPeople([order]);
  const timeline = await timelinePage({ subjectType: 'CROSS_CONNECT', subjectId: id });
  return { ...withNames!, timeline };
}

export type CrossConnectRow = Awaited<ReturnType<typeof listCrossConnects>>['orders'][number];

const stamp: Record<CrossConnectStatus, (userId: string, at: Date) => Prisma.CrossConnectOrderUpdateManyMutationInput> = {
  OPEN: () => ({}),
  PORT_RESERVED: (userId, at) => ({ reservedById: userId, reservedAt: at }),
  PATCHED: (userId, at) => ({ patchedById: userId, patchedAt: at }),
  TESTED: (userId, at) => ({ testedById: userId, testedAt: at }),
  COMPLETE: (userId, at) => ({ completedById: userId, completedAt: at }),
  CANCELLED: () => ({}),
};

type Advance = {
  /** Columns written with the step (the reserved port, the test evidence). */
  extra?: Prisma.CrossConnectOrderUpdateManyMutationInput;
  /** What the timeline says beyond the step itself, given the connection's port speed. */
  detail?: (bandwidth: string) => string;
  data?: Prisma.InputJsonValue;
};

async function advance(actor: Actor, orderId: string, from: CrossConnectStatus, { extra = {}, detail, data }: Advance = {}) {
  requireCrossConnects(actor);
  const order = await db().crossConnectOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      kind: true,
      status: true,
      connection: { select: { id: true, orgId: true, name: true, region: true, bandwidth: true, awsAccountId: true, awsConnectionId: true } },
    },
  });
  if (!order) throw notFound('That work order');
  const step = nextCrossConnectStep(order.kind, from);
  if (order.status !== from || !step) throw conflict(`This work order is already ${crossConnectStatusLabels[order.status].label.toLowerCase()}; reload to see its current state.`);
  const now = new Date();
  await db().$transaction(async (tx) => {
    const updated = await tx.crossConnectOrder.updateMany({ where: { id: order.id, status: from }, data: { status: step.to, ...stamp[step.to](actor.userId, now), ...extra } });
    if (updated.count === 0) throw conflict('Someone else updated this work order; reload to see its current state.');
    const what = order.kind === 'CEASE' ? 'Cease work order' : 'Cross-connect';
    const details = detail ? detail(order.connection.bandwidth) : '';
    await recordEvent(tx, {
      orgId: order.connection.orgId,
      subjectType: 'CROSS_CONNECT',
      subjectId: order.id,
      connectionId: order.connection.id,
      source: 'FACILITY',
      actor: eventActor(actor),
      kind: `crossConnect.${step.to.toLowerCase()}`,
      fromState: from,
      toState: step.to,
      message: `${what}: ${crossConnectStatusLabels[step.to].label.toLowerCase()}${details}`.replace(/([^.])$/, '$1.'),
      data,
    });
    if (order.kind === 'INSTALL' && (step.to === 'PATCHED' || step.to === 'COMPLETE'))
      await enqueue(tx, 'syncAccount', { awsAccountId: order.connection.awsAccountId, region: order.connection.region }, { startAfterSeconds: 2 });
  });
  // Sandbox only: the fibre the engineer just patched now carries light. Against real AWS the
  // sync sees AWS change the state by itself.
  const world = physicalWorld();
  if (world && order.kind === 'INSTALL' && step.to === 'PATCHED' && order.connection.awsConnectionId) {
    await world.crossConnect(order.connection.awsConnectionId, 'patched').catch((error: unknown) => logger().warn({ err: error }, 'sandbox cross-connect patch failed'));
  }
  return step.to;
}

export async function reservePort(actor: Actor, input: z.output<typeof reservePortSchema>) {
  return advance(actor, input.orderId, 'OPEN', {
    extra: { patchPanel: input.patchPanel, panelPort: input.panelPort },
    detail: () => ` (${input.patchPanel} port ${input.panelPort})`,
  });
}

/** Patched → tested, with the evidence: light levels judged against the port's optics, and the result. */
export async function markTested(actor: Actor, input: z.output<typeof markTestedSchema>) {
  const note = input.note || null;
  return advance(actor, input.orderId, 'PATCHED', {
    extra: { testRxDbm: input.rxDbm ?? null, testTxDbm: input.txDbm ?? null, testNote: note },
    detail: (bandwidth) => `: ${testEvidence({ rxDbm: input.rxDbm ?? null, txDbm: input.txDbm ?? null, note }, opticsFor(bandwidth))}`,
    data: { rxDbm: input.rxDbm ?? null, txDbm: input.txDbm ?? null, note },
  });
}

/** Steps that need nothing but a click; the two that record facts have their own use case. */
export async function advanceCrossConnect(actor: Actor, input: z.output<typeof advanceCrossConnectSchema>) {
  const order = await db().crossConnectOrder.findUnique({ where: { id: input.orderId }, select: { kind: true } });
  if (order?.kind === 'INSTALL' && input.from === 'OPEN') throw conflict('Reserve a patch-panel port first.');
  if (order?.kind === 'INSTALL' && input.from === 'PATCHED') throw conflict('Record the test result (light levels or a note) to mark the cross-connect tested.');
  return advance(actor, input.orderId, input.from);
}
