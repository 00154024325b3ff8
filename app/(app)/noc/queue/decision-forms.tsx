'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form';
import { approveSchema, rejectSchema } from '@/lib/domain/connections/schema';
import type { HostedApprovalChoice } from '@/lib/noc/queue';
import { approvalChoicesAction, approveRequestAction, rejectRequestAction } from '../actions';

type Choices = { state: 'idle' | 'loading' } | { state: 'ready'; hosted: HostedApprovalChoice[] } | { state: 'failed'; message: string };

/**
 * Approve a request. For hosted connections the dialog asks the server for each one's interconnects
 * and a free VLAN when it opens (the queue page itself never calls AWS), and fills them in.
 */
export function ApproveForm({ requestGroupId, label, hostedCount }: { requestGroupId: string; label: string; hostedCount: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Choices>({ state: hostedCount > 0 ? 'idle' : 'ready', hosted: [] } as Choices);
  const form = useActionForm<z.input<typeof approveSchema>, { approved: number }>({
    schema: approveSchema,
    action: approveRequestAction,
    defaultValues: { requestGroupId, hosted: [] as never },
    onSuccess: ({ approved }) => {
      setOpen(false);
      toast.success(`Approved ${approved} connection${approved > 1 ? 's' : ''}; provisioning in AWS has started.`);
      router.refresh();
    },
  });
  const load = async () => {
    setChoices({ state: 'loading' });
    try {
      const result = await approvalChoicesAction({ requestGroupId });
      if (!result.ok) return setChoices({ state: 'failed', message: result.formError ?? 'The choices could not be loaded.' });
      form.reset({
        requestGroupId,
        hosted: result.data.map((h) => ({ connectionId: h.connectionId, interconnectId: h.suggestion?.interconnectId ?? h.interconnects[0]?.id ?? '', vlan: h.suggestion?.vlan ?? '' })) as never,
      });
      setChoices({ state: 'ready', hosted: result.data });
    } catch {
      setChoices({ state: 'failed', message: 'The request did not reach the server. Check your connection and try again.' });
    }
  };
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next && hostedCount > 0 && choices.state !== 'ready') void load();
  };
  const hosted = choices.state === 'ready' ? choices.hosted : [];
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">Approve…</Button>
      </DialogTrigger>
      <DialogContent
        title={`Approve ${label}?`}
        description={hostedCount > 0 ? 'Choose the interconnect and VLAN for each hosted connection. Suggested VLANs are free on the interconnect right now.' : 'The port is created in the customer’s AWS account as soon as you approve.'}
      >
        <ScriptedForm onSubmit={form.submit} className="space-y-4">
          <FormMessage error={form.formError ?? (choices.state === 'failed' ? choices.message : undefined)} />
          {choices.state === 'loading' || choices.state === 'idle' ? (
            <p className="text-sm text-slate-600" role="status">
              Finding free VLANs on the interconnects…
            </p>
          ) : null}
          <fieldset disabled={form.pending || choices.state !== 'ready'} className="space-y-4">
            {hosted.map((h, index) => (
              <div key={h.connectionId} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
                <p className="text-sm font-medium text-slate-900 sm:col-span-2">{h.name}</p>
                <Field id={`ic-${index}`} label="Interconnect" error={errors.hosted?.[index]?.interconnectId?.message}>
                  {(aria) => (
                    <Select {...aria} {...form.register(`hosted.${index}.interconnectId` as const)}>
                      {h.interconnects.map((ic) => (
                        <option key={ic.id} value={ic.id}>
                          {ic.label}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field
                  id={`vlan-${index}`}
                  label="VLAN"
                  error={errors.hosted?.[index]?.vlan?.message}
                  hint={h.suggestion?.vlan ? `Suggested: ${h.suggestion.vlan} (lowest free)` : 'No free VLAN found in the interconnect’s range.'}
                >
                  {(aria) => <Input inputMode="numeric" {...aria} {...form.register(`hosted.${index}.vlan` as const)} />}
                </Field>
              </div>
            ))}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              {choices.state === 'failed' ? (
                <Button type="button" onClick={() => void load()}>
                  Try again
                </Button>
              ) : null}
              <Button type="submit">{form.pending ? 'Approving…' : 'Approve and provision'}</Button>
            </div>
          </fieldset>
        </ScriptedForm>
      </DialogContent>
    </Dialog>
  );
}

export function RejectForm({ requestGroupId, label }: { requestGroupId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm<z.input<typeof rejectSchema>, { rejected: number }>({
    schema: rejectSchema,
    action: rejectRequestAction,
    defaultValues: { requestGroupId, reason: '' },
    onSuccess: () => {
      setOpen(false);
      toast.success('Rejected; the customer sees your reason.');
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          Reject…
        </Button>
      </DialogTrigger>
      <DialogContent title={`Reject ${label}?`} description="The customer sees this reason on the connection's page.">
        <ScriptedForm onSubmit={form.submit} className="space-y-4">
          <FormMessage error={form.formError} />
          <fieldset disabled={form.pending} className="space-y-4">
            <Field id="reason" label="Reason" error={form.formState.errors.reason?.message}>
              {(aria) => <Textarea rows={4} {...aria} {...form.register('reason')} />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="danger">
                {form.pending ? 'Rejecting…' : 'Reject request'}
              </Button>
            </div>
          </fieldset>
        </ScriptedForm>
      </DialogContent>
    </Dialog>
  );
}
