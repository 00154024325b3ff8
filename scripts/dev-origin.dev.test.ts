import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './lib/embedded-postgres';
import { startProcess, stopProcess, waitForHttp, type Managed } from './lib/processes';
import { root } from './lib/prisma-migrate';

/**
 * The real `next dev` with this project's next.config.ts: its dev resources (scripts, hot reload)
 * must answer a page opened at either loopback address, and still refuse other sites.
 */
let server: Managed;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = startProcess('next-dev', path.join(root, 'node_modules/.bin/next'), ['dev', '--port', String(port)], {
    cwd: root,
    quiet: !process.env.DX_TEST_VERBOSE,
    env: { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
  });
  await waitForHttp(`http://127.0.0.1:${port}/_next/dev-origin-probe`, { timeoutMs: 60_000, what: 'next dev', died: server.exited });
}, 90_000);

afterAll(async () => {
  if (server) await stopProcess(server);
});

async function devResource(origin: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/_next/dev-origin-probe`, { headers: { origin } });
  return response.status;
}

describe('next dev on loopback', () => {
  it.each(['http://localhost', 'http://127.0.0.1', 'http://[::1]'])('serves its dev resources to a page opened at %s', async (host) => {
    expect(await devResource(`${host}:${port}`)).not.toBe(403);
  });

  it('still refuses them to another site', async () => {
    expect(await devResource('http://attacker.example')).toBe(403);
  });
});
