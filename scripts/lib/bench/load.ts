/**
 * The load half of `npm run bench -- --load`: sign in through next-auth as a browser would,
 * measure one view of a page (status, bytes, statements through the counting proxy) and run
 * autocannon against it. Latency percentiles come from every response, not from autocannon's
 * fixed buckets, so p95 is a real p95.
 */
import autocannon from 'autocannon';
import type { CountProxy } from './pg-count-proxy';

export type LoadResult = { rps: number; p95: number; errors: number; requests: number };
export type ViewResult = { status: number; bytes: number; statements: number; body: string };

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in with the credentials form's own endpoints; returns the Cookie header for the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = setCookies(response).find((c) => c.includes('next-auth.session-token'));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status})`);
  return session;
}

/** One view of the page after a warm-up view: what a single user's request costs. */
export async function measureView(url: string, cookie: string | undefined, proxy: CountProxy): Promise<ViewResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  await (await fetch(url, { headers, redirect: 'manual' })).arrayBuffer();
  proxy.reset();
  const response = await fetch(url, { headers, redirect: 'manual' });
  const body = await response.arrayBuffer();
  // Statements finish before the response ends, except work a page defers with `after()`.
  await new Promise((r) => setTimeout(r, 50));
  return { status: response.status, bytes: body.byteLength, statements: proxy.snapshot().statements, body: response.ok ? '' : Buffer.from(body).toString('utf8').slice(0, 300) };
}

export async function runLoad(url: string, cookie: string | undefined, options: { seconds: number; connections: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: cookie ? { cookie } : {} },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode >= 300) errors++;
    });
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))]! : NaN;
  return { rps: result.requests.total / options.seconds, p95, errors: errors + result.errors + result.timeouts, requests: result.requests.total };
}
