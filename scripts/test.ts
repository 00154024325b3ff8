/**
 * `npm test`: every test, with everything it needs started here and stopped afterwards.
 *   1. typecheck           tsc --noEmit
 *   2. unit, sandbox, frr  vitest projects that need no database (frr needs root; skips without)
 *   3. schema drift        migrations vs schema.prisma, on a throwaway embedded PostgreSQL
 *   4. db                  vitest integration tests, one cloned database per worker
 *   5. e2e                 Playwright against `next build && next start`, the AWS sandbox and the worker
 * `npm test -- --only=unit,db` runs a subset; `-- --skip-build` reuses an existing .next build.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './lib/browser';
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from './lib/embedded-postgres';
import { generateSecrets, sandboxAwsEnv } from './lib/local-config';
import { startProcess, stopProcess, waitForHttp, type Managed } from './lib/processes';
import { migrateDatabase, root } from './lib/prisma-migrate';
import { checkSchemaDrift } from './lib/schema-drift';

const stages = ['typecheck', 'unit', 'drift', 'db', 'e2e'] as const;
type Stage = (typeof stages)[number];

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const selected = new Set<Stage>(onlyArg ? (onlyArg.split(',') as Stage[]) : stages);
const skipBuild = args.includes('--skip-build');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

function run(name: string, command: string, commandArgs: string[], env: Record<string, string | undefined> = {}): Promise<void> {
  const child = startProcess(name, command, commandArgs, { env, cwd: root });
  return child.exited.then((code) => {
    if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
  });
}

async function timed(stage: string, fn: () => Promise<void>): Promise<void> {
  const started = Date.now();
  console.log(`\n━━ ${stage} ━━`);
  await fn();
  console.log(`━━ ${stage} passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const cleanups: Array<() => Promise<void>> = [];
  const children: Managed[] = [];
  let pg: EmbeddedDb | undefined;
  const stopAll = async () => {
    await Promise.all(children.map((c) => stopProcess(c)));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    if (selected.has('e2e')) findChromium(); // fail fast with install instructions

    if (selected.has('typecheck')) await timed('typecheck', () => run('tsc', bin('tsc'), ['--noEmit', '-p', '.']));

    if (selected.has('unit')) {
      await timed('unit, sandbox, dev tooling and FRR tests', () =>
        run('vitest', bin('vitest'), ['run', '--project', 'unit', '--project', 'sandbox', '--project', 'dev', '--project', 'frr']),
      );
    }

    const needsDb = selected.has('drift') || selected.has('db') || selected.has('e2e');
    if (needsDb) {
      const dataDir = path.join(tmpdir(), `dx-portal-test-${process.pid}`);
      pg = await startEmbeddedPostgres({ dataDir, ephemeral: true });
      const server = pg;
      cleanups.push(async () => {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      });
      await server.createDatabase('dx_template');
      await migrateDatabase(server.urlFor('dx_template'), { jobExpireSeconds: 10 });
    }

    if (selected.has('drift') && pg) {
      const server = pg;
      await timed('schema drift check', async () => {
        await server.createDatabase('drift_migrations');
        await server.createDatabase('drift_schema');
        const report = await checkSchemaDrift({ fromMigrations: server.urlFor('drift_migrations'), fromSchema: server.urlFor('drift_schema') });
        if (!report.ok) {
          for (const line of report.onlyInSchema) console.error(`  + only in schema.prisma: ${line}`);
          for (const line of report.onlyInMigrations) console.error(`  - only in migrations:    ${line}`);
          throw new Error('schema.prisma and prisma/migrations disagree: run `npm run db:migration -- <name>`.');
        }
        console.log('Migrations and schema.prisma agree.');
      });
    }

    if (selected.has('db') && pg) {
      const server = pg;
      await timed('database integration tests', () =>
        run('vitest', bin('vitest'), ['run', '--project', 'db'], { DX_TEST_ADMIN_URL: server.adminUrl, DX_TEST_TEMPLATE_DB: 'dx_template' }),
      );
    }

    if (selected.has('e2e') && pg) {
      const server = pg;
      await timed('end-to-end tests', async () => {
        await server.createDatabase('dx_e2e');
        const databaseUrl = server.urlFor('dx_e2e');
        await migrateDatabase(databaseUrl, { jobExpireSeconds: 10 });
        const [appPort, sandboxPort, smtpPort, mailWebPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
        const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
        const baseUrl = `http://127.0.0.1:${appPort}`;
        // The same mail catcher `npm run dev` runs: the worker sends real SMTP, specs read its REST inbox.
        const mailUrl = `http://127.0.0.1:${mailWebPort}`;
        const mail = startProcess('mail', bin('maildev'), ['--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web', String(mailWebPort), '--silent'], { cwd: root, env: {}, quiet: !process.env.E2E_VERBOSE });
        children.push(mail);
        await waitForHttp(`${mailUrl}/email`, { timeoutMs: 30_000, what: 'The mail catcher (maildev)', died: mail.exited });
        const env: Record<string, string | undefined> = {
          ...sandboxAwsEnv(sandboxUrl),
          ...generateSecrets(),
          DATABASE_URL: databaseUrl,
          NEXTAUTH_URL: baseUrl,
          NEXT_TELEMETRY_DISABLED: '1',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          DX_SYNC_INTERVAL_SECONDS: '5',
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          DX_PUBLIC_URL: baseUrl,
        };
        if (!skipBuild) await run('build', bin('next'), ['build'], { ...env, NODE_ENV: 'production' });

        const sandbox = startProcess('sandbox', bin('tsx'), ['emulator/main.ts'], {
          cwd: root,
          quiet: !process.env.E2E_VERBOSE,
          env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: '127.0.0.1', SANDBOX_TIME_SCALE: process.env.SANDBOX_TIME_SCALE ?? '0.01' },
        });
        children.push(sandbox);
        await waitForHttp(`${sandboxUrl}/_sandbox/health`, { timeoutMs: 30_000, what: 'The AWS sandbox', died: sandbox.exited });

        const worker = path.join(root, 'scripts/worker.ts');
        if (await import('node:fs').then((fs) => fs.existsSync(worker))) {
          children.push(startProcess('worker', bin('tsx'), ['--conditions=react-server', worker], { cwd: root, env, quiet: !process.env.E2E_VERBOSE }));
        }
        // The web server's output also goes to a file, so specs can prove that no secret is ever logged.
        const webLog = path.join(tmpdir(), `dx-portal-e2e-web-${process.pid}.log`);
        cleanups.push(() => rm(webLog, { force: true }));
        const web = startProcess('web', bin('next'), ['start', '--port', String(appPort), '--hostname', '127.0.0.1'], {
          cwd: root,
          env: { ...env, NODE_ENV: 'production' },
          quiet: !process.env.E2E_VERBOSE,
          logFile: webLog,
        });
        children.push(web);
        await waitForHttp(`${baseUrl}/sign-in`, { timeoutMs: 60_000, what: 'The web app', died: web.exited });

        await run('e2e', bin('playwright'), ['test', ...args.filter((a) => !a.startsWith('--only=') && a !== '--skip-build')], {
          ...env,
          E2E_BASE_URL: baseUrl,
          E2E_WEB_LOG: webLog,
          E2E_MAIL_URL: mailUrl,
          NODE_OPTIONS: '--conditions=react-server',
        });
      });
    }
    console.log(`\nAll selected test stages passed in ${Math.round((Date.now() - started) / 1000)} s.`);
  } catch (error) {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

// Exit explicitly with the outcome: nothing registered on process exit may turn a failure into success.
void main().then(() => process.exit(process.exitCode ?? 0));
