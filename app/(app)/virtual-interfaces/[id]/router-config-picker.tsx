'use client';

import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/form';

/** AWS's own sample configurations (DescribeRouterConfiguration) for customers with other routers. */
export function RouterConfigPicker({ id, types }: { id: string; types: Array<{ id: string; label: string }> }) {
  const [type, setType] = useState(types[0]?.id ?? '');
  return (
    <div className="space-y-2 border-t border-slate-200 pt-4">
      <p className="text-sm font-medium text-slate-800">Another router? AWS&apos;s sample configuration</p>
      <div className="flex flex-wrap gap-2">
        <label className="min-w-64 flex-1">
          <span className="sr-only">Router type</span>
          <Select value={type} onChange={(e) => setType(e.target.value)} aria-label="Router type">
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </label>
        <Button asChild variant="secondary">
          <a href={`/api/virtual-interfaces/${id}/router-config?type=${encodeURIComponent(type)}`} download>
            <Download aria-hidden />
            Download
          </a>
        </Button>
      </div>
    </div>
  );
}
