'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { cn } from '../ui/cn';

const noop = () => () => {};

/** False during server rendering and until this page's scripts have hydrated it. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

type Props = Omit<React.ComponentProps<'form'>, 'method' | 'action'> & { onSubmit: React.FormEventHandler<HTMLFormElement> };

/**
 * Every form that talks to a server action or carries a secret. Submitting needs the page's
 * scripts: without them a browser would fall back to a plain submission of the fields (a GET
 * puts a password into the address, the history and the server's log). So until hydration the
 * controls are disabled (a disabled default button also blocks Enter), and `method="post"` keeps
 * even an unexpected native submission out of the URL. If the scripts never arrive, the user is
 * told why instead of facing a form that silently does nothing.
 */
export function ScriptedForm({ className, children, ...props }: Props) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The browser could not honour `autofocus` while the controls were still disabled.
    if (hydrated && document.activeElement === document.body) ref.current?.querySelector<HTMLElement>('[autofocus]')?.focus();
  }, [hydrated]);
  return (
    <form ref={ref} method="post" noValidate data-hydrated={hydrated ? '' : undefined} {...props}>
      {hydrated ? null : (
        <>
          <noscript>
            <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              This form needs JavaScript. Turn it on for this site and reload the page; nothing is sent until then.
            </p>
          </noscript>
          <p role="note" className="scripts-pending rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The page&apos;s scripts have not loaded yet, so this form cannot be sent. If this message stays, check your connection or script blocker and reload.
          </p>
        </>
      )}
      <fieldset disabled={!hydrated} className={cn('min-w-0', !hydrated && 'cursor-wait', className)}>
        {children}
      </fieldset>
    </form>
  );
}
