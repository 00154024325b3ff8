import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatDateTime } from '@/components/format';
import { StateBadge } from '@/components/state-badge';
import { TimelineCard } from '@/components/timeline';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { bandwidthLabel } from '@/lib/domain/connections/bandwidth';
import { crossConnectKindLabels, crossConnectStatusLabels } from '@/lib/domain/connections/labels';
import { getCrossConnect } from '@/lib/noc/cross-connects';
import { WorkOrderActions } from '../work-order-actions';
import { WorkOrderProgress } from '../work-order-progress';
import { olderEventsAction } from '../../../timeline/actions';

export const metadata: Metadata = { title: 'Work order' };

/** The work order as the facility technician needs it: whose fibre, from where to where, and what was measured. */
export default async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('noc.crossConnect', `/noc/cross-connects/${id}`);
  const o = await getCrossConnect(actor, id);
  if (!o) notFound();
  const c = o.connection;
  const canLoa = can(actor, 'loa.download') && o.kind === 'INSTALL' && c.type === 'DEDICATED' && Boolean(c.awsConnectionId);
  return (
    <>
      <PageHeader
        title={`${crossConnectKindLabels[o.kind]} work order: ${c.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={crossConnectStatusLabels[o.status]} />
            <span>Tenant {c.org.name}</span>
          </span>
        }
        actions={
          <>
            {canLoa ? (
              <Button asChild variant="secondary">
                <a href={`/api/connections/${c.id}/loa`} download>
                  <Download aria-hidden />
                  LOA-CFA with cover sheet
                </a>
              </Button>
            ) : null}
            <WorkOrderActions orderId={o.id} kind={o.kind} status={o.status} label={c.name} optics={o.optics} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Progress</CardTitle>
            </CardHeader>
            <CardBody className="text-sm text-slate-700">
              <WorkOrderProgress order={o} />
            </CardBody>
          </Card>
          <TimelineCard page={o.timeline} subject={{ kind: 'crossConnect', id: o.id }} loadOlder={olderEventsAction} note="This work order's steps, newest first" />
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Fibre</CardTitle>
          </CardHeader>
          <CardBody>
            <Facts>
              <Fact label="Tenant (customer organisation)">{c.org.name}</Fact>
              <Fact label="AWS account">
                <span className="font-mono">{c.awsAccount.accountId}</span> ({c.awsAccount.name}); the LOA-CFA from AWS names this account, not the tenant.
              </Fact>
              <Fact label="Connection">
                <Link href={`/connections/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                {c.awsConnectionId ? <span className="block font-mono text-xs">{c.awsConnectionId}</span> : null}
              </Fact>
              <Fact label="Location">
                {c.location.code}: {c.location.name}
                {c.location.facility ? <span className="block text-xs text-slate-600">{c.location.facility}</span> : null}
              </Fact>
              <Fact label="Port">
                {bandwidthLabel(c.bandwidth)}
                {o.optics ? `, ${o.optics.name} single-mode` : ''}
              </Fact>
              <Fact label="AWS device">{o.awsDevice ?? 'Named on the LOA-CFA'}</Fact>
              <Fact label="Patch panel / port">{o.patchPanel ? `${o.patchPanel} / ${o.panelPort}` : 'Not reserved yet'}</Fact>
              {o.loaExpiresAt && o.kind === 'INSTALL' ? <Fact label="LOA-CFA valid until">{formatDate(o.loaExpiresAt)}</Fact> : null}
              {c.loaIssuedAt ? <Fact label="LOA-CFA last issued">{formatDateTime(c.loaIssuedAt)}</Fact> : null}
            </Facts>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
