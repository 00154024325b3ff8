import Link from 'next/link';
import type { AuditRow } from '@/lib/audit/queries';
import { actorTypeLabels, subjectTypeLabels } from '@/lib/audit/schema';
import { formatTimestamp } from '../format';
import { Table, Td, Th } from '../ui/table';

function ObjectCell({ row }: { row: AuditRow }) {
  const label = row.subjectName ?? row.subjectAwsId ?? row.subjectId;
  return (
    <>
      <div className="text-xs text-slate-600">{subjectTypeLabels[row.subjectType]}</div>
      {row.href ? (
        <Link href={row.href} className="font-medium text-brand-700 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="font-medium">{label}</span>
      )}
      <div className="break-all font-mono text-xs text-slate-600">{row.subjectAwsId ?? row.subjectId}</div>
    </>
  );
}

function Change({ row }: { row: AuditRow }) {
  if (!row.fromState && !row.toState) return <span className="text-slate-400">—</span>;
  return (
    <span className="whitespace-nowrap font-mono text-xs">
      {row.fromState ?? '∅'} → {row.toState ?? '∅'}
    </span>
  );
}

/** The audit log's rows; narrow screens fold actor, change and message under the event type. */
export function AuditTable({ rows, staff }: { rows: AuditRow[]; staff: boolean }) {
  return (
    <Table aria-label="Audit log">
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          {staff ? <Th className="hidden lg:table-cell">Organisation</Th> : null}
          <Th>Object</Th>
          <Th className="hidden md:table-cell">Actor</Th>
          <Th>Event type</Th>
          <Th className="hidden md:table-cell">Change</Th>
          <Th className="hidden md:table-cell">Message</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap font-mono text-xs">
              <time dateTime={r.occurredAt.toISOString()}>{formatTimestamp(r.occurredAt)}</time>
              {staff ? <div className="mt-1 font-sans text-xs text-slate-600 lg:hidden">{r.orgName ?? 'No organisation'}</div> : null}
            </Td>
            {staff ? <Td className="hidden lg:table-cell">{r.orgName ?? <span className="text-slate-500">No organisation</span>}</Td> : null}
            <Td className="min-w-40">
              <ObjectCell row={r} />
            </Td>
            <Td className="hidden md:table-cell">
              {r.actorLabel}
              <div className="text-xs text-slate-600">{actorTypeLabels[r.actorType]}</div>
            </Td>
            <Td>
              <span className="break-all font-mono text-xs">{r.kind}</span>
              <div className="mt-1 space-y-1 text-xs text-slate-700 md:hidden">
                <div>
                  <Change row={r} />
                </div>
                <div>{r.message}</div>
                <div className="text-slate-600">by {r.actorLabel}</div>
              </div>
            </Td>
            <Td className="hidden md:table-cell">
              <Change row={r} />
            </Td>
            <Td className="hidden max-w-md md:table-cell">{r.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
