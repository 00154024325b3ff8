'use client';

import Link from 'next/link';
import { useState } from 'react';
import { CodeBlock } from '@/components/code-block';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { webhookTypes, type WebhookType } from '@/lib/domain/notifications/catalog';
import { createWebhookSchema, type CreateWebhookInput } from '@/lib/webhooks/schema';
import { createWebhookAction } from './actions';

const types = Object.entries(webhookTypes) as Array<[WebhookType, string]>;

/**
 * Adds an endpoint. On success the signing secret is shown here once: it is stored encrypted
 * for the worker and no page shows it again.
 */
export function CreateWebhookForm() {
  const [created, setCreated] = useState<{ id: string; secret: string; url: string }>();
  const form = useActionForm<CreateWebhookInput, { id: string; secret: string }>({
    schema: createWebhookSchema,
    action: createWebhookAction,
    defaultValues: { url: '', description: '', eventTypes: [] },
    onSuccess: (data) => {
      setCreated({ ...data, url: form.getValues('url') });
      form.reset();
    },
  });
  const { errors } = form.formState;
  const chosen = form.watch('eventTypes') ?? [];
  const allChosen = chosen.length === types.length;

  return (
    <div className="space-y-6">
      {created ? (
        <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4" role="region" aria-label="New webhook secret">
          <p className="text-sm font-medium text-emerald-900">
            Webhook added for <span className="font-mono">{created.url}</span>. Copy its signing secret now: it is shown only this once.
          </p>
          <CodeBlock code={created.secret} label="Signing secret" />
          <p className="text-sm text-emerald-900">
            Your receiver checks each delivery&apos;s <span className="font-mono">X-DX-Signature</span> header with this secret (see &ldquo;Verifying a delivery&rdquo; below).{' '}
            <Link href={`/webhooks/${created.id}`} className="font-medium text-brand-700 hover:underline">
              Open its delivery log
            </Link>
          </p>
          <Button type="button" variant="secondary" size="sm" onClick={() => setCreated(undefined)}>
            I have stored the secret
          </Button>
        </div>
      ) : null}
      <ScriptedForm onSubmit={form.submit} className="space-y-4">
        <FormMessage error={form.formError} />
        <fieldset disabled={form.pending} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="url" label="Endpoint URL" error={errors.url?.message} hint="HTTPS, on a public address. We POST one JSON body per event.">
              {(aria) => <Input type="url" inputMode="url" autoComplete="off" placeholder="https://hooks.example.com/dx-portal" {...aria} {...form.register('url')} />}
            </Field>
            <Field id="description" label="Description (optional)" error={errors.description?.message} hint="Which system receives it, so your team knows.">
              {(aria) => <Input placeholder="Ticketing system" {...aria} {...form.register('description')} />}
            </Field>
          </div>
          <fieldset aria-describedby={errors.eventTypes ? 'eventTypes-error' : undefined}>
            <legend className="text-sm font-medium text-slate-800">Events to send</legend>
            <button
              type="button"
              className="mt-1 text-sm font-medium text-brand-700 hover:underline"
              onClick={() => form.setValue('eventTypes', allChosen ? [] : types.map(([key]) => key), { shouldValidate: form.formState.isSubmitted })}
            >
              {allChosen ? 'Clear all' : 'Choose all'}
            </button>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {types.map(([key, help]) => (
                <li key={key}>
                  <label className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm hover:bg-slate-50">
                    <input type="checkbox" value={key} className="mt-0.5 size-4 rounded border-slate-300" {...form.register('eventTypes')} />
                    <span>
                      <span className="block font-mono text-xs font-medium text-slate-900">{key}</span>
                      <span className="block text-slate-600">{help}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {errors.eventTypes ? (
              <p id="eventTypes-error" className="mt-2 text-sm text-red-700">
                {errors.eventTypes.message ?? errors.eventTypes.root?.message}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit">{form.pending ? 'Adding…' : 'Add webhook'}</Button>
        </fieldset>
      </ScriptedForm>
    </div>
  );
}
