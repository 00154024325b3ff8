import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { listAwsAccounts } from '@/lib/aws-accounts/queries';
import { countConnections } from '@/lib/connections/queries';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const actor = await requirePermission('connection.read', '/connections');
  const [accounts, count] = await Promise.all([listAwsAccounts(actor), countConnections(actor)]);
  const hasVerified = accounts.some((a) => a.status === 'VERIFIED');
  return (
    <>
      <PageHeader title="Connections" description="Your Direct Connect ports and hosted connections at our facilities." />
      {count === 0 ? (
        hasVerified ? (
          <EmptyState title="No connections yet">
            Request a dedicated port or a hosted connection; our NOC reviews requests within one business day.
          </EmptyState>
        ) : (
          <EmptyState
            title="No connections yet"
            action={
              <Button asChild>
                <Link href="/aws-accounts">Register an AWS account</Link>
              </Button>
            }
          >
            Connections are created in your AWS account, so register and verify an AWS account first.
          </EmptyState>
        )
      ) : null}
    </>
  );
}
