import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate, formatRelative } from '@/components/format';
import { StateBadge } from '@/components/state-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import { requirePermission } from '@/lib/auth/session';
import { bandwidthLabel } from '@/lib/domain/connections/bandwidth';
import { crossConnectKindLabels, crossConnectStatusLabels } from '@/lib/domain/connections/labels';
import { listCrossConnects } from '@/lib/noc/cross-connects';
import { PageLinks } from '@/components/ui/page-links';
import { z } from 'zod';
import { WorkOrderActions } from './work-order-actions';
import { WorkOrderProgress } from './work-order-progress';

export const metadata: Metadata = { title: 'Cross-connects' };

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function CrossConnectsPage({ searchParams }: { searchParams: Promise<{ view?: string; page?: string }> }) {
  const actor = await requirePermission('noc.crossConnect', '/noc/cross-connects');
  const params = await searchParams;
  const view = params.view === 'done' ? 'done' : 'open';
  const list = await listCrossConnects(actor, view, pageParam.parse(params.page ?? 1));
  const orders = list.orders;
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Cross-connects"
        description="Facility work orders: fibre between customer cages and AWS devices. Each must be finished before its LOA-CFA expires."
        actions={
          <nav className="flex gap-3 text-sm" aria-label="Work order views">
            <Link href="/noc/cross-connects" aria-current={view === 'open' ? 'page' : undefined} className={cn('font-medium', view === 'open' ? 'text-slate-900' : 'text-brand-700 hover:underline')}>
              Open
            </Link>
            <Link href="/noc/cross-connects?view=done" aria-current={view === 'done' ? 'page' : undefined} className={cn('font-medium', view === 'done' ? 'text-slate-900' : 'text-brand-700 hover:underline')}>
              Done
            </Link>
          </nav>
        }
      />
      {orders.length === 0 ? (
        <EmptyState title={view === 'open' ? 'No open work orders' : 'No finished work orders yet'}>
          A work order opens by itself when AWS issues the LOA-CFA for a dedicated connection, and a cease order when one is decommissioned.
        </EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Connection</Th>
              <Th>Work order</Th>
              <Th>LOA-CFA expires</Th>
              <Th>Patch panel</Th>
              <Th>Progress</Th>
              <Th>
                <span className="sr-only">Next step</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.map((o) => {
              const expiring = o.loaExpiresAt && o.kind === 'INSTALL' && o.status !== 'COMPLETE' ? o.loaExpiresAt.getTime() - now.getTime() : null;
              return (
                <tr key={o.id}>
                  <Td>
                    <Link href={`/noc/cross-connects/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.connection.name}
                    </Link>
                    <div className="text-xs font-medium text-slate-800">Tenant: {o.connection.org.name}</div>
                    <div className="text-xs text-slate-600">
                      {o.connection.location.code}
                      {o.connection.location.facility ? ` (${o.connection.location.facility})` : ''} · {bandwidthLabel(o.connection.bandwidth)}
                    </div>
                    <div className="font-mono text-xs text-slate-600">
                      {o.connection.awsConnectionId}
                      {o.awsDevice ? ` · ${o.awsDevice}` : ''}
                    </div>
                  </Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      <span className="text-sm">{crossConnectKindLabels[o.kind]}</span>
                      <StateBadge state={crossConnectStatusLabels[o.status]} />
                    </div>
                  </Td>
                  <Td>
                    {o.loaExpiresAt && o.kind === 'INSTALL' ? (
                      <span className={cn(expiring !== null && expiring < 14 * 86_400_000 && 'font-medium text-red-800')}>
                        {formatDate(o.loaExpiresAt)}
                        {expiring !== null ? <span className="block text-xs">{formatRelative(o.loaExpiresAt, now)}</span> : null}
                      </span>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td>{o.patchPanel ? `${o.patchPanel} / ${o.panelPort}` : '—'}</Td>
                  <Td className="text-xs text-slate-700">
                    <WorkOrderProgress order={o} />
                  </Td>
                  <Td>
                    <WorkOrderActions orderId={o.id} kind={o.kind} status={o.status} label={o.connection.name} optics={o.optics} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {list.total > 0 ? (
        <PageLinks
          page={list.page}
          hasMore={list.page < list.pages}
          href={(p) => `/noc/cross-connects?${view === 'done' ? 'view=done&' : ''}page=${p}`}
          summary={`${list.total} ${view === 'open' ? 'open' : 'finished'} work order${list.total === 1 ? '' : 's'} · page ${list.page} of ${list.pages}`}
        />
      ) : null}
    </>
  );
}
