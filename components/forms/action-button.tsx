'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/auth/action';
import { Button } from '../ui/button';

type Props = {
  action: () => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  pendingLabel?: string;
  successMessage?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
};

/** A button that runs one server action (already bound to its ids) and reports the outcome. */
export function ActionButton({ action, children, pendingLabel, successMessage, variant = 'secondary', size = 'md' }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await action().catch(() => null);
          if (!result) toast.error('The request did not reach the server. Try again.');
          else if (!result.ok) toast.error(result.formError ?? 'That did not work.');
          else {
            if (successMessage) toast.success(successMessage);
            router.refresh();
          }
        })
      }
    >
      {pending ? (pendingLabel ?? 'Working…') : children}
    </Button>
  );
}
