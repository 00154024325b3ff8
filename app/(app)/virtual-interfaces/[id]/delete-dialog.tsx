'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { deleteVifAction } from '../actions';

const schema = z.object({ id: z.string(), confirmName: z.string().min(1, 'Type the interface name to confirm.') });

export function DeleteVifDialog({ id, name, awsId, vlan }: { id: string; name: string; awsId: string; vlan: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm<z.input<typeof schema>, null>({
    schema,
    action: deleteVifAction,
    defaultValues: { id, confirmName: '' },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Delete…</Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete ${name}?`}
        description={
          <>
            This deletes <span className="font-mono">{awsId}</span> (VLAN {vlan}) in AWS. Its BGP session drops at once and traffic over it stops. It cannot be undone.
          </>
        }
      >
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
              {form.pending ? 'Deleting…' : 'Delete interface'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
