import 'server-only';
import PgBoss from 'pg-boss';
import type { Tx } from '../db/client';
import { env } from '../env';
import { queues, singletonKeyFor, type JobPayload, type QueueKey } from './queues';

type Boss = InstanceType<typeof PgBoss>;
const globalForBoss = globalThis as unknown as { dxPortalBoss?: Promise<Boss> };

/** A pg-boss handle for sending only: no maintenance, no schedules, no migrations. */
function sender(): Promise<Boss> {
  globalForBoss.dxPortalBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 2, supervise: false, schedule: false, migrate: false });
    boss.on('error', () => {});
    await boss.start();
    return boss;
  })();
  return globalForBoss.dxPortalBoss;
}

/** Lets pg-boss write its job row through a Prisma transaction, so the job commits with our data. */
function through(tx: Tx) {
  return {
    async executeSql(text: string, values: unknown[]) {
      const params = values.map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v));
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}

/**
 * Enqueues a job inside the caller's transaction: if the transaction rolls back, no job exists;
 * if it commits, the job does. Returns null when an equal job is already waiting.
 */
export async function enqueue<K extends QueueKey>(tx: Tx, queue: K, payload: JobPayload<K>, options: { startAfterSeconds?: number } = {}): Promise<string | null> {
  const definition = queues[queue];
  const data = definition.payload.parse(payload);
  const boss = await sender();
  return boss.send(definition.name, data, {
    singletonKey: singletonKeyFor(queue, payload),
    startAfter: options.startAfterSeconds,
    db: through(tx),
  });
}
