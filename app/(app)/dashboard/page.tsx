import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { listAwsAccounts } from '@/lib/aws-accounts/queries';
import { countConnections } from '@/lib/connections/queries';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requirePermission('dashboard.view', '/dashboard');
  const [accounts, connections] = await Promise.all([listAwsAccounts(actor), countConnections(actor)]);
  const verified = accounts.filter((a) => a.status === 'VERIFIED').length;
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name.split(' ')[0]}`} description="What needs your attention first, then everything else." />
      {verified === 0 ? (
        <EmptyState
          title="Connect an AWS account to get started"
          action={
            <Button asChild>
              <Link href="/aws-accounts">Set up an AWS account</Link>
            </Button>
          }
        >
          The portal works in your AWS account through an IAM role you create. Register the account, create the role we show
          you, and verify it; then you can request Direct Connect connections.
        </EmptyState>
      ) : connections === 0 ? (
        <EmptyState
          title="Nothing needs your attention"
          action={
            <Button asChild>
              <Link href="/connections">Go to connections</Link>
            </Button>
          }
        >
          You have no Direct Connect connections yet. Request one and follow it here from approval to an available port.
        </EmptyState>
      ) : (
        <EmptyState title="Nothing needs your attention">All your connections are where they should be.</EmptyState>
      )}
    </>
  );
}
