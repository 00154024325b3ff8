import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { formatDateTime, formatRelative } from '@/components/format';
import { ActionButton } from '@/components/forms/action-button';
import { ConfirmActionDialog } from '@/components/forms/confirm-action-dialog';
import { StateBadge } from '@/components/state-badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { PageLinks } from '@/components/ui/page-links';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { webhookDeliveryLabels } from '@/lib/domain/labels';
import { DELIVERY_PAGE_SIZE, webhookWithDeliveries } from '@/lib/webhooks/endpoints';
import { removeWebhookAction, resendDeliveryAction } from '../actions';

export const metadata: Metadata = { title: 'Webhook deliveries' };

const pageSchema = z.coerce.number().int().min(1).max(10_000);

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('webhook.read', `/webhooks/${id}`);
  const rawPage = (await searchParams).page;
  const parsedPage = pageSchema.safeParse(rawPage ?? 1);
  const page = parsedPage.success ? parsedPage.data : 1;
  const data = await webhookWithDeliveries(actor, id, page);
  if (!data) notFound();
  const { endpoint, deliveries, hasMore } = data;
  const active = !endpoint.disabledAt;
  const manage = can(actor, 'webhook.manage') && active;
  const now = new Date();
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono text-xl">{endpoint.url}</span>}
        description={endpoint.description ?? (actor.kind === 'staff' ? endpoint.org.name : undefined)}
        actions={
          manage ? (
            <ConfirmActionDialog
              action={removeWebhookAction.bind(null, { id: endpoint.id })}
              triggerLabel="Remove webhook"
              title="Remove this webhook?"
              description={
                <>
                  Nothing more is sent to <span className="break-all font-mono">{endpoint.url}</span>, and deliveries still retrying stop. Its delivery log stays readable here.
                </>
              }
              confirmLabel="Remove webhook"
              pendingLabel="Removing…"
              successMessage="Webhook removed. Nothing more is sent to it."
            />
          ) : null
        }
      />
      {endpoint.disabledAt ? (
        <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          Removed on {formatDateTime(endpoint.disabledAt)}: nothing is sent to it any more. The log below is what was sent before.
        </p>
      ) : null}
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Endpoint</CardTitle>
        </CardHeader>
        <CardBody>
          <Facts>
            {actor.kind === 'staff' ? <Fact label="Organisation">{endpoint.org.name}</Fact> : null}
            <Fact label="Added">{formatDateTime(endpoint.createdAt)}</Fact>
            <Fact label="Signing secret">{actor.kind === 'customer' ? <span className="font-mono">{endpoint.secretHint}… (shown in full only when added)</span> : 'Hidden from staff'}</Fact>
            <Fact label="Events">
              <span className="flex flex-wrap gap-1">
                {endpoint.eventTypes.map((type) => (
                  <span key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                    {type}
                  </span>
                ))}
              </span>
            </Fact>
          </Facts>
        </CardBody>
      </Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Deliveries</h2>
      {!parsedPage.success ? (
        <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          &ldquo;{String(rawPage)}&rdquo; is not a page number; showing the newest deliveries.
        </p>
      ) : null}
      {deliveries.length === 0 ? (
        <EmptyState title={page > 1 ? 'No deliveries on this page' : 'No deliveries yet'}>
          {page > 1 ? (
            <Link href={`/webhooks/${endpoint.id}`} className="text-brand-700 hover:underline">
              Back to the newest
            </Link>
          ) : (
            'When one of the chosen events happens in your organisation, its delivery appears here.'
          )}
        </EmptyState>
      ) : (
        <>
          <Table>
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Response</Th>
                <Th>Detail</Th>
                {manage ? <Th><span className="sr-only">Actions</span></Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <tr key={d.id} className="align-top">
                  <Td>
                    <span className="block font-mono text-xs font-medium text-slate-900">{d.type}</span>
                    <span className="block text-xs text-slate-600">{formatDateTime(d.createdAt)}</span>
                    <details className="mt-1 text-xs">
                      <summary className="cursor-pointer text-brand-700">Body</summary>
                      <pre className="mt-1 max-w-md overflow-auto rounded bg-slate-900 p-2 text-slate-100">{JSON.stringify(d.payload, null, 2)}</pre>
                      <p className="mt-1 text-slate-600">
                        Delivery id <span className="font-mono">{d.id}</span>
                      </p>
                    </details>
                  </Td>
                  <Td>
                    <StateBadge state={webhookDeliveryLabels[d.status]} />
                  </Td>
                  <Td className="font-mono">{d.attempts}</Td>
                  <Td className="font-mono">{d.responseStatus ?? '—'}</Td>
                  <Td className="max-w-sm text-sm text-slate-700">
                    {d.status === 'SENT' && d.deliveredAt ? `Delivered ${formatDateTime(d.deliveredAt)}.` : null}
                    {d.status !== 'SENT' && d.lastError ? <span className="block">{d.lastError}</span> : null}
                    {d.status === 'PENDING' && d.nextAttemptAt ? <span className="block text-slate-600">Next attempt {formatRelative(d.nextAttemptAt, now)}.</span> : null}
                    {d.status === 'PENDING' && !d.lastError && d.attempts === 0 ? <span className="block text-slate-600">Queued.</span> : null}
                  </Td>
                  {manage ? (
                    <Td>
                      <ActionButton size="sm" action={resendDeliveryAction.bind(null, { deliveryId: d.id })} pendingLabel="Queuing…" successMessage="Delivery queued; it is sent again within seconds.">
                        Resend
                      </ActionButton>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
          <PageLinks
            page={page}
            hasMore={hasMore}
            href={(p) => `/webhooks/${endpoint.id}?page=${p}`}
            summary={`Deliveries ${(page - 1) * DELIVERY_PAGE_SIZE + 1}–${(page - 1) * DELIVERY_PAGE_SIZE + deliveries.length}, newest first`}
          />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/webhooks" className="text-brand-700 hover:underline">
          All webhooks
        </Link>
      </p>
    </>
  );
}
