import { z } from 'zod';

/**
 * Every background job: its queue, payload schema and retry policy. pg-boss stores jobs in
 * PostgreSQL (schema `pgboss`); `stately` queues hold at most one waiting and one running job per
 * singleton key, so repeated "sync now" clicks or approvals collapse into one job.
 */
export const queues = {
  provisionConnection: {
    name: 'provision-connection',
    payload: z.object({ connectionId: z.string().min(1) }),
    options: { policy: 'stately', retryLimit: 8, retryDelay: 5, retryBackoff: true },
  },
  fetchLoa: {
    name: 'fetch-loa',
    payload: z.object({ connectionId: z.string().min(1) }),
    options: { policy: 'stately', retryLimit: 8, retryDelay: 5, retryBackoff: true },
  },
  decommissionConnection: {
    name: 'decommission-connection',
    payload: z.object({ connectionId: z.string().min(1) }),
    options: { policy: 'stately', retryLimit: 8, retryDelay: 5, retryBackoff: true },
  },
  syncAccount: {
    name: 'sync-account',
    payload: z.object({ awsAccountId: z.string().min(1), region: z.string().min(1) }),
    // No retries: the schedule enqueues a fresh sync every interval anyway, and a job waiting to
    // be retried would hold the one queued slot a stately queue allows, delaying "sync now".
    options: { policy: 'stately', retryLimit: 0 },
  },
  syncAll: {
    name: 'sync-all',
    payload: z.object({}).passthrough(),
    options: { policy: 'stately', retryLimit: 0 },
  },
  reminders: {
    name: 'reminders',
    payload: z.object({}).passthrough(),
    options: { policy: 'stately', retryLimit: 1 },
  },
  /** Turns outbox rows into inbox rows, emails and webhook deliveries. */
  dispatchNotifications: {
    name: 'dispatch-notifications',
    payload: z.object({}).passthrough(),
    options: { policy: 'stately', retryLimit: 3, retryDelay: 5 },
  },
  /** One email to one user; (event, user) is unique, and a sent email is never sent again. */
  sendEmail: {
    name: 'send-email',
    payload: z.object({ notificationId: z.string().min(1) }),
    // 8 retries from 30 s doubling: the last is about two hours after the first try.
    options: { policy: 'stately', retryLimit: 8, retryDelay: 30, retryBackoff: true },
  },
  /** One webhook delivery attempt; the job re-enqueues itself on the delivery's own schedule. */
  deliverWebhook: {
    name: 'deliver-webhook',
    payload: z.object({ deliveryId: z.string().min(1) }),
    options: { policy: 'stately', retryLimit: 2, retryDelay: 30 },
  },
} as const;

export type QueueKey = keyof typeof queues;
export type JobPayload<K extends QueueKey> = z.infer<(typeof queues)[K]['payload']>;

/** The singleton key of a job: one waiting + one running job per subject. */
export function singletonKeyFor<K extends QueueKey>(queue: K, payload: JobPayload<K>): string {
  const p = payload as Record<string, unknown>;
  if ('connectionId' in p) return String(p.connectionId);
  if ('notificationId' in p) return String(p.notificationId);
  if ('deliveryId' in p) return String(p.deliveryId);
  if ('awsAccountId' in p) return `${String(p.awsAccountId)}:${String(p.region)}`;
  return queue;
}
