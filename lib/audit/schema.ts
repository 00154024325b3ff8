import { z } from 'zod';
import { ActorType, SubjectType } from '../db/generated/enums';

/**
 * The audit log's filters as they travel in the URL. One schema for the page and the CSV export,
 * so both read exactly the same rows. Isomorphic: no database access here.
 */

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export writes; the file says so when it stops there. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const subjectTypeLabels = {
  CONNECTION: 'Connection',
  CROSS_CONNECT: 'Cross-connect',
  VIRTUAL_INTERFACE: 'Virtual interface',
  DX_GATEWAY: 'Direct Connect gateway',
  VPN_GATEWAY: 'Virtual private gateway',
  GATEWAY_ASSOCIATION: 'Gateway association',
  AWS_ACCOUNT: 'AWS account',
  ORGANISATION: 'Organisation',
  USER: 'User',
} satisfies Record<SubjectType, string>;

export const actorTypeLabels = {
  USER: 'Customer user',
  NOC: 'NOC engineer',
  SUPPORT: 'Support',
  ADMIN: 'Administrator',
  AWS: 'AWS',
  SYSTEM: 'dx-portal (system)',
} satisfies Record<ActorType, string>;

/** AWS id prefixes that name their object type, so a pasted id needs no type. */
const awsIdTypes: Array<[RegExp, SubjectType]> = [
  [/^dx(con|lag)-[a-z0-9]+$/i, 'CONNECTION'],
  [/^dxvif-[a-z0-9]+$/i, 'VIRTUAL_INTERFACE'],
  [/^vgw-[a-z0-9]+$/i, 'VPN_GATEWAY'],
  [/^\d{12}$/, 'AWS_ACCOUNT'],
];

/** The object type an AWS id implies (dxcon-… is a connection), or undefined for portal ids. */
export function subjectTypeOfAwsId(id: string): SubjectType | undefined {
  return awsIdTypes.find(([shape]) => shape.test(id))?.[1];
}

/** Cursor of a row: "<occurredAt ms>_<id>", opaque to the browser. */
const cursor = z.string().regex(/^\d{1,15}_\d{1,19}$/, 'This page link is not valid any more; start again from the newest events.');

/** A calendar day in UTC; the range includes both days. */
const day = (which: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${which} date as YYYY-MM-DD, e.g. 2026-03-31.`, abort: true })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, `The ${which} date is not a real calendar day.`);

/** Empty form fields arrive as "": they mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

export const auditFiltersSchema = z
  .object({
    type: optional(z.enum(Object.keys(subjectTypeLabels) as [SubjectType, ...SubjectType[]], { error: 'Choose an object type from the list.' })),
    object: optional(z.string().max(64, 'An object id is at most 64 characters.').regex(/^[A-Za-z0-9_-]+$/, 'An object id has only letters, digits, "-" and "_" (a portal id or an AWS id such as dxcon-…).')),
    actorType: optional(z.enum(Object.keys(actorTypeLabels) as [ActorType, ...ActorType[]], { error: 'Choose an actor type from the list.' })),
    actor: optional(z.string().min(2, 'Type at least 2 characters of the actor’s name.').max(100, 'The actor filter is at most 100 characters.')),
    kind: optional(z.string().max(80, 'An event type is at most 80 characters.').regex(/^[A-Za-z0-9_.-]+$/, 'Choose an event type from the list.')),
    from: optional(day('from')),
    to: optional(day('to')),
    org: optional(z.string().max(64, 'An organisation is given by its id or slug.').regex(/^[A-Za-z0-9_-]+$/, 'An organisation is given by its id or slug.')),
    before: optional(cursor),
    after: optional(cursor),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The “to” date is before the “from” date.' });
    if (f.object && !f.type && !subjectTypeOfAwsId(f.object)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'Choose the object type for a portal id (AWS ids such as dxcon-… or dxvif-… need none).' });
    }
    if (f.before && f.after) ctx.addIssue({ code: 'custom', path: ['before'], message: 'This page link is not valid; start again from the newest events.' });
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export type AuditFilterField = keyof AuditFilters;
export type AuditFilterErrors = Partial<Record<AuditFilterField, string[]>>;

export type ParsedAuditFilters = { ok: true; filters: AuditFilters } | { ok: false; errors: AuditFilterErrors; values: Record<string, string> };

/** URL search parameters → filters, or every problem at once, per field. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): ParsedAuditFilters {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const values = Object.fromEntries(entries.filter((e): e is readonly [string, string] => typeof e[1] === 'string'));
  const parsed = auditFiltersSchema.safeParse(values);
  if (parsed.success) return { ok: true, filters: parsed.data };
  const errors: AuditFilterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AuditFilterField;
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, errors, values };
}

/** Filters → query string (without paging cursors unless given), for links and the CSV export. */
export function auditQueryString(filters: AuditFilters, page: { before?: string; after?: string } = {}): string {
  const { before: _b, after: _a, ...rest } = filters;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...rest, ...page })) if (typeof v === 'string' && v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The inclusive UTC day range as instants: from 00:00 of `from` to before 00:00 of the day after `to`. */
export function auditTimeRange(filters: Pick<AuditFilters, 'from' | 'to'>): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) range.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000);
  return range;
}

export function cursorOf(row: { occurredAt: Date; id: bigint | string }): string {
  return `${row.occurredAt.getTime()}_${row.id}`;
}

export function parseCursor(value: string): { at: Date; id: bigint } {
  const [ms, id] = cursor.parse(value).split('_') as [string, string];
  return { at: new Date(Number(ms)), id: BigInt(id) };
}
