/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients run, by reading the
 * frontend side of the wire protocol: each simple Query ('Q') and each extended-protocol Execute
 * ('E') is one statement. Used by the load benchmark to report queries per page view, so an N+1
 * shows up as a number. The proxy never changes a byte in either direction.
 */
import net from 'node:net';

export type CountProxy = {
  port: number;
  /** Statements executed since the last reset, with the SQL text of each parsed statement. */
  snapshot(): { statements: number; sql: string[] };
  reset(): void;
  close(): Promise<void>;
};

export async function startCountProxy(upstream: { host: string; port: number }): Promise<CountProxy> {
  let statements = 0;
  let sql: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const server = net.connect(upstream.port, upstream.host);
    sockets.add(client).add(server);
    let pending = Buffer.alloc(0);
    let startup = true; // the first message (StartupMessage or SSLRequest) has no type byte
    client.on('data', (chunk) => {
      server.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (pending.length < 4) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = length === 8 ? pending.readInt32BE(4) : 0;
          pending = pending.subarray(length);
          // SSLRequest / GSSENCRequest (answered with one byte) are followed by the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (pending.length < 5) break;
        const type = pending[0];
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const body = pending.subarray(5, 1 + length);
        if (type === 0x51 /* Q */) {
          statements++;
          sql.push(body.subarray(0, body.length - 1).toString('utf8'));
        } else if (type === 0x50 /* P */) {
          const nameEnd = body.indexOf(0);
          const textEnd = body.indexOf(0, nameEnd + 1);
          sql.push(body.subarray(nameEnd + 1, textEnd).toString('utf8'));
        } else if (type === 0x45 /* E */) {
          statements++;
        }
        pending = pending.subarray(1 + length);
      }
    });
    server.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The query-count proxy did not get a port');
  return {
    port: address.port,
    snapshot: () => ({ statements, sql: [...sql] }),
    reset: () => {
      statements = 0;
      sql = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
