import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountProxy, type CountProxy } from '../../scripts/lib/bench/pg-count-proxy';
import type { Actor } from '../auth/permissions';
import { createDbClient, type DbClient } from '../db/client';
import { seedAwsAccount, seedConnection, seedProviderFootprint } from '../db/seed/factories';
import { TIMELINE_PAGE_SIZE } from '../events/timeline';
import { nocQueue } from '../noc/queue';
import { seedActor } from '../test/actors';
import { customerAttention } from './attention';
import { connectionVersion, getConnection, listConnections } from './queries';

// Query-count regressions: what a page's data costs must not grow with the organisation or the
// timeline. Statements are counted on the wire by the benchmark's proxy in front of PostgreSQL.
let proxy: CountProxy;
let direct: DbClient;
const holder = globalThis as unknown as { dxPortalDb?: DbClient };

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? '');
  direct = holder.dxPortalDb ?? createDbClient(url.toString());
  proxy = await startCountProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  holder.dxPortalDb = createDbClient(url.toString());
});

afterAll(async () => {
  await holder.dxPortalDb?.$disconnect();
  holder.dxPortalDb = direct;
  await proxy.close();
});

async function statements(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the pool: opening connections is not the page's cost
  proxy.reset();
  await run();
  return proxy.snapshot().statements;
}

async function organisation(connections: number, eventsOnFirst: number) {
  const { locations } = await seedProviderFootprint(direct);
  const owner = await seedActor(direct, 'CUSTOMER_OWNER');
  if (owner.kind !== 'customer') throw new Error('unreachable');
  const account = await seedAwsAccount(direct, { orgId: owner.orgId });
  const ids: string[] = [];
  for (let i = 0; i < connections; i++) {
    const states = ['available', 'down', 'pending', 'ordering'] as const;
    const c = await seedConnection(direct, {
      orgId: owner.orgId,
      awsAccountId: account.id,
      requestedById: owner.userId,
      locationId: locations.eqdc2.id,
      portalStatus: i % 5 === 0 ? 'SUBMITTED' : 'ACTIVE',
      awsState: i % 5 === 0 ? undefined : states[i % 4],
      awsConnectionId: i % 5 === 0 ? undefined : `dxcon-cost${owner.orgId.slice(-6)}${i}`,
    });
    ids.push(c.id);
  }
  await direct.event.createMany({
    data: Array.from({ length: eventsOnFirst }, (_, i) => ({
      orgId: owner.orgId,
      subjectType: 'CONNECTION' as const,
      subjectId: ids[1]!,
      connectionId: ids[1]!,
      source: 'AWS' as const,
      actorType: 'AWS' as const,
      actorLabel: 'AWS',
      kind: 'test',
      message: `event ${i}`,
    })),
  });
  return { owner: owner as Actor, heavy: ids[1]! };
}

describe('page cost', () => {
  it('the dashboard, the list and the connection page run as many statements for 60 connections and 400 events as for 3 and 2', async () => {
    const small = await organisation(3, 2);
    const big = await organisation(60, 400);
    for (const [name, run] of [
      ['dashboard', (o: Actor) => customerAttention(o)],
      ['connection list', (o: Actor) => listConnections(o, {})],
    ] as const) {
      const [few, many] = [await statements(() => run(small.owner)), await statements(() => run(big.owner))];
      expect(many, name).toBe(few);
    }
    const [few, many] = [await statements(() => getConnection(small.owner, small.heavy)), await statements(() => getConnection(big.owner, big.heavy))];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
    const page = await getConnection(big.owner, big.heavy);
    expect(page?.timeline.events).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(page?.timeline.older).toBeTruthy();
  });

  it('a live-refresh version is one statement, and changes when an event is recorded', async () => {
    const big = await organisation(2, 50);
    expect(await statements(() => connectionVersion(big.owner, big.heavy))).toBe(1);
    const before = await connectionVersion(big.owner, big.heavy);
    await direct.event.create({
      data: { orgId: (big.owner as Extract<Actor, { kind: 'customer' }>).orgId, subjectType: 'CONNECTION', subjectId: big.heavy, connectionId: big.heavy, source: 'PORTAL', actorType: 'SYSTEM', actorLabel: 'test', kind: 'test', message: 'new' },
    });
    expect(await connectionVersion(big.owner, big.heavy)).not.toBe(before);
  });

  it('the NOC queue costs the same for 1 waiting request as for 40, and shows a page of them', async () => {
    const noc = await seedActor(direct, 'NOC');
    await organisation(5, 0);
    const one = await statements(() => nocQueue(noc));
    await organisation(200, 0);
    expect(await statements(() => nocQueue(noc))).toBe(one);
    const queue = await nocQueue(noc);
    expect(queue.groups.length).toBeLessThanOrEqual(25);
    expect(queue.waiting).toBeGreaterThanOrEqual(41);
  });
});
