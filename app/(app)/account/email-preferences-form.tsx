'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form';
import { savePreferencesAction } from '../notifications/actions';

type Preference = { category: string; label: string; help: string; email: boolean };

/** One checkbox per category the user can receive; saved together. */
export function EmailPreferencesForm({ preferences }: { preferences: Preference[] }) {
  const router = useRouter();
  const [on, setOn] = useState(() => new Set(preferences.filter((p) => p.email).map((p) => p.category)));
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  return (
    <ScriptedForm
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setMessage({});
        start(async () => {
          const result = await savePreferencesAction({ email: [...on] }).catch(() => null);
          if (!result) setMessage({ error: 'The request did not reach the server. Try again.' });
          else if (!result.ok) setMessage({ error: result.formError ?? 'Your choices were not saved.' });
          else {
            setMessage({ success: 'Saved. Notifications still appear in the portal; only email changes.' });
            router.refresh();
          }
        });
      }}
    >
      <FormMessage error={message.error} success={message.success} />
      <fieldset disabled={pending} className="space-y-3">
        <legend className="sr-only">Email me about</legend>
        {preferences.map((p) => (
          <label key={p.category} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="email"
              value={p.category}
              checked={on.has(p.category)}
              onChange={(e) => {
                const next = new Set(on);
                if (e.target.checked) next.add(p.category);
                else next.delete(p.category);
                setOn(next);
                setMessage({});
              }}
              className="mt-0.5 size-4 rounded border-slate-300"
            />
            <span>
              <span className="block font-medium text-slate-900">{p.label}</span>
              <span className="block text-slate-600">{p.help}</span>
            </span>
          </label>
        ))}
        <Button type="submit">{pending ? 'Saving…' : 'Save email choices'}</Button>
      </fieldset>
    </ScriptedForm>
  );
}
