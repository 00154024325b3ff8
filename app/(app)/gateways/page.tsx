import type { Metadata } from 'next';
import Link from 'next/link';
import { DxGatewayTable, VpnGatewayTable } from '@/components/gateways/gateway-tables';
import { LiveRefresh } from '@/components/live-refresh';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { gatewayCatalog, gatewaysVersion, listDxGateways, listVpnGateways } from '@/lib/gateways/queries';
import { CreateDxGatewayDialog, CreateVpnGatewayDialog } from './create-dialogs';

export const metadata: Metadata = { title: 'Gateways' };

const steps = [
  'Create a Direct Connect gateway (once; it reaches every Region).',
  'Create a virtual private gateway in the Region of your VPC and attach it to the VPC.',
  'Associate the virtual private gateway with the Direct Connect gateway.',
  "Enable route propagation on the VPC's route tables, so routes learned over Direct Connect appear there.",
  'Create a private virtual interface on your connection, attached to the Direct Connect gateway.',
];

export default async function GatewaysPage() {
  const actor = await requirePermission('gateway.read', '/gateways');
  const canManage = actor.kind === 'customer' && can(actor, 'gateway.manage');
  const [dxGateways, vpnGateways, version, catalog] = await Promise.all([
    listDxGateways(actor),
    listVpnGateways(actor),
    gatewaysVersion(actor),
    canManage ? gatewayCatalog(actor) : null,
  ]);
  const verified = catalog?.accounts.filter((a) => a.status === 'VERIFIED') ?? [];
  const showOrg = actor.kind === 'staff';

  return (
    <>
      <LiveRefresh versionUrl="/api/gateways/version" initial={version} />
      <PageHeader
        title="Gateways"
        description={
          actor.kind === 'staff'
            ? "Read-only: every organisation's Direct Connect gateways and virtual private gateways. Changes are made by the customer."
            : 'Direct Connect gateways and the virtual private gateways of your VPCs that they connect to.'
        }
        actions={
          catalog ? (
            <>
              <CreateDxGatewayDialog accounts={catalog.accounts} />
              <CreateVpnGatewayDialog accounts={catalog.accounts} regions={catalog.regions} />
            </>
          ) : null
        }
      />
      {catalog && verified.length === 0 ? (
        <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {catalog.accounts.length === 0 ? 'Your organisation has no AWS account registered yet. ' : 'None of your AWS accounts is verified yet, so the portal cannot act in them. '}
          <Link href="/aws-accounts" className="font-medium underline">
            {catalog.accounts.length === 0 ? 'Register and verify an AWS account' : 'Verify an AWS account'}
          </Link>{' '}
          before creating gateways.
        </p>
      ) : null}
      {canManage ? (
        <details className="mb-6 rounded-lg border border-slate-200 bg-white px-5 py-3 text-sm shadow-sm" open={dxGateways.length === 0 && vpnGateways.length === 0}>
          <summary className="cursor-pointer font-medium text-slate-900">How the pieces fit together</summary>
          <ol className="mt-3 list-decimal space-y-1 pl-5 text-slate-700">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </details>
      ) : null}
      <div className="space-y-8">
        <section aria-labelledby="dx-heading" className="space-y-3">
          <h2 id="dx-heading" className="text-lg font-semibold text-slate-900">
            Direct Connect gateways
          </h2>
          {dxGateways.length === 0 ? (
            <EmptyState title="No Direct Connect gateways yet">
              {canManage
                ? 'Create one to connect private virtual interfaces to VPCs in any Region. It costs nothing by itself; one is usually enough.'
                : actor.kind === 'staff'
                  ? 'No organisation has a Direct Connect gateway in the portal.'
                  : 'Ask a member of your organisation to create one.'}
            </EmptyState>
          ) : (
            <DxGatewayTable items={dxGateways} showOrg={showOrg} />
          )}
        </section>
        <section aria-labelledby="vgw-heading" className="space-y-3">
          <h2 id="vgw-heading" className="text-lg font-semibold text-slate-900">
            Virtual private gateways
          </h2>
          {vpnGateways.length === 0 ? (
            <EmptyState title="No virtual private gateways yet">
              {canManage
                ? 'Create one in the Region of the VPC you want to reach, attach it to that VPC, then associate it with a Direct Connect gateway.'
                : actor.kind === 'staff'
                  ? 'No organisation has a virtual private gateway in the portal.'
                  : 'Ask a member of your organisation to create one.'}
            </EmptyState>
          ) : (
            <VpnGatewayTable items={vpnGateways} showOrg={showOrg} />
          )}
        </section>
      </div>
    </>
  );
}
