import { describe, expect, it } from 'vitest';
import { seedOrg, seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { loadActor } from './actor';

describe('loadActor', () => {
  it('builds a customer actor from the membership', async () => {
    const org = await seedOrg(testDb(), { name: 'Initech' });
    const { user } = await seedUser(testDb(), { role: 'CUSTOMER_MEMBER', orgId: org.id });
    expect(await loadActor(testDb(), user.id)).toMatchObject({
      kind: 'customer',
      role: 'CUSTOMER_MEMBER',
      orgId: org.id,
      orgName: 'Initech',
      userId: user.id,
    });
  });

  it('builds a staff actor from the staff role', async () => {
    const { user } = await seedUser(testDb(), { role: 'SUPPORT' });
    expect(await loadActor(testDb(), user.id)).toMatchObject({ kind: 'staff', role: 'SUPPORT' });
  });

  it('returns null for disabled, unknown and organisation-less users', async () => {
    const disabled = await seedUser(testDb(), { role: 'NOC', disabled: true });
    expect(await loadActor(testDb(), disabled.user.id)).toBeNull();
    expect(await loadActor(testDb(), 'no-such-user')).toBeNull();
    expect(await loadActor(testDb(), '')).toBeNull();
    const orphan = await testDb().user.create({ data: { email: `orphan-${Date.now()}@test.example`, name: 'Orphan', passwordHash: 'x' } });
    expect(await loadActor(testDb(), orphan.id)).toBeNull();
  });

  it('voids sessions that signed in before the user\'s sessions were revoked', async () => {
    const { user } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    const revokedAt = new Date();
    await testDb().user.update({ where: { id: user.id }, data: { sessionsValidAfter: revokedAt } });
    expect(await loadActor(testDb(), user.id, revokedAt.getTime() - 1)).toBeNull();
    // A token from before sign-in times were recorded counts as old.
    expect(await loadActor(testDb(), user.id)).toBeNull();
    expect(await loadActor(testDb(), user.id, revokedAt.getTime() + 1)).toMatchObject({ userId: user.id });
  });

  it('never loads the password hash with ordinary queries', async () => {
    const { user } = await seedUser(testDb(), { role: 'NOC' });
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty('passwordHash');
  });
});
