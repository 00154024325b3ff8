import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { allowedVifTypes, createVifDefaults, defaultVifName, vlanChoice } from '@/lib/domain/virtual-interfaces';
import { vifWizardContext } from '@/lib/virtual-interfaces/context';
import { VifWizard } from './vif-wizard';

export const metadata: Metadata = { title: 'New virtual interface' };

export default async function NewVifPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('vif.manage', `/connections/${id}/vifs/new`);
  const ctx = await vifWizardContext(actor, id);
  if (!ctx) notFound();
  const { connection } = ctx;
  const options = allowedVifTypes({
    connectionType: connection.type,
    connectionState: connection.awsState,
    existingVifs: ctx.base.existingVifs,
    bandwidthMbps: ctx.base.connection.bandwidthMbps,
  });
  const firstAllowed = Object.values(options).find((o) => o.allowed)?.type ?? 'PRIVATE';
  const defaults = createVifDefaults({ connectionId: connection.id, hostedVlan: ctx.base.connection.hostedVlan, usedVlans: ctx.base.usedVlans });
  const choice = vlanChoice({ hostedVlan: ctx.base.connection.hostedVlan, usedVlans: ctx.base.usedVlans });
  defaults.type = firstAllowed;
  defaults.name = defaultVifName({ type: firstAllowed, vlan: choice.fixed ? choice.vlan : choice.suggestion, connectionName: connection.name });
  const own = (accountId: string) => accountId === connection.awsAccountId;
  return (
    <>
      <PageHeader
        title="New virtual interface"
        description={
          <>
            On <Link className="font-medium text-brand-700 hover:underline" href={`/connections/${connection.id}`}>{connection.name}</Link> ({connection.awsConnectionId},{' '}
            {connection.location.code}, {connection.region}). A virtual interface is a VLAN with a BGP session to AWS.
          </>
        }
      />
      <VifWizard
        connectionId={connection.id}
        connectionName={connection.name}
        hostedVlan={ctx.base.connection.hostedVlan}
        context={ctx.base}
        typeOptions={Object.values(options)}
        dxGateways={ctx.dxGateways.filter((g) => own(g.awsAccountId)).map(({ awsGatewayId, awsAccountId: _a, ...g }) => ({ ...g, ready: Boolean(awsGatewayId) && g.state === 'available' }))}
        vpnGateways={ctx.vpnGateways
          .filter((g) => own(g.awsAccountId) && g.region === connection.region)
          .map(({ awsVpnGatewayId, awsAccountId: _a, vpcId: _v, ...g }) => ({ ...g, ready: Boolean(awsVpnGatewayId) && g.state === 'available' }))}
        otherAccounts={ctx.accounts.filter((a) => a.id !== connection.awsAccountId).map((a) => ({ accountId: a.accountId, name: a.name }))}
        defaults={defaults}
      />
    </>
  );
}
