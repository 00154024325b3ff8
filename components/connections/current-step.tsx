import { Clock } from 'lucide-react';
import type { CurrentStep } from '@/lib/domain/connections/lifecycle';
import { stepOwnerLabel } from '@/lib/domain/connections/labels';
import { cn } from '../ui/cn';
import { formatDateTime, formatRelative } from '../format';

export function CurrentStepCard({ step, reader }: { step: CurrentStep; reader: 'customer' | 'staff' }) {
  return (
    <section
      aria-label="Current step"
      className={cn('rounded-lg border p-5 shadow-sm', step.overdue ? 'border-red-300 bg-red-50' : step.owner === 'customer' ? 'border-brand-300 bg-brand-50' : 'border-slate-200 bg-white')}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{step.owner === 'none' ? 'Now' : `Now · ${stepOwnerLabel(step.owner, reader)}`}</p>
      <h2 className="mt-1 text-lg font-semibold text-slate-900">{step.title}</h2>
      <p className="mt-1 text-sm text-slate-700">{step.detail}</p>
      {step.dueAt ? (
        <p className={cn('mt-3 inline-flex items-center gap-1.5 text-sm font-medium', step.overdue ? 'text-red-800' : 'text-slate-800')}>
          <Clock className="size-4" aria-hidden />
          {step.overdue ? 'Overdue since' : 'Due by'} {formatDateTime(step.dueAt)} ({formatRelative(step.dueAt)})
        </p>
      ) : null}
    </section>
  );
}
