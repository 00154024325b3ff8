import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma-migrate/config';

/**
 * Configuration for the Prisma 6.19 CLI (installed as `prisma-migrate`), which runs Prisma's
 * schema engine as WebAssembly through a driver adapter and so needs no engine download.
 * scripts/db.ts drives it: it applies migrations and generates new ones with Prisma's own engine.
 * That CLI still wants a datasource `url` in the schema, which Prisma 7 forbids, so scripts/db.ts
 * hands it a copy of schema.prisma with the url added (DX_PRISMA_CLI_SCHEMA).
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must be set for the migration CLI');

export default defineConfig({
  experimental: { adapter: true },
  schema: process.env.DX_PRISMA_CLI_SCHEMA ?? path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: databaseUrl }),
});
