'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { decommissionConnectionAction } from '../actions';

const schema = z.object({ connectionId: z.string(), confirmName: z.string().min(1, 'Type the connection name to confirm.') });

export function DecommissionDialog({ connectionId, name, awsConnectionId, blockedBy }: { connectionId: string; name: string; awsConnectionId: string; blockedBy: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm<z.input<typeof schema>, null>({
    schema,
    action: decommissionConnectionAction,
    defaultValues: { connectionId, confirmName: '' },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Decommission…</Button>
      </DialogTrigger>
      <DialogContent
        title={`Decommission ${name}?`}
        description={
          <>
            This deletes <span className="font-mono">{awsConnectionId}</span> in AWS, stops its port-hour billing, and opens a work order to remove
            the cross-connect. It cannot be undone: a new connection needs a new request, LOA-CFA and cross-connect.
          </>
        }
      >
        {blockedBy > 0 ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This connection still has {blockedBy} virtual interface{blockedBy > 1 ? 's' : ''}. Delete {blockedBy > 1 ? 'them' : 'it'} first: AWS refuses to delete a connection with virtual interfaces.
          </p>
        ) : (
          <form onSubmit={form.submit} noValidate className="space-y-4">
            <FormMessage error={form.formError} />
            <Field id="confirmName" label={`Type ${name} to confirm`} error={form.formState.errors.confirmName?.message}>
              {(aria) => <Input autoComplete="off" {...aria} {...form.register('confirmName')} />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Keep it
              </Button>
              <Button type="submit" variant="danger" disabled={form.pending}>
                {form.pending ? 'Decommissioning…' : 'Decommission'}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
