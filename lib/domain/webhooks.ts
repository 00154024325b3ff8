/**
 * Webhook rules that need no database: signatures, the retry schedule, and which addresses a
 * webhook may never reach. Receivers verify with the same `verifySignature` shown in the README.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export const SIGNATURE_HEADER = 'X-DX-Signature';
export const DELIVERY_HEADER = 'X-DX-Delivery';
export const EVENT_TYPE_HEADER = 'X-DX-Event';
/** A receiver should reject a signature whose timestamp is older than this (replay). */
export const REPLAY_TOLERANCE_SECONDS = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body. */
export function signatureHeader(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'mismatch' | 'stale' };

/** What a receiver does: recompute the MAC over the raw body and refuse old timestamps. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = REPLAY_TOLERANCE_SECONDS): Verification {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  if (!timingSafeEqual(expected, Buffer.from(parts.v1))) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp: t };
}

/**
 * Seconds to wait after the n-th failed attempt (1-based). Ten attempts over about 27 hours:
 * a receiver that is down for a whole day still gets the event.
 */
export const retryDelaysSeconds = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 43_200] as const;
export const maxAttempts = retryDelaysSeconds.length + 1;

export function nextAttemptDelay(attemptsMade: number): number | null {
  return attemptsMade >= 1 && attemptsMade <= retryDelaysSeconds.length ? retryDelaysSeconds[attemptsMade - 1]! : null;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, link-local (which includes the cloud metadata service 169.254.169.254), private, reserved. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/** The URL rules every endpoint must pass before it is saved: a message per problem. */
export function webhookUrlProblem(raw: string, options: { allowPrivate: boolean; allowHttp: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL such as https://hooks.example.com/dx-portal.';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp)) return options.allowHttp ? 'Webhook URLs must use https:// (or http:// while the portal runs against the AWS sandbox).' : 'Webhook URLs must use https://.';
  if (url.username || url.password) return 'Put no user name or password in the URL; verify our signature instead.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate) {
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return `${host} is not reachable from the internet; webhooks go only to public addresses.`;
    if (isIP(host) && isNonPublicAddress(host)) return `${host} is a loopback, link-local or private address; webhooks go only to public addresses.`;
  }
  return null;
}
