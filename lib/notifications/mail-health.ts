import 'server-only';
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { db } from '../db/client';
import { env } from '../env';
import { forbidden } from '../errors';
import { smtpMissing } from './email';

const DAY = 86_400_000;

export type MailHealth = {
  /** Whether this web process has SMTP_URL; the worker, which sends, says so in its own log. */
  smtpConfigured: boolean;
  /** The message for an administrator when this process has no SMTP_URL; null when it has. */
  configProblem: string | null;
  /** Emails that could not be sent in the last 24 hours (any cause: no SMTP_URL on the worker, refused, unreachable). */
  failedLastDay: number;
  lastFailure: { at: Date; error: string } | null;
};

/**
 * What an administrator must know about outgoing mail: whether it is configured and whether
 * emails have failed recently. Two indexed queries; only administrators may ask.
 */
export async function mailHealth(actor: Actor, now = new Date()): Promise<MailHealth> {
  if (!can(actor, 'admin.users')) throw forbidden();
  const where = { emailStatus: 'FAILED' as const, createdAt: { gte: new Date(now.getTime() - DAY) } };
  const [failedLastDay, last] = await Promise.all([
    db().userNotification.count({ where }),
    db().userNotification.findFirst({ where, orderBy: { createdAt: 'desc' }, select: { createdAt: true, emailError: true } }),
  ]);
  const smtpConfigured = Boolean(env().SMTP_URL);
  return {
    smtpConfigured,
    configProblem: smtpConfigured ? null : smtpMissing,
    failedLastDay,
    lastFailure: last ? { at: last.createdAt, error: last.emailError ?? 'No reason was recorded.' } : null,
  };
}
