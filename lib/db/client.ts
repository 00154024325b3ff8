import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '../env';
import { PrismaClient } from './generated/client';

/** Columns that hold secrets: no query returns them unless it opts in with `omit: { x: false }`. */
const secretColumns = {
  user: { passwordHash: true },
  virtualInterface: { authKeyCiphertext: true },
} as const;

function createClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10, application_name: 'dx-portal' }),
    omit: secretColumns,
  });
}

export type DbClient = ReturnType<typeof createClient>;
/** What a `$transaction(async (tx) => …)` callback receives; data-access helpers accept it as `tx`. */
export type Tx = Omit<DbClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const globalForDb = globalThis as unknown as { dxPortalDb?: DbClient };

/** The process-wide client (cached on globalThis so dev hot reloads reuse one pool). */
export function db(): DbClient {
  globalForDb.dxPortalDb ??= createClient(env().DATABASE_URL);
  return globalForDb.dxPortalDb;
}

/** A separate client for tests and scripts that manage their own database. */
export function createDbClient(connectionString: string): DbClient {
  return createClient(connectionString);
}
