import 'server-only';
import { randomBytes } from 'node:crypto';
import { can, type Actor } from '../auth/permissions';
import { encryptSecret } from '../crypto/secrets';
import { db } from '../db/client';
import { orgScope, readScope } from '../db/scope';
import { webhookUrlProblem } from '../domain/webhooks';
import { enqueue } from '../jobs/enqueue';
import { sandboxMode } from '../env';
import { forbidden, invalid, notFound } from '../errors';
import { webhookSecretContext } from './deliver';
import type { CreateWebhookInput } from './schema';

export const DELIVERY_PAGE_SIZE = 50;

function requireRead(actor: Actor) {
  if (!can(actor, 'webhook.read')) throw forbidden();
  return readScope(actor);
}

function requireManage(actor: Actor) {
  if (!can(actor, 'webhook.manage')) throw forbidden('Only an owner of the organisation can manage webhooks.');
  return orgScope(actor);
}

/** Endpoints the reader may see: their organisation's, or (staff) everyone's. Never the secret. */
export async function listWebhooks(actor: Actor) {
  const scope = requireRead(actor);
  return db().webhookEndpoint.findMany({
    where: { ...scope, disabledAt: null },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, url: true, description: true, eventTypes: true, secretHint: true, createdAt: true, org: { select: { name: true } }, deliveries: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, createdAt: true, responseStatus: true } } },
  });
}

/**
 * Registers an endpoint and returns its signing secret: the only time anyone sees it. The
 * secret is stored encrypted (the worker needs it to sign), never hashed beyond recovery.
 */
export async function createWebhook(actor: Actor, input: CreateWebhookInput): Promise<{ id: string; secret: string }> {
  const scope = requireManage(actor);
  const problem = webhookUrlProblem(input.url, { allowPrivate: sandboxMode(), allowHttp: sandboxMode() });
  if (problem) throw invalid(problem, 'url');
  const count = await db().webhookEndpoint.count({ where: { ...scope, disabledAt: null } });
  if (count >= 10) throw invalid('An organisation can have at most 10 webhooks; remove one first.', 'url');
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { ...scope, url: input.url, description: input.description || null, eventTypes: [...new Set(input.eventTypes)], secretEnc: 'pending', secretHint: secret.slice(0, 10), createdById: actor.userId },
      select: { id: true },
    });
    await tx.webhookEndpoint.update({ where: { id: row.id }, data: { secretEnc: encryptSecret(secret, webhookSecretContext(row.id)) } });
    return { id: row.id, secret };
  });
}

/** Removes an endpoint: nothing more is sent to it; its delivery log stays readable. */
export async function removeWebhook(actor: Actor, id: string): Promise<void> {
  const scope = requireManage(actor);
  const updated = await db().webhookEndpoint.updateMany({ where: { ...scope, id, disabledAt: null }, data: { disabledAt: new Date() } });
  if (updated.count === 0) throw notFound('That webhook');
}

/** One endpoint with a page of its deliveries, newest first. */
export async function webhookWithDeliveries(actor: Actor, id: string, page = 1) {
  const scope = requireRead(actor);
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { ...scope, id },
    select: { id: true, orgId: true, url: true, description: true, eventTypes: true, secretHint: true, createdAt: true, disabledAt: true, org: { select: { name: true } } },
  });
  if (!endpoint) return null;
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * DELIVERY_PAGE_SIZE,
    take: DELIVERY_PAGE_SIZE + 1,
    select: { id: true, type: true, status: true, attempts: true, responseStatus: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, deliveredAt: true, createdAt: true, eventId: true, payload: true },
  });
  return { endpoint, deliveries: rows.slice(0, DELIVERY_PAGE_SIZE), hasMore: rows.length > DELIVERY_PAGE_SIZE };
}

/** Sends a delivery again now (same body, same delivery id), whatever its state. */
export async function resendDelivery(actor: Actor, deliveryId: string): Promise<void> {
  const scope = requireManage(actor);
  await db().$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, ...scope, endpoint: { disabledAt: null } },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (updated.count === 0) throw notFound('That delivery');
    await enqueue(tx, 'deliverWebhook', { deliveryId });
  });
}
