import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '../env';
import { PrismaClient } from './generated/client';

/** Columns that hold secrets: no query returns them unless it opts in with `omit: { x: false }`. */
const secretColumns = {
  user: { passwordHash: true },
  virtualInterface: { authKeyCiphertext: true },
  webhookEndpoint: { secretEnc: true },
} as const;

/**
 * Relations load in the same statement (the `relationJoins` preview) for single-row reads, so an
 * actor or a detail page is one round trip. Lists load them with one extra query per relation
 * instead: PostgreSQL evaluates joined relations for every matching row before it sorts and
 * applies the page's LIMIT, which made a 25-row page of 20,000 connections take 300 ms.
 */
function createClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10, application_name: 'dx-portal' }),
    omit: secretColumns,
  }).$extends({
    query: {
      $allModels: {
        findMany({ args, query }) {
          return query({ relationLoadStrategy: 'query', ...args });
        },
      },
    },
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
