import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { DEFAULT_CONFIG, loadConfigFile, type SandboxConfig } from './config.js';
import { registerDxTimers } from './directconnect/lifecycle.js';
import { registerEc2Timers } from './ec2/vpn-gateways.js';
import { Faults } from './faults.js';
import type { RecordedResponse, Runtime } from './runtime.js';
import { createRequestHandler } from './server.js';
import { DEFAULT_DELAYS, type Delays, Scheduler } from './state/clock.js';
import { Store } from './state/store.js';

export type SandboxOptions = {
  /** 0 picks a free port (tests). Default 4566. */
  port?: number;
  host?: string;
  /** Multiplies every AWS-side delay: 1 = demo pace, 0.01 = 100× faster. */
  timeScale?: number;
  /** JSON snapshot: loaded at start, saved on change (debounced) and on close. */
  stateFile?: string;
  /** Accounts: a config object or the path of a JSON config file; default the demo accounts. */
  config?: SandboxConfig | string;
  /** Override individual base delays (seconds at time scale 1). */
  delays?: Partial<Delays>;
  logger?: Logger;
  /** Let non-loopback clients use the control API (e.g. inside a container). */
  allowRemoteControl?: boolean;
  /** Test hook: every raw AWS response (for the model conformance check). */
  onResponse?: (response: RecordedResponse) => void;
};

export type Sandbox = {
  url: string;
  port: number;
  host: string;
  runtime: Runtime;
  close: () => Promise<void>;
};

/** Start the AWS sandbox (Direct Connect, EC2, STS and the control API) on one HTTP server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = typeof options.config === 'string' ? loadConfigFile(options.config) : (options.config ?? DEFAULT_CONFIG);
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const store = new Store(config, options.stateFile);
  const scheduler = new Scheduler(() => store.state, timeScale, () => store.markChanged());
  const delays = { ...DEFAULT_DELAYS, ...options.delays };
  registerDxTimers(scheduler, () => store.state, delays);
  registerEc2Timers(scheduler, () => store.state, delays);
  const runtime: Runtime = {
    store,
    scheduler,
    faults: new Faults(),
    delays,
    config,
    allowRemoteControl: options.allowRemoteControl ?? false,
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  };
  const server: Server = createServer(createRequestHandler(runtime, options.logger));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  scheduler.runDue();
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closed = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    runtime,
    close: async () => {
      if (closed) return;
      closed = true;
      scheduler.stop();
      store.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
