import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type Managed = { name: string; child: ChildProcess; exited: Promise<number | null> };

const colours = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
let next = 0;

/** Starts a child process whose output is prefixed with its name (and copied to `logFile` when given). */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; quiet?: boolean; logFile?: string } = {},
): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const colour = colours[next++ % colours.length];
  const prefix = process.stdout.isTTY ? `${colour}${name.padEnd(8)}\x1b[0m│ ` : `${name.padEnd(8)}│ `;
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      log?.write(`${line}\n`);
      if (!options.quiet) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (log) void exited.then(() => log.end());
  return { name, child, exited };
}

/** Stops a child and its own children (it leads a process group), escalating to SIGKILL. */
export async function stopProcess(managed: Managed, timeoutMs = 10_000): Promise<void> {
  const { child } = managed;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  await managed.exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers (any status below 500) or the deadline passes. */
export async function waitForHttp(url: string, options: { timeoutMs: number; what: string; died?: Promise<unknown> }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let dead = false;
  void options.died?.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${options.what} exited before it was ready`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${options.what} did not answer at ${url} within ${Math.round(options.timeoutMs / 1000)} s`);
}
