'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

export function CodeBlock({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard?.writeText(code).catch(() => undefined);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
        className="absolute right-2 top-2 inline-flex items-center gap-1 rounded-md bg-white/90 px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white"
        aria-label={`Copy ${label}`}
      >
        {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
        {copied ? 'Copied' : 'Copy'}
      </button>
      <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-4 pr-20 text-xs leading-relaxed text-slate-100" aria-label={label}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
