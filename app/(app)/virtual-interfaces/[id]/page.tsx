import { RefreshCw } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { TypedConfirmDialog } from '@/components/forms/typed-confirm-dialog';
import { formatDateTime } from '@/components/format';
import { LiveRefresh } from '@/components/live-refresh';
import { PortalAndAwsState, StateBadge } from '@/components/state-badge';
import { TimelineCard } from '@/components/timeline';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatAsn } from '@/lib/domain/net';
import { bgpPeerStateLabels, bgpStatusLabels, vifPortalStatusLabels, vifStateLabels, vifTroubleshootingChecklist, vifTypeInfo } from '@/lib/domain/virtual-interfaces';
import { previewRouterBundle } from '@/lib/virtual-interfaces/bundle';
import { failoverHistory } from '@/lib/virtual-interfaces/failover';
import { confirmationGateways, getVifDetail, vifVersion } from '@/lib/virtual-interfaces/queries';
import { refreshConnectionAction } from '../../connections/actions';
import { deleteVifAction } from '../actions';
import { ConfirmHostedVif } from './confirm-form';
import { FailoverControls } from './failover-form';
import { RevealKey } from './reveal-key';
import { RouterBundleCard } from './router-bundle-card';
import { olderEventsAction } from '../../timeline/actions';

export const metadata: Metadata = { title: 'Virtual interface' };


export default async function VifPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const { created } = await searchParams;
  const actor = await requirePermission('vif.read', `/virtual-interfaces/${id}`);
  const vif = await getVifDetail(actor, id);
  if (!vif) notFound();
  const isMember = actor.kind === 'customer';
  const version = (await vifVersion(actor, id)) ?? '';
  const history = await failoverHistory(actor, id).catch(() => null);
  const preview = isMember && can(actor, 'bundle.download') ? await previewRouterBundle(actor, id).catch(() => null) : null;
  const bgpUp = vif.bgpPeers.some((p) => p.bgpStatus === 'up');
  const live = vif.portalStatus === 'ACTIVE' || vif.portalStatus === 'CREATING';
  const checklist =
    live && vif.awsState !== null && !bgpUp && vif.awsState !== 'confirming'
      ? vifTroubleshootingChecklist({
          type: vif.type,
          vlan: vif.vlan,
          addressFamily: vif.addressFamily,
          customerAddress: vif.customerAddress,
          amazonAddress: vif.amazonAddress,
          asn: Number(vif.asn),
          amazonSideAsn: vif.amazonSideAsn === null ? null : Number(vif.amazonSideAsn),
          authKeySet: vif.hasAuthKey,
          mtu: vif.mtu,
          awsState: vif.awsState,
          bgpStatus: vif.bgpPeers[0]?.bgpStatus ?? null,
          connectionState: vif.connection.awsState,
          routerInterface: (vif.routerSettings as { router?: { interface?: string } } | null)?.router?.interface ?? null,
        })
      : [];
  const confirmGateways = isMember && vif.hosted && vif.awsState === 'confirming' ? await confirmationGateways(actor, vif) : null;
  const canManage = isMember && can(actor, 'vif.manage');

  return (
    <>
      <LiveRefresh versionUrl={`/api/virtual-interfaces/${vif.id}/version`} initial={version} />
      <PageHeader
        title={vif.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PortalAndAwsState portal={vifPortalStatusLabels[vif.portalStatus]} aws={vif.awsState ? vifStateLabels[vif.awsState] : null} />
            {vif.awsVirtualInterfaceId ? <span className="font-mono text-xs">{vif.awsVirtualInterfaceId}</span> : null}
            <span className="text-xs">
              on{' '}
              <Link className="text-brand-700 hover:underline" href={`/connections/${vif.connection.id}`}>
                {vif.connection.name}
              </Link>
            </span>
            {actor.kind === 'staff' ? <span className="text-xs">· {vif.org.name}</span> : null}
          </span>
        }
        actions={
          <>
            {can(actor, 'connection.refresh') ? (
              <ActionButton action={refreshConnectionAction.bind(null, { connectionId: vif.connection.id })} pendingLabel="Asking AWS…" successMessage="Checking with AWS now.">
                <RefreshCw aria-hidden />
                Refresh from AWS
              </ActionButton>
            ) : null}
            {isMember && can(actor, 'vif.delete') && vif.awsVirtualInterfaceId && live ? (
              <TypedConfirmDialog
                action={deleteVifAction}
                ids={{ id: vif.id }}
                name={vif.name}
                triggerLabel="Delete…"
                title={`Delete ${vif.name}?`}
                description={
                  <>
                    This deletes <span className="font-mono">{vif.awsVirtualInterfaceId}</span> (VLAN {vif.vlan}) in AWS. Its BGP session drops at once and traffic over it
                    stops. It cannot be undone.
                  </>
                }
                confirmLabel="Delete interface"
                pendingLabel="Deleting…"
              />
            ) : null}
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          AWS created the interface. Configure your router with the details below (or download the router bundle); BGP comes up when your side answers.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {confirmGateways ? (
            <Card className="border-brand-300">
              <CardHeader>
                <CardTitle>Waiting for confirmation</CardTitle>
              </CardHeader>
              <CardBody>
                <ConfirmHostedVif id={vif.id} accountId={vif.awsAccount.accountId} type={vif.type} dxGateways={confirmGateways.dx} vpnGateways={confirmGateways.vgw} />
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="bgp-title">
            <CardHeader>
              <CardTitle id="bgp-title">BGP</CardTitle>
              <StateBadge state={bgpUp ? bgpStatusLabels.up : bgpStatusLabels.down} />
            </CardHeader>
            <CardBody className="space-y-4">
              <Table>
                <thead>
                  <tr>
                    <Th className="px-3">Family</Th>
                    <Th className="px-3">{isMember ? 'Your address' : 'Customer address'}</Th>
                    <Th className="px-3">Amazon address</Th>
                    <Th className="px-3">Peer</Th>
                    <Th className="px-3">Session</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {vif.bgpPeers.map((p) => (
                    <tr key={p.id}>
                      <Td className="px-3">{p.addressFamily === 'ipv6' ? 'IPv6' : 'IPv4'}</Td>
                      <Td className="whitespace-nowrap px-3 font-mono">{p.customerAddress ?? '—'}</Td>
                      <Td className="whitespace-nowrap px-3 font-mono">{p.amazonAddress ?? '—'}</Td>
                      <Td className="px-3">{p.state ? <StateBadge state={bgpPeerStateLabels[p.state]} /> : '—'}</Td>
                      <Td className="px-3">
                        <StateBadge state={bgpStatusLabels[p.bgpStatus]} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <div>
                <p className="mb-1 text-sm font-medium text-slate-800">MD5 key</p>
                {vif.hasAuthKey ? <RevealKey id={vif.id} canReveal={isMember && can(actor, 'vif.revealKey')} /> : <p className="text-sm text-slate-600">Not reported by AWS yet.</p>}
              </div>
            </CardBody>
          </Card>
          {checklist.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>BGP is not up: what to check</CardTitle>
              </CardHeader>
              <CardBody>
                <ol className="list-decimal space-y-3 pl-5 text-sm">
                  {checklist.map((item) => (
                    <li key={item.id}>
                      <p className="font-medium text-slate-900">{item.title}</p>
                      <p className="text-slate-700">{item.detail}</p>
                    </li>
                  ))}
                </ol>
              </CardBody>
            </Card>
          ) : null}
          {isMember && can(actor, 'bundle.download') && live ? <RouterBundleCard id={vif.id} vlan={vif.vlan} settings={vif.routerSettings} preview={preview} /> : null}
          <TimelineCard page={vif.timeline} subject={{ kind: 'virtualInterface', id: vif.id }} loadOlder={olderEventsAction} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardBody>
              <Facts>
                <Fact label="Type">{vifTypeInfo[vif.type].label}</Fact>
                <Fact label="VLAN">{vif.vlan}</Fact>
                <Fact label="Address family">{vif.addressFamily === 'ipv6' ? 'IPv6' : 'IPv4'}</Fact>
                <Fact label={isMember ? 'Your ASN' : 'Customer ASN'}>{formatAsn(Number(vif.asn))}</Fact>
                <Fact label="Amazon ASN">{vif.amazonSideAsn === null ? 'Set when confirmed' : formatAsn(Number(vif.amazonSideAsn))}</Fact>
                {vif.mtu ? <Fact label="MTU">{vif.mtu}</Fact> : null}
                {vif.dxGateway ? (
                  <Fact label="Gateway">
                    <Link className="text-brand-700 hover:underline" href={`/gateways/dx/${vif.dxGateway.id}`}>
                      {vif.dxGateway.name}
                    </Link>
                  </Fact>
                ) : null}
                {vif.vpnGateway ? (
                  <Fact label="Gateway">
                    <Link className="text-brand-700 hover:underline" href={`/gateways/vgw/${vif.vpnGateway.id}`}>
                      {vif.vpnGateway.name}
                    </Link>
                  </Fact>
                ) : null}
                <Fact label="Owner account">
                  <span className="font-mono">{vif.awsAccount.accountId}</span>
                  {vif.hosted ? ' (hosted VIF)' : ''}
                </Fact>
                <Fact label="Location">
                  {vif.connection.location.code}, {vif.connection.region}
                </Fact>
                {vif.routeFilterPrefixes.length ? <Fact label="Route filter">{vif.routeFilterPrefixes.join(', ')}</Fact> : null}
                {vif.awsDeviceV2 ? <Fact label="AWS device">{vif.awsDeviceV2}</Fact> : null}
                {vif.lastSyncedAt ? <Fact label="Checked with AWS">{formatDateTime(vif.lastSyncedAt)}</Fact> : null}
              </Facts>
            </CardBody>
          </Card>
          {live && vif.awsVirtualInterfaceId ? (
            <Card>
              <CardHeader>
                <CardTitle>BGP failover test</CardTitle>
              </CardHeader>
              <CardBody className="space-y-4">
                {canManage ? (
                  <FailoverControls
                    id={vif.id}
                    testing={vif.awsState === 'testing'}
                    peers={vif.bgpPeers.filter((p) => p.state === 'available').map((p) => ({ id: p.id, label: `${p.addressFamily === 'ipv6' ? 'IPv6' : 'IPv4'} ${p.amazonAddress ?? ''}` }))}
                  />
                ) : null}
                <div>
                  <p className="mb-1 text-sm font-medium text-slate-800">History</p>
                  {history === null ? (
                    <p className="text-sm text-slate-600">AWS did not answer; the history shows on the next visit.</p>
                  ) : history.length === 0 ? (
                    <p className="text-sm text-slate-600">No tests yet.</p>
                  ) : (
                    <ul className="space-y-1 text-sm">
                      {history.map((t) => (
                        <li key={t.testId}>
                          <span className="font-medium">{t.status}</span> · {t.startTime ? formatDateTime(t.startTime) : '—'}
                          {t.durationMinutes ? ` · ${t.durationMinutes} min` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
