import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { ActorType, Prisma, SubjectType } from '../db/generated/client';
import { readScope } from '../db/scope';
import {
  AUDIT_PAGE_SIZE,
  auditTimeRange,
  cursorOf,
  parseCursor,
  subjectTypeLabels,
  subjectTypeOfAwsId,
  type AuditFilterErrors,
  type AuditFilters,
} from './schema';
import { describeSubjects, resolveSubjectIds, subjectHref, subjectInfo } from './subjects';

export type AuditRow = {
  id: string;
  occurredAt: Date;
  orgId: string | null;
  orgName: string | null;
  subjectType: SubjectType;
  subjectId: string;
  subjectName: string | null;
  subjectAwsId: string | null;
  href: string | null;
  actorType: ActorType;
  actorLabel: string;
  kind: string;
  fromState: string | null;
  toState: string | null;
  message: string;
};

export type AuditPage = { rows: AuditRow[]; newer: string | null; older: string | null };

/** The only event columns the audit log reads: never `data`, which may one day hold sensitive fields. */
const select = {
  id: true,
  occurredAt: true,
  orgId: true,
  subjectType: true,
  subjectId: true,
  actorType: true,
  actorLabel: true,
  kind: true,
  fromState: true,
  toState: true,
  message: true,
} as const satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof select }>;

const newestFirst: Prisma.EventOrderByWithRelationInput[] = [{ occurredAt: 'desc' }, { id: 'desc' }];
const oldestFirst: Prisma.EventOrderByWithRelationInput[] = [{ occurredAt: 'asc' }, { id: 'asc' }];

/**
 * Keyset conditions. The bare `occurredAt` bound is what the index range scan uses; the OR only
 * breaks ties between events of the same instant.
 */
function olderThan(cursor: string): Prisma.EventWhereInput {
  const { at, id } = parseCursor(cursor);
  return { occurredAt: { lte: at }, OR: [{ occurredAt: { lt: at } }, { id: { lt: id } }] };
}

function newerThan(cursor: string): Prisma.EventWhereInput {
  const { at, id } = parseCursor(cursor);
  return { occurredAt: { gte: at }, OR: [{ occurredAt: { gt: at } }, { id: { gt: id } }] };
}

export type AuditWhere = { ok: true; where: Prisma.EventWhereInput } | { ok: false; errors: AuditFilterErrors };

/**
 * The reader's scope and the filters as one `where`. Customers are always held to their own
 * organisation (the organisation filter is for staff and is ignored for customers, so no filter
 * can widen or probe the scope); staff with cross-organisation read see every event, including
 * those of no organisation. Objects given by AWS id are resolved within the same scope.
 */
export async function auditWhere(actor: Actor, filters: AuditFilters): Promise<AuditWhere> {
  const and: Prisma.EventWhereInput[] = [readScope(actor)];
  if (filters.org && actor.kind === 'staff') {
    const org = await db().organisation.findFirst({ where: { OR: [{ id: filters.org }, { slug: filters.org.toLowerCase() }] }, select: { id: true } });
    if (!org) return { ok: false, errors: { org: [`No organisation has the id or slug “${filters.org}”.`] } };
    and.push({ orgId: org.id });
  }
  if (filters.object) {
    const type = filters.type ?? subjectTypeOfAwsId(filters.object);
    if (!type) return { ok: false, errors: { type: ['Choose the object type for a portal id.'] } };
    const ids = await resolveSubjectIds(actor, type, filters.object);
    if (ids.length === 0) return { ok: false, errors: { object: [`No ${subjectTypeLabels[type].toLowerCase()} “${filters.object}” is visible to you.`] } };
    and.push({ subjectType: type, subjectId: ids.length === 1 ? ids[0] : { in: ids } });
  } else if (filters.type) {
    and.push({ subjectType: filters.type });
  }
  if (filters.actorType) and.push({ actorType: filters.actorType });
  if (filters.actor) and.push({ actorLabel: { contains: filters.actor, mode: 'insensitive' } });
  if (filters.kind) and.push({ kind: filters.kind });
  const range = auditTimeRange(filters);
  if (range.gte || range.lt) and.push({ occurredAt: range });
  return { ok: true, where: { AND: and } };
}

/** Event rows → what the page and the CSV show: organisation and object names batch-loaded. */
async function present(actor: Actor, rows: EventRow[]): Promise<AuditRow[]> {
  if (rows.length === 0) return [];
  const orgIds = actor.kind === 'staff' ? [...new Set(rows.map((r) => r.orgId).filter((id): id is string => id !== null))] : [];
  const [subjects, orgs] = await Promise.all([
    describeSubjects(actor, rows),
    orgIds.length ? db().organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [],
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const info = subjectInfo(subjects, r);
    return {
      ...r,
      id: r.id.toString(),
      orgName: actor.kind === 'staff' ? (r.orgId ? (orgNames.get(r.orgId) ?? null) : null) : actor.orgName,
      subjectName: info?.name ?? null,
      subjectAwsId: info?.awsId ?? null,
      href: info ? subjectHref(actor, r) : null,
    };
  });
}

/**
 * One page of the audit log, newest first, in one indexed query plus one per object type shown;
 * never a count. `before` pages towards older events, `after` back towards newer ones.
 */
export async function auditPage(actor: Actor, filters: AuditFilters, where: Prisma.EventWhereInput): Promise<AuditPage> {
  const cursor = filters.after ? newerThan(filters.after) : filters.before ? olderThan(filters.before) : null;
  const rows = await db().event.findMany({
    where: cursor ? { AND: [where, cursor] } : where,
    orderBy: filters.after ? oldestFirst : newestFirst,
    take: AUDIT_PAGE_SIZE + 1,
    select,
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (filters.after) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Coming from a page of newer events means there are newer ones; likewise for older.
  const hasNewer = filters.after ? more : Boolean(filters.before);
  const hasOlder = filters.after ? true : more;
  return {
    rows: await present(actor, page),
    newer: hasNewer && first ? cursorOf(first) : null,
    older: hasOlder && last ? cursorOf(last) : null,
  };
}

export type ExportChunk = { rows: AuditRow[] } | { truncated: boolean };

/**
 * Every matching event, newest first, in batches (keyset, so each batch is one indexed query),
 * stopping at `max` rows; the last chunk says whether more rows matched.
 */
export async function* auditExport(actor: Actor, where: Prisma.EventWhereInput, max: number, batchSize = 1000): AsyncGenerator<ExportChunk> {
  let written = 0;
  let cursor: string | null = null;
  for (;;) {
    const remaining = max - written;
    const rows: EventRow[] = await db().event.findMany({
      where: cursor ? { AND: [where, olderThan(cursor)] } : where,
      orderBy: newestFirst,
      take: Math.min(batchSize, remaining + 1),
      select,
    });
    const batch = rows.slice(0, remaining);
    if (batch.length) yield { rows: await present(actor, batch) };
    written += batch.length;
    if (rows.length > remaining) return yield { truncated: true };
    if (rows.length < Math.min(batchSize, remaining + 1)) return yield { truncated: false };
    cursor = cursorOf(rows.at(-1)!);
  }
}
