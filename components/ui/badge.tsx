import { cva, type VariantProps } from 'class-variance-authority';
import type { Tone } from '@/lib/domain/labels';
import { cn } from './cn';

export const badgeVariants = cva('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap', {
  variants: {
    tone: {
      neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
      info: 'bg-blue-50 text-blue-800 ring-blue-300',
      progress: 'bg-indigo-50 text-indigo-800 ring-indigo-300',
      waiting: 'bg-amber-50 text-amber-900 ring-amber-300',
      success: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
      danger: 'bg-red-50 text-red-800 ring-red-300',
    } satisfies Record<Tone, string>,
  },
  defaultVariants: { tone: 'neutral' },
});


export function Badge({ className, tone, ...props }: React.ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
