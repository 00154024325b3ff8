import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/format';
import { ConfirmActionDialog } from '@/components/forms/confirm-action-dialog';
import { DeleteGatewayCard } from '@/components/gateways/delete-gateway-card';
import { Fact, Facts } from '@/components/ui/facts';
import { GatewayStatus } from '@/components/gateways/gateway-status';
import { LiveRefresh } from '@/components/live-refresh';
import { StateBadge } from '@/components/state-badge';
import { TimelineCard } from '@/components/timeline';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { associationStateLabels, dxGatewayStateLabels } from '@/lib/domain/gateways';
import { vifStateLabels } from '@/lib/domain/virtual-interfaces';
import { dxGatewayVersion, getDxGateway } from '@/lib/gateways/detail';
import { deleteDxGatewayAction, disassociateGatewayAction } from '../../actions';
import { olderEventsAction } from '../../../timeline/actions';

export const metadata: Metadata = { title: 'Direct Connect gateway' };

const vifTypeLabels = { PRIVATE: 'Private', PUBLIC: 'Public', TRANSIT: 'Transit' } as const;

export default async function DxGatewayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('gateway.read', `/gateways/dx/${id}`);
  const gw = await getDxGateway(actor, id);
  if (!gw) notFound();
  const version = (await dxGatewayVersion(actor, id)) ?? '';
  const isCustomer = actor.kind === 'customer';
  const canManage = isCustomer && can(actor, 'gateway.manage');
  const canDelete = isCustomer && can(actor, 'gateway.delete') && gw.portalStatus !== 'DELETED' && gw.portalStatus !== 'DELETING';
  const failedRequest = gw.portalStatus === 'CREATE_FAILED';

  return (
    <>
      <LiveRefresh versionUrl={`/api/gateways/dx/${gw.id}/version`} initial={version} />
      <p className="mb-2 text-sm">
        <Link href="/gateways" className="text-brand-700 hover:underline">
          ← Gateways
        </Link>
      </p>
      <PageHeader
        title={gw.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-slate-700">Direct Connect gateway</span>
            <GatewayStatus portalStatus={gw.portalStatus} awsState={gw.awsState} labels={dxGatewayStateLabels} />
            {gw.awsGatewayId ? <span className="break-all font-mono text-xs">{gw.awsGatewayId}</span> : null}
            {actor.kind === 'staff' ? <span className="text-xs">· {gw.org.name}</span> : null}
          </span>
        }
      />
      {gw.lastError && gw.portalStatus !== 'ACTIVE' ? (
        <p role="status" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {gw.lastError}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Associated virtual private gateways</CardTitle>
              <span className="text-xs text-slate-600">Up to 20; each VPC&apos;s allowed prefixes must not overlap</span>
            </CardHeader>
            <CardBody>
              {gw.associations.length === 0 ? (
                <p className="text-sm text-slate-600">
                  None yet. {canManage ? 'Open a virtual private gateway that is attached to a VPC and associate it with this gateway.' : ''}
                </p>
              ) : (
                <Table aria-label="Associations">
                  <thead>
                    <tr>
                      <Th>Virtual private gateway</Th>
                      <Th>State</Th>
                      <Th className="hidden sm:table-cell">Allowed prefixes</Th>
                      {canManage ? <Th>
                        <span className="sr-only">Actions</span>
                      </Th> : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {gw.associations.map((a) => (
                      <tr key={a.id}>
                        <Td>
                          <Link href={`/gateways/vgw/${a.vpnGateway.id}`} className="font-medium text-brand-700 hover:underline">
                            {a.vpnGateway.name}
                          </Link>
                          <div className="text-xs text-slate-600">
                            {a.vpnGateway.region} {a.vpnGateway.vpcId ? <span className="font-mono">{a.vpnGateway.vpcId}</span> : null}
                          </div>
                        </Td>
                        <Td>
                          {a.awsState ? <StateBadge state={associationStateLabels[a.awsState]} /> : <span className="text-slate-600">Requested</span>}
                          {a.stateChangeError ? <p className="mt-1 text-xs text-red-700">{a.stateChangeError}</p> : null}
                        </Td>
                        <Td className="hidden font-mono text-xs sm:table-cell">{a.allowedPrefixes.join(', ') || 'VPC CIDR'}</Td>
                        {canManage ? (
                          <Td>
                            {a.portalStatus === 'ACTIVE' && a.awsState !== 'disassociating' ? (
                              <ConfirmActionDialog
                                action={disassociateGatewayAction.bind(null, { associationId: a.id })}
                                triggerLabel="Disassociate…"
                                title={`Disassociate "${a.vpnGateway.name}"?`}
                                description={`This removes the association of "${a.vpnGateway.name}" with "${gw.name}" in AWS. Traffic between ${a.vpnGateway.vpcId ?? 'its VPC'} and your Direct Connect connections stops.`}
                                confirmLabel="Disassociate"
                                pendingLabel="Disassociating…"
                                successMessage="AWS is removing the association."
                                blockedReason={gw.rules.accountBlock}
                                variant="secondary"
                                size="sm"
                              />
                            ) : null}
                          </Td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Attached virtual interfaces</CardTitle>
              <span className="text-xs text-slate-600">{gw.virtualInterfaces.length} of 30</span>
            </CardHeader>
            <CardBody>
              {gw.virtualInterfaces.length === 0 ? (
                <p className="text-sm text-slate-600">None yet. Private and transit virtual interfaces attach to this gateway when you create them on a connection.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {gw.virtualInterfaces.map((v) => (
                    <li key={v.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <span className="font-medium text-slate-900">{v.name}</span>{' '}
                        <span className="text-slate-600">
                          {vifTypeLabels[v.type]} · on{' '}
                          <Link href={`/connections/${v.connection.id}`} className="text-brand-700 hover:underline">
                            {v.connection.name}
                          </Link>
                        </span>
                        {v.awsVirtualInterfaceId ? <span className="ml-1 font-mono text-xs text-slate-600">{v.awsVirtualInterfaceId}</span> : null}
                      </span>
                      {v.awsState ? <StateBadge state={vifStateLabels[v.awsState]} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <TimelineCard page={gw.timeline} subject={{ kind: 'dxGateway', id: gw.id }} loadOlder={olderEventsAction} note="The gateway and its associations, newest first" />
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardBody>
              <Facts>
                <Fact label="AWS account">
                  {gw.awsAccount.name} (<span className="font-mono">{gw.awsAccount.accountId}</span>)
                </Fact>
                <Fact label="Amazon-side ASN">
                  <span className="font-mono">{gw.amazonSideAsn}</span>
                </Fact>
                <Fact label="Reach">Global: VPCs in any Region, through their virtual private gateways</Fact>
                {gw.awsGatewayId ? (
                  <Fact label="AWS id">
                    <span className="break-all font-mono">{gw.awsGatewayId}</span>
                  </Fact>
                ) : null}
                <Fact label="Requested">{formatDateTime(gw.createdAt)}</Fact>
                {gw.lastSyncedAt ? <Fact label="Checked with AWS">{formatDateTime(gw.lastSyncedAt)}</Fact> : null}
              </Facts>
              {gw.rules.accountBlock && canManage ? <p className="mt-4 text-sm text-amber-900">{gw.rules.accountBlock}</p> : null}
            </CardBody>
          </Card>
          {canDelete ? (
            <DeleteGatewayCard
              action={deleteDxGatewayAction.bind(null, { dxGatewayId: gw.id })}
              kind="Direct Connect gateway"
              service="AWS"
              name={gw.name}
              failedRequest={failedRequest}
              description={
                <>
                  This deletes <span className="font-mono">{gw.awsGatewayId}</span> (&quot;{gw.name}&quot;, Amazon-side ASN {gw.amazonSideAsn}) from AWS account{' '}
                  {gw.awsAccount.name} ({gw.awsAccount.accountId}). Virtual interfaces can no longer attach to it. It cannot be undone: a new gateway gets a new id.
                </>
              }
              blockedReason={gw.rules.deleteBlock}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
