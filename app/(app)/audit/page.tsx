import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { AuditFilterBar } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { CursorLinks } from '@/components/ui/page-links';
import { eventKinds } from '@/lib/audit/kinds';
import { auditPage, auditWhere } from '@/lib/audit/queries';
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_PAGE_SIZE, auditQueryString, parseAuditFilters, type AuditFilterErrors, type AuditFilters } from '@/lib/audit/schema';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Audit log' };

function hasFilters(f: AuditFilters): boolean {
  return Boolean(f.type || f.object || f.actorType || f.actor || f.kind || f.from || f.to || f.org);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('audit.read', '/audit');
  const staff = actor.kind === 'staff';
  const parsed = parseAuditFilters(await searchParams);
  const [kinds, where] = await Promise.all([eventKinds(), parsed.ok ? auditWhere(actor, parsed.filters) : null]);
  const errors: AuditFilterErrors = !parsed.ok ? parsed.errors : where && !where.ok ? where.errors : {};
  const values = parsed.ok ? parsed.filters : parsed.values;
  const filters = parsed.ok && where?.ok ? parsed.filters : null;
  const page = filters && where?.ok ? await auditPage(actor, filters, where.where) : null;
  const qs = filters ? auditQueryString(filters) : '';
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          <>
            {staff ? 'Every event of every organisation' : `Every event of ${actor.orgName}`}: requests, approvals, AWS state changes, cross-connect work and downloads, newest first.
            Times are UTC, and the from and to dates each include the whole day in UTC.
          </>
        }
        actions={
          filters ? (
            <a href={`/audit/export${qs}`} className={buttonVariants({ variant: 'secondary' })}>
              <Download aria-hidden />
              Download CSV
            </a>
          ) : null
        }
      />
      <AuditFilterBar values={values} errors={errors} kinds={kinds} staff={staff} />
      {!page ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">These filters cannot be applied:</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.values(errors)
              .flat()
              .map((message) => (
                <li key={message}>{message}</li>
              ))}
          </ul>
        </div>
      ) : page.rows.length === 0 ? (
        <EmptyState title={filters && hasFilters(filters) ? 'No events match these filters' : 'No events yet'}>
          {filters?.before || filters?.after ? (
            <a href={`/audit${qs}`} className="font-medium text-brand-700 hover:underline">
              Back to the newest events
            </a>
          ) : (
            'Events are recorded for every request, decision, AWS state change and download.'
          )}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={page.rows} staff={staff} />
          <CursorLinks
            newer={page.newer && filters ? `/audit${auditQueryString(filters, { after: page.newer })}` : null}
            older={page.older && filters ? `/audit${auditQueryString(filters, { before: page.older })}` : null}
            summary={`${AUDIT_PAGE_SIZE} events per page, newest first. The CSV holds the newest ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('en-GB')} matching events at most.`}
          />
        </>
      )}
    </>
  );
}
