import { pino } from 'pino';
import { startSandbox } from './sandbox.js';

/** `npm run sandbox`: SANDBOX_HOST, SANDBOX_PORT, SANDBOX_TIME_SCALE, SANDBOX_STATE_FILE, SANDBOX_CONFIG. */
async function main(): Promise<void> {
  const env = process.env;
  const log = pino({ name: 'aws-sandbox', level: env['SANDBOX_LOG_LEVEL'] ?? 'info' });
  const port = Number(env['SANDBOX_PORT'] ?? 4566);
  const timeScale = Number(env['SANDBOX_TIME_SCALE'] ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got ${env['SANDBOX_PORT'] ?? ''}`);
  if (!(timeScale > 0)) throw new Error(`SANDBOX_TIME_SCALE must be a positive number, got ${env['SANDBOX_TIME_SCALE'] ?? ''}`);
  const sandbox = await startSandbox({
    port,
    host: env['SANDBOX_HOST'] || '127.0.0.1',
    timeScale,
    ...(env['SANDBOX_STATE_FILE'] ? { stateFile: env['SANDBOX_STATE_FILE'] } : {}),
    ...(env['SANDBOX_CONFIG'] ? { config: env['SANDBOX_CONFIG'] } : {}),
    allowRemoteControl: env['SANDBOX_ALLOW_REMOTE_CONTROL'] === '1',
    logger: log,
  });
  log.info({ url: sandbox.url, timeScale, stateFile: env['SANDBOX_STATE_FILE'] ?? null }, 'AWS sandbox listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`aws-sandbox failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
