import path from 'node:path';
import { startProcess, stopProcess, type Managed } from '../../scripts/lib/processes';

/**
 * Real worker processes for crash tests: started with a fast job maintenance loop (so a dead
 * worker's expired claim is retried soon) and stopped after each test.
 */
export class WorkerProcesses {
  private readonly running: Managed[] = [];

  start(): Managed {
    const worker = startProcess('worker', path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
      quiet: !process.env.DX_TEST_VERBOSE,
      env: { DX_JOB_MAINTENANCE_SECONDS: '1', DX_SYNC_INTERVAL_SECONDS: '3600', LOG_LEVEL: process.env.DX_TEST_VERBOSE ? 'debug' : 'warn' },
    });
    this.running.push(worker);
    return worker;
  }

  /** Kills a worker at once, as a crash would (no graceful shutdown). */
  async kill(worker: Managed): Promise<void> {
    process.kill(-worker.child.pid!, 'SIGKILL');
    await worker.exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((w) => stopProcess(w, 2000)));
  }
}

/** Polls until the probe returns something truthy, or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
