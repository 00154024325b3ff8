/**
 * `npm run bench -- --load`: the portal's pages under load at provider scale, each compared with
 * the framework's floor on the same machine.
 *
 *   1. embedded PostgreSQL, seeded at provider scale with bulk SQL (scale-seed.ts);
 *   2. the AWS sandbox, with one customer account and connection so the LOA-CFA download is real;
 *   3. `next build` (skip with --skip-build) and `next start` with the floor page enabled, its
 *      database connection going through a proxy that counts statements;
 *   4. sign-in through next-auth as each role, then per page: one measured view (status, bytes,
 *      statements), autocannon on the floor, autocannon on the page, alternating;
 *   5. a table: req/s and p95 next to the floor's, their ratios, statements and bytes per view.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateConnectionCommand, DirectConnectClient } from '@aws-sdk/client-direct-connect';
import pg from 'pg';
import { hashPassword } from '../../../lib/auth/password';
import { freePort, startEmbeddedPostgres } from '../embedded-postgres';
import { generateSecrets, sandboxAwsEnv, sandboxProvider } from '../local-config';
import { startProcess, stopProcess, waitForHttp, type Managed } from '../processes';
import { migrateDatabase, root } from '../prisma-migrate';
import { measureView, runLoad, signIn, type LoadResult } from './load';
import { startCountProxy } from './pg-count-proxy';
import { scaleIds, seedProviderScale } from './scale-seed';

export type LoadOptions = {
  seconds: number;
  connections: number;
  skipBuild: boolean;
  dataDir?: string;
  only?: string;
  /** Start everything, print the URL and session cookies, and wait for Ctrl-C instead of measuring. */
  serve?: boolean;
  /** Write V8 CPU profiles of the web server (one per process) into this directory. */
  profileDir?: string;
};

const password = 'bench-password-1';
type Who = 'bigOwner' | 'smallOwner' | 'noc' | 'support';
type PageSpec = { label: string; path: string; as: Who; download?: boolean };

const pages: PageSpec[] = [
  { label: 'dashboard, org with 2,009 connections', path: '/dashboard', as: 'bigOwner' },
  { label: 'dashboard, org with 9 connections', path: '/dashboard', as: 'smallOwner' },
  { label: 'connection list, page 1', path: '/connections', as: 'bigOwner' },
  { label: 'connection list, page 40', path: '/connections?page=40', as: 'bigOwner' },
  { label: 'connection page, 49 events', path: `/connections/${scaleIds.ordinaryConnection}`, as: 'bigOwner' },
  { label: 'connection page, 20,049 events', path: `/connections/${scaleIds.heavyConnection}`, as: 'bigOwner' },
  { label: 'connection live-refresh version', path: `/api/connections/${scaleIds.heavyConnection}/version`, as: 'bigOwner' },
  { label: 'VIF page, 2 events', path: `/virtual-interfaces/${scaleIds.ordinaryVif}`, as: 'bigOwner' },
  { label: 'VIF page, 5,000 events', path: `/virtual-interfaces/${scaleIds.heavyVif}`, as: 'bigOwner' },
  { label: 'gateways', path: '/gateways', as: 'bigOwner' },
  { label: 'NOC queue', path: '/noc/queue', as: 'noc' },
  { label: 'NOC cross-connects', path: '/noc/cross-connects', as: 'noc' },
  { label: 'support search by AWS id', path: `/support/connections?q=${scaleIds.searchAwsId}`, as: 'support' },
  { label: 'support list, page 1', path: '/support/connections', as: 'support' },
  { label: 'LOA-CFA download', path: `/api/connections/${scaleIds.ordinaryConnection}/loa`, as: 'bigOwner', download: true },
  { label: 'router bundle download', path: `/api/virtual-interfaces/${scaleIds.ordinaryVif}/router-bundle`, as: 'bigOwner', download: true },
];

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

async function runToEnd(name: string, command: string, args: string[], env: Record<string, string | undefined>) {
  const child = startProcess(name, command, args, { cwd: root, env });
  const code = await child.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}`);
}

/** The LOA-CFA comes from AWS: give the ordinary connection a real one in the sandbox. */
async function sandboxConnection(sandboxUrl: string, databaseUrl: string) {
  const control = async (method: string, route: string, body: unknown) => {
    const response = await fetch(`${sandboxUrl}/_sandbox${route}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`sandbox ${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { accessKeyId: string; secretAccessKey: string };
  };
  const accountId = '200000000000';
  const credentials = await control('POST', '/accounts', { accountId, regions: ['us-east-1'] });
  await control('PUT', `/accounts/${accountId}/roles/DxPortalAccess`, { trustedAccountId: sandboxProvider.accountId, externalId: 'bench-ext-0' });
  const dx = new DirectConnectClient({ endpoint: sandboxUrl, region: 'us-east-1', credentials });
  const created = await dx.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'dc3-dedicated-2' }));
  dx.destroy();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`update "Connection" set "awsConnectionId" = $1, "awsState" = 'requested', "locationId" = 'bench-loc-1' where id = $2`, [
    created.connectionId,
    scaleIds.ordinaryConnection,
  ]);
  await client.end();
}

/** The router bundle needs the VIF's BGP key (sealed with this run's encryption key) and saved router-server settings. */
async function vifKey(databaseUrl: string, secrets: { DX_ENCRYPTION_KEY: string }) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: 'x'.repeat(32), DX_PROVIDER_ACCOUNT_ID: sandboxProvider.accountId, ...secrets });
  const { encryptSecret, vifKeyContext } = await import('../../../lib/crypto/secrets');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const settings = {
    router: { hostname: 'rs1', interface: 'eth1', tagVlan: true, backendInterface: 'eth2', backendNetworks: ['10.20.0.0/24'], backendAddress: '10.20.0.1', os: 'debian' },
    options: { advertiseDefaultRoute: false, acceptedPrefixes: ['10.0.0.0/16'], bfd: false },
  };
  await client.query(`update "VirtualInterface" set "authKeyCiphertext" = $1, "routerSettings" = $2 where id = $3`, [
    encryptSecret('bench-bgp-key-0123456789', vifKeyContext(scaleIds.ordinaryVif)),
    JSON.stringify(settings),
    scaleIds.ordinaryVif,
  ]);
  await client.end();
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const kb = (bytes: number) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(bytes >= 10240 ? 0 : 1)} KB` : `${bytes} B`);

export async function runLoadBenchmark(options: LoadOptions): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // the README covers Node 22
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : path.join(tmpdir(), `dx-portal-bench-load-${process.pid}`);
  const keep = Boolean(options.dataDir);
  const children: Managed[] = [];
  await mkdir(dataDir, { recursive: true });
  const pgPort = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, ephemeral: !keep, log: process.env.BENCH_PG_LOG ? (l) => console.error(l) : undefined });
  const proxy = await startCountProxy({ host: '127.0.0.1', port: pgPort });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const exists = (await admin.query(`select 1 from pg_database where datname = 'bench'`)).rowCount;
    await admin.end();
    if (!exists) await server.createDatabase('bench');
    const directUrl = server.urlFor('bench');
    await migrateDatabase(directUrl);
    const probe = new pg.Client({ connectionString: directUrl });
    await probe.connect();
    const seeded = (await probe.query<{ n: number }>(`select count(*)::int as n from "Organisation"`)).rows[0]!.n > 0;
    await probe.end();
    if (!seeded) {
      console.log('Seeding provider scale…');
      const started = performance.now();
      const counts = await seedProviderScale(directUrl, await hashPassword(password));
      console.log(
        `  ${counts.organisations} organisations, ${counts.connections} connections, ${counts.virtualInterfaces} VIFs, ${counts.events} events in ${fmt((performance.now() - started) / 1000, 1)} s`,
      );
    } else {
      console.log(`Reusing the seeded database in ${dataDir}`);
    }

    const [appPort, sandboxPort] = [await freePort(), await freePort()];
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const proxiedUrl = new URL(directUrl);
    proxiedUrl.port = String(proxy.port);
    const secrets = generateSecrets();
    const env: Record<string, string | undefined> = {
      ...sandboxAwsEnv(sandboxUrl),
      ...secrets,
      DATABASE_URL: proxiedUrl.toString(),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      DX_BENCH_FLOOR: '1',
      NODE_ENV: 'production',
    };
    delete env.DX_SANDBOX_CONTROL_URL; // nothing acts out the physical world during a measurement
    const sandbox = startProcess('sandbox', bin('tsx'), ['emulator/main.ts'], {
      cwd: root,
      quiet: true,
      env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: '127.0.0.1' },
    });
    children.push(sandbox);
    await waitForHttp(`${sandboxUrl}/_sandbox/health`, { timeoutMs: 30_000, what: 'The AWS sandbox', died: sandbox.exited });
    await sandboxConnection(sandboxUrl, directUrl);
    await vifKey(directUrl, secrets);

    if (!options.skipBuild || !existsSync(path.join(root, '.next/BUILD_ID'))) await runToEnd('build', bin('next'), ['build'], env);
    const startArgs = ['start', '--port', String(appPort), '--hostname', '127.0.0.1'];
    const web = options.profileDir
      ? startProcess('web', process.execPath, ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`, path.join(root, 'node_modules/next/dist/bin/next'), ...startArgs], { cwd: root, env })
      : startProcess('web', bin('next'), startArgs, { cwd: root, env });
    children.push(web);
    await waitForHttp(`${baseUrl}/sign-in`, { timeoutMs: 60_000, what: 'The web app', died: web.exited });

    const cookies: Record<Who, string> = {
      bigOwner: await signIn(baseUrl, scaleIds.bigOwnerEmail, password),
      smallOwner: await signIn(baseUrl, scaleIds.smallOwnerEmail, password),
      noc: await signIn(baseUrl, scaleIds.nocEmail, password),
      support: await signIn(baseUrl, scaleIds.supportEmail, password),
    };
    if (options.serve) {
      console.log(`\nServing ${baseUrl} (floor: ${baseUrl}/bench/floor); statements go through 127.0.0.1:${proxy.port}. Session cookies:`);
      for (const [who, cookie] of Object.entries(cookies)) console.log(`  ${who.padEnd(10)} ${cookie}`);
      console.log('Ctrl-C stops.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      return;
    }
    const floorUrl = `${baseUrl}/bench/floor`;
    const floorView = await measureView(floorUrl, undefined, proxy);
    if (floorView.status !== 200) throw new Error(`The floor page answered ${floorView.status}`);
    const load = { seconds: options.seconds, connections: options.connections };
    // Warm the JIT and Next's caches before the first comparison.
    await runLoad(floorUrl, undefined, { ...load, seconds: Math.min(5, options.seconds) });

    const selected = options.only ? pages.filter((p) => p.label.includes(options.only!) || p.path.includes(options.only!)) : pages;
    const rows: string[] = [];
    const header = `| page | req/s | floor req/s | × floor | p95 ms | floor p95 ms | × floor p95 | statements/view | bytes/view |`;
    console.log(`\nautocannon c=${options.connections} for ${options.seconds} s per run, each page between two floor runs\n`);
    console.log(header);
    console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
    let floorBefore: LoadResult = await runLoad(floorUrl, undefined, load);
    for (const page of selected) {
      const url = `${baseUrl}${page.path}`;
      const view = await measureView(url, cookies[page.as], proxy);
      if (view.status !== 200) throw new Error(`${page.label} (${page.path}) answered ${view.status}, not 200: ${view.body}`);
      const result = await runLoad(url, cookies[page.as], load);
      const floorAfter = await runLoad(floorUrl, undefined, load);
      const floorRps = (floorBefore.rps + floorAfter.rps) / 2;
      const floorP95 = (floorBefore.p95 + floorAfter.p95) / 2;
      const errors = result.errors ? ` (${result.errors} errors)` : '';
      const row = `| ${page.label}${errors} | ${fmt(result.rps)} | ${fmt(floorRps)} | ${fmt(result.rps / floorRps, 2)} | ${fmt(result.p95)} | ${fmt(floorP95)} | ${fmt(result.p95 / floorP95, 1)} | ${view.statements} | ${kb(view.bytes)} |`;
      rows.push(row);
      console.log(row);
      floorBefore = floorAfter;
    }
    console.log('\nGoal: pages ≥ 0.5× the floor’s req/s with p95 ≤ 3× the floor’s; downloads ≥ 0.5× the floor’s req/s.');
  } finally {
    for (const child of children.reverse()) await stopProcess(child);
    await proxy.close();
    await server.stop();
    if (!keep) await rm(dataDir, { recursive: true, force: true });
  }
}
