import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { deployMigrations } from '../../scripts/lib/prisma-migrate';

declare module 'vitest' {
  interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

/**
 * Database integration tests run against a real PostgreSQL: the one `npm test` started
 * (DX_TEST_ADMIN_URL + DX_TEST_TEMPLATE_DB), or a throwaway embedded server with the migrations
 * applied to a template database. Each worker clones the template (lib/test/db-setup.ts).
 */
export default async function setup(project: TestProject) {
  const givenUrl = process.env.DX_TEST_ADMIN_URL;
  const givenTemplate = process.env.DX_TEST_TEMPLATE_DB;
  if (givenUrl && givenTemplate) {
    project.provide('dbAdminUrl', givenUrl);
    project.provide('dbTemplate', givenTemplate);
    return;
  }
  const dataDir = path.join(tmpdir(), `dx-portal-vitest-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  await server.createDatabase('dx_template');
  await deployMigrations(server.urlFor('dx_template'));
  project.provide('dbAdminUrl', server.adminUrl);
  project.provide('dbTemplate', 'dx_template');
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
