import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Cross-connects' };

export default async function CrossConnectsPage() {
  await requirePermission('noc.crossConnect', '/noc/cross-connects');
  return (
    <>
      <PageHeader title="Cross-connects" description="Facility work orders: fibre between customer cages and AWS devices." />
      <EmptyState title="No open work orders">
        A work order opens by itself when AWS issues the LOA-CFA for a dedicated connection.
      </EmptyState>
    </>
  );
}
