import Link from 'next/link';
import { actorTypeLabels, subjectTypeLabels, type AuditFilterErrors } from '@/lib/audit/schema';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/form';

type Values = Partial<Record<'type' | 'object' | 'actorType' | 'actor' | 'kind' | 'from' | 'to' | 'org', string>>;

/** A plain GET form: the filters live in the URL, so a filtered view can be reloaded, shared and exported. */
export function AuditFilterBar({ values, errors, kinds, staff }: { values: Values; errors: AuditFilterErrors; kinds: string[]; staff: boolean }) {
  const kindOptions = values.kind && !kinds.includes(values.kind) ? [values.kind, ...kinds] : kinds;
  const first = (field: keyof AuditFilterErrors) => errors[field]?.join(' ');
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit log" className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="audit-type" label="Object type" error={first('type')}>
          {(aria) => (
            <Select name="type" defaultValue={values.type ?? ''} {...aria}>
              <option value="">Any object</option>
              {Object.entries(subjectTypeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-object" label="Object id" hint="Portal id or AWS id (dxcon-…, dxvif-…)" error={first('object')}>
          {(aria) => <Input name="object" defaultValue={values.object ?? ''} placeholder="dxcon-…" autoComplete="off" {...aria} />}
        </Field>
        <Field id="audit-kind" label="Event type" error={first('kind')}>
          {(aria) => (
            <Select name="kind" defaultValue={values.kind ?? ''} {...aria}>
              <option value="">Any event type</option>
              {kindOptions.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-actor-type" label="Actor type" error={first('actorType')}>
          {(aria) => (
            <Select name="actorType" defaultValue={values.actorType ?? ''} {...aria}>
              <option value="">Anyone</option>
              {Object.entries(actorTypeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-actor" label="Actor name contains" error={first('actor')}>
          {(aria) => <Input name="actor" defaultValue={values.actor ?? ''} autoComplete="off" {...aria} />}
        </Field>
        <Field id="audit-from" label="From (UTC)" error={first('from')}>
          {(aria) => <Input type="date" name="from" defaultValue={values.from ?? ''} {...aria} />}
        </Field>
        <Field id="audit-to" label="To (UTC, inclusive)" error={first('to')}>
          {(aria) => <Input type="date" name="to" defaultValue={values.to ?? ''} {...aria} />}
        </Field>
        {staff ? (
          <Field id="audit-org" label="Organisation" hint="Id or slug" error={first('org')}>
            {(aria) => <Input name="org" defaultValue={values.org ?? ''} autoComplete="off" {...aria} />}
          </Field>
        ) : null}
      </div>
      {errors.before || errors.after ? <p className="mt-3 text-sm text-red-700">{(errors.before ?? errors.after)?.join(' ')}</p> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">Apply filters</Button>
        <Link href="/audit" className="text-sm font-medium text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
