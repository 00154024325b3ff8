import 'server-only';
import PgBoss from 'pg-boss';
import { fetchLoa } from '../connections/loa';
import { provisionConnection } from '../connections/provision';
import { runDecommission } from '../connections/decommission';
import { runReminders } from '../connections/reminders';
import { dispatchNotifications } from '../notifications/dispatch';
import { sendNotificationEmail, smtpMissing } from '../notifications/email';
import { attemptDelivery } from '../webhooks/deliver';
import { db } from '../db/client';
import { env } from '../env';
import { childLogger, logger } from '../log';
import { scheduleAllSyncs, syncAccount } from '../sync/account';
import { enqueue } from './enqueue';
import { queues, type QueueKey } from './queues';

type Handler<K extends QueueKey> = (data: ReturnType<(typeof queues)[K]['payload']['parse']>, attempt: { retryCount: number; retryLimit: number; jobId: string }) => Promise<void>;

const handlers: { [K in QueueKey]: Handler<K> } = {
  provisionConnection: (data, attempt) => provisionConnection(data.connectionId, attempt, childLogger({ job: 'provision-connection', jobId: attempt.jobId })),
  fetchLoa: (data) => fetchLoa(data.connectionId),
  decommissionConnection: (data, attempt) => runDecommission(data.connectionId, attempt),
  syncAccount: (data, attempt) => syncAccount(data.awsAccountId, data.region, childLogger({ job: 'sync-account', jobId: attempt.jobId })),
  syncAll: async () => {
    await scheduleAllSyncs();
  },
  reminders: async () => {
    const sent = await runReminders();
    if (sent > 0) logger().info({ sent }, 'reminders sent');
  },
  dispatchNotifications: async () => {
    const result = await dispatchNotifications();
    if (result.events > 0) logger().info(result, 'notifications dispatched');
  },
  sendEmail: (data, attempt) => sendNotificationEmail(data.notificationId, attempt),
  deliverWebhook: async (data) => {
    await attemptDelivery(data.deliveryId);
  },
};

export type RunningWorker = { stop(): Promise<void> };

/** Jobs of one queue run one at a time per work loop; syncs are many and short, so they get more loops. */
const loopsPerQueue: Record<QueueKey, number> = {
  provisionConnection: 2,
  fetchLoa: 1,
  decommissionConnection: 1,
  syncAccount: 4,
  syncAll: 1,
  reminders: 1,
  dispatchNotifications: 1,
  sendEmail: 2,
  deliverWebhook: 4,
};

/**
 * The background worker: claims jobs from PostgreSQL (row locks, so any number of workers can
 * run), runs maintenance (expired jobs of a crashed worker are retried), and enqueues the
 * periodic sync and reminders.
 */
export async function startWorker(options: { maintenanceIntervalSeconds?: number; pollingIntervalSeconds?: number } = {}): Promise<RunningWorker> {
  const log = logger().child({ component: 'worker' });
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    max: 5,
    application_name: 'dx-portal-worker',
    supervise: true,
    schedule: false,
    migrate: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
  await boss.start();

  for (const key of Object.keys(queues) as QueueKey[]) {
    const definition = queues[key];
    for (let loop = 0; loop < loopsPerQueue[key]; loop++) {
      await boss.work(definition.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async ([job]) => {
        if (!job) return;
        const data = definition.payload.parse(job.data);
        const handler = handlers[key] as Handler<typeof key>;
        const started = Date.now();
        try {
          await handler(data as never, { retryCount: job.retryCount, retryLimit: job.retryLimit, jobId: job.id });
        } catch (error) {
          log.warn({ err: error, queue: definition.name, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }, 'job failed');
          throw error;
        } finally {
          log.debug({ queue: definition.name, jobId: job.id, waitedMs: started - new Date(job.createdOn).getTime(), ms: Date.now() - started }, 'job finished');
        }
      });
    }
  }

  if (!env().SMTP_URL) log.error(smtpMissing);

  const tick = async (queue: 'syncAll' | 'reminders' | 'dispatchNotifications') => {
    try {
      await db().$transaction((tx) => enqueue(tx, queue, {}));
    } catch (error) {
      log.error({ err: error, queue }, 'could not enqueue periodic job');
    }
  };
  const syncTimer = setInterval(() => void tick('syncAll'), env().DX_SYNC_INTERVAL_SECONDS * 1000);
  const reminderTimer = setInterval(() => void tick('reminders'), 60 * 60 * 1000);
  // Every outbox row wakes the dispatcher itself; this only catches rows left by a crash.
  const dispatchTimer = setInterval(() => void tick('dispatchNotifications'), 60 * 1000);
  void tick('dispatchNotifications');
  void tick('syncAll');
  void tick('reminders');
  log.info({ queues: Object.values(queues).map((q) => q.name) }, 'worker started');

  return {
    async stop() {
      clearInterval(syncTimer);
      clearInterval(reminderTimer);
      clearInterval(dispatchTimer);
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      log.info('worker stopped');
    },
  };
}
