'use client';

import { AlertTriangle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form';
import type { RequestCatalog } from '@/lib/connections/catalog';
import { bandwidthLabel, hostedBandwidths } from '@/lib/domain/connections/bandwidth';
import { requestConnectionSchema, resiliencyHelp, resiliencyLevels, type RequestConnectionInput } from '@/lib/domain/connections/schema';
import { requestConnectionAction } from '../actions';

const typeHelp = {
  DEDICATED: {
    title: 'Dedicated port',
    detail: 'A physical 1, 10, 100 or 400 Gbps port on an AWS device, in your AWS account. AWS issues an LOA-CFA naming us, and our facility team runs the cross-connect to your cage.',
  },
  HOSTED: {
    title: 'Hosted connection',
    detail: 'A 50 Mbps to 10 Gbps slice of our own interconnect, allocated to your AWS account on a VLAN we assign. No cross-connect of your own; you accept it in the portal or the AWS console.',
  },
} as const;

export function RequestConnectionForm({ catalog }: { catalog: RequestCatalog }) {
  const router = useRouter();
  const firstRegion = catalog.regions[0]?.region ?? '';
  const form = useActionForm<RequestConnectionInput, { connectionIds: string[] }>({
    schema: requestConnectionSchema,
    action: requestConnectionAction,
    defaultValues: {
      type: 'DEDICATED',
      name: '',
      awsAccountId: catalog.accounts.length === 1 ? catalog.accounts[0]!.id : '',
      region: firstRegion,
      locationId: '',
      secondLocationId: '',
      bandwidth: '',
      resiliency: 'DEVELOPMENT',
      notes: '',
    },
    onSuccess: ({ connectionIds }) => router.push(`/connections/${connectionIds[0]}?requested=1`),
  });
  const { errors } = form.formState;
  const [type, region, locationId, resiliency, bandwidth] = form.watch(['type', 'region', 'locationId', 'resiliency', 'bandwidth']);
  const locations = catalog.regions.find((r) => r.region === region)?.locations ?? [];
  const location = locations.find((l) => l.id === locationId);
  const usable = locations.filter((l) => type === 'DEDICATED' || l.hosted);
  const speeds: readonly string[] = type === 'DEDICATED' ? (location?.dedicatedSpeeds ?? []) : hostedBandwidths;
  const count = resiliencyHelp[resiliency ?? 'DEVELOPMENT'].connections;

  useEffect(() => {
    if (bandwidth && !speeds.includes(bandwidth)) form.setValue('bandwidth', '');
  }, [bandwidth, speeds, form]);
  useEffect(() => {
    if (locationId && !usable.some((l) => l.id === locationId)) form.setValue('locationId', '');
  }, [locationId, usable, form]);

  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-8">
      <FormMessage error={form.formError} />
      {catalog.awsWarning ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{catalog.awsWarning}</p> : null}
      <fieldset disabled={form.pending} className="space-y-8">
        <section aria-labelledby="type-heading" className="space-y-3">
          <h2 id="type-heading" className="text-sm font-semibold text-slate-900">
            What kind of connection?
          </h2>
          <div className="grid gap-3 md:grid-cols-2" role="radiogroup" aria-labelledby="type-heading">
            {(['DEDICATED', 'HOSTED'] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  'flex cursor-pointer gap-3 rounded-lg border bg-white p-4 shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
                  type === value ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-300',
                )}
              >
                <input type="radio" value={value} className="mt-1 accent-brand-600" {...form.register('type')} />
                <span>
                  <span className="block text-sm font-semibold text-slate-900">{typeHelp[value].title}</span>
                  <span className="mt-1 block text-sm text-slate-600">{typeHelp[value].detail}</span>
                </span>
              </label>
            ))}
          </div>
        </section>

        <section className="grid gap-5 md:grid-cols-2">
          <Field id="name" label="Name" error={errors.name?.message} hint={count > 1 ? `The ${count} connections are named ${'<name>'}-1 … -${count}.` : 'Shown in AWS and on the LOA-CFA.'}>
            {(aria) => <Input placeholder="prod-ashburn" {...aria} {...form.register('name')} />}
          </Field>
          <Field
            id="awsAccountId"
            label="AWS account"
            error={errors.awsAccountId?.message}
            hint={type === 'DEDICATED' ? 'The port is created in this account.' : 'The hosted connection is allocated to this account.'}
          >
            {(aria) => (
              <Select {...aria} {...form.register('awsAccountId')}>
                <option value="">Choose an account…</option>
                {catalog.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.accountId})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="region" label="AWS region" error={errors.region?.message}>
            {(aria) => (
              <Select {...aria} {...form.register('region')}>
                {catalog.regions.map((r) => (
                  <option key={r.region} value={r.region}>
                    {r.region}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="locationId"
            label="Location"
            error={errors.locationId?.message}
            hint={type === 'HOSTED' ? 'Only locations where we have an interconnect for hosted connections.' : 'Direct Connect locations in this region where we are present.'}
          >
            {(aria) => (
              <Select {...aria} {...form.register('locationId')}>
                <option value="">Choose a location…</option>
                {usable.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.code}: {l.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </section>

        <section aria-labelledby="resiliency-heading" className="space-y-3">
          <h2 id="resiliency-heading" className="text-sm font-semibold text-slate-900">
            Resiliency
          </h2>
          <div className="grid gap-3 md:grid-cols-3" role="radiogroup" aria-labelledby="resiliency-heading">
            {resiliencyLevels.map((value) => (
              <label
                key={value}
                className={cn(
                  'flex cursor-pointer gap-3 rounded-lg border bg-white p-4 shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
                  resiliency === value ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-300',
                )}
              >
                <input type="radio" value={value} className="mt-1 accent-brand-600" {...form.register('resiliency')} />
                <span>
                  <span className="block text-sm font-semibold text-slate-900">{resiliencyHelp[value].label}</span>
                  <span className="mt-1 block text-sm text-slate-600">{resiliencyHelp[value].detail}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.resiliency?.message ? <p className="text-sm text-red-700">{errors.resiliency.message}</p> : null}
          {resiliency === 'MAXIMUM' ? (
            <Field id="secondLocationId" label="Second location" error={errors.secondLocationId?.message} className="max-w-md">
              {(aria) => (
                <Select {...aria} {...form.register('secondLocationId')}>
                  <option value="">Choose a second location…</option>
                  {usable
                    .filter((l) => l.id !== locationId)
                    .map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.code}: {l.name}
                      </option>
                    ))}
                </Select>
              )}
            </Field>
          ) : null}
        </section>

        <section className="grid gap-5 md:grid-cols-2">
          <Field
            id="bandwidth"
            label="Speed"
            error={errors.bandwidth?.message}
            hint={type === 'DEDICATED' && !location ? 'Choose a location to see the port speeds AWS offers there.' : undefined}
          >
            {(aria) => (
              <Select {...aria} {...form.register('bandwidth')}>
                <option value="">Choose a speed…</option>
                {speeds.map((s) => (
                  <option key={s} value={s}>
                    {bandwidthLabel(s)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex gap-2 self-end rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>
              {type === 'DEDICATED'
                ? 'The port speed cannot be changed later: a different speed means a new connection and a new cross-connect.'
                : 'The speed of a hosted connection cannot be changed later except by a new allocation.'}
            </p>
          </div>
        </section>

        <Field id="notes" label="Notes for our NOC (optional)" error={errors.notes?.message} hint="Cage, rack and patch-panel details help us run the cross-connect faster.">
          {(aria) => <Textarea rows={3} {...aria} {...form.register('notes')} />}
        </Field>

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
          <Button type="submit">{form.pending ? 'Submitting…' : count > 1 ? `Request ${count} connections` : 'Request connection'}</Button>
          <p className="text-sm text-slate-600">Nothing is created in AWS until our NOC approves the request.</p>
        </div>
      </fieldset>
    </ScriptedForm>
  );
}
