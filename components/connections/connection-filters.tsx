import { Search } from 'lucide-react';
import type { ConnectionFilters } from '@/lib/connections/queries';
import { awsConnectionStateLabels } from '@/lib/domain/connections/labels';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/form';

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export function ConnectionFilterBar({ filters, locations, searchLabel }: { filters: ConnectionFilters; locations: Array<{ id: string; code: string }>; searchLabel: string }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm [&_select]:w-auto" role="search">
      <label className="relative min-w-60 flex-1 basis-full sm:basis-auto">
        <span className="sr-only">{searchLabel}</span>
        <Search className="pointer-events-none absolute left-3 top-2.5 size-4 text-slate-400" aria-hidden />
        <Input name="q" defaultValue={filters.q ?? ''} placeholder={searchLabel} className="pl-9" />
      </label>
      <label>
        <span className="sr-only">Show</span>
        <Select name="view" defaultValue={filters.view ?? 'all'} aria-label="Show">
          <option value="all">All connections</option>
          <option value="open">In progress</option>
          <option value="active">Active</option>
          <option value="closed">Closed or rejected</option>
        </Select>
      </label>
      <label>
        <span className="sr-only">AWS state</span>
        <Select name="awsState" defaultValue={filters.awsState ?? ''} aria-label="AWS state">
          <option value="">Any AWS state</option>
          {Object.entries(awsConnectionStateLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label.label}
            </option>
          ))}
        </Select>
      </label>
      <label>
        <span className="sr-only">Type</span>
        <Select name="type" defaultValue={filters.type ?? ''} aria-label="Type">
          <option value="">Any type</option>
          <option value="DEDICATED">Dedicated</option>
          <option value="HOSTED">Hosted</option>
        </Select>
      </label>
      <label>
        <span className="sr-only">Location</span>
        <Select name="locationId" defaultValue={filters.locationId ?? ''} aria-label="Location">
          <option value="">Any location</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code}
            </option>
          ))}
        </Select>
      </label>
      <label>
        <span className="sr-only">Sort</span>
        <Select name="sort" defaultValue={filters.sort ?? 'newest'} aria-label="Sort">
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="name">Name</option>
          <option value="state">AWS state</option>
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
