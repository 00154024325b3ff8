import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { openApiDocument } from '@/lib/api/v1/openapi';
import { publicUrl } from '@/lib/env';

export const metadata: Metadata = { title: 'API reference' };

type Json = Record<string, unknown>;
type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; description?: string; anyOf?: Schema[]; format?: string; default?: unknown; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };

function typeOf(s: Schema | undefined, schemas: Record<string, Schema>): string {
  if (!s) return 'any';
  if (s.$ref) return s.$ref.split('/').at(-1) ?? 'object';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map((x) => typeOf(x, schemas)).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items, schemas)}[]`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object');
  return s.format ? `${t} (${s.format})` : t;
}

function limits(s: Schema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined && s.maximum < 1e15) parts.push(`${s.minimum}–${s.maximum}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

function Fields({ schema, schemas }: { schema: Schema; schemas: Record<string, Schema> }) {
  const s = schema.$ref ? schemas[schema.$ref.split('/').at(-1) ?? ''] ?? schema : schema;
  const props = Object.entries(s.properties ?? {});
  if (!props.length) return <p className="text-sm text-slate-600">{typeOf(s, schemas)}</p>;
  const required = new Set(s.required ?? []);
  return (
    <table className="w-full text-left text-sm">
      <tbody className="divide-y divide-slate-100">
        {props.map(([name, p]) => (
          <tr key={name}>
            <td className="py-1 pr-3 align-top font-mono text-xs text-slate-900">
              {name}
              {required.has(name) ? '' : '?'}
            </td>
            <td className="py-1 pr-3 align-top font-mono text-xs text-slate-700">{typeOf(p, schemas)}</td>
            <td className="py-1 align-top text-slate-600">
              {p.description ?? ''} {limits(p) ? <span className="text-xs text-slate-500">({limits(p)})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The OpenAPI document, readable: generated from the same zod schemas the API validates with. */
export default async function ApiReferencePage() {
  await requirePermission('account.self', '/api-reference');
  const doc = openApiDocument(publicUrl()) as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Schema> }; servers: Array<{ url: string }> };
  const schemas = doc.components.schemas;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, o]) => ({ path, method: method.toUpperCase(), o })));
  const tags = [...new Set(ops.map((x) => ((x.o.tags as string[]) ?? ['Other'])[0]!))];
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            <span className="font-mono">{doc.servers[0]?.url}</span> · authenticate with <span className="font-mono">Authorization: Bearer dxp_…</span> (create a token in{' '}
            <Link href="/account#api-tokens" className="text-brand-700 hover:underline">your account</Link>) · machine-readable:{' '}
            <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">openapi.json</a> (OpenAPI 3.1)
          </>
        }
      />
      <Card className="mb-6">
        <CardBody className="space-y-2 text-sm text-slate-700">
          <p>Every POST accepts <span className="font-mono">Idempotency-Key</span>: the same key and body return the first answer for 24 hours (header <span className="font-mono">Idempotent-Replayed: true</span>); the same key with another body is 422 <span className="font-mono">idempotency_key_reused</span>.</p>
          <p>Long operations answer 202 with the object in an explicit <span className="font-mono">state</span> (<span className="font-mono">awaiting_noc</span>, <span className="font-mono">awaiting_aws</span>, <span className="font-mono">awaiting_cross_connect</span>, <span className="font-mono">awaiting_customer_acceptance</span>): poll the object, or subscribe to a webhook.</p>
          <p>Errors are <span className="font-mono">application/problem+json</span> (RFC 9457) with a stable <span className="font-mono">code</span>; validation errors name each field. Each token may make a limited number of requests per minute; beyond it, 429 with <span className="font-mono">Retry-After</span>.</p>
        </CardBody>
      </Card>
      <nav aria-label="Endpoints" className="mb-8">
        <Card>
          <CardBody className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2">
            {tags.map((tag) => (
              <div key={tag}>
                <p className="mb-1 font-semibold text-slate-900">{tag}</p>
                <ul className="space-y-0.5">
                  {ops
                    .filter((x) => ((x.o.tags as string[]) ?? ['Other'])[0] === tag)
                    .map(({ path, method, o }) => (
                      <li key={`${method} ${path}`}>
                        <a href={`#${String(o.operationId)}`} className="font-mono text-xs text-brand-700 hover:underline">
                          {method} {path}
                        </a>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </CardBody>
        </Card>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mb-8">
          <h2 id={`tag-${tag}`} className="mb-3 text-lg font-semibold text-slate-900">{tag}</h2>
          <div className="space-y-4">
            {ops
              .filter((x) => ((x.o.tags as string[]) ?? ['Other'])[0] === tag)
              .map(({ path, method, o }) => {
                const params = (o.parameters as Array<{ name: string; in: string; required: boolean; description?: string; schema: Schema }>) ?? [];
                const body = (o.requestBody as { content: Record<string, { schema: Schema }> } | undefined)?.content['application/json']?.schema;
                const responses = Object.entries(o.responses as Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>);
                return (
                  <Card key={`${method} ${path}`} id={String(o.operationId)}>
                    <CardHeader>
                      <CardTitle className="font-mono text-sm">
                        <span className="mr-2 rounded bg-slate-900 px-1.5 py-0.5 text-xs text-white">{method}</span>
                        {path}
                      </CardTitle>
                      <p className="text-sm text-slate-700">{String(o.summary)}</p>
                    </CardHeader>
                    <CardBody className="space-y-3">
                      {o.description ? <p className="text-sm text-slate-600">{String(o.description)}</p> : null}
                      <p className="text-xs text-slate-500">Needs the permission <span className="font-mono">{String(o['x-permission'])}</span>{method !== 'GET' ? ' and a read-and-write token' : ''}.</p>
                      {params.length ? (
                        <div>
                          <h3 className="text-sm font-medium text-slate-900">Parameters</h3>
                          <table className="w-full text-left text-sm">
                            <tbody className="divide-y divide-slate-100">
                              {params.map((p) => (
                                <tr key={`${p.in}-${p.name}`}>
                                  <td className="py-1 pr-3 font-mono text-xs text-slate-900">{p.name}{p.required ? '' : '?'}</td>
                                  <td className="py-1 pr-3 text-xs text-slate-500">{p.in}</td>
                                  <td className="py-1 pr-3 font-mono text-xs text-slate-700">{typeOf(p.schema, schemas)}</td>
                                  <td className="py-1 text-slate-600">{p.description ?? ''} {limits(p.schema) ? <span className="text-xs text-slate-500">({limits(p.schema)})</span> : null}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : null}
                      {body ? (
                        <div>
                          <h3 className="text-sm font-medium text-slate-900">Request body (JSON)</h3>
                          <Fields schema={body} schemas={schemas} />
                        </div>
                      ) : null}
                      <div>
                        <h3 className="text-sm font-medium text-slate-900">Responses</h3>
                        <ul className="text-sm text-slate-700">
                          {responses.map(([status, r]) => {
                            const schema = Object.values(r.content ?? {})[0]?.schema;
                            return (
                              <li key={status}>
                                <span className="font-mono text-xs font-semibold">{status}</span> {r.description}
                                {schema ? <span className="font-mono text-xs text-slate-500"> → {typeOf(schema, schemas)}</span> : null}
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    </CardBody>
                  </Card>
                );
              })}
          </div>
        </section>
      ))}
      <section aria-labelledby="schemas" className="mb-8">
        <h2 id="schemas" className="mb-3 text-lg font-semibold text-slate-900">Objects</h2>
        <div className="space-y-4">
          {Object.entries(schemas).map(([name, s]) => (
            <Card key={name} id={`schema-${name}`}>
              <CardHeader>
                <CardTitle className="font-mono text-sm">{name}</CardTitle>
              </CardHeader>
              <CardBody>
                <Fields schema={s} schemas={schemas} />
              </CardBody>
            </Card>
          ))}
        </div>
      </section>
    </>
  );
}
