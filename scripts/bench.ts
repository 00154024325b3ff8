/**
 * `npm run bench`: how the portal's hot paths scale, measured on a real PostgreSQL with a
 * realistic volume (many organisations, connections, events). Prints timings and each query's
 * plan summary, so an N+1 or a missing index shows up as a number, not as a flaky test.
 *
 *   npm run bench                       # throwaway embedded PostgreSQL, default volume
 *   npm run bench -- --orgs 100 --per-org 100 --events 20
 *
 * Load mode (scripts/lib/bench/run-load.ts): the production build under autocannon at provider
 * scale, every page next to the framework's floor, with statements and bytes per view.
 *
 *   npm run bench -- --load                          # seed, build, start, measure (about 15 min)
 *   npm run bench -- --load --data-dir .data/bench   # keep the seeded database for the next run
 *   npm run bench -- --load --skip-build --only dashboard --seconds 5
 *   npm run bench -- --load --skip-build --only 'VIF page' --profile /tmp/prof   # V8 CPU profiles of next start
 *   npm run bench -- --load --skip-build --serve     # keep it running and print session cookies
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { generateSecrets } from './lib/local-config';
import { migrateDatabase } from './lib/prisma-migrate';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '50' },
    'per-org': { type: 'string', default: '60' },
    events: { type: 'string', default: '12' },
    runs: { type: 'string', default: '20' },
    load: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'skip-build': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'string' },
    serve: { type: 'boolean', default: false },
  },
});
const orgs = Number(values.orgs);
const perOrg = Number(values['per-org']);
const eventsPer = Number(values.events);
const runs = Number(values.runs);

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(`insert into "Location" (id, code, name, region, "updatedAt") values ('loc1','EqDC2','Equinix DC2','us-east-1', now()) on conflict do nothing`);
  for (let o = 0; o < orgs; o++) {
    const org = `org${o}`;
    await client.query(`insert into "Organisation" (id, name, slug, "updatedAt") values ($1, $2, $1, now())`, [org, `Org ${o}`]);
    await client.query(`insert into "User" (id, email, name, "passwordHash", "updatedAt") values ($1, $2, $3, 'x', now())`, [`u${o}`, `u${o}@bench.example`, `User ${o}`]);
    await client.query(`insert into "Membership" (id, "userId", "orgId", role) values ($1, $2, $3, 'OWNER')`, [`m${o}`, `u${o}`, org]);
    await client.query(`insert into "AwsAccount" (id, "orgId", "accountId", name, "roleArn", "externalId", status, "updatedAt") values ($1, $2, $3, 'Prod', 'arn', $4, 'VERIFIED', now())`, [
      `a${o}`,
      org,
      String(100000000000 + o),
      `ext-${o}`,
    ]);
    const rows: unknown[][] = [];
    for (let c = 0; c < perOrg; c++) {
      rows.push([`c${o}-${c}`, org, `a${o}`, `u${o}`, randomUUID(), `conn-${o}-${c}`, c % 5 === 0 ? 'HOSTED' : 'DEDICATED', `dxcon-${o}x${c}`, ['requested', 'pending', 'available', 'down'][c % 4], c % 7 === 0 ? 'SUBMITTED' : 'ACTIVE']);
    }
    await client.query(
      `insert into "Connection" (id, "orgId", "awsAccountId", "requestedById", "requestGroupId", name, type, bandwidth, "locationId", region, "awsConnectionId", "awsState", "portalStatus", "updatedAt")
       select v[1], v[2], v[3], v[4], v[5], v[6], v[7]::"ConnectionType", '10Gbps', 'loc1', 'us-east-1', v[8], v[9]::"AwsConnectionState", v[10]::"PortalStatus", now()
       from unnest($1::text[]) with ordinality as t(x, i), lateral (select string_to_array(x, '|') as v) s`,
      [rows.map((r) => r.join('|'))],
    );
    await client.query(
      `insert into "Event" ("orgId", "subjectType", "subjectId", "connectionId", source, "actorType", "actorLabel", kind, message, "occurredAt")
       select $1, 'CONNECTION', c.id, c.id, 'AWS', 'AWS', 'AWS', 'connection.awsState', 'bench', now() - (g * interval '1 minute')
       from "Connection" c, generate_series(1, $2) g where c."orgId" = $1`,
      [org, eventsPer],
    );
  }
  await client.query('analyze');
  await client.end();
  return Math.round(performance.now() - started);
}

async function time(label: string, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(52)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}

async function main() {
  const dataDir = path.join(tmpdir(), `dx-portal-bench-${process.pid}`);
  const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    if (server) await server.createDatabase('bench');
    const url = process.env.DATABASE_URL ?? server!.urlFor('bench');
    Object.assign(process.env, generateSecrets(), { DATABASE_URL: url, DX_PROVIDER_ACCOUNT_ID: '111111111111', LOG_LEVEL: 'silent' });
    await migrateDatabase(url);
    console.log(`Seeding ${orgs} organisations × ${perOrg} connections × ${eventsPer} events…`);
    console.log(`seeded in ${await seed(url)} ms\n`);

    const { listConnections, getConnection } = await import('../lib/connections/queries');
    const { customerAttention } = await import('../lib/connections/attention');
    const { db } = await import('../lib/db/client');
    const customer = { kind: 'customer' as const, role: 'CUSTOMER_OWNER' as const, userId: 'u7', name: 'U', email: 'u7@bench.example', orgId: 'org7', orgName: 'Org 7' };
    const support = { kind: 'staff' as const, role: 'SUPPORT' as const, userId: 'u0', name: 'S', email: 's@bench.example' };

    await time('customer connection list, page 1', () => listConnections(customer, {}));
    await time('customer connection list, filtered by state', () => listConnections(customer, { awsState: 'down' }));
    await time('customer dashboard (attention)', () => customerAttention(customer));
    await time(`connection page with ${eventsPer} events`, () => getConnection(customer, 'c7-3'));
    await time('support search by AWS id across all orgs', () => listConnections(support, { q: 'dxcon-42x17' }));
    await time('support search by organisation name', () => listConnections(support, { q: 'Org 42' }));
    await time('support list, page 10', () => listConnections(support, { page: 10 }));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    console.log('\nPlans (index use):');
    for (const [label, sql] of [
      ['connections of one org, newest first', `select id from "Connection" where "orgId" = 'org7' order by "createdAt" desc limit 25`],
      ['timeline of one connection', `select id from "Event" where "connectionId" = 'c7-3' order by "occurredAt", id`],
      ['NOC queue', `select id from "Connection" where "portalStatus" = 'SUBMITTED' order by "createdAt" limit 200`],
      ['sync: tracked connections of an account', `select id from "Connection" where "awsAccountId" = 'a7' and region = 'us-east-1'`],
    ] as const) {
      const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`);
      const first = plan.rows.map((r) => r['QUERY PLAN']).find((l) => /Scan/.test(l)) ?? plan.rows[0]?.['QUERY PLAN'];
      console.log(`  ${label.padEnd(42)} ${first?.trim()}`);
    }
    await client.end();
    await db().$disconnect();
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const run = values.load
  ? () =>
      import('./lib/bench/run-load').then((m) =>
        m.runLoadBenchmark({
          seconds: Number(values.seconds),
          connections: Number(values.connections),
          skipBuild: values['skip-build'],
          dataDir: values['data-dir'],
          only: values.only,
          profileDir: values.profile,
          serve: values.serve,
        }),
      )
  : main;

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
