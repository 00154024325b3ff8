/**
 * `npm run dev`: the whole product on one machine.
 * PostgreSQL (embedded, data in .data/postgres, or DATABASE_URL when set) → migrations → demo seed
 * when empty → AWS sandbox (state kept in .data/sandbox-state.json) → mail catcher (maildev: the
 * worker's email lands in its web inbox unless SMTP_URL is set) → worker → Next.js dev server.
 * Ctrl-C stops everything; running it again keeps the data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { demoUsers, DEMO_PASSWORD } from '../lib/db/seed/demo';
import { startEmbeddedPostgres, type EmbeddedDb } from './lib/embedded-postgres';
import { localSecrets, sandboxAwsEnv } from './lib/local-config';
import { startProcess, stopProcess, waitForHttp, type Managed } from './lib/processes';
import { migrateDatabase, root } from './lib/prisma-migrate';
import { welcomeText } from './lib/welcome';

const dataDir = path.join(root, '.data');
const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4566);
const dbPort = Number(process.env.DX_DB_PORT ?? 54329);
const mailSmtpPort = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
const mailWebPort = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
/** Set when the local mail catcher runs (no SMTP_URL given): the inbox to print. */
let mailInbox: string | undefined;
const tsx = path.join(root, 'node_modules/.bin/tsx');
const next = path.join(root, 'node_modules/.bin/next');
const maildev = path.join(root, 'node_modules/.bin/maildev');

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const children: Managed[] = [];
  let embedded: EmbeddedDb | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await Promise.all(children.reverse().map((c) => stopProcess(c)));
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const secrets = await localSecrets(dataDir);
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      console.log('Using the database in DATABASE_URL.');
    } else {
      console.log(`Starting PostgreSQL (data in .data/postgres, port ${dbPort})…`);
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: dbPort });
      await ensureDatabase(embedded.adminUrl, 'dx_portal');
      databaseUrl = embedded.urlFor('dx_portal');
    }
    console.log('Applying migrations…');
    await migrateDatabase(databaseUrl);

    let smtpUrl = process.env.SMTP_URL;
    if (smtpUrl) {
      console.log('Sending email through the server in SMTP_URL.');
    } else {
      const mail = startProcess('mail', maildev, ['--ip', '127.0.0.1', '--smtp', String(mailSmtpPort), '--web', String(mailWebPort), '--silent'], { cwd: root, env: {} });
      children.push(mail);
      mailInbox = `http://127.0.0.1:${mailWebPort}`;
      await waitForHttp(mailInbox, { timeoutMs: 30_000, what: 'The mail catcher (maildev)', died: mail.exited });
      smtpUrl = `smtp://127.0.0.1:${mailSmtpPort}`;
    }

    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const env: Record<string, string | undefined> = {
      ...sandboxAwsEnv(sandboxUrl),
      ...secrets,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      NEXTAUTH_URL: `http://localhost:${appPort}`,
      NODE_ENV: 'development',
      NEXT_TELEMETRY_DISABLED: '1',
      ...pickDefined(process.env, ['LOG_LEVEL', 'DX_PROVIDER_NAME', 'AWS_REGION', 'MAIL_FROM', 'DX_PUBLIC_URL']),
    };

    const seed = startProcess('seed', tsx, ['--conditions=react-server', 'scripts/seed.ts'], { env, cwd: root });
    if ((await seed.exited) !== 0) throw new Error('Seeding the demo data failed (see above).');

    const sandbox = startProcess('sandbox', tsx, ['emulator/main.ts'], {
      cwd: root,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_STATE_FILE: path.join(dataDir, 'sandbox-state.json'),
        SANDBOX_TIME_SCALE: process.env.SANDBOX_TIME_SCALE ?? '0.1',
      },
    });
    children.push(sandbox);
    await waitForHttp(`${sandboxUrl}/_sandbox/health`, { timeoutMs: 30_000, what: 'The AWS sandbox', died: sandbox.exited });

    if (existsSync(path.join(root, 'scripts/worker.ts'))) {
      children.push(startProcess('worker', tsx, ['--conditions=react-server', 'scripts/worker.ts'], { env, cwd: root }));
    }
    const web = startProcess('web', next, ['dev', '--port', String(appPort)], { env, cwd: root });
    children.push(web);
    await waitForHttp(`http://localhost:${appPort}/sign-in`, { timeoutMs: 180_000, what: 'The web app', died: web.exited });

    printWelcome();
    const first = await Promise.race(children.map((c) => c.exited.then((code) => ({ name: c.name, code }))));
    if (!stopping) {
      console.error(`${first.name} exited (code ${first.code}); stopping the rest.`);
      await shutdown(1);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

function pickDefined(source: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (source[k] ? [[k, source[k] as string]] : [])));
}

function printWelcome(): void {
  const extras = mailInbox ? [`Mail inbox (every email the portal sends): ${mailInbox}`] : [];
  console.log(welcomeText({ appPort, sandboxPort, users: demoUsers, password: DEMO_PASSWORD, extras }));
}

void main();
