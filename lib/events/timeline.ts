import 'server-only';
import { z } from 'zod';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { EventSource, Prisma } from '../db/generated/client';
import { readScope } from '../db/scope';
import { forbidden } from '../errors';

/** Events per page of a timeline: the newest first, older ones on request. */
export const TIMELINE_PAGE_SIZE = 25;

export type TimelineEvent = {
  id: string;
  occurredAt: Date;
  source: EventSource;
  actorLabel: string;
  kind: string;
  fromState: string | null;
  toState: string | null;
  message: string;
};

export type TimelinePage = { events: TimelineEvent[]; older: string | null };

const select = { id: true, occurredAt: true, source: true, actorLabel: true, kind: true, fromState: true, toState: true, message: true } as const;

/** Cursor of the oldest event shown: "<occurredAt ms>_<id>", opaque to the browser. */
const cursorSchema = z.string().regex(/^\d{1,15}_\d{1,19}$/, 'That page of the timeline is not valid; reload the page.');

function olderThan(cursor: string): Prisma.EventWhereInput {
  const [ms, id] = cursorSchema.parse(cursor).split('_') as [string, string];
  const at = new Date(Number(ms));
  return { OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: BigInt(id) } }] };
}

/**
 * One page of a timeline, newest first, in one indexed query whatever the timeline's length:
 * `where` must already hold the subject and the reader's scope.
 */
export async function timelinePage(where: Prisma.EventWhereInput, cursor?: string | null, limit = TIMELINE_PAGE_SIZE): Promise<TimelinePage> {
  const rows = await db().event.findMany({
    where: cursor ? { AND: [where, olderThan(cursor)] } : where,
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString() })),
    older: rows.length > limit && last ? `${last.occurredAt.getTime()}_${last.id}` : null,
  };
}

export const timelineSubjectSchema = z.object({
  kind: z.enum(['connection', 'virtualInterface', 'crossConnect', 'dxGateway', 'vpnGateway']),
  id: z.string().min(1).max(64),
  cursor: cursorSchema,
});

export type TimelineSubject = z.infer<typeof timelineSubjectSchema>;

/** Events belonging to a gateway: its own and those of its associations (one query for their ids). */
export async function gatewayEventsWhere(kind: 'dxGateway' | 'vpnGateway', id: string, scope: { orgId?: string }): Promise<Prisma.EventWhereInput> {
  const associations = await db().gatewayAssociation.findMany({ where: { ...scope, ...(kind === 'dxGateway' ? { dxGatewayId: id } : { vpnGatewayId: id }) }, select: { id: true } });
  return {
    ...scope,
    OR: [
      { subjectType: kind === 'dxGateway' ? 'DX_GATEWAY' : 'VPN_GATEWAY', subjectId: id },
      ...(associations.length ? [{ subjectType: 'GATEWAY_ASSOCIATION' as const, subjectId: { in: associations.map((a) => a.id) } }] : []),
    ],
  };
}

/**
 * The scoped filter for a subject's timeline as this reader may see it. Customers see only their
 * organisation's events (a foreign id yields an empty page); staff see all.
 */
export async function timelineWhere(actor: Actor, subject: Pick<TimelineSubject, 'kind' | 'id'>): Promise<Prisma.EventWhereInput> {
  const scope = readScope(actor);
  switch (subject.kind) {
    case 'connection':
      return { ...scope, connectionId: subject.id };
    case 'virtualInterface':
      return { ...scope, subjectType: 'VIRTUAL_INTERFACE', subjectId: subject.id };
    case 'crossConnect':
      if (!can(actor, 'noc.crossConnect')) throw forbidden();
      return { subjectType: 'CROSS_CONNECT', subjectId: subject.id };
    case 'dxGateway':
    case 'vpnGateway':
      return gatewayEventsWhere(subject.kind, subject.id, scope);
  }
}

/** The next older page of a subject's timeline, for "Show older events". */
export async function olderTimelineEvents(actor: Actor, subject: TimelineSubject): Promise<TimelinePage> {
  return timelinePage(await timelineWhere(actor, subject), subject.cursor);
}

/** The newest event id among `where`'s events: with a row counter it is a detail page's version. */
export async function lastEventId(where: Prisma.EventWhereInput): Promise<string> {
  const last = await db().event.findFirst({ where, orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id.toString() ?? '0';
}
