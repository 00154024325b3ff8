import 'server-only';
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { orgScope } from '../db/scope';
import { forbidden, notFound } from '../errors';

const DAY = 86_400_000;

/** Whose notifications an actor sees: their organisation's, or the NOC's. */
function audienceWhere(actor: Actor): Prisma.NotificationWhereInput {
  if (actor.kind === 'customer') return { ...orgScope(actor), audience: 'ORG' };
  if (can(actor, 'noc.queue')) return { audience: 'NOC' };
  throw forbidden();
}

/** Open reminders and alerts from the last 30 days, newest first. */
export async function openNotifications(actor: Actor, limit = 50) {
  return db().notification.findMany({
    where: { ...audienceWhere(actor), resolvedAt: null, createdAt: { gte: new Date(Date.now() - 30 * DAY) } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, kind: true, message: true, subjectType: true, subjectId: true, dueAt: true, createdAt: true },
  });
}

export type OpenNotification = Awaited<ReturnType<typeof openNotifications>>[number];

/** Marks a notification handled; only its audience may. */
export async function dismissNotification(actor: Actor, id: string): Promise<void> {
  const updated = await db().notification.updateMany({ where: { id, ...audienceWhere(actor), resolvedAt: null }, data: { resolvedAt: new Date() } });
  if (updated.count === 0) throw notFound('That notification');
}
