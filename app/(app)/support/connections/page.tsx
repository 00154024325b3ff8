import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { countConnections } from '@/lib/connections/queries';

export const metadata: Metadata = { title: 'All connections' };

export default async function SupportConnectionsPage() {
  const actor = await requirePermission('staff.readAllOrgs', '/support/connections');
  const count = await countConnections(actor);
  return (
    <>
      <PageHeader title="All connections" description="Every organisation's connections, read-only." />
      {count === 0 ? <EmptyState title="No connections yet">Connections appear here once customers request them.</EmptyState> : null}
    </>
  );
}
