import { z } from 'zod';
import type { ConnectionFilters } from './queries';

const schema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  view: z.enum(['open', 'active', 'closed', 'all']).optional().catch(undefined),
  awsState: z.enum(['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected', 'unknown']).optional().catch(undefined),
  type: z.enum(['DEDICATED', 'HOSTED']).optional().catch(undefined),
  locationId: z.string().max(40).optional().catch(undefined),
  sort: z.enum(['newest', 'oldest', 'name', 'state']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** URL search parameters → list filters; anything malformed is ignored rather than an error page. */
export function parseConnectionFilters(params: Record<string, string | string[] | undefined>): ConnectionFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return schema.parse(flat);
}
