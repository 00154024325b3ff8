import { defineConfig } from 'prisma/config';

/**
 * Prisma 7 CLI configuration: `prisma generate` (run by `npm install`) and, on a machine that can
 * download Prisma's schema engine, the standard `prisma migrate deploy`. This offline workspace
 * applies and creates migrations through scripts/db.ts instead (README "Database").
 */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
