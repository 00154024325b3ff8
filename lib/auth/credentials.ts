import 'server-only';
import type { DbClient } from '../db/client';
import { dummyHash, verifyPassword } from './password';

/** Failed attempts allowed in the window before sign-in is refused, per account and per IP. */
export const signInLimits = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email + password. The answer for a wrong password, an unknown email and a disabled
 * account is the same `invalid`, and takes as long. Every attempt is recorded; too many recent
 * failures for the account or the IP refuse the attempt before the password is checked.
 */
export async function checkCredentials(
  db: DbClient,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const since = new Date(now.getTime() - signInLimits.windowMinutes * 60_000);
  const [accountFailures, ipFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip: input.ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= signInLimits.perAccount || ipFailures >= signInLimits.perIp) {
    await db.signInAttempt.create({ data: { email, ip: input.ip, success: false, createdAt: now } });
    return { ok: false, reason: 'rate_limited', retryAfterMinutes: signInLimits.windowMinutes };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  const ok = Boolean(user && valid && !user.disabledAt);
  await db.signInAttempt.create({ data: { email, ip: input.ip, success: ok, createdAt: now } });
  if (!ok || !user) return { ok: false, reason: 'invalid' };
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, userId: user.id };
}

/**
 * The client address: the entry in X-Forwarded-For that the nearest trusted proxy added.
 * With no trusted proxy, Next.js itself sets the header from the socket when it is absent.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedHops: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return 'unknown';
  const index = Math.max(0, hops.length - Math.max(1, trustedHops));
  return hops[index] ?? 'unknown';
}
