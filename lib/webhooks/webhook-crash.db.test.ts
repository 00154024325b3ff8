import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedAwsAccount, seedConnection, seedProviderFootprint } from '../db/seed/factories';
import { verifySignature } from '../domain/webhooks';
import { connectionSubject, recordEvent, systemActor } from '../events/record';
import { dispatchNotifications } from '../notifications/dispatch';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { WorkerProcesses, until } from '../test/worker-process';
import { createWebhook } from './endpoints';

/**
 * The worker dies while a receiver is still reading a delivery (after the bytes left, before the
 * worker recorded the answer). The job comes back on a new worker, which sends the same delivery
 * again: same delivery id, same body, one delivery row. A receiver that keeps the ids it has seen
 * (as the README's snippet shows) therefore processes the event exactly once.
 */
type Hit = { headers: IncomingMessage['headers']; body: string };
let server: Server;
let base: string;
const hits: Hit[] = [];
/** The first request is held open (the worker is killed meanwhile); later ones get 200. */
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      if (hits.length === 1) return void held.push(res);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const res of held) res.end();
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const workers = new WorkerProcesses();
afterEach(() => workers.stopAll());

describe('a worker killed in the middle of a webhook delivery', () => {
  it('is replaced by one that sends the same delivery again, never a second one', { timeout: 150_000 }, async () => {
    const db = testDb();
    const owner = await seedActor(db, 'CUSTOMER_OWNER');
    const orgId = owner.kind === 'customer' ? owner.orgId : '';
    const { id: endpointId, secret } = await createWebhook(owner, { url: `${base}/crash`, eventTypes: ['connection.state_changed'] });
    const { locations } = await seedProviderFootprint(db);
    const account = await seedAwsAccount(db, { orgId });
    const connection = await seedConnection(db, { orgId, awsAccountId: account.id, requestedById: owner.userId, locationId: locations.eqdc2.id, name: 'wh-crash-1', awsConnectionId: 'dxcon-whcrash1', awsState: 'available', portalStatus: 'ACTIVE' });
    await db.$transaction((tx) =>
      recordEvent(tx, { ...connectionSubject(connection), source: 'AWS', actor: systemActor, kind: 'connection.awsState', fromState: 'pending', toState: 'available', message: 'AWS reports the connection available.' }),
    );
    // The dispatcher writes the delivery and enqueues its job in one transaction.
    await dispatchNotifications();
    const [delivery] = await db.webhookDelivery.findMany({ where: { endpointId } });
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0 });

    const first = workers.start();
    await until('the first worker to send the delivery', async () => hits.length === 1, 90_000);
    await workers.kill(first);
    // Nothing was recorded: the worker died before the answer.
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: 'PENDING', attempts: 0 });

    // A new worker picks the job up once the dead worker's claim expires, and sends it again.
    workers.start();
    const done = await until('the replacement worker to deliver', async () => {
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
      return row.status === 'SENT' ? row : null;
    }, 90_000);
    expect(done).toMatchObject({ attempts: 1, responseStatus: 204 });

    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.headers['x-dx-delivery'])).toEqual([delivery!.id, delivery!.id]);
    expect(hits[1]!.body).toBe(hits[0]!.body);
    expect(verifySignature(secret, hits[1]!.body, String(hits[1]!.headers['x-dx-signature']), Math.floor(Date.now() / 1000))).toMatchObject({ ok: true });
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(1);

    // A dispatcher run again (say it too was interrupted) makes no second delivery of the event.
    await db.notificationOutbox.updateMany({ where: { eventId: delivery!.eventId }, data: { dispatchedAt: null } });
    await dispatchNotifications();
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(1);
  });
});
