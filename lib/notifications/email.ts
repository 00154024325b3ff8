import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '../db/client';
import { categories, type Category } from '../domain/notifications/catalog';
import { env, publicUrl } from '../env';
import { logger } from '../log';
import { renderEmail } from './render';

const globalForMail = globalThis as unknown as { dxPortalMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.dxPortalMail?.url !== url) {
    globalForMail.dxPortalMail = { url, transport: nodemailer.createTransport(url, { from: env().MAIL_FROM }) };
  }
  return globalForMail.dxPortalMail.transport;
}

/** What an administrator is told when mail cannot go out. */
export const smtpMissing = 'SMTP_URL is not set, so the portal sends no email. Set SMTP_URL (smtp://user:password@host:587) for the web app and the worker.';

/**
 * Worker job: sends one inbox row's email. A row that is already sent, skipped or failed is
 * left alone, so a retried or repeated job never sends a second email; the Message-ID is the
 * row's id, so even a resend after a crash mid-send is recognisable as the same message.
 */
export async function sendNotificationEmail(notificationId: string, attempt: { retryCount: number; retryLimit: number }): Promise<void> {
  const n = await db().userNotification.findUnique({
    where: { id: notificationId },
    select: { id: true, eventId: true, category: true, title: true, body: true, nextStep: true, link: true, emailStatus: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!n || n.emailStatus !== 'PENDING') return;
  if (n.user.disabledAt) {
    await db().userNotification.updateMany({ where: { id: n.id, emailStatus: 'PENDING' }, data: { emailStatus: 'SKIPPED', emailError: 'The account is disabled.' } });
    return;
  }
  const smtp = env().SMTP_URL;
  if (!smtp) {
    await db().userNotification.updateMany({ where: { id: n.id, emailStatus: 'PENDING' }, data: { emailStatus: 'FAILED', emailError: smtpMissing, emailAttempts: { increment: 1 } } });
    logger().error({ notificationId: n.id }, smtpMissing);
    return;
  }
  const base = publicUrl();
  const email = await renderEmail({
    recipientName: n.user.name,
    title: n.title,
    body: n.body,
    nextStep: n.nextStep,
    url: `${base}${n.link}`,
    settingsUrl: `${base}/account#notifications`,
    providerName: env().DX_PROVIDER_NAME,
    categoryLabel: categories[n.category as Category]?.label ?? n.category,
  });
  try {
    await transport(smtp).sendMail({
      to: { name: n.user.name, address: n.user.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${n.id}@dx-portal>`,
      headers: { 'X-DX-Portal-Event': n.eventId.toString(), 'Auto-Submitted': 'auto-generated' },
    });
  } catch (error) {
    const last = attempt.retryCount >= attempt.retryLimit;
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await db().userNotification.updateMany({
      where: { id: n.id, emailStatus: 'PENDING' },
      data: { emailAttempts: { increment: 1 }, emailError: message, ...(last ? { emailStatus: 'FAILED' as const } : {}) },
    });
    if (last) return;
    throw error;
  }
  await db().userNotification.updateMany({ where: { id: n.id, emailStatus: 'PENDING' }, data: { emailStatus: 'SENT', emailSentAt: new Date(), emailAttempts: { increment: 1 }, emailError: null } });
}
