import type { APIRequestContext } from '@playwright/test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>>; components: Json };

export type ApiAnswer = { status: number; headers: Record<string, string>; body: unknown; raw: Buffer };

/**
 * A curl-like client for /api/v1 that checks every answer against the served OpenAPI document:
 * the status must be documented for the operation, and a JSON body must validate against its
 * schema. A response the document does not describe fails the test.
 */
export class ApiClient {
  private validators = new Map<string, ValidateFunction>();
  private constructor(
    private readonly request: APIRequestContext,
    private readonly doc: Doc,
    private readonly ajv: Ajv2020,
  ) {}

  static async load(request: APIRequestContext): Promise<ApiClient> {
    const res = await request.get('/api/v1/openapi.json');
    if (!res.ok()) throw new Error(`openapi.json answered ${res.status()}`);
    const doc = (await res.json()) as Doc;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    return new ApiClient(request, doc, ajv);
  }

  get document(): Doc {
    return this.doc;
  }

  /** Compiles every schema the document holds (a broken schema throws). */
  compileAll(): number {
    let n = 0;
    for (const [path, methods] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, r] of Object.entries(op.responses)) {
          for (const [type, c] of Object.entries(r.content ?? {})) {
            if (c.schema) {
              this.validator(`${method} ${path} ${status} ${type}`, c.schema);
              n++;
            }
          }
        }
      }
    }
    return n;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile({ ...schema, components: this.doc.components });
      this.validators.set(key, v);
    }
    return v;
  }

  private template(method: string, pathname: string): string {
    const path = pathname.replace(/^\/api\/v1/, '');
    for (const t of Object.keys(this.doc.paths)) {
      const re = new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (re.test(path) && this.doc.paths[t]![method.toLowerCase()]) return t;
    }
    throw new Error(`The OpenAPI document has no ${method} ${path}`);
  }

  async call(method: 'GET' | 'POST' | 'DELETE', url: string, options: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    // A Buffer, so Playwright sends the bytes as they are (it re-encodes strings sent as JSON).
    let data: Buffer | undefined;
    if (options.body !== undefined) {
      data = Buffer.from(JSON.stringify(options.body));
      headers['content-type'] ??= 'application/json';
    } else if (options.rawBody !== undefined) data = Buffer.from(options.rawBody);
    const res = await this.request.fetch(`/api/v1${url}`, { method, headers, data, failOnStatusCode: false });
    const raw = await res.body();
    const responseHeaders = res.headers();
    const type = (responseHeaders['content-type'] ?? '').split(';')[0]!.trim();
    const body = /json/.test(type) && raw.length ? (JSON.parse(raw.toString()) as unknown) : null;

    const template = this.template(method, new URL(url, 'http://x').pathname);
    const op = this.doc.paths[template]![method.toLowerCase()]!;
    const documented = op.responses[String(res.status())];
    if (!documented) throw new Error(`${method} ${url} answered ${res.status()}, which the OpenAPI document does not list (${Object.keys(op.responses).join(', ')}): ${raw.toString().slice(0, 300)}`);
    const content = documented.content?.[type];
    if (documented.content && !content) throw new Error(`${method} ${url} answered ${res.status()} as ${type}; the document says ${Object.keys(documented.content).join(', ')}`);
    if (content?.schema) {
      const validate = this.validator(`${method.toLowerCase()} ${template} ${res.status()} ${type}`, content.schema);
      if (!validate(body)) throw new Error(`${method} ${url} → ${res.status()} does not match the OpenAPI document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
    }
    return { status: res.status(), headers: responseHeaders, body, raw };
  }
}
