'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ActionButton } from '@/components/forms/action-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { reservePortSchema } from '@/lib/domain/connections/cross-connect';
import type { CrossConnectKind, CrossConnectStatus } from '@/lib/db/generated/enums';
import { advanceCrossConnectAction, reservePortAction } from '../actions';

function ReservePortDialog({ orderId, label }: { orderId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm<z.input<typeof reservePortSchema>, { status: string }>({
    schema: reservePortSchema,
    action: reservePortAction,
    defaultValues: { orderId, patchPanel: '', panelPort: '' },
    onSuccess: () => {
      setOpen(false);
      toast.success('Port reserved.');
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">Reserve port…</Button>
      </DialogTrigger>
      <DialogContent title={`Reserve a patch-panel port for ${label}`} description="Record where the fibre lands, so the technician and the customer see the same thing.">
        <form onSubmit={form.submit} noValidate className="space-y-4">
          <FormMessage error={form.formError} />
          <fieldset disabled={form.pending} className="grid gap-4 sm:grid-cols-2">
            <Field id="patchPanel" label="Patch panel" error={errors.patchPanel?.message}>
              {(aria) => <Input placeholder="MMR1-PP-04" {...aria} {...form.register('patchPanel')} />}
            </Field>
            <Field id="panelPort" label="Port" error={errors.panelPort?.message}>
              {(aria) => <Input placeholder="17/18" {...aria} {...form.register('panelPort')} />}
            </Field>
            <div className="flex justify-end gap-2 sm:col-span-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit">{form.pending ? 'Saving…' : 'Reserve port'}</Button>
            </div>
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const nextLabel: Partial<Record<CrossConnectStatus, string>> = {
  PORT_RESERVED: 'Mark patched',
  PATCHED: 'Mark tested',
  TESTED: 'Complete',
};

export function WorkOrderActions({ orderId, kind, status, label }: { orderId: string; kind: CrossConnectKind; status: CrossConnectStatus; label: string }) {
  if (kind === 'INSTALL' && status === 'OPEN') return <ReservePortDialog orderId={orderId} label={label} />;
  const text = kind === 'CEASE' && status === 'OPEN' ? 'Fibre removed: complete' : nextLabel[status];
  if (!text) return null;
  return (
    <ActionButton action={advanceCrossConnectAction.bind(null, { orderId, from: status })} size="sm" variant="primary" pendingLabel="Saving…" successMessage={`${label}: ${text.toLowerCase()}.`}>
      {text}
    </ActionButton>
  );
}
