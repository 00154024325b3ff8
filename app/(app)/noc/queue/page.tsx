import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { formatAge, formatDateTime } from '@/components/format';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLinks } from '@/components/ui/page-links';
import { Table, Td, Th } from '@/components/ui/table';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/session';
import { bandwidthLabel } from '@/lib/domain/connections/bandwidth';
import { resiliencyLabels } from '@/lib/domain/connections/labels';
import { failedProvisioning, nocQueue } from '@/lib/noc/queue';
import { openReminders } from '@/lib/notifications/reminders';
import { RemindersCard } from '@/components/reminders';
import { dismissReminderAction } from '../../notifications/actions';
import { retryProvisioningAction } from '../actions';
import { ApproveForm, RejectForm } from './decision-forms';

export const metadata: Metadata = { title: 'Request queue' };

const slaLabel = { success: 'Within target', waiting: 'Due soon', danger: 'Over 24 h' } as const;

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function NocQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('noc.queue', '/noc/queue');
  const page = pageParam.parse((await searchParams).page ?? 1);
  const [queue, failed, notifications] = await Promise.all([nocQueue(actor, { page }), failedProvisioning(actor), openReminders(actor, 20)]);
  const groups = queue.groups;
  // New requests and failures have their own sections below; the rest are the worker's reminders.
  const reminders = notifications.filter((n) => n.kind !== 'request.submitted' && n.kind !== 'provisioning.failed');
  return (
    <>
      <PageHeader title="Request queue" description="Connection requests waiting for a NOC decision, oldest first. Target: a decision within 24 hours." />
      {reminders.length > 0 ? (
        <div className="mb-6">
          <RemindersCard items={reminders} dismiss={dismissReminderAction} />
        </div>
      ) : null}
      {failed.length > 0 ? (
        <Card className="mb-6 border-red-200">
          <CardHeader>
            <CardTitle>Provisioning failed</CardTitle>
            <span className="text-xs text-slate-600">AWS did not accept these after retries</span>
          </CardHeader>
          <CardBody className="space-y-3">
            {failed.map((f) => (
              <div key={f.id} className="flex flex-wrap items-start justify-between gap-3 text-sm">
                <div className="min-w-0">
                  <Link href={`/connections/${f.id}`} className="font-medium text-brand-700 hover:underline">
                    {f.name}
                  </Link>{' '}
                  <span className="text-slate-600">
                    · {f.org.name} · {f.location.code} · {f.provisionAttempts} attempt{f.provisionAttempts === 1 ? '' : 's'}
                    {f.lastErrorAt ? ` · ${formatDateTime(f.lastErrorAt)}` : ''}
                  </span>
                  <p className="mt-1 break-words font-mono text-xs text-red-800">{f.lastError}</p>
                </div>
                <ActionButton action={retryProvisioningAction.bind(null, { connectionId: f.id })} size="sm" pendingLabel="Retrying…" successMessage="Provisioning queued again.">
                  Retry
                </ActionButton>
              </div>
            ))}
          </CardBody>
        </Card>
      ) : null}
      {groups.length === 0 && page > 1 ? (
        <EmptyState title="This page of the queue is empty">
          The queue is shorter now. <Link href="/noc/queue" className="font-medium text-brand-700 hover:underline">Back to the oldest requests</Link>
        </EmptyState>
      ) : groups.length === 0 ? (
        <EmptyState title="No requests are waiting">New requests from customers appear here as soon as they are submitted.</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Age</Th>
              <Th>Organisation</Th>
              <Th>Request</Th>
              <Th>Type</Th>
              <Th>Speed</Th>
              <Th>Location</Th>
              <Th>
                <span className="sr-only">Decision</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {groups.map((g) => {
              const first = g.connections[0]!;
              const label = g.connections.length > 1 ? `${g.connections.length} connections (${first.name.replace(/-1$/, '')})` : first.name;
              const hosted = g.connections.filter((c) => c.type === 'HOSTED').length;
              return (
                <tr key={g.requestGroupId}>
                  <Td>
                    <Badge tone={g.sla} title={slaLabel[g.sla]}>
                      {formatAge(g.createdAt)}
                    </Badge>
                  </Td>
                  <Td>
                    {first.org.name}
                    <div className="text-xs text-slate-600">{first.requestedBy.name}</div>
                  </Td>
                  <Td>
                    <Link href={`/connections/${first.id}`} className="font-medium text-brand-700 hover:underline">
                      {label}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {resiliencyLabels[first.resiliency]} resiliency · account <span className="font-mono">{first.awsAccount.accountId}</span>
                    </div>
                    {first.notes ? <div className="mt-1 max-w-sm text-xs text-slate-700">“{first.notes}”</div> : null}
                  </Td>
                  <Td>{first.type === 'DEDICATED' ? 'Dedicated' : 'Hosted'}</Td>
                  <Td>{bandwidthLabel(first.bandwidth)}</Td>
                  <Td>{[...new Set(g.connections.map((c) => c.location.code))].join(', ')}</Td>
                  <Td>
                    <div className="flex flex-wrap justify-end gap-2">
                      <ApproveForm requestGroupId={g.requestGroupId} label={label} hostedCount={hosted} />
                      <RejectForm requestGroupId={g.requestGroupId} label={label} />
                    </div>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {groups.length > 0 ? (
        <PageLinks
          page={page}
          hasMore={queue.hasMore}
          href={(p) => `/noc/queue?page=${p}`}
          summary={`${queue.waiting} connection${queue.waiting === 1 ? '' : 's'} waiting · oldest first · page ${page}`}
        />
      ) : null}
    </>
  );
}
