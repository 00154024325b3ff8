import type { Metadata } from 'next';
import Link from 'next/link';
import { CodeBlock } from '@/components/code-block';
import { formatDateTime } from '@/components/format';
import { StateBadge } from '@/components/state-badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { webhookDeliveryLabels } from '@/lib/domain/labels';
import { webhookTypeKeys } from '@/lib/domain/notifications/catalog';
import { listWebhooks } from '@/lib/webhooks/endpoints';
import { receiverSnippet } from '@/lib/webhooks/receiver-snippet';
import { CreateWebhookForm } from './create-form';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const actor = await requirePermission('webhook.read', '/webhooks');
  const endpoints = await listWebhooks(actor);
  const manage = can(actor, 'webhook.manage');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your systems hear about requests, LOA-CFAs, connection and BGP changes as they happen: each event is POSTed as JSON to your endpoint, signed with its secret, and retried with backoff for about a day if your endpoint does not answer."
      />
      {manage ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Add a webhook</CardTitle>
          </CardHeader>
          <CardBody>
            <CreateWebhookForm />
          </CardBody>
        </Card>
      ) : null}
      {endpoints.length === 0 ? (
        <EmptyState title="No webhooks">
          {manage ? 'Add an endpoint above to receive events.' : actor.kind === 'customer' ? 'An owner of your organisation can add webhooks.' : 'No organisation has registered a webhook.'}
        </EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Endpoint</Th>
              {actor.kind === 'staff' ? <Th>Organisation</Th> : null}
              <Th>Events</Th>
              <Th>Last delivery</Th>
              {actor.kind === 'customer' ? <Th>Secret</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {endpoints.map((endpoint) => {
              const last = endpoint.deliveries[0];
              return (
                <tr key={endpoint.id}>
                  <Td className="max-w-md">
                    <Link className="break-all font-mono text-sm font-medium text-brand-700 hover:underline" href={`/webhooks/${endpoint.id}`}>
                      {endpoint.url}
                    </Link>
                    {endpoint.description ? <p className="text-sm text-slate-600">{endpoint.description}</p> : null}
                  </Td>
                  {actor.kind === 'staff' ? <Td>{endpoint.org.name}</Td> : null}
                  <Td className="text-sm" title={endpoint.eventTypes.join(', ')}>
                    {endpoint.eventTypes.length} of {webhookTypeKeys.length} types
                  </Td>
                  <Td>
                    {last ? (
                      <span className="flex flex-wrap items-center gap-2 text-sm">
                        <StateBadge state={webhookDeliveryLabels[last.status]} />
                        {last.responseStatus ? <span className="font-mono">{last.responseStatus}</span> : null}
                        <span className="text-slate-600">{formatDateTime(last.createdAt)}</span>
                      </span>
                    ) : (
                      <span className="text-sm text-slate-600">None yet</span>
                    )}
                  </Td>
                  {actor.kind === 'customer' ? <Td className="font-mono text-sm">{endpoint.secretHint}…</Td> : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Verifying a delivery</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3 text-sm text-slate-700">
          <p>
            Every delivery carries <span className="font-mono">X-DX-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</span>, computed over{' '}
            <span className="font-mono">&lt;t&gt;.&lt;raw body&gt;</span> with the endpoint&apos;s secret. Refuse a signature that does not match, or whose
            timestamp is more than five minutes old (a replay). <span className="font-mono">X-DX-Event</span> names the event type and{' '}
            <span className="font-mono">X-DX-Delivery</span> is the delivery id, the same on every retry.
          </p>
          <CodeBlock code={receiverSnippet} label="Signature check in Node.js" />
        </CardBody>
      </Card>
    </>
  );
}
