'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { toast } from 'sonner';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { BlockedNote } from '@/components/forms/blocked-note';
import { useActionForm } from '@/components/forms/use-action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form';
import { routePropagationSchema, type RoutePropagationInput } from '@/lib/domain/gateways';
import { disableRoutePropagationAction, enableRoutePropagationAction } from '../../actions';

export type RouteTableChoice = { id: string; name: string | null; main: boolean; propagating: boolean };

/** Checkboxes of the VPC's route tables with their current propagation; enable or disable the chosen ones. */
export function PropagationForm({ vpnGatewayId, tables, blockedReason }: { vpnGatewayId: string; tables: RouteTableChoice[]; blockedReason: string | null }) {
  const router = useRouter();
  const mode = useRef<'enable' | 'disable'>('enable');
  const form = useActionForm<RoutePropagationInput, { changed: string[]; unchanged: string[] }>({
    schema: routePropagationSchema,
    action: (input) => (mode.current === 'enable' ? enableRoutePropagationAction(input) : disableRoutePropagationAction(input)),
    defaultValues: { vpnGatewayId, routeTableIds: [] },
    onSuccess: ({ changed }) => {
      const verb = mode.current === 'enable' ? 'enabled' : 'disabled';
      toast.success(changed.length ? `Route propagation ${verb} on ${changed.join(', ')}.` : `Route propagation was already ${verb} there.`);
      form.reset({ vpnGatewayId, routeTableIds: [] });
      router.refresh();
    },
  });
  const submit = (next: 'enable' | 'disable') => {
    mode.current = next;
    void form.submit();
  };
  const error = form.formState.errors.routeTableIds?.message;
  if (tables.length === 0) return <p className="text-sm text-slate-600">The VPC has no route tables.</p>;
  return (
    <ScriptedForm onSubmit={(e) => e.preventDefault()} className="space-y-4">
      <FormMessage error={form.formError} />
      {blockedReason ? <BlockedNote>{blockedReason}</BlockedNote> : null}
      <fieldset disabled={form.pending || Boolean(blockedReason)} className="space-y-3" aria-describedby={error ? 'routeTableIds-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Route tables</legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {tables.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <label className="flex min-w-0 items-center gap-2 text-sm">
                <input type="checkbox" value={t.id} className="size-4 accent-brand-600" {...form.register('routeTableIds')} />
                <span className="min-w-0 break-words">
                  {t.name ? <span className="font-medium text-slate-900">{t.name} </span> : null}
                  <span className="font-mono text-xs text-slate-700">{t.id}</span>
                  {t.main ? <span className="ml-1 text-xs text-slate-600">(main)</span> : null}
                </span>
              </label>
              <Badge tone={t.propagating ? 'success' : 'neutral'}>{t.propagating ? 'Propagating' : 'Not propagating'}</Badge>
            </li>
          ))}
        </ul>
        {error ? (
          <p id="routeTableIds-error" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => submit('enable')}>
            {form.pending && mode.current === 'enable' ? 'Enabling…' : 'Enable propagation'}
          </Button>
          <Button type="button" variant="secondary" onClick={() => submit('disable')}>
            {form.pending && mode.current === 'disable' ? 'Disabling…' : 'Disable propagation'}
          </Button>
        </div>
      </fieldset>
    </ScriptedForm>
  );
}
