import { describe, expect, it, vi } from 'vitest';
import { loadActor } from '../auth/actor';
import { roles, type Actor, type Role } from '../auth/permissions';
import { seedUser, uniqueSuffix } from '../db/seed/factories';
import { testDb } from '../test/db';

/**
 * The admin and account actions are public POST endpoints: these call them directly, as a crafted
 * request would, with every role and signed out.
 */
let current: Actor | null = null;
vi.mock('../auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const admin = await import('../../app/(app)/admin/users/actions');
const account = await import('../../app/(app)/account/actions');

async function actorOf(role: Role): Promise<Actor> {
  const { user } = await seedUser(testDb(), { role });
  return (await loadActor(testDb(), user.id))!;
}

const denied = { ok: false, formError: 'You do not have permission to do that.' };

describe('user administration actions', () => {
  it.each(roles.filter((r) => r !== 'ADMIN'))('refuse %s and change nothing', async (role) => {
    const victim = await seedUser(testDb(), { role: 'SUPPORT' });
    current = await actorOf(role);
    const email = `sneaky-${uniqueSuffix()}@test.example`;
    expect(await admin.createUserAction({ name: 'Sneaky', email, role: 'ADMIN', orgId: '', newOrgName: '', password: '' })).toMatchObject(denied);
    expect(await admin.disableUserAction({ userId: victim.user.id })).toMatchObject(denied);
    expect(await testDb().user.count({ where: { email } })).toBe(0);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: victim.user.id } })).disabledAt).toBeNull();
  });

  it('refuse a signed-out caller', async () => {
    current = null;
    expect(await admin.createUserAction({ name: 'X', email: `x-${uniqueSuffix()}@test.example`, role: 'ADMIN', orgId: '', newOrgName: '', password: '' })).toMatchObject({
      ok: false,
      formError: 'Your session has ended. Sign in again to continue.',
    });
  });

  it('let an admin add and disable, with errors on their fields', async () => {
    current = await actorOf('ADMIN');
    const email = `new-${uniqueSuffix()}@test.example`;
    const created = await admin.createUserAction({ name: 'New', email, role: 'SUPPORT', orgId: '', newOrgName: '', password: '' });
    expect(created).toMatchObject({ ok: true, data: { email } });
    expect(await admin.createUserAction({ name: 'New', email, role: 'SUPPORT', orgId: '', newOrgName: '', password: '' })).toMatchObject({
      ok: false,
      fieldErrors: { email: ['An account with this email address already exists.'] },
    });
    expect(await admin.createUserAction({ name: 'New', email: 'x', role: 'CUSTOMER_OWNER', orgId: '', newOrgName: '', password: 'short' })).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringContaining('valid email')], password: [expect.stringContaining('12 characters')] },
    });
    if (!created.ok) throw new Error('not created');
    expect(await admin.disableUserAction({ userId: created.data.id })).toMatchObject({ ok: true });
    expect(await admin.disableUserAction({ userId: current.userId })).toMatchObject({ ok: false, formError: 'You cannot disable your own account; ask another administrator.' });
  });
});

describe('change password action', () => {
  it.each(roles)('works for %s (always on the caller’s own account: the action takes no user id)', async (role) => {
    const { user, password } = await seedUser(testDb(), { role, password: `pw-${role}-${uniqueSuffix()}` });
    current = (await loadActor(testDb(), user.id))!;
    const before = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await account.changePasswordAction({ currentPassword: password, newPassword: 'another long password', confirmPassword: 'another long password' })).toMatchObject({ ok: true });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
  });
});
