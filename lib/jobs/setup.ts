import PgBoss from 'pg-boss';
import { queues } from './queues';

/**
 * Installs or upgrades pg-boss's schema and creates or updates every queue. Part of applying
 * migrations (dev command, test runner, `npm run db:migrate`), so the web app can enqueue from
 * its first request.
 */
export async function ensureJobQueues(connectionString: string, options: { expireInSeconds?: number } = {}): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 2, supervise: false, schedule: false, migrate: true });
  boss.on('error', () => {});
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const definition of Object.values(queues)) {
      const config = { name: definition.name, expireInSeconds: options.expireInSeconds ?? 300, ...definition.options };
      if (existing.has(definition.name)) await boss.updateQueue(definition.name, config);
      else await boss.createQueue(definition.name, config);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
