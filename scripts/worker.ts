/**
 * The background worker process (`npm run worker`; the dev command and tests start it too).
 * Run as many as you like against one database.
 */
import { startWorker } from '../lib/jobs/worker';

async function main(): Promise<void> {
  const worker = await startWorker({
    maintenanceIntervalSeconds: process.env.DX_JOB_MAINTENANCE_SECONDS ? Number(process.env.DX_JOB_MAINTENANCE_SECONDS) : undefined,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
