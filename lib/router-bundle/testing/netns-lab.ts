import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away lab of Linux network namespaces running real FRR daemons, for integration tests.
 * Everything it creates carries a per-run suffix and is removed by `cleanup()`: the namespaces,
 * the FRR processes (by the pids they wrote), and the temporary directory. It never touches the
 * host's own interfaces, routes or /etc/frr.
 */

export const FRR_LIBDIR = '/usr/lib/frr';
const FRR_USER = 'frr';

export type RunResult = { status: number; stdout: string; stderr: string };

export function run(cmd: string, args: string[], cwd?: string): RunResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000, cwd });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

export function mustRun(cmd: string, args: string[], cwd?: string): string {
  const r = run(cmd, args, cwd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Why the lab cannot run here; empty when it can. */
export function labPrerequisitesMissing(): string[] {
  const missing: string[] = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) missing.push('needs root (network namespaces)');
  for (const d of ['zebra', 'bgpd', 'staticd']) {
    if (!existsSync(join(FRR_LIBDIR, d))) missing.push(`FRR daemon ${FRR_LIBDIR}/${d} not found (apt-get install frr)`);
  }
  if (run('vtysh', ['--help']).status !== 0) missing.push('vtysh not found');
  if (run('ip', ['-V']).status !== 0) missing.push('iproute2 (ip) not found');
  if (run('id', [FRR_USER]).status !== 0) missing.push(`user ${FRR_USER} not found`);
  return missing;
}

let serial = 0;

export class NetnsLab {
  readonly suffix: string;
  readonly dir: string;
  private readonly namespaces: string[] = [];
  private readonly pidFiles: string[] = [];

  constructor(tag: string) {
    this.suffix = `${tag}-${process.pid.toString(36)}${(serial++).toString(36)}${Date.now().toString(36).slice(-4)}`;
    this.dir = mkdtempSync(join(tmpdir(), `dx-lab-${this.suffix}-`));
    chmodSync(this.dir, 0o755);
  }

  /** Creates a namespace named `<name>-<suffix>` with loopback up. */
  addNamespace(name: string): string {
    const ns = `${name}-${this.suffix}`;
    mustRun('ip', ['netns', 'add', ns]);
    this.namespaces.push(ns);
    this.exec(ns, ['ip', 'link', 'set', 'lo', 'up']);
    return ns;
  }

  /** Runs a command inside `ns`; `cwd` matters for configs with relative paths (log files). */
  exec(ns: string, argv: string[], cwd?: string): string {
    const [cmd, ...args] = argv;
    if (!cmd) throw new Error('empty command');
    return mustRun('ip', ['netns', 'exec', ns, cmd, ...args], cwd);
  }

  tryExec(ns: string, argv: string[]): RunResult {
    return run('ip', ['netns', 'exec', ns, ...argv]);
  }

  /** A veth pair created directly inside the two namespaces, so names never clash with the host. */
  addVeth(a: { ns: string; name: string }, b: { ns: string; name: string }): void {
    mustRun('ip', ['link', 'add', a.name, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.name, 'netns', b.ns]);
  }

  /**
   * Starts FRR daemons in `ns` with their own sockets, pid files and logs under the lab dir.
   * Daemons start empty (the integrated config is loaded with `loadConfig`) unless `configs`
   * gives a per-daemon file, the pre-integrated layout of old FRR.
   */
  startFrr(ns: string, name: string, daemons: string[], configs: Record<string, string> = {}): FrrInstance {
    const dir = join(this.dir, name);
    mkdirSync(dir, { recursive: true });
    const empty = join(dir, 'empty.conf');
    writeFileSync(empty, '');
    const uid = Number(mustRun('id', ['-u', FRR_USER]).trim());
    const gid = Number(mustRun('id', ['-g', FRR_USER]).trim());
    chownSync(dir, uid, gid);
    chownSync(empty, uid, gid);
    for (const daemon of daemons) {
      let config = empty;
      const text = configs[daemon];
      if (text !== undefined) {
        config = join(dir, `${daemon}.conf`);
        writeFileSync(config, text);
        chownSync(config, uid, gid);
      }
      const pidFile = join(dir, `${daemon}.pid`);
      this.pidFiles.push(pidFile);
      this.exec(ns, [
        join(FRR_LIBDIR, daemon),
        '-d',
        '-f', config,
        '-i', pidFile,
        '-z', join(dir, 'zserv.api'),
        '--vty_socket', dir,
        '-P', '0',
        '-u', FRR_USER,
        '-g', FRR_USER,
        '--log', `file:${join(dir, `${daemon}.log`)}`,
      ], dir);
    }
    return new FrrInstance(this, ns, dir);
  }

  /** Idempotent; safe to call after a partial setup. */
  cleanup(): void {
    for (const pidFile of this.pidFiles) {
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
      if (Number.isInteger(pid) && pid > 1) stopProcess(pid);
    }
    this.pidFiles.length = 0;
    for (const ns of this.namespaces.splice(0)) {
      // Anything still running inside a namespace of ours was started by this lab.
      for (const pid of run('ip', ['netns', 'pids', ns]).stdout.split(/\s+/).filter(Boolean).map(Number)) stopProcess(pid);
      run('ip', ['netns', 'del', ns]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function stopProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && isRunning(pid)) execFileSync('sleep', ['0.05']);
  try {
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Exited daemons linger as zombies until init reaps them; those count as stopped. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export class FrrInstance {
  constructor(
    private readonly lab: NetnsLab,
    readonly ns: string,
    readonly dir: string,
  ) {}

  vtysh(...commands: string[]): string {
    return this.lab.exec(this.ns, ['vtysh', '--vty_socket', this.dir, ...commands.flatMap((c) => ['-c', c])]);
  }

  json<T>(command: string): T {
    return JSON.parse(this.vtysh(command)) as T;
  }

  /** Loads an integrated config into the running daemons, as `vtysh -b` does at boot. */
  loadConfig(file: string): RunResult {
    return this.lab.tryExec(this.ns, ['vtysh', '--vty_socket', this.dir, '-f', file]);
  }

  log(daemon: string): string {
    const file = join(this.dir, `${daemon}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }
}

/** Polls `probe` until it returns a value, or fails with the last observation after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  { timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Whether the kernel can create 802.1Q devices (probed in a scratch namespace). */
export function kernelHasVlan(): boolean {
  const lab = new NetnsLab('vlanprobe');
  try {
    const ns = lab.addNamespace('p');
    lab.addVeth({ ns, name: 'p0' }, { ns, name: 'p1' });
    return lab.tryExec(ns, ['ip', 'link', 'add', 'link', 'p0', 'name', 'p0.7', 'type', 'vlan', 'id', '7']).status === 0;
  } finally {
    lab.cleanup();
  }
}
