import { AlertTriangle } from 'lucide-react';
import { cn } from '@/components/ui/cn';

/** A radio option drawn as a card, with its explanation. */
export function Choice({ name, value, current, disabled, title, detail, register }: { name: string; value: string; current: unknown; disabled?: boolean; title: string; detail?: string; register: React.InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <label
      className={cn(
        'flex gap-3 rounded-lg border bg-white p-3 shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
        disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer',
        current === value ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-300',
      )}
    >
      <input type="radio" value={value} disabled={disabled} name={name} className="mt-1 accent-brand-600" {...register} />
      <span>
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        {detail ? <span className="mt-0.5 block text-sm text-slate-600">{detail}</span> : null}
      </span>
    </label>
  );
}

export function Warnings({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul className="space-y-1">
      {messages.map((m) => (
        <li key={m} className="flex gap-1.5 text-sm text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          {m}
        </li>
      ))}
    </ul>
  );
}

