import 'server-only';
/**
 * Open reminders: the shared to-do on a dashboard or the NOC queue. They are not messages; the
 * worker records an event beside each one (lib/connections/reminders.ts) and the inbox, email
 * and webhooks are derived from that event like from any other.
 */
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { orgScope } from '../db/scope';
import { forbidden, notFound } from '../errors';

const DAY = 86_400_000;

/** Whose reminders an actor sees: their organisation's, or the NOC's. */
function audienceWhere(actor: Actor): Prisma.ReminderWhereInput {
  if (actor.kind === 'customer') return { ...orgScope(actor), audience: 'ORG' };
  if (can(actor, 'noc.queue')) return { audience: 'NOC' };
  throw forbidden();
}

/** Open reminders and alerts from the last 30 days, newest first. */
export async function openReminders(actor: Actor, limit = 50) {
  return db().reminder.findMany({
    where: { ...audienceWhere(actor), resolvedAt: null, createdAt: { gte: new Date(Date.now() - 30 * DAY) } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, kind: true, message: true, subjectType: true, subjectId: true, dueAt: true, createdAt: true },
  });
}

export type OpenReminder = Awaited<ReturnType<typeof openReminders>>[number];

/** Marks a reminder handled; only its audience may. */
export async function dismissReminder(actor: Actor, id: string): Promise<void> {
  const updated = await db().reminder.updateMany({ where: { id, ...audienceWhere(actor), resolvedAt: null }, data: { resolvedAt: new Date() } });
  if (updated.count === 0) throw notFound('That reminder');
}
