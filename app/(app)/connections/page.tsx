import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectionFilterBar } from '@/components/connections/connection-filters';
import { ConnectionTable, Pagination } from '@/components/connections/connection-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listAwsAccounts } from '@/lib/aws-accounts/queries';
import { parseConnectionFilters } from '@/lib/connections/filters';
import { countConnections, listConnections } from '@/lib/connections/queries';
import { activeLocations } from '@/lib/locations';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('connection.read', '/connections');
  const filters = parseConnectionFilters(await searchParams);
  const [accounts, total, list, locations] = await Promise.all([listAwsAccounts(actor), countConnections(actor), listConnections(actor, filters), activeLocations()]);
  const hasVerified = accounts.some((a) => a.status === 'VERIFIED');
  const mayRequest = can(actor, 'connection.request');
  return (
    <>
      <PageHeader
        title="Connections"
        description="Your Direct Connect ports and hosted connections at our facilities."
        actions={
          mayRequest && hasVerified ? (
            <Button asChild>
              <Link href="/connections/new">
                <Plus aria-hidden />
                Request a connection
              </Link>
            </Button>
          ) : null
        }
      />
      {total === 0 ? (
        hasVerified ? (
          <EmptyState
            title="No connections yet"
            action={
              mayRequest ? (
                <Button asChild>
                  <Link href="/connections/new">Request a connection</Link>
                </Button>
              ) : null
            }
          >
            Request a dedicated port or a hosted connection; our NOC reviews requests within one business day.
          </EmptyState>
        ) : (
          <EmptyState
            title="No connections yet"
            action={
              <Button asChild>
                <Link href="/aws-accounts">{can(actor, 'awsAccount.manage') ? 'Register an AWS account' : 'See AWS accounts'}</Link>
              </Button>
            }
          >
            Connections are created in your AWS account, so {can(actor, 'awsAccount.manage') ? 'register and verify' : 'an owner of your organisation must register and verify'} an AWS account first.
          </EmptyState>
        )
      ) : (
        <>
          <ConnectionFilterBar filters={filters} locations={locations} searchLabel="Search by name, connection id, account or location" />
          {list.items.length === 0 ? (
            <EmptyState title="No connections match these filters">Clear the search or choose "All" to see every connection.</EmptyState>
          ) : (
            <ConnectionTable items={list.items} reader="customer" />
          )}
          <Pagination page={list.page} pages={list.pages} total={list.total} filters={filters} basePath="/connections" />
        </>
      )}
    </>
  );
}
