import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authenticateToken, tokenRefusalMessages } from '../api-tokens/tokens';
import { can } from '../auth/permissions';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { env } from '../env';
import { isAppError } from '../errors';
import { childLogger } from '../log';
import { appErrorStatus, problem, zodProblem } from './problem';
import type { ApiOperation, ApiResult } from './v1/contract';
import { operation } from './v1/operations';

const IDEMPOTENCY_HOURS = 24;
/** A first request that has not finished after this long is taken to have died with its process. */
const ABANDONED_MS = 5 * 60_000;
const idempotencyKeyShape = /^[\x21-\x7e]{1,255}$/;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

function toResponse(result: ApiResult): Response {
  return result instanceof Response ? result : json(result.status, result.body, result.headers);
}

/** One shared fixed window per token and minute, in PostgreSQL, so every web process counts together. */
async function rateLimit(tokenId: string, now: Date): Promise<{ ok: boolean; limit: number; remaining: number; retryAfter: number }> {
  const limit = env().DX_API_RATE_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db().$queryRaw<Array<{ count: number }>>`
    INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", "count") VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(row?.count ?? 1);
  // Now and then, drop windows and idempotency keys nobody can use any more.
  if (Math.random() < 0.005) {
    await db().apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } });
    await db().apiIdempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } });
  }
  return { ok: count <= limit, limit, remaining: Math.max(0, limit - count), retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)) };
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

/**
 * An API v1 route handler for one operation: bearer token → rate limit → scope and permission
 * → validation (the operation's zod schemas) → Idempotency-Key → the use case. Every failure is
 * problem+json with a stable code; unexpected ones are logged with a reference, never shown.
 */
export function apiHandler(operationId: string) {
  const o: ApiOperation = operation(operationId);
  return async function handle(request: Request, context: RouteContext): Promise<Response> {
    const now = new Date();
    const auth = await authenticateToken(request.headers.get('authorization'), now);
    if (!auth.ok) {
      return problem(401, auth.code, tokenRefusalMessages[auth.code], {}, { 'www-authenticate': `Bearer realm="dx-portal", error="invalid_token"` });
    }
    const rate = await rateLimit(auth.tokenId, now);
    const rateHeaders = { 'ratelimit-limit': String(rate.limit), 'ratelimit-remaining': String(rate.remaining) };
    if (!rate.ok) {
      return problem(429, 'rate_limited', `This token made more than ${rate.limit} requests this minute. Retry after ${rate.retryAfter} s.`, {}, { ...rateHeaders, 'retry-after': String(rate.retryAfter) });
    }
    const withRate = (r: Response) => {
      for (const [k, v] of Object.entries(rateHeaders)) r.headers.set(k, v);
      return r;
    };
    const { actor } = auth;
    if (o.write && auth.scope === 'READ') return withRate(problem(403, 'token_read_only', 'This token is read-only; create a read-and-write token to make changes.'));
    if (o.secret && auth.scope === 'READ') return withRate(problem(403, 'token_read_only', 'This answer holds the BGP key, which read-only tokens never see; use a read-and-write token.'));
    if (!can(actor, o.permission)) return withRate(problem(403, 'forbidden', 'Your role does not allow this.'));

    const url = new URL(request.url);
    const params = o.params ? o.params.safeParse(await context.params) : { success: true as const, data: {} };
    if (!params.success) return withRate(zodProblem(params.error, 'path'));
    const query = (o.query ?? z.object({})).safeParse(queryObject(url));
    if (!query.success) return withRate(zodProblem(query.error, 'query'));

    let rawBody = '';
    let body: unknown = undefined;
    if (o.body) {
      if (!/^application\/(.+\+)?json\b/i.test(request.headers.get('content-type') ?? '')) {
        return withRate(problem(415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".'));
      }
      rawBody = await request.text();
      let parsedJson: unknown;
      try {
        parsedJson = rawBody ? JSON.parse(rawBody) : {};
      } catch {
        return withRate(problem(400, 'invalid_json', 'The body is not valid JSON.'));
      }
      const parsed = o.body.safeParse(parsedJson);
      if (!parsed.success) return withRate(zodProblem(parsed.error, 'body'));
      body = parsed.data;
    }

    const log = childLogger({ action: `api.${o.id}`, userId: actor.userId, orgId: actor.kind === 'customer' ? actor.orgId : undefined });
    const run = async (): Promise<Response> => {
      try {
        return toResponse(await o.run({ actor, params: params.data, query: query.data, body }));
      } catch (error) {
        if (isAppError(error)) {
          const { status, code } = appErrorStatus[error.code];
          const fields = error.fieldErrors ? Object.entries(error.fieldErrors).flatMap(([field, messages]) => (messages ?? []).map((message) => ({ field, message }))) : error.field ? [{ field: error.field, message: error.message }] : undefined;
          return problem(status, code, error.message, { ...(fields ? { errors: fields } : {}), ...(error.conflict ? { conflict: error.conflict } : {}) });
        }
        const ref = randomUUID().slice(0, 8);
        log.error({ err: error, ref }, 'api request failed');
        return problem(500, 'internal_error', `Something went wrong on our side (reference ${ref}). Retry later.`);
      }
    };

    const key = o.method === 'POST' ? request.headers.get('idempotency-key') : null;
    if (key === null) return withRate(await run());
    if (!idempotencyKeyShape.test(key)) return withRate(problem(422, 'idempotency_key_invalid', 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID.'));
    return withRate(await idempotent(auth.tokenId, key, `${o.method} ${url.pathname}`, rawBody, now, run));
  };
}

async function idempotent(tokenId: string, key: string, operationKey: string, rawBody: string, now: Date, run: () => Promise<Response>): Promise<Response> {
  const bodyHash = createHash('sha256').update(rawBody).digest('hex');
  const existing = await db().apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
  if (existing && existing.expiresAt <= now) {
    await db().apiIdempotencyKey.deleteMany({ where: { id: existing.id } });
  } else if (existing) {
    if (existing.operation !== operationKey || existing.bodyHash !== bodyHash) {
      return problem(422, 'idempotency_key_reused', `This Idempotency-Key was first used for another request (${existing.operation}, another body). Use a new key for a new request.`);
    }
    if (existing.status === null && now.getTime() - existing.createdAt.getTime() > ABANDONED_MS) {
      // The process serving the first request died before it could answer, perhaps after the
      // change was made: running it again could make a second one, so the key stays spent.
      return problem(
        409,
        'idempotency_outcome_unknown',
        'The first request with this Idempotency-Key stopped without an answer and may have taken effect. List the objects to see whether it did; if not, send the request again with a new key.',
      );
    }
    if (existing.status === null) return problem(409, 'idempotency_in_progress', 'The first request with this Idempotency-Key is still running. Retry in a moment.', {}, { 'retry-after': '2' });
    const saved = existing.response as { contentType?: string; body?: unknown } | null;
    return new Response(saved?.body === undefined ? null : JSON.stringify(saved.body), {
      status: existing.status,
      headers: { 'content-type': saved?.contentType ?? 'application/json', 'cache-control': 'no-store', 'idempotent-replayed': 'true' },
    });
  }
  let claimed: { id: string };
  try {
    claimed = await db().apiIdempotencyKey.create({ data: { tokenId, key, operation: operationKey, bodyHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_HOURS * 3_600_000) }, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return problem(409, 'idempotency_in_progress', 'The first request with this Idempotency-Key is still running. Retry in a moment.', {}, { 'retry-after': '2' });
    }
    throw error;
  }
  const response = await run();
  if (response.status === 500) {
    // An unexpected failure: let a retry with the same key run again. A 503 (AWS did not answer)
    // is kept and replayed: AWS may have acted, and the portal adopts what it made, so a retry
    // with the same key must not call AWS a second time.
    await db().apiIdempotencyKey.deleteMany({ where: { id: claimed.id } });
    return response;
  }
  const text = await response.clone().text();
  let body: Prisma.InputJsonValue | undefined;
  try {
    body = text ? (JSON.parse(text) as Prisma.InputJsonValue) : undefined;
  } catch {
    body = undefined;
  }
  const stored = { contentType: response.headers.get('content-type') ?? 'application/json', ...(body === undefined ? {} : { body }) };
  await db().apiIdempotencyKey.update({ where: { id: claimed.id }, data: { status: response.status, response: stored } });
  return response;
}
