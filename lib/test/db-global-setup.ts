import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { startProcess, stopProcess, waitForHttp } from '../../scripts/lib/processes';
import { migrateDatabase } from '../../scripts/lib/prisma-migrate';

declare module 'vitest' {
  interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
    sandboxUrl: string;
  }
}

/**
 * Database integration tests run against a real PostgreSQL: the one `npm test` started
 * (DX_TEST_ADMIN_URL + DX_TEST_TEMPLATE_DB), or a throwaway embedded server with the migrations
 * applied to a template database. Each worker clones the template (lib/test/db-setup.ts).
 */
export default async function setup(project: TestProject) {
  const stopSandbox = await startSandbox(project);
  const givenUrl = process.env.DX_TEST_ADMIN_URL;
  const givenTemplate = process.env.DX_TEST_TEMPLATE_DB;
  if (givenUrl && givenTemplate) {
    project.provide('dbAdminUrl', givenUrl);
    project.provide('dbTemplate', givenTemplate);
    return stopSandbox;
  }
  const dataDir = path.join(tmpdir(), `dx-portal-vitest-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  await server.createDatabase('dx_template');
  await migrateDatabase(server.urlFor('dx_template'), { jobExpireSeconds: 10 });
  project.provide('dbAdminUrl', server.adminUrl);
  project.provide('dbTemplate', 'dx_template');
  return async () => {
    await stopSandbox();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** The AWS sandbox as its own process, as the app meets it in production: over HTTP. */
async function startSandbox(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const sandbox = startProcess('sandbox', path.resolve('node_modules/.bin/tsx'), ['emulator/main.ts'], {
    quiet: !process.env.DX_TEST_VERBOSE,
    env: { SANDBOX_PORT: String(port), SANDBOX_HOST: '127.0.0.1', SANDBOX_TIME_SCALE: '0.01', SANDBOX_LOG_LEVEL: 'warn' },
  });
  await waitForHttp(`${url}/_sandbox/health`, { timeoutMs: 30_000, what: 'The AWS sandbox', died: sandbox.exited });
  project.provide('sandboxUrl', url);
  return () => stopProcess(sandbox);
}
