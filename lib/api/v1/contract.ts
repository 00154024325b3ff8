import 'server-only';
import { z } from 'zod';
import type { Actor, Permission } from '../../auth/permissions';
import { invalid } from '../../errors';
import { problemSchema } from '../problem';
import { decodeCursor, encodeCursor } from './resources';

/** What an operation answers: JSON with a status, or a ready response (a PDF). */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> } | Response;

export type ApiContext<P, Q, B> = { actor: Actor; params: P; query: Q; body: B };

type Responses = Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;

/**
 * One endpoint: its contract (the OpenAPI document is generated from these fields) and what it
 * does, which is always a call into a `lib/<feature>` use case with the same schema and actor the
 * server actions use.
 */
export type ApiOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> = {
  id: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI path, e.g. /connections/{id} (under /api/v1). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  permission: Permission;
  /** Changes something: refused for read-only tokens, and accepts Idempotency-Key. */
  write: boolean;
  /** The answer holds a secret (the BGP key): refused for read-only tokens like a change is. */
  secret?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  responses: Responses;
  run: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiResult>;
};

export const op = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(o: ApiOperation<P, Q, B>) => o as unknown as ApiOperation;

export const notFoundResponse = { description: 'No such object, or not yours to see.', schema: problemSchema };

/** `limit` and `cursor` of a keyset-paged list. */
export const pageQuery = {
  limit: z.coerce.number().int('limit must be a whole number.').min(1, 'limit must be 1 to 100.').max(100, 'limit must be 1 to 100.').default(25),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page.'),
};

/** The decoded cursor, or a 422 naming the field when a client made one up. */
export function afterCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const after = decodeCursor(cursor);
  if (!after) throw invalid('That cursor is not one this API made; pass nextCursor from the previous page unchanged.', 'cursor');
  return after;
}

/** Answers a page: the items mapped, and the cursor of the last one when more follow. */
export function pageBody<R extends { createdAt: Date; id: string }, T>(page: { items: R[]; hasMore: boolean }, map: (row: R) => T) {
  const last = page.items.at(-1);
  return { items: page.items.map(map), nextCursor: page.hasMore && last ? encodeCursor(last) : null };
}

/** A path parameter holding a portal id. */
export const idParam = (what: string) => z.object({ id: z.string().min(1).max(40).describe(`The portal's id of the ${what}.`) });

/** Conflicts the portal refuses, with the values (when the use case names them). */
export const conflictResponse = (description: string) => ({ description, schema: problemSchema });
