import { Download, RefreshCw } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CurrentStepCard } from '@/components/connections/current-step';
import { VifListCard } from '@/components/connections/vif-list';
import { ActionButton } from '@/components/forms/action-button';
import { TypedConfirmDialog } from '@/components/forms/typed-confirm-dialog';
import { formatDate, formatDateTime } from '@/components/format';
import { LiveRefresh } from '@/components/live-refresh';
import { PortalAndAwsState, StateBadge } from '@/components/state-badge';
import { TimelineCard } from '@/components/timeline';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { connectionVersion, getConnection } from '@/lib/connections/queries';
import { bandwidthLabel } from '@/lib/domain/connections/bandwidth';
import { awsConnectionStateLabels, crossConnectKindLabels, crossConnectStatusLabels, portalStatusLabels, resiliencyLabels } from '@/lib/domain/connections/labels';
import { billingStartsAt } from '@/lib/domain/connections/lifecycle';
import { connectionStateBlocksVifs } from '@/lib/domain/virtual-interfaces';
import { listVifsForConnection } from '@/lib/virtual-interfaces/queries';
import { acceptConnectionAction, decommissionConnectionAction, refreshConnectionAction } from '../actions';
import { olderEventsAction } from '../../timeline/actions';

export const metadata: Metadata = { title: 'Connection' };


export default async function ConnectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ requested?: string }> }) {
  const { id } = await params;
  const { requested } = await searchParams;
  const actor = await requirePermission('connection.read', `/connections/${id}`);
  const c = await getConnection(actor, id);
  if (!c) notFound();
  const [version, vifs] = await Promise.all([connectionVersion(actor, id).then((v) => v ?? ''), listVifsForConnection(actor, id)]);
  const billing = billingStartsAt(c);
  const isCustomer = actor.kind === 'customer';
  const canLoa = can(actor, 'loa.download') && c.type === 'DEDICATED' && Boolean(c.awsConnectionId) && ['pending', 'available', 'down'].includes(c.awsState ?? '');
  const canAccept = can(actor, 'connection.accept') && isCustomer && c.type === 'HOSTED' && c.awsState === 'ordering';
  const canDecommission = can(actor, 'connection.decommission') && isCustomer && Boolean(c.awsConnectionId) && ['ACTIVE', 'PROVISIONING'].includes(c.portalStatus);
  const open = c.crossConnects.filter((x) => x.kind === 'INSTALL').at(-1);

  return (
    <>
      <LiveRefresh versionUrl={`/api/connections/${c.id}/version`} initial={version} />
      <PageHeader
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PortalAndAwsState portal={portalStatusLabels[c.portalStatus]} aws={c.awsState ? awsConnectionStateLabels[c.awsState] : null} />
            {c.awsConnectionId ? <span className="font-mono text-xs">{c.awsConnectionId}</span> : null}
            {actor.kind === 'staff' ? <span className="text-xs">· {c.org.name}</span> : null}
          </span>
        }
        actions={
          <>
            {canAccept ? (
              <ActionButton action={acceptConnectionAction.bind(null, { connectionId: c.id })} variant="primary" pendingLabel="Accepting…" successMessage="Accepted. AWS is bringing the connection up.">
                Accept hosted connection
              </ActionButton>
            ) : null}
            {canLoa ? (
              <Button asChild variant={c.step.owner === 'facility' ? 'primary' : 'secondary'}>
                <a href={`/api/connections/${c.id}/loa`} download>
                  <Download aria-hidden />
                  Download LOA-CFA
                </a>
              </Button>
            ) : null}
            {can(actor, 'connection.refresh') && c.awsConnectionId ? (
              <ActionButton action={refreshConnectionAction.bind(null, { connectionId: c.id })} pendingLabel="Asking AWS…" successMessage="Checking with AWS now; changes appear here by themselves.">
                <RefreshCw aria-hidden />
                Refresh from AWS
              </ActionButton>
            ) : null}
            {canDecommission && c.awsConnectionId ? (
              <TypedConfirmDialog
                action={decommissionConnectionAction}
                ids={{ connectionId: c.id }}
                name={c.name}
                triggerLabel="Decommission…"
                title={`Decommission ${c.name}?`}
                description={
                  <>
                    This deletes <span className="font-mono">{c.awsConnectionId}</span> in AWS, stops its port-hour billing, and opens a work order to remove the
                    cross-connect. It cannot be undone: a new connection needs a new request, LOA-CFA and cross-connect.
                  </>
                }
                confirmLabel="Decommission"
                pendingLabel="Decommissioning…"
                blockedReason={
                  c._count.virtualInterfaces > 0
                    ? `This connection still has ${c._count.virtualInterfaces} virtual interface${c._count.virtualInterfaces > 1 ? 's' : ''}. Delete ${c._count.virtualInterfaces > 1 ? 'them' : 'it'} first: AWS refuses to delete a connection with virtual interfaces.`
                    : null
                }
              />
            ) : null}
          </>
        }
      />
      {requested ? (
        <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Request submitted{c.siblings.length ? ` (${c.siblings.length + 1} connections)` : ''}. Our NOC has been notified; this page updates by itself.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <CurrentStepCard step={c.step} reader={actor.kind} />
          {c.awsConnectionId ? (
            <VifListCard connectionId={c.id} vifs={vifs} canCreate={isCustomer && can(actor, 'vif.manage')} createReason={connectionStateBlocksVifs(c.awsState)} />
          ) : null}
          <TimelineCard page={c.timeline} subject={{ kind: 'connection', id: c.id }} loadOlder={olderEventsAction} note="Portal, AWS and facility events, newest first" />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardBody>
              <Facts>
                <Fact label="Type">{c.type === 'DEDICATED' ? 'Dedicated port' : 'Hosted connection'}</Fact>
                <Fact label="Speed">{bandwidthLabel(c.bandwidth)} (fixed)</Fact>
                <Fact label="Location">
                  {c.location.code}: {c.location.name}
                </Fact>
                <Fact label="Region">{c.region}</Fact>
                <Fact label="AWS account">
                  {c.awsAccount.name} (<span className="font-mono">{c.awsAccount.accountId}</span>)
                </Fact>
                <Fact label="Resiliency">{resiliencyLabels[c.resiliency]}</Fact>
                {c.vlan !== null ? <Fact label="VLAN">{c.vlan}</Fact> : null}
                {c.interconnect ? <Fact label="Interconnect">{c.interconnect.awsInterconnectId}</Fact> : null}
                {c.awsDevice ? <Fact label="AWS device">{c.awsDevice}</Fact> : null}
                {c.jumboFrameCapable !== null ? <Fact label="Jumbo frames">{c.jumboFrameCapable ? 'Supported' : 'Not supported'}</Fact> : null}
                {c.loaExpiresAt ? <Fact label="LOA-CFA valid until">{formatDate(c.loaExpiresAt)}</Fact> : null}
                {billing && !c.billingStoppedAt ? <Fact label="Billing starts">{c.portUpAt ? formatDateTime(c.portUpAt) : `${formatDate(billing)} at the latest`}</Fact> : null}
                {c.billingStoppedAt ? <Fact label="Billing stopped">{formatDateTime(c.billingStoppedAt)}</Fact> : null}
                <Fact label="Requested">
                  {formatDateTime(c.createdAt)} by {c.requestedBy.name}
                </Fact>
                {c.decidedAt ? (
                  <Fact label={c.portalStatus === 'REJECTED' ? 'Rejected' : 'Approved'}>
                    {formatDateTime(c.decidedAt)}
                    {c.decidedBy ? ` by ${c.decidedBy.name}` : ''}
                  </Fact>
                ) : null}
                {c.lastSyncedAt ? <Fact label="Checked with AWS">{formatDateTime(c.lastSyncedAt)}</Fact> : null}
                {c.notes ? <Fact label="Notes">{c.notes}</Fact> : null}
              </Facts>
              {c.rejectionReason ? (
                <p className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                  <span className="font-semibold">Reason: </span>
                  {c.rejectionReason}
                </p>
              ) : null}
            </CardBody>
          </Card>
          {c.crossConnects.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>Cross-connect</CardTitle>
                {open ? <StateBadge state={crossConnectStatusLabels[open.status]} /> : null}
              </CardHeader>
              <CardBody className="space-y-3 text-sm">
                {c.crossConnects.map((order) => (
                  <div key={order.id}>
                    <p className="font-medium text-slate-900">
                      {crossConnectKindLabels[order.kind]} work order · {crossConnectStatusLabels[order.status].label}
                    </p>
                    <p className="text-slate-600">
                      {order.patchPanel ? `Patch panel ${order.patchPanel}, port ${order.panelPort}. ` : ''}
                      {order.loaExpiresAt && order.kind === 'INSTALL' && order.status !== 'COMPLETE' ? `Must be done before ${formatDate(order.loaExpiresAt)}.` : ''}
                      {order.completedAt ? `Completed ${formatDateTime(order.completedAt)}.` : ''}
                    </p>
                  </div>
                ))}
              </CardBody>
            </Card>
          ) : null}
          {c.siblings.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>Requested together</CardTitle>
              </CardHeader>
              <CardBody>
                <ul className="space-y-2 text-sm">
                  {c.siblings.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                      <Link className="font-medium text-brand-700 hover:underline" href={`/connections/${s.id}`}>
                        {s.name}
                      </Link>
                      <span className="flex items-center gap-2 text-xs text-slate-600">
                        {s.location.code}
                        <StateBadge state={s.awsState ? awsConnectionStateLabels[s.awsState] : portalStatusLabels[s.portalStatus]} />
                      </span>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
