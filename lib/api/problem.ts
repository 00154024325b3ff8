/**
 * API errors as RFC 9457 problem details, each with a stable `code` a client can branch on.
 * Pure: the route wrapper, the OpenAPI document and the tests share the shape.
 */
import { z } from 'zod';
import { ErrorCode } from '../errors';

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the problem type; "about:blank" plus `code` for this API.'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code, e.g. "validation_failed", "not_found", "conflict".'),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('For validation_failed: every field that is wrong, with why.'),
    conflict: z.record(z.string(), z.unknown()).optional().describe('For 409: the values that conflict.'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Partial<Pick<Problem, 'errors' | 'conflict'>> = {}, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: 'about:blank', title: titles[status] ?? 'Error', status, code, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers } });
}

/** The HTTP status and API code of each expected failure the use cases raise. */
export const appErrorStatus: Record<ErrorCode, { status: number; code: string }> = {
  [ErrorCode.Unauthenticated]: { status: 401, code: 'unauthenticated' },
  [ErrorCode.Forbidden]: { status: 403, code: 'forbidden' },
  [ErrorCode.NotFound]: { status: 404, code: 'not_found' },
  [ErrorCode.Conflict]: { status: 409, code: 'conflict' },
  [ErrorCode.Invalid]: { status: 422, code: 'validation_failed' },
  [ErrorCode.RateLimited]: { status: 429, code: 'rate_limited' },
  [ErrorCode.AwsRejected]: { status: 422, code: 'aws_rejected' },
  [ErrorCode.AwsUnavailable]: { status: 503, code: 'aws_unavailable' },
};

export function zodProblem(error: z.ZodError, where: 'body' | 'query' | 'path'): Response {
  const errors = error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : where, message: i.message }));
  const first = errors[0];
  return problem(422, 'validation_failed', first ? `${first.field}: ${first.message}` : 'The request is not valid.', { errors });
}
