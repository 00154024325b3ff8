import 'server-only';
import { db } from '../db/client';

/** More distinct event types than this would mean kinds carry data; the list stops there. */
const MAX_KINDS = 300;

/**
 * The event types that exist, for the filter's select. A loose index scan over the
 * (kind, occurredAt) index: one index probe per distinct kind instead of reading the table,
 * which holds millions of rows. Kinds are names from the code, not tenant data, so every reader
 * gets the same list.
 */
export async function eventKinds(): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ kind: string }>>`
    WITH RECURSIVE kinds AS (
      (SELECT kind FROM "Event" ORDER BY kind LIMIT 1)
      UNION ALL
      SELECT (SELECT e.kind FROM "Event" e WHERE e.kind > kinds.kind ORDER BY e.kind LIMIT 1)
      FROM kinds WHERE kinds.kind IS NOT NULL
    )
    SELECT kind FROM kinds WHERE kind IS NOT NULL LIMIT ${MAX_KINDS}`;
  return rows.map((r) => r.kind);
}
