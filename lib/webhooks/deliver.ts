import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { decryptSecret } from '../crypto/secrets';
import { db } from '../db/client';
import { DELIVERY_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, isNonPublicAddress, maxAttempts, nextAttemptDelay, signatureHeader } from '../domain/webhooks';
import { sandboxMode } from '../env';
import { enqueue } from '../jobs/enqueue';

export const webhookSecretContext = (endpointId: string) => `webhook:${endpointId}`;
/** How long a receiver may take to answer before the attempt counts as failed (and is retried). */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * DNS answers are checked where the connection is made, not only when the URL was saved: a name
 * that resolves to a public address at registration and to 127.0.0.1 later (DNS rebinding) is
 * refused too.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const bad = list.find((a) => isNonPublicAddress(a.address));
    if (bad && !sandboxMode()) return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, which is not a public address; refused.`), { code: 'EDXPRIVATE' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
};

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

function post(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body).toString(), 'User-Agent': 'dx-portal-webhooks/1', ...headers }, lookup: guardedLookup, timeout: timeoutMs },
      (res) => {
        // Read at most a little of the answer: only the status matters.
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) res.destroy();
        });
        res.on('end', () => settle(res.statusCode ?? 0));
        res.on('close', () => settle(res.statusCode ?? 0));
      },
    );
    let done = false;
    const settle = (status: number) => {
      if (done) return;
      done = true;
      if (status >= 200 && status < 300) resolve({ ok: true, status });
      else if (status >= 300 && status < 400) resolve({ ok: false, status, error: `The receiver answered ${status} (a redirect); webhooks do not follow redirects.` });
      else resolve({ ok: false, status, error: `The receiver answered ${status}.` });
    };
    req.on('timeout', () => req.destroy(Object.assign(new Error(`No answer within ${timeoutMs / 1000} s.`), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => {
      if (done) return;
      done = true;
      resolve({ ok: false, status: null, error: error.message.slice(0, 300) });
    });
    req.end(body);
  });
}

export type AttemptResult = { status: 'SENT' | 'PENDING' | 'FAILED' | 'NOTHING'; retryInSeconds?: number };

/**
 * One attempt of a delivery: signs the stored body with a fresh timestamp and posts it. The
 * delivery id (header X-DX-Delivery) stays the same over every attempt, so a receiver that got
 * a delivery twice (the worker died after sending, before recording) can drop the repeat.
 */
export async function attemptDelivery(deliveryId: string, now = new Date(), options: { timeoutMs?: number } = {}): Promise<AttemptResult> {
  const d = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, type: true, payload: true, status: true, attempts: true, endpoint: { select: { id: true, url: true, secretEnc: true, disabledAt: true } } },
  });
  if (!d || d.status !== 'PENDING') return { status: 'NOTHING' };
  if (d.endpoint.disabledAt) {
    await db().webhookDelivery.updateMany({ where: { id: d.id, status: 'PENDING' }, data: { status: 'FAILED', lastError: 'The endpoint was removed before this delivery.', nextAttemptAt: null } });
    return { status: 'FAILED' };
  }
  const body = JSON.stringify(d.payload);
  const secret = decryptSecret(d.endpoint.secretEnc, webhookSecretContext(d.endpoint.id));
  const outcome = await post(new URL(d.endpoint.url), body, {
    [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(now.getTime() / 1000)),
    [DELIVERY_HEADER]: d.id,
    [EVENT_TYPE_HEADER]: d.type,
  }, options.timeoutMs ?? DELIVERY_TIMEOUT_MS);
  const attempts = d.attempts + 1;
  const at = new Date();
  if (outcome.ok) {
    await db().webhookDelivery.updateMany({ where: { id: d.id, status: 'PENDING' }, data: { status: 'SENT', attempts, lastAttemptAt: at, deliveredAt: at, responseStatus: outcome.status, lastError: null, nextAttemptAt: null } });
    return { status: 'SENT' };
  }
  const delay = nextAttemptDelay(attempts);
  return db().$transaction(async (tx) => {
    await tx.webhookDelivery.updateMany({
      where: { id: d.id, status: 'PENDING' },
      data: delay === null
        ? { status: 'FAILED', attempts, lastAttemptAt: at, responseStatus: outcome.status, lastError: `${outcome.error} Gave up after ${maxAttempts} attempts.`, nextAttemptAt: null }
        : { attempts, lastAttemptAt: at, responseStatus: outcome.status, lastError: outcome.error, nextAttemptAt: new Date(at.getTime() + delay * 1000) },
    });
    if (delay === null) return { status: 'FAILED' as const };
    await enqueue(tx, 'deliverWebhook', { deliveryId: d.id }, { startAfterSeconds: delay });
    return { status: 'PENDING' as const, retryInSeconds: delay };
  });
}
