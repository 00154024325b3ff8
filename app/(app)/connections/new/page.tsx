import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { requestCatalog } from '@/lib/connections/catalog';
import { RequestConnectionForm } from './request-form';

export const metadata: Metadata = { title: 'Request a connection' };

export default async function NewConnectionPage() {
  const actor = await requirePermission('connection.request', '/connections/new');
  const catalog = await requestCatalog(actor);
  return (
    <>
      <PageHeader title="Request a connection" description="Our NOC reviews every request, usually within a business day. You can follow each step on the connection's page." />
      {catalog.accounts.length === 0 ? (
        <EmptyState
          title="Verify an AWS account first"
          action={
            <Button asChild>
              <Link href="/aws-accounts">Go to AWS accounts</Link>
            </Button>
          }
        >
          Connections live in your AWS account, so the portal needs a verified account to work in.
        </EmptyState>
      ) : (
        <RequestConnectionForm catalog={catalog} />
      )}
    </>
  );
}
