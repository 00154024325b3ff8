'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/auth/action';
import { Button } from '../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../ui/dialog';
import { FormMessage } from '../ui/form';
import { BlockedNote } from './blocked-note';

type Props = {
  /** The server action, already bound to its ids. */
  action: () => Promise<ActionResult<unknown>>;
  triggerLabel: string;
  title: string;
  /** Names exactly what will be destroyed or stopped. */
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  successMessage: string;
  /** When set, the action is not available: the button is disabled and the reason shown beside it. */
  blockedReason?: string | null;
  variant?: 'danger' | 'secondary' | 'primary';
  size?: 'sm' | 'md';
};

/** A destructive action behind a confirmation dialog; AWS's refusal is shown in the dialog. */
export function ConfirmActionDialog({ action, triggerLabel, title, description, confirmLabel, pendingLabel, successMessage, blockedReason, variant = 'danger', size = 'md' }: Props) {
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();

  if (blockedReason) {
    return (
      <div className="flex max-w-md flex-col items-start gap-2">
        <Button type="button" variant={variant} size={size} disabled aria-describedby={reasonId}>
          {triggerLabel}
        </Button>
        <BlockedNote id={reasonId}>{blockedReason}</BlockedNote>
      </div>
    );
  }

  const confirm = () =>
    start(async () => {
      setError(undefined);
      const result = await action().catch(() => null);
      if (!result) setError('The request did not reach the server. Check your connection and try again.');
      else if (!result.ok) setError(result.formError ?? 'That did not work.');
      else {
        setOpen(false);
        toast.success(successMessage);
        router.refresh();
      }
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant={variant} size={size}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <div className="space-y-4">
          <FormMessage error={error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="button" variant={variant === 'danger' ? 'danger' : 'primary'} disabled={pending} onClick={confirm}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
