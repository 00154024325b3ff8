import { auditExport, auditWhere, type AuditRow } from '@/lib/audit/queries';
import { csvRow } from '@/lib/audit/csv';
import { AUDIT_EXPORT_MAX_ROWS, actorTypeLabels, parseAuditFilters, subjectTypeLabels } from '@/lib/audit/schema';
import { routeActor } from '@/lib/auth/route';
import { logger } from '@/lib/log';

const staffColumns = ['Time (UTC)', 'Organisation', 'Object type', 'Object id', 'Object name', 'AWS id', 'Actor', 'Actor type', 'Event type', 'From state', 'To state', 'Message'];

function cells(row: AuditRow, staff: boolean): Array<string | null> {
  const all = [
    row.occurredAt.toISOString(),
    row.orgName ?? (row.orgId ? row.orgId : ''),
    subjectTypeLabels[row.subjectType],
    row.subjectId,
    row.subjectName,
    row.subjectAwsId,
    row.actorLabel,
    actorTypeLabels[row.actorType],
    row.kind,
    row.fromState,
    row.toState,
    row.message,
  ];
  return staff ? all : all.filter((_, i) => i !== 1);
}

/**
 * The audit log as CSV, with the page's filters and scope (authorised here again, not by the
 * page), streamed in keyset batches and capped at AUDIT_EXPORT_MAX_ROWS rows.
 */
export async function GET(request: Request) {
  const auth = await routeActor('audit.read');
  if ('response' in auth) return auth.response;
  const { actor } = auth;
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const parsed = parseAuditFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return text(Object.values(parsed.errors).flat().join('\n'), 400);
  const where = await auditWhere(actor, parsed.filters);
  if (!where.ok) return text(Object.values(where.errors).flat().join('\n'), 400);

  const staff = actor.kind === 'staff';
  const chunks = auditExport(actor, where.where, AUDIT_EXPORT_MAX_ROWS);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(staff ? staffColumns : staffColumns.filter((c) => c !== 'Organisation'))));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) return controller.close();
        const chunk = next.value;
        if ('rows' in chunk) return controller.enqueue(encoder.encode(chunk.rows.map((r) => csvRow(cells(r, staff))).join('')));
        if (chunk.truncated) controller.enqueue(encoder.encode(`# Truncated: this file holds the newest ${AUDIT_EXPORT_MAX_ROWS} matching events only; narrow the filters (e.g. the date range) for the rest.\r\n`));
        controller.close();
      } catch (error) {
        logger().error({ err: error, userId: actor.userId }, 'audit export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${day}.csv"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
