import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/format';
import { BlockedNote, RuleNote } from '@/components/forms/blocked-note';
import { ConfirmActionDialog } from '@/components/forms/confirm-action-dialog';
import { DeleteGatewayCard } from '@/components/gateways/delete-gateway-card';
import { Fact, Facts } from '@/components/ui/facts';
import { GatewayStatus } from '@/components/gateways/gateway-status';
import { LiveRefresh } from '@/components/live-refresh';
import { StateBadge } from '@/components/state-badge';
import { TimelineCard } from '@/components/timeline';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { associationStateLabels, vpcAttachmentStateLabels, vpnGatewayStateLabels } from '@/lib/domain/gateways';
import { getVpnGateway, vpnGatewayVersion } from '@/lib/gateways/detail';
import { listAccountVpcs, type VpcListing } from '@/lib/gateways/vpcs';
import { deleteVpnGatewayAction, detachVpnGatewayAction, disassociateGatewayAction } from '../../actions';
import { AssociateForm } from './associate-form';
import { AttachForm } from './attach-form';
import { PropagationForm } from './propagation-form';
import { olderEventsAction } from '../../../timeline/actions';

export const metadata: Metadata = { title: 'Virtual private gateway' };

const ONE_DX_RULE =
  'A virtual private gateway must be attached to a VPC before it can be associated, and it can be associated with only one Direct Connect gateway. A Direct Connect gateway takes up to 20 virtual private gateways, whose allowed prefixes must not overlap.';

export default async function VpnGatewayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('gateway.read', `/gateways/vgw/${id}`);
  const gw = await getVpnGateway(actor, id);
  if (!gw) notFound();
  const isCustomer = actor.kind === 'customer';
  const canManage = isCustomer && can(actor, 'gateway.manage');
  const canDelete = isCustomer && can(actor, 'gateway.delete') && gw.portalStatus !== 'DELETED' && gw.portalStatus !== 'DELETING';
  const failedRequest = gw.portalStatus === 'CREATE_FAILED';
  const inAws = gw.portalStatus === 'ACTIVE' && Boolean(gw.awsVpnGatewayId);
  // Live EC2 data only for those who can act on it; staff read the recorded state.
  const [version, listing] = await Promise.all([
    vpnGatewayVersion(actor, id),
    canManage && inAws && gw.rules.accountBlock === null ? listAccountVpcs(actor, { awsAccountId: gw.awsAccountId, region: gw.region }) : Promise.resolve<VpcListing | null>(null),
  ]);
  const vpcs = listing?.ok ? listing.vpcs : [];
  const attached = gw.vpcId && gw.attachmentState && gw.attachmentState !== 'detached' ? { vpcId: gw.vpcId, state: gw.attachmentState } : null;
  const vpc = attached ? vpcs.find((v) => v.vpcId === attached.vpcId) : undefined;
  const vpcLabel = attached ? [vpc?.name, attached.vpcId, vpc?.cidrs.join(', ')].filter(Boolean).join(' · ') : '';

  return (
    <>
      <LiveRefresh versionUrl={`/api/gateways/vgw/${gw.id}/version`} initial={version ?? ''} />
      <p className="mb-2 text-sm">
        <Link href="/gateways" className="text-brand-700 hover:underline">
          ← Gateways
        </Link>
      </p>
      <PageHeader
        title={gw.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-slate-700">Virtual private gateway in {gw.region}</span>
            <GatewayStatus portalStatus={gw.portalStatus} awsState={gw.awsState} labels={vpnGatewayStateLabels} />
            {gw.awsVpnGatewayId ? <span className="font-mono text-xs">{gw.awsVpnGatewayId}</span> : null}
            {actor.kind === 'staff' ? <span className="text-xs">· {gw.org.name}</span> : null}
          </span>
        }
      />
      {gw.lastError && gw.portalStatus !== 'ACTIVE' ? (
        <p role="status" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {gw.lastError}
        </p>
      ) : null}
      {listing && !listing.ok ? <BlockedNote className="mb-6">{listing.message}</BlockedNote> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="attach-title">
            <CardHeader>
              <CardTitle id="attach-title">1. VPC attachment</CardTitle>
              {attached ? <StateBadge state={vpcAttachmentStateLabels[attached.state]} /> : null}
            </CardHeader>
            <CardBody className="space-y-4">
              {attached ? (
                <>
                  <p className="text-sm text-slate-800">
                    {attached.state === 'detaching' ? 'Detaching from ' : attached.state === 'attaching' ? 'Attaching to ' : 'Attached to '}
                    <span className="font-mono">{vpcLabel}</span>.
                  </p>
                  {canManage && attached.state !== 'detaching' ? (
                    <ConfirmActionDialog
                      action={detachVpnGatewayAction.bind(null, { vpnGatewayId: gw.id })}
                      triggerLabel="Detach from VPC…"
                      title={`Detach "${gw.name}" from ${attached.vpcId}?`}
                      description={
                        gw.association
                          ? `The gateway is still associated with Direct Connect gateway "${gw.association.dxGateway.name}": once detached, ${attached.vpcId} is no longer reachable over Direct Connect and route propagation into its route tables stops. EC2 takes several minutes to detach an associated gateway.`
                          : `Route propagation into ${attached.vpcId}'s route tables stops. The gateway stays, and can be attached again.`
                      }
                      confirmLabel="Detach"
                      pendingLabel="Detaching…"
                      successMessage="EC2 is detaching the gateway."
                      blockedReason={gw.rules.detachBlock}
                      variant="secondary"
                    />
                  ) : null}
                </>
              ) : canManage ? (
                gw.rules.attachBlock ? (
                  <BlockedNote>{gw.rules.attachBlock}</BlockedNote>
                ) : listing?.ok ? (
                  <AttachForm
                    vpnGatewayId={gw.id}
                    blockedReason={null}
                    vpcs={vpcs.map((v) => ({ vpcId: v.vpcId, name: v.name, cidrs: v.cidrs, takenBy: v.attachedVpnGatewayId && v.attachedVpnGatewayId !== gw.awsVpnGatewayId ? v.attachedVpnGatewayId : null }))}
                  />
                ) : null
              ) : (
                <p className="text-sm text-slate-600">Not attached to a VPC.</p>
              )}
            </CardBody>
          </Card>

          <Card aria-labelledby="associate-title">
            <CardHeader>
              <CardTitle id="associate-title">2. Direct Connect gateway association</CardTitle>
              {gw.association?.awsState ? <StateBadge state={associationStateLabels[gw.association.awsState]} /> : null}
            </CardHeader>
            <CardBody className="space-y-4">
              <RuleNote>{ONE_DX_RULE}</RuleNote>
              {gw.association ? (
                <>
                  <p className="text-sm text-slate-800">
                    {gw.association.awsState === 'disassociating' ? 'Being removed from ' : 'Associated with '}
                    <Link href={`/gateways/dx/${gw.association.dxGateway.id}`} className="font-medium text-brand-700 hover:underline">
                      {gw.association.dxGateway.name}
                    </Link>
                    {gw.association.allowedPrefixes.length ? (
                      <>
                        , allowing <span className="font-mono">{gw.association.allowedPrefixes.join(', ')}</span>
                      </>
                    ) : null}
                    .
                  </p>
                  {gw.association.stateChangeError ? <p className="text-sm text-red-700">{gw.association.stateChangeError}</p> : null}
                  {canManage && gw.association.portalStatus === 'ACTIVE' && gw.association.awsState !== 'disassociating' ? (
                    <ConfirmActionDialog
                      action={disassociateGatewayAction.bind(null, { associationId: gw.association.id })}
                      triggerLabel="Disassociate…"
                      title={`Disassociate from "${gw.association.dxGateway.name}"?`}
                      description={`This removes the association of "${gw.name}" with Direct Connect gateway "${gw.association.dxGateway.name}" in AWS. Traffic between ${gw.vpcId ?? 'the VPC'} and your Direct Connect connections stops.`}
                      confirmLabel="Disassociate"
                      pendingLabel="Disassociating…"
                      successMessage="AWS is removing the association."
                      blockedReason={gw.rules.accountBlock}
                      variant="secondary"
                    />
                  ) : null}
                </>
              ) : canManage ? (
                <AssociateForm
                  // Remount when the attachment changes, so the prefixes start from the VPC's CIDR.
                  key={`${attached?.vpcId ?? ''}:${attached?.state ?? ''}:${vpc?.cidrs.join(',') ?? ''}`}
                  vpnGatewayId={gw.id}
                  choices={gw.dxChoices.map((c) => ({ id: c.id, name: c.name, awsGatewayId: c.awsGatewayId, disabledReason: c.disabledReason }))}
                  vpcCidrs={vpc?.cidrs ?? []}
                  blockedReason={gw.rules.associationBlock}
                />
              ) : (
                <p className="text-sm text-slate-600">Not associated with a Direct Connect gateway.</p>
              )}
            </CardBody>
          </Card>

          <Card aria-labelledby="propagation-title">
            <CardHeader>
              <CardTitle id="propagation-title">3. Route propagation</CardTitle>
              <span className="text-xs text-slate-600">Routes learned over Direct Connect appear in these route tables</span>
            </CardHeader>
            <CardBody className="space-y-4">
              {canManage ? (
                gw.rules.propagationBlock || !vpc ? (
                  <BlockedNote>{gw.rules.propagationBlock ?? 'The route tables of the attached VPC could not be read; reload the page in a minute.'}</BlockedNote>
                ) : (
                  <PropagationForm
                    key={vpc.vpcId}
                    vpnGatewayId={gw.id}
                    blockedReason={null}
                    tables={vpc.routeTables.map((t) => ({ id: t.id, name: t.name, main: t.main, propagating: gw.awsVpnGatewayId ? t.propagatingVgwIds.includes(gw.awsVpnGatewayId) : false }))}
                  />
                )
              ) : gw.propagatingRouteTableIds.length ? (
                <ul className="space-y-1 text-sm">
                  {gw.propagatingRouteTableIds.map((t) => (
                    <li key={t} className="font-mono">
                      {t}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">No route table receives routes from this gateway.</p>
              )}
            </CardBody>
          </Card>

          <TimelineCard page={gw.timeline} subject={{ kind: 'vpnGateway', id: gw.id }} loadOlder={olderEventsAction} note="The gateway, its VPC attachment and its association, newest first" />
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
                <Fact label="Region">{gw.region}</Fact>
                <Fact label="Amazon-side ASN">
                  <span className="font-mono">{gw.amazonSideAsn}</span>
                </Fact>
                {gw.awsVpnGatewayId ? (
                  <Fact label="AWS id">
                    <span className="font-mono">{gw.awsVpnGatewayId}</span>
                  </Fact>
                ) : null}
                <Fact label="VPC">{attached ? <span className="font-mono">{attached.vpcId}</span> : 'Not attached'}</Fact>
                <Fact label="Virtual interfaces">{gw.attachedVifCount === 0 ? 'None attached directly' : `${gw.attachedVifCount} attached directly`}</Fact>
                <Fact label="Requested">{formatDateTime(gw.createdAt)}</Fact>
                {gw.lastSyncedAt ? <Fact label="Checked with AWS">{formatDateTime(gw.lastSyncedAt)}</Fact> : null}
              </Facts>
              {gw.rules.accountBlock && canManage ? <p className="mt-4 text-sm text-amber-900">{gw.rules.accountBlock}</p> : null}
            </CardBody>
          </Card>
          {canDelete ? (
            <DeleteGatewayCard
              action={deleteVpnGatewayAction.bind(null, { vpnGatewayId: gw.id })}
              kind="virtual private gateway"
              service="EC2"
              name={gw.name}
              failedRequest={failedRequest}
              description={
                <>
                  This deletes <span className="font-mono">{gw.awsVpnGatewayId}</span> (&quot;{gw.name}&quot;) in {gw.region}, AWS account {gw.awsAccount.name} (
                  {gw.awsAccount.accountId}). It cannot be undone: a new gateway gets a new id and must be attached and associated again.
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
