'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { revealKeyAction } from '../actions';

/** The key stays masked until a member asks; asking is recorded on the interface's timeline. */
export function RevealKey({ id, canReveal }: { id: string; canReveal: boolean }) {
  const [key, setKey] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm" aria-label="BGP MD5 key">
        {key ?? '••••••••••••'}
      </code>
      {canReveal ? (
        key ? (
          <Button size="sm" variant="ghost" onClick={() => setKey(undefined)}>
            <EyeOff aria-hidden />
            Hide
          </Button>
        ) : (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const result = await revealKeyAction({ id }).catch(() => null);
                if (result?.ok) setKey(result.data.key);
                else setError(result?.formError ?? 'The key could not be shown.');
              })
            }
          >
            <Eye aria-hidden />
            Reveal key
          </Button>
        )
      ) : (
        <span className="text-xs text-slate-600">Only members of the organisation can reveal the key.</span>
      )}
      {error ? <span className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
