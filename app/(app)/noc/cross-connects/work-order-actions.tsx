'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ActionButton } from '@/components/forms/action-button';
import { ConfirmActionDialog } from '@/components/forms/confirm-action-dialog';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input, Textarea } from '@/components/ui/form';
import { markTestedSchema, reservePortSchema, type MarkTestedInput } from '@/lib/domain/connections/cross-connect';
import type { Optics } from '@/lib/domain/connections/optics';
import type { CrossConnectKind, CrossConnectStatus } from '@/lib/db/generated/enums';
import { advanceCrossConnectAction, markTestedAction, reservePortAction } from '../actions';

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
        <ScriptedForm onSubmit={form.submit} className="space-y-4">
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
        </ScriptedForm>
      </DialogContent>
    </Dialog>
  );
}

function MarkTestedDialog({ orderId, label, optics }: { orderId: string; label: string; optics: Optics | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm<MarkTestedInput, { status: string }>({
    schema: markTestedSchema,
    action: markTestedAction,
    defaultValues: { orderId, rxDbm: '', txDbm: '', note: '' },
    onSuccess: () => {
      setOpen(false);
      toast.success(`${label}: marked tested.`);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  const range = (min: number, max: number) => (optics ? `${optics.name}: ${min} to ${max} dBm.` : undefined);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">Mark tested…</Button>
      </DialogTrigger>
      <DialogContent title={`Record the test of ${label}`} description="The evidence is kept on the work order and shown on the connection's timeline, with your name.">
        <ScriptedForm onSubmit={form.submit} className="space-y-4">
          <FormMessage error={form.formError} />
          <fieldset disabled={form.pending} className="grid gap-4 sm:grid-cols-2">
            <Field id="rxDbm" label="Rx light level (dBm)" hint={optics ? range(optics.rxMinDbm, optics.rxMaxDbm) : undefined} error={errors.rxDbm?.message}>
              {(aria) => <Input inputMode="decimal" placeholder="-3.2" {...aria} {...form.register('rxDbm')} />}
            </Field>
            <Field id="txDbm" label="Tx light level (dBm)" hint={optics ? range(optics.txMinDbm, optics.txMaxDbm) : undefined} error={errors.txDbm?.message}>
              {(aria) => <Input inputMode="decimal" placeholder="-2.5" {...aria} {...form.register('txDbm')} />}
            </Field>
            <Field id="note" label="Test result" hint="E.g. loopback clean, 0 errors in 10 minutes; OTDR 1.2 dB." error={errors.note?.message} className="sm:col-span-2">
              {(aria) => <Textarea rows={3} {...aria} {...form.register('note')} />}
            </Field>
            <div className="flex justify-end gap-2 sm:col-span-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit">{form.pending ? 'Saving…' : 'Mark tested'}</Button>
            </div>
          </fieldset>
        </ScriptedForm>
      </DialogContent>
    </Dialog>
  );
}

type Props = { orderId: string; kind: CrossConnectKind; status: CrossConnectStatus; label: string; optics: Optics | null };

export function WorkOrderActions({ orderId, kind, status, label, optics }: Props) {
  if (kind === 'INSTALL' && status === 'OPEN') return <ReservePortDialog orderId={orderId} label={label} />;
  if (kind === 'INSTALL' && status === 'PATCHED') return <MarkTestedDialog orderId={orderId} label={label} optics={optics} />;
  const completing = (kind === 'INSTALL' && status === 'TESTED') || (kind === 'CEASE' && status === 'OPEN');
  if (completing) {
    const install = kind === 'INSTALL';
    return (
      <ConfirmActionDialog
        action={advanceCrossConnectAction.bind(null, { orderId, from: status })}
        triggerLabel={install ? 'Complete…' : 'Fibre removed: complete…'}
        title={install ? `Complete the cross-connect for ${label}?` : `Complete the cease order for ${label}?`}
        description={
          install
            ? `This closes the work order and tells the customer that the fibre for ${label} is patched and tested. Do it only when the test passed.`
            : `This records that the fibre of ${label} has been removed from the patch panel and closes the cease order.`
        }
        confirmLabel={`Complete ${label}`}
        pendingLabel="Completing…"
        successMessage={install ? `${label}: cross-connect complete.` : `${label}: cease order complete.`}
        variant="primary"
        size="sm"
      />
    );
  }
  if (status !== 'PORT_RESERVED') return null;
  return (
    <ActionButton action={advanceCrossConnectAction.bind(null, { orderId, from: status })} size="sm" variant="primary" pendingLabel="Saving…" successMessage={`${label}: marked patched.`}>
      Mark patched
    </ActionButton>
  );
}
