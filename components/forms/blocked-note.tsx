import { Info } from 'lucide-react';
import { cn } from '../ui/cn';

/** Why an action is not available right now, said before the customer tries it. */
export function BlockedNote({ id, children, className }: { id?: string; children: React.ReactNode; className?: string }) {
  return (
    <p id={id} role="note" className={cn('flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900', className)}>
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}

/** A rule the customer should know before acting (not a problem now). */
export function RuleNote({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <p className={cn('flex gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200', className)}>
      <Info className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden />
      <span>{children}</span>
    </p>
  );
}
