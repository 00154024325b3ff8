'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { ScriptedForm } from '@/components/forms/scripted-form';
import type { ActionResult } from '@/lib/auth/action';
import { Button } from '../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../ui/dialog';
import { Field, FormMessage, Input } from '../ui/form';
import { useActionForm } from './use-action-form';

type Props<T extends Record<string, string>> = {
  /** The server action; it receives `ids` plus the typed `confirmName` and checks it again. */
  action: (input: T & { confirmName: string }) => Promise<ActionResult<unknown>>;
  ids: T;
  /** The name the person must type: what is about to be destroyed. */
  name: string;
  triggerLabel: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Shown instead of the form when the action cannot run yet, saying why. */
  blockedReason?: string | null;
};

/** An irreversible action behind a dialog that names what goes and asks for its name typed out. */
export function TypedConfirmDialog<T extends Record<string, string>>({ action, ids, name, triggerLabel, title, description, confirmLabel, pendingLabel, blockedReason }: Props<T>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const schema = z.object({ confirmName: z.string().min(1, `Type ${name} to confirm.`) }).passthrough();
  const form = useActionForm<T & { confirmName: string }, unknown>({
    schema: schema as unknown as z.ZodType<unknown, T & { confirmName: string }>,
    action,
    defaultValues: { ...ids, confirmName: '' } as never,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const error = (form.formState.errors as { confirmName?: { message?: string } }).confirmName?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">{triggerLabel}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {blockedReason ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{blockedReason}</p>
        ) : (
          <ScriptedForm onSubmit={form.submit} className="space-y-4">
            <FormMessage error={form.formError} />
            <Field id="confirmName" label={`Type ${name} to confirm`} error={error}>
              {(aria) => <Input autoComplete="off" {...aria} {...form.register('confirmName' as never)} />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Keep it
              </Button>
              <Button type="submit" variant="danger" disabled={form.pending}>
                {form.pending ? pendingLabel : confirmLabel}
              </Button>
            </div>
          </ScriptedForm>
        )}
      </DialogContent>
    </Dialog>
  );
}
