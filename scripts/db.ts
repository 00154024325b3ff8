/**
 * Database migrations that work offline (Prisma's schema engine as WebAssembly):
 *
 *   npm run db:migrate               apply pending migrations (and the job queue schema) to DATABASE_URL
 *   npm run db:migration -- <name>   create prisma/migrations/<timestamp>_<name> from the change
 *                                    between the last migration's schema and prisma/schema.prisma
 *   npm run db:check                 fail if schema.prisma and the migrations disagree
 *
 * `db:migration` and `db:check` start a throwaway embedded PostgreSQL (Prisma's engine needs a
 * connection even to diff two schema files); `db:migrate` needs DATABASE_URL.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDb } from './lib/embedded-postgres';
import { diffSchemas, isEmptyMigration, listMigrations, migrateDatabase, migrationsDir, schemaPath } from './lib/prisma-migrate';
import { checkSchemaDrift } from './lib/schema-drift';

async function withScratchDb<T>(fn: (db: EmbeddedDb) => Promise<T>): Promise<T> {
  const dataDir = path.join(tmpdir(), `dx-portal-scratch-${process.pid}-${Date.now()}`);
  const db = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    return await fn(db);
  } finally {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function newMigration(rawName: string | undefined): Promise<void> {
  const name = (rawName ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!name) throw new Error('Usage: npm run db:migration -- <name>   (e.g. add_vif_router_settings)');
  const existing = await listMigrations();
  const last = existing.at(-1);
  const previous = last ? await readFile(path.join(migrationsDir, last, 'schema.prisma'), 'utf8') : null;
  const current = await readFile(schemaPath, 'utf8');
  const sql = await withScratchDb((db) => diffSchemas(previous, current, db.adminUrl));
  if (isEmptyMigration(sql)) {
    console.log('schema.prisma has no database changes since the last migration; nothing created.');
    return;
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  // The schema as of this migration: the next migration is diffed from it.
  await writeFile(path.join(dir, 'schema.prisma'), current);
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql\n\n${sql}`);
}

async function check(): Promise<void> {
  const report = await withScratchDb(async (db) => {
    await db.createDatabase('from_migrations');
    await db.createDatabase('from_schema');
    return checkSchemaDrift({ fromMigrations: db.urlFor('from_migrations'), fromSchema: db.urlFor('from_schema') });
  });
  if (report.ok) {
    console.log('Migrations and schema.prisma agree.');
    return;
  }
  console.error('schema.prisma and prisma/migrations disagree. Run `npm run db:migration -- <name>`.');
  for (const line of report.onlyInSchema) console.error(`  + only in schema.prisma: ${line}`);
  for (const line of report.onlyInMigrations) console.error(`  - only in migrations:    ${line}`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case 'migrate': {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error('DATABASE_URL is not set.');
      await migrateDatabase(url, { jobExpireSeconds: process.env.DX_JOB_EXPIRE_SECONDS ? Number(process.env.DX_JOB_EXPIRE_SECONDS) : undefined });
      console.log('Database is up to date (migrations and job queues).');
      return;
    }
    case 'new':
      return newMigration(arg);
    case 'check':
      return check();
    default:
      console.error('Usage: tsx scripts/db.ts migrate | new <name> | check');
      process.exitCode = 2;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
