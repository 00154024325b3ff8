'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ActionButton } from '@/components/forms/action-button';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { bgpFailoverSchema, FAILOVER_TEST_EXPLANATION, type BgpFailoverInput } from '@/lib/domain/virtual-interfaces';
import { startFailoverAction, stopFailoverAction } from '../actions';

export function FailoverControls({ id, testing, peers }: { id: string; testing: boolean; peers: Array<{ id: string; label: string }> }) {
  const router = useRouter();
  const form = useActionForm<BgpFailoverInput, null>({
    schema: bgpFailoverSchema,
    action: startFailoverAction,
    defaultValues: { virtualInterfaceId: id, bgpPeerIds: peers.map((p) => p.id), durationMinutes: '60' },
    onSuccess: () => {
      toast.success('Failover test started: AWS has taken the chosen BGP sessions down.');
      router.refresh();
    },
  });
  if (testing) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">A failover test is running: the chosen BGP sessions are down on purpose.</p>
        <ActionButton action={stopFailoverAction.bind(null, { id })} variant="danger" pendingLabel="Stopping…" successMessage="Test stopped; AWS restores the BGP sessions.">
          Stop the test
        </ActionButton>
      </div>
    );
  }
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-3">
      <p className="text-sm text-slate-600">{FAILOVER_TEST_EXPLANATION}</p>
      <FormMessage error={form.formError} />
      <fieldset disabled={form.pending} className="space-y-3">
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">BGP sessions to take down</p>
          {peers.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={p.id} className="accent-brand-600" {...form.register('bgpPeerIds')} />
              {p.label}
            </label>
          ))}
          {form.formState.errors.bgpPeerIds?.message ? <p className="text-sm text-red-700">{form.formState.errors.bgpPeerIds.message}</p> : null}
        </div>
        <Field id="durationMinutes" label="Duration (minutes)" error={form.formState.errors.durationMinutes?.message} className="max-w-48">
          {(aria) => <Input inputMode="numeric" {...aria} {...form.register('durationMinutes')} />}
        </Field>
        <Button type="submit" variant="secondary">
          {form.pending ? 'Starting…' : 'Start failover test'}
        </Button>
      </fieldset>
    </ScriptedForm>
  );
}
