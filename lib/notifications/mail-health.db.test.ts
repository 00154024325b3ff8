import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { sendNotificationEmail, smtpMissing } from './email';
import { mailHealth } from './mail-health';

async function staff(role: 'ADMIN' | 'NOC' | 'SUPPORT'): Promise<Actor> {
  const { user } = await seedUser(testDb(), { role });
  return { kind: 'staff', role, userId: user.id, name: user.name, email: user.email };
}

describe('mail health for administrators', () => {
  it('says that no SMTP_URL is set and counts the emails that therefore failed; only administrators may ask', async () => {
    delete process.env.SMTP_URL;
    const admin = await staff('ADMIN');
    const before = await mailHealth(admin);
    expect(before.smtpConfigured).toBe(false);
    expect(before.configProblem).toBe(smtpMissing);

    const { user, orgId } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    const event = await testDb().event.create({
      data: { orgId, subjectType: 'CONNECTION', subjectId: 'c', source: 'PORTAL', actorType: 'SYSTEM', actorLabel: 'System', kind: 'test.notice', message: 'm' },
    });
    const row = await testDb().userNotification.create({ data: { userId: user.id, eventId: event.id, category: 'requests', title: 't', body: 'b', nextStep: 'n', link: '/' } });
    await sendNotificationEmail(row.id, { retryCount: 0, retryLimit: 5 });

    const after = await mailHealth(admin);
    expect(after.failedLastDay).toBe(before.failedLastDay + 1);
    expect(after.lastFailure?.error).toBe(smtpMissing);
    // A day later the failure no longer counts as recent.
    expect((await mailHealth(admin, new Date(Date.now() + 2 * 86_400_000))).failedLastDay).toBe(0);

    for (const role of ['NOC', 'SUPPORT'] as const) await expect(mailHealth(await staff(role))).rejects.toThrow(/permission/);
    const customer: Actor = { kind: 'customer', role: 'CUSTOMER_OWNER', userId: user.id, name: user.name, email: user.email, orgId: orgId!, orgName: 'x' };
    await expect(mailHealth(customer)).rejects.toThrow(/permission/);
  });
});
