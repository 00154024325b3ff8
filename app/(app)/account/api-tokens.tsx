'use client';

import { useState } from 'react';
import { CodeBlock } from '@/components/code-block';
import { ConfirmActionDialog } from '@/components/forms/confirm-action-dialog';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input, Select } from '@/components/ui/form';
import { createTokenSchema, tokenLifetimes, type CreateTokenInput } from '@/lib/api-tokens/schema';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

export type TokenRow = {
  id: string;
  name: string;
  hint: string;
  scope: 'READ' | 'WRITE';
  roleLabel: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const lifetimeLabel = (days: number) => (days === 365 ? '12 months' : `${days} days`);

/** Create a token (shown once), see each one's scope, expiry and last use, revoke one. */
export function ApiTokens({ tokens, now }: { tokens: TokenRow[]; now: string }) {
  const [created, setCreated] = useState<{ token: string; expiresAt: string; name: string }>();
  const form = useActionForm<CreateTokenInput, { token: string; expiresAt: string }>({
    schema: createTokenSchema,
    action: createApiTokenAction,
    defaultValues: { name: '', scope: 'READ', expiresInDays: 90 },
    onSuccess: (data) => {
      setCreated({ ...data, name: form.getValues('name') });
      form.reset();
    },
  });
  const { errors } = form.formState;

  return (
    <div className="space-y-5">
      {created ? (
        <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4" role="region" aria-label="New API token">
          <p className="text-sm font-medium text-emerald-900">
            Token &ldquo;{created.name}&rdquo; created; it expires {when(created.expiresAt)}. Copy it now: it is shown only this once.
          </p>
          <CodeBlock code={created.token} label="API token" />
          <p className="text-sm text-emerald-900">
            Send it as <span className="font-mono">Authorization: Bearer …</span> to <span className="font-mono">/api/v1</span>; the{' '}
            <a href="/api-reference" className="font-medium text-brand-700 hover:underline">API reference</a> lists every endpoint.
          </p>
          <Button type="button" variant="secondary" size="sm" onClick={() => setCreated(undefined)}>
            I have stored the token
          </Button>
        </div>
      ) : null}

      <ScriptedForm onSubmit={form.submit} className="space-y-4" aria-label="Create an API token">
        <FormMessage error={form.formError} />
        <fieldset disabled={form.pending} className="space-y-4">
          <Field id="token-name" label="Token name" error={errors.name?.message} hint="What uses it, e.g. terraform-prod.">
            {(aria) => <Input autoComplete="off" {...aria} {...form.register('name')} />}
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Access</legend>
            <div className="mt-1 space-y-1 text-sm">
              <label className="flex items-start gap-2">
                <input type="radio" value="READ" className="mt-0.5" {...form.register('scope')} />
                <span>
                  <span className="font-medium text-slate-900">Read-only</span> <span className="text-slate-600">lists, reads and downloads; changes nothing</span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" value="WRITE" className="mt-0.5" {...form.register('scope')} />
                <span>
                  <span className="font-medium text-slate-900">Read and write</span> <span className="text-slate-600">everything your role may do in the portal</span>
                </span>
              </label>
            </div>
            {errors.scope ? <p className="mt-1 text-sm text-red-700">{errors.scope.message}</p> : null}
          </fieldset>
          <Field id="token-expiry" label="Expires after" error={errors.expiresInDays?.message} hint="Every token expires; at most after 12 months.">
            {(aria) => (
              <Select {...aria} {...form.register('expiresInDays')}>
                {tokenLifetimes.map((d) => (
                  <option key={d} value={d}>
                    {lifetimeLabel(d)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit">{form.pending ? 'Creating…' : 'Create token'}</Button>
        </fieldset>
      </ScriptedForm>

      {tokens.length ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Your API tokens">
          {tokens.map((t) => {
            const expired = t.expiresAt <= now;
            const status = t.revokedAt ? { tone: 'neutral' as const, label: 'Revoked' } : expired ? { tone: 'neutral' as const, label: 'Expired' } : { tone: 'success' as const, label: 'Active' };
            return (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {t.name} <Badge tone={status.tone}>{status.label}</Badge>
                  </p>
                  <p className="font-mono text-xs text-slate-700">{t.hint}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {t.scope === 'READ' ? 'Read-only' : 'Read and write'} as {t.roleLabel} · {t.revokedAt ? `revoked ${when(t.revokedAt)}` : `${expired ? 'expired' : 'expires'} ${when(t.expiresAt)}`} ·{' '}
                    {t.lastUsedAt ? `last used ${when(t.lastUsedAt)}` : 'never used'}
                  </p>
                </div>
                {t.revokedAt || expired ? null : (
                  <ConfirmActionDialog
                    action={revokeApiTokenAction.bind(null, { id: t.id })}
                    triggerLabel="Revoke"
                    title={`Revoke "${t.name}"?`}
                    description="Anything that uses this token gets 401 from its next request on. This cannot be undone; create a new token to replace it."
                    confirmLabel="Revoke token"
                    pendingLabel="Revoking…"
                    successMessage={`Token "${t.name}" revoked.`}
                    size="sm"
                  />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">You have no API tokens yet.</p>
      )}
    </div>
  );
}
