import 'server-only';
import type { z } from 'zod';
import { can, type Actor } from '../auth/permissions';
import { physicalWorld } from '../aws/physical-world';
import { db } from '../db/client';
import type { CrossConnectStatus, Prisma } from '../db/generated/client';
import { staffCrossOrgScope } from '../db/scope';
import { crossConnectStatusLabels } from '../domain/connections/labels';
import { nextCrossConnectStep, type advanceCrossConnectSchema, type reservePortSchema } from '../domain/connections/cross-connect';
import { conflict, forbidden, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { logger } from '../log';

function requireCrossConnects(actor: Actor) {
  if (!can(actor, 'noc.crossConnect')) throw forbidden();
  return staffCrossOrgScope(actor);
}

export async function listCrossConnects(actor: Actor, view: 'open' | 'done' = 'open') {
  requireCrossConnects(actor);
  const where: Prisma.CrossConnectOrderWhereInput = view === 'open' ? { status: { notIn: ['COMPLETE', 'CANCELLED'] } } : { status: { in: ['COMPLETE', 'CANCELLED'] } };
  return db().crossConnectOrder.findMany({
    where,
    orderBy: view === 'open' ? [{ loaExpiresAt: 'asc' }, { createdAt: 'asc' }] : [{ completedAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      kind: true,
      status: true,
      patchPanel: true,
      panelPort: true,
      awsDevice: true,
      loaExpiresAt: true,
      createdAt: true,
      reservedAt: true,
      patchedAt: true,
      testedAt: true,
      completedAt: true,
      connection: {
        select: { id: true, name: true, awsConnectionId: true, bandwidth: true, org: { select: { name: true } }, location: { select: { code: true, facility: true } } },
      },
    },
  });
}

export type CrossConnectRow = Awaited<ReturnType<typeof listCrossConnects>>[number];

const stamp: Record<CrossConnectStatus, (userId: string, at: Date) => Prisma.CrossConnectOrderUpdateManyMutationInput> = {
  OPEN: () => ({}),
  PORT_RESERVED: (userId, at) => ({ reservedById: userId, reservedAt: at }),
  PATCHED: (userId, at) => ({ patchedById: userId, patchedAt: at }),
  TESTED: (userId, at) => ({ testedById: userId, testedAt: at }),
  COMPLETE: (userId, at) => ({ completedById: userId, completedAt: at }),
  CANCELLED: () => ({}),
};

async function advance(actor: Actor, orderId: string, from: CrossConnectStatus, extra: Prisma.CrossConnectOrderUpdateManyMutationInput = {}) {
  requireCrossConnects(actor);
  const order = await db().crossConnectOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      kind: true,
      status: true,
      connection: { select: { id: true, orgId: true, name: true, region: true, awsAccountId: true, awsConnectionId: true } },
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
    const details = extra.patchPanel ? ` (${String(extra.patchPanel)} port ${String(extra.panelPort)})` : '';
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
      message: `${what}: ${crossConnectStatusLabels[step.to].label.toLowerCase()}${details}.`,
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
  return advance(actor, input.orderId, 'OPEN', { patchPanel: input.patchPanel, panelPort: input.panelPort });
}

export async function advanceCrossConnect(actor: Actor, input: z.output<typeof advanceCrossConnectSchema>) {
  if (input.from === 'OPEN') {
    const order = await db().crossConnectOrder.findUnique({ where: { id: input.orderId }, select: { kind: true } });
    if (order?.kind === 'INSTALL') throw conflict('Reserve a patch-panel port first.');
  }
  return advance(actor, input.orderId, input.from);
}
