import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { dismissReminder, openReminders } from './reminders';

async function actor(role: 'CUSTOMER_OWNER' | 'NOC' | 'SUPPORT'): Promise<Actor> {
  const { user, orgId } = await seedUser(testDb(), { role });
  return role === 'CUSTOMER_OWNER'
    ? { kind: 'customer', role, userId: user.id, name: user.name, email: user.email, orgId: orgId!, orgName: 'x' }
    : { kind: 'staff', role, userId: user.id, name: user.name, email: user.email };
}

describe('reminders', () => {
  it('each audience sees and dismisses only its own', async () => {
    const a = await actor('CUSTOMER_OWNER');
    const b = await actor('CUSTOMER_OWNER');
    const noc = await actor('NOC');
    const key = `${Date.now()}-${Math.random()}`;
    const forA = await testDb().reminder.create({
      data: { orgId: a.kind === 'customer' ? a.orgId : null, audience: 'ORG', subjectType: 'CONNECTION', subjectId: 'c1', kind: 'loaExpiry14d', message: 'LOA expires soon', dedupeKey: `a-${key}` },
    });
    const forNoc = await testDb().reminder.create({ data: { audience: 'NOC', subjectType: 'CONNECTION', subjectId: 'c1', kind: 'stuckSubmitted', message: 'Waiting too long', dedupeKey: `n-${key}` } });
    expect((await openReminders(a)).map((n) => n.id)).toEqual([forA.id]);
    expect(await openReminders(b)).toEqual([]);
    expect((await openReminders(noc)).map((n) => n.id)).toContain(forNoc.id);
    expect((await openReminders(noc)).map((n) => n.id)).not.toContain(forA.id);
    await expect(openReminders(await actor('SUPPORT'))).rejects.toThrow(/permission/);
    await expect(dismissReminder(b, forA.id)).rejects.toThrow('That reminder was not found.');
    await expect(dismissReminder(noc, forA.id)).rejects.toThrow('That reminder was not found.');
    await dismissReminder(a, forA.id);
    expect(await openReminders(a)).toEqual([]);
  });
});
