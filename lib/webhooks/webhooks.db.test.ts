import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedAwsAccount, seedConnection, seedProviderFootprint } from '../db/seed/factories';
import { verifySignature } from '../domain/webhooks';
import { connectionSubject, recordEvent, systemActor } from '../events/record';
import { dispatchNotifications } from '../notifications/dispatch';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { attemptDelivery } from './deliver';
import { createWebhook, listWebhooks, removeWebhook, resendDelivery, webhookWithDeliveries } from './endpoints';

/** A real HTTP receiver on loopback (allowed because the tests run in sandbox mode). */
type Hit = { headers: IncomingMessage['headers']; body: string };
let server: Server;
let base: string;
const hits: Hit[] = [];
/** Statuses to answer with, in order (then 200); 0 means "never answer" (the request is held open). */
let answers: number[] = [];
const held: Array<{ end: () => void }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      const answer = answers.shift() ?? 200;
      if (answer === 0) return void held.push(res);
      res.statusCode = answer;
      res.end('ok');
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

const orgOf = (a: Actor) => (a.kind === 'customer' ? a.orgId : '');

async function availableEvent(owner: Actor, name: string) {
  const db = testDb();
  const { locations } = await seedProviderFootprint(db);
  const account = await seedAwsAccount(db, { orgId: orgOf(owner) });
  const connection = await seedConnection(db, { orgId: orgOf(owner), awsAccountId: account.id, requestedById: owner.userId, locationId: locations.eqdc2.id, name, awsConnectionId: `dxcon-${name}`, awsState: 'available', portalStatus: 'ACTIVE' });
  await db.$transaction((tx) =>
    recordEvent(tx, { ...connectionSubject(connection), source: 'AWS', actor: systemActor, kind: 'connection.awsState', fromState: 'pending', toState: 'available', message: 'AWS reports the connection available.' }),
  );
  await dispatchNotifications();
  return connection;
}

describe('webhooks', () => {
  it('delivers a signed event, retries after a 500 with backoff, and a resend repeats the same delivery', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const path = `/hook-${Date.now()}`;
    const { id, secret } = await createWebhook(owner, { url: `${base}${path}`, eventTypes: ['connection.state_changed'] });
    expect(secret).toMatch(/^whsec_/);
    const connection = await availableEvent(owner, 'wh-retry-1');

    const { deliveries } = (await webhookWithDeliveries(owner, id))!;
    expect(deliveries).toHaveLength(1);
    const deliveryId = deliveries[0]!.id;

    answers = [500];
    const first = await attemptDelivery(deliveryId);
    expect(first).toEqual({ status: 'PENDING', retryInSeconds: 30 });
    let row = (await webhookWithDeliveries(owner, id))!.deliveries[0]!;
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: 500 });
    expect(row.lastError).toContain('500');

    const second = await attemptDelivery(deliveryId);
    expect(second).toEqual({ status: 'SENT' });
    row = (await webhookWithDeliveries(owner, id))!.deliveries[0]!;
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, responseStatus: 200 });
    expect(await attemptDelivery(deliveryId)).toEqual({ status: 'NOTHING' }); // a repeated job sends nothing

    const mine = hits.filter((h) => h.headers['x-dx-delivery'] === deliveryId);
    expect(mine).toHaveLength(2);
    const hit = mine[1]!;
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secret, hit.body, String(hit.headers['x-dx-signature']), now)).toMatchObject({ ok: true });
    expect(verifySignature('whsec_wrong', hit.body, String(hit.headers['x-dx-signature']), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, hit.body, String(hit.headers['x-dx-signature']), now + 3600)).toEqual({ ok: false, reason: 'stale' });
    const body = JSON.parse(hit.body) as { type: string; object: { id: string; awsId: string }; toState: string };
    expect(body).toMatchObject({ type: 'connection.state_changed', object: { id: connection.id, awsId: 'dxcon-wh-retry-1' }, toState: 'available' });

    await resendDelivery(owner, deliveryId);
    expect(await attemptDelivery(deliveryId)).toEqual({ status: 'SENT' });
    expect(hits.filter((h) => h.headers['x-dx-delivery'] === deliveryId)).toHaveLength(3);
  });

  it('counts a receiver that does not answer in time as a failed attempt and retries it', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const { id } = await createWebhook(owner, { url: `${base}/slow-${Date.now()}`, eventTypes: ['connection.state_changed'] });
    await availableEvent(owner, 'wh-timeout-1');
    const deliveryId = (await webhookWithDeliveries(owner, id))!.deliveries[0]!.id;

    answers = [0];
    const started = Date.now();
    expect(await attemptDelivery(deliveryId, new Date(), { timeoutMs: 300 })).toEqual({ status: 'PENDING', retryInSeconds: 30 });
    expect(Date.now() - started).toBeLessThan(5_000); // the attempt gave up; it did not wait for the receiver
    const row = (await webhookWithDeliveries(owner, id))!.deliveries[0]!;
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: null, lastError: 'No answer within 0.3 s.' });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 25_000);

    expect(await attemptDelivery(deliveryId, new Date(), { timeoutMs: 300 })).toEqual({ status: 'SENT' });
    expect((await webhookWithDeliveries(owner, id))!.deliveries[0]).toMatchObject({ status: 'SENT', attempts: 2, responseStatus: 200, lastError: null });
  });

  it('sends nothing for unsubscribed types, other organisations, or removed endpoints', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const other = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const onlyVifs = await createWebhook(owner, { url: `${base}/vifs`, eventTypes: ['vif.state_changed'] });
    const others = await createWebhook(other, { url: `${base}/other`, eventTypes: ['connection.state_changed'] });
    const removed = await createWebhook(owner, { url: `${base}/removed`, eventTypes: ['connection.state_changed'] });
    await removeWebhook(owner, removed.id);
    await availableEvent(owner, 'wh-quiet-1');
    for (const w of [onlyVifs, others, removed]) {
      const owning = w === others ? other : owner;
      expect((await webhookWithDeliveries(owning, w.id))!.deliveries).toEqual([]);
    }
  });

  it('lets only the owner manage webhooks, and nobody see another organisation’s', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const member = await seedActor(testDb(), 'CUSTOMER_MEMBER', { orgId: orgOf(owner) });
    const foreign = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const noc = await seedActor(testDb(), 'NOC');
    const support = await seedActor(testDb(), 'SUPPORT');
    const hook = await createWebhook(owner, { url: `${base}/authz`, eventTypes: ['connection.requested'] });

    for (const actor of [member, noc, support]) {
      await expect(createWebhook(actor, { url: `${base}/x`, eventTypes: ['connection.requested'] })).rejects.toThrow(/owner/);
      await expect(removeWebhook(actor, hook.id)).rejects.toThrow(/owner/);
    }
    await expect(removeWebhook(foreign, hook.id)).rejects.toThrow(/not found/i);
    expect(await webhookWithDeliveries(foreign, hook.id)).toBeNull();
    expect((await listWebhooks(foreign)).map((w) => w.id)).not.toContain(hook.id);
    expect((await listWebhooks(member)).map((w) => w.id)).toContain(hook.id);
    expect((await listWebhooks(support)).map((w) => w.id)).toContain(hook.id);
    const listed = JSON.stringify(await listWebhooks(owner));
    expect(listed).not.toContain('secretEnc');
    expect(listed).not.toMatch(/whsec_[A-Za-z0-9_-]{20,}/);
  });

  it('refuses a URL that is not a URL, with a message naming the field', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    await expect(createWebhook(owner, { url: 'ftp://127.0.0.1/x', eventTypes: ['connection.requested'] })).rejects.toThrow('Webhook URLs must use https:// (or http://');
  });
});
