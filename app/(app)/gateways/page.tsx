import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Gateways' };

export default async function GatewaysPage() {
  await requirePermission('gateway.read', '/gateways');
  return (
    <>
      <PageHeader
        title="Gateways"
        description="Direct Connect gateways and the virtual private gateways of your VPCs that they connect to."
      />
      <EmptyState title="No gateways yet">
        A Direct Connect gateway joins your private virtual interfaces to virtual private gateways in any region. Create one
        when your first connection is available.
      </EmptyState>
    </>
  );
}
