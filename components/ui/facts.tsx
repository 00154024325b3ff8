/** Label/value pairs of a details card, stacked so long AWS ids stay readable in a narrow column. */
export function Facts({ children }: { children: React.ReactNode }) {
  return <dl className="space-y-3 text-sm">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}
