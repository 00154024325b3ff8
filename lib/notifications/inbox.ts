import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { categories, categoriesFor, type Category } from '../domain/notifications/catalog';
import { notFound } from '../errors';

/** Inbox rows per page. */
export const INBOX_PAGE_SIZE = 30;

/** Unread notices of the signed-in user, counted up to 100 ("99+" beyond): one indexed query. */
export async function unreadCount(actor: Actor): Promise<number> {
  const rows = await db().userNotification.findMany({ where: { userId: actor.userId, readAt: null }, select: { id: true }, take: 100 });
  return rows.length;
}

const cursorSchema = z.string().regex(/^\d{1,15}_[a-z0-9]{1,40}$/, 'That link to older notifications is not valid.');

/**
 * The user's own notices, newest first; only ever their own rows. A cursor that is not one this
 * page made is reported (`invalidCursor`) and the newest page is shown instead.
 */
export async function inboxPage(actor: Actor, cursor?: string | null) {
  const where: Prisma.UserNotificationWhereInput = { userId: actor.userId };
  const valid = cursor ? cursorSchema.safeParse(cursor) : null;
  if (valid?.success) {
    const [ms, id] = valid.data.split('_') as [string, string];
    const at = new Date(Number(ms));
    where.OR = [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }];
  }
  const rows = await db().userNotification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: INBOX_PAGE_SIZE + 1,
    select: { id: true, category: true, title: true, body: true, nextStep: true, link: true, readAt: true, createdAt: true, emailStatus: true, emailError: true },
  });
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page,
    older: rows.length > INBOX_PAGE_SIZE && last ? `${last.createdAt.getTime()}_${last.id}` : null,
    /** The message to show when the cursor was not valid; null when it was (or there was none). */
    invalidCursor: valid && !valid.success ? (valid.error.issues[0]?.message ?? 'That link to older notifications is not valid.') : null,
    paged: Boolean(valid?.success),
  };
}

export type InboxItem = Awaited<ReturnType<typeof inboxPage>>['items'][number];

export const markReadSchema = z.object({ id: z.string().min(1).max(40).optional(), all: z.enum(['1']).optional() });

/** Marks one notice (or all) read; a foreign id is "not found". */
export async function markRead(actor: Actor, input: z.infer<typeof markReadSchema>): Promise<number> {
  const updated = await db().userNotification.updateMany({ where: { userId: actor.userId, readAt: null, ...(input.all ? {} : { id: input.id ?? '' }) }, data: { readAt: new Date() } });
  if (!input.all && updated.count === 0) {
    const mine = await db().userNotification.findFirst({ where: { userId: actor.userId, id: input.id ?? '' }, select: { id: true } });
    if (!mine) throw notFound('That notification');
  }
  return updated.count;
}

/** The categories this user can get, with whether email is on (the default). */
export async function emailPreferences(actor: Actor): Promise<Array<{ category: Category; label: string; help: string; email: boolean }>> {
  const audience = actor.kind === 'customer' ? 'ORG' : 'NOC';
  const own = await db().notificationPreference.findMany({ where: { userId: actor.userId }, select: { category: true, email: true } });
  const off = new Set(own.filter((p) => !p.email).map((p) => p.category));
  if (actor.kind === 'staff' && actor.role === 'SUPPORT') return [];
  return categoriesFor(audience).map((category) => ({ category, label: categories[category].label, help: categories[category].help, email: !off.has(category) }));
}

/** Form: one checkbox per category; an unchecked box is absent from the form. */
export const preferencesSchema = z.object({ email: z.union([z.string(), z.array(z.string())]).optional() });

export async function saveEmailPreferences(actor: Actor, input: z.infer<typeof preferencesSchema>): Promise<void> {
  const allowed = (await emailPreferences(actor)).map((p) => p.category);
  const on = new Set(([] as string[]).concat(input.email ?? []));
  const unknown = [...on].filter((c) => !allowed.includes(c as Category));
  if (unknown.length) throw notFound('That notification category');
  await db().$transaction(
    allowed.map((category) =>
      db().notificationPreference.upsert({
        where: { userId_category: { userId: actor.userId, category } },
        update: { email: on.has(category) },
        create: { userId: actor.userId, category, email: on.has(category) },
      }),
    ),
  );
}
