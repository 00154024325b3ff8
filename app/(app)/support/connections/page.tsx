import type { Metadata } from 'next';
import { ConnectionFilterBar } from '@/components/connections/connection-filters';
import { ConnectionTable, Pagination } from '@/components/connections/connection-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { parseConnectionFilters } from '@/lib/connections/filters';
import { listConnections } from '@/lib/connections/queries';
import { activeLocations } from '@/lib/locations';

export const metadata: Metadata = { title: 'All connections' };

export default async function AllConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('staff.readAllOrgs', '/support/connections');
  const filters = parseConnectionFilters(await searchParams);
  const [list, locations] = await Promise.all([listConnections(actor, filters), activeLocations()]);
  return (
    <>
      <PageHeader title="All connections" description="Every organisation's connections. Read-only: open one to see its timeline." />
      <ConnectionFilterBar filters={filters} locations={locations} searchLabel="Search by id, organisation, AWS account, name or location" />
      {list.items.length === 0 ? (
        <EmptyState title={filters.q || filters.awsState || filters.type || filters.locationId ? 'No connections match' : 'No connections yet'}>
          {filters.q ? 'Search matches connection ids (portal or AWS), names, organisations, AWS account ids and location codes.' : 'Connections appear here once customers request them.'}
        </EmptyState>
      ) : (
        <ConnectionTable items={list.items} reader="staff" />
      )}
      <Pagination page={list.page} pages={list.pages} total={list.total} filters={filters} basePath="/support/connections" />
    </>
  );
}
