import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Request queue' };

export default async function NocQueuePage() {
  await requirePermission('noc.queue', '/noc/queue');
  return (
    <>
      <PageHeader title="Request queue" description="Connection requests waiting for a NOC decision, oldest first." />
      <EmptyState title="No requests are waiting">New requests from customers appear here as soon as they are submitted.</EmptyState>
    </>
  );
}
