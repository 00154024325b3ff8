import 'server-only';
import { z } from 'zod';
import { problemSchema } from '../problem';
import { operations, type ApiOperation } from './operations';

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.1 for API v1, generated from the operations' zod schemas (the same ones the server
 * validates with), never written by hand. Named schemas (`.meta({ id })`) become components.
 */
export function openApiDocument(serverUrl: string): Json {
  const components: Record<string, unknown> = {};

  const convert = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    const defs = (out.$defs ?? {}) as Record<string, Json>;
    delete out.$defs;
    for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
    const id = (schema.meta() as { id?: string } | undefined)?.id;
    const body = rewrite(out);
    // A named root comes back as a reference to its own definition (already among the defs).
    if (typeof body.$ref === 'string' && Object.keys(body).length === 1) return body;
    if (id) {
      components[id] = body;
      return { $ref: `#/components/schemas/${id}` };
    }
    return body;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of operations) {
    (paths[o.path] ??= {})[o.method.toLowerCase()] = describe(o, convert);
  }
  convert(problemSchema, 'output');

  return {
    openapi: '3.1.0',
    info: {
      title: 'dx-portal API',
      version: '1',
      description:
        'Everything a customer does in the portal, for Terraform, Ansible and CI. Authenticate with "Authorization: Bearer dxp_…" (create tokens on your account page). Every POST accepts Idempotency-Key. Long operations answer 202 with the object in an explicit awaiting_* state. Errors are problem+json (RFC 9457) with a stable code.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'dxp_<16 hex>_<43 base64url>' } },
      schemas: components,
    },
  };
}

function describe(o: ApiOperation, convert: (s: z.ZodType, io: 'input' | 'output') => Json): Json {
  const parameters: Json[] = [];
  const addParams = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const js = convert(schema, 'input');
    const props = (js.properties ?? {}) as Record<string, Json>;
    const required = new Set((js.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      const { description, ...rest } = prop;
      parameters.push({ name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  };
  addParams(o.params, 'path');
  addParams(o.query, 'query');
  if (o.write && o.method === 'POST') {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Retry safely: the same key and body return the first answer for 24 h; the same key with another body is 422.', schema: { type: 'string', maxLength: 255 } });
  }
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(o.responses)) {
    const contentType = r.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
    responses[status] = { description: r.description, ...(r.schema ? { content: { [contentType]: { schema: convert(r.schema, 'output') } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}) };
  }
  const common: Record<string, string> = {
    '401': 'No token, or one that is malformed, unknown, expired or revoked (code names which).',
    '403': o.write ? 'A read-only token, or a role that may not do this.' : o.secret ? 'A read-only token (the answer holds the BGP key), or a role that may not do this.' : 'A role that may not do this.',
    '429': 'Rate limited; see Retry-After.',
  };
  if (o.params || o.query || o.body) common['422'] = 'A field is wrong (errors names each), or an Idempotency-Key was reused with another body.';
  if (o.body) {
    common['400'] = 'The body is not valid JSON.';
    common['415'] = 'The body is not sent as application/json.';
  }
  if (o.write && o.method === 'POST') common['409'] = 'A conflict (the values are named), or the first request with this Idempotency-Key is still running.';
  common['503'] =
    o.write && o.method === 'POST'
      ? 'AWS did not answer in time. AWS may have acted: the portal adopts what it made within a minute, so GET before retrying, and retry with a new Idempotency-Key (the same key replays this answer).'
      : 'AWS did not answer in time; retry.';
  for (const [status, description] of Object.entries(common)) responses[status] ??= { description, content: problem };
  return {
    operationId: o.id,
    tags: [o.tag],
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(o.body, 'input') } } } } : {}),
    responses,
    'x-permission': o.permission,
  };
}

/** Points zod's local `#/$defs/X` references at the document's components. */
function rewrite<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rewrite) as T;
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      if (k === '$schema') continue;
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewrite(v);
    }
    return out as T;
  }
  return value;
}
