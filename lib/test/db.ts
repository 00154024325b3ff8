import { db, type DbClient } from '../db/client';

/** The test worker's database client (DATABASE_URL is set by lib/test/db-setup.ts). */
export function testDb(): DbClient {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run database tests through the vitest `db` project.');
  return db();
}
