import Link from 'next/link';
import type { ConnectionFilters, ConnectionListItem } from '@/lib/connections/queries';
import { bandwidthLabel } from '@/lib/domain/connections/bandwidth';
import { awsConnectionStateLabels, portalStatusLabels, stepOwnerLabel } from '@/lib/domain/connections/labels';
import { StateBadge } from '../state-badge';
import { Table, Td, Th } from '../ui/table';
import { cn } from '../ui/cn';
import { formatDate } from '../format';

/** The customer's list, or (for staff) every organisation's with an organisation column. */
export function ConnectionTable({ items, reader }: { items: ConnectionListItem[]; reader: 'customer' | 'staff' }) {
  const showOrg = reader === 'staff';
  return (
    <Table>
      <thead>
        <tr>
          <Th>Connection</Th>
          {showOrg ? <Th>Organisation</Th> : null}
          <Th>Status</Th>
          <Th>Next step</Th>
          <Th className="hidden md:table-cell">Location</Th>
          <Th className="hidden md:table-cell">Speed</Th>
          <Th className="hidden lg:table-cell">Requested</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link href={`/connections/${c.id}`} className="font-medium text-brand-700 hover:underline">
                {c.name}
              </Link>
              <div className="text-xs text-slate-600">
                {c.type === 'DEDICATED' ? 'Dedicated' : 'Hosted'}
                {c.awsConnectionId ? <span className="ml-1 font-mono">{c.awsConnectionId}</span> : null}
              </div>
            </Td>
            {showOrg ? (
              <Td>
                {c.org.name}
                <div className="font-mono text-xs text-slate-600">{c.awsAccount.accountId}</div>
              </Td>
            ) : null}
            <Td>
              <div className="flex flex-col items-start gap-1">
                <StateBadge state={portalStatusLabels[c.portalStatus]} />
                {c.awsState ? <StateBadge state={awsConnectionStateLabels[c.awsState]} /> : null}
              </div>
            </Td>
            <Td>
              <span className={cn('text-sm', c.step.overdue && 'font-medium text-red-800')}>{c.step.title}</span>
              {c.step.owner !== 'none' ? (
                <div className="text-xs text-slate-600">
                  {stepOwnerLabel(c.step.owner, reader)}
                  {c.step.dueAt ? ` · by ${formatDate(c.step.dueAt)}` : ''}
                </div>
              ) : null}
            </Td>
            <Td className="hidden md:table-cell">{c.location.code}</Td>
            <Td className="hidden md:table-cell">{bandwidthLabel(c.bandwidth)}</Td>
            <Td className="hidden lg:table-cell">{formatDate(c.createdAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function Pagination({ page, pages, total, filters, basePath }: { page: number; pages: number; total: number; filters: ConnectionFilters; basePath: string }) {
  if (pages <= 1) return <p className="mt-3 text-sm text-slate-600">{total} connection{total === 1 ? '' : 's'}</p>;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...filters, page: String(p) }).filter(([, v]) => v !== undefined && v !== '') as Array<[string, string]>);
    return `${basePath}?${params.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} connections · page {page} of {pages}
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={href(page - 1)} className="font-medium text-brand-700 hover:underline">Previous</Link> : null}
        {page < pages ? <Link href={href(page + 1)} className="font-medium text-brand-700 hover:underline">Next</Link> : null}
      </span>
    </nav>
  );
}
