import { describe, expect, it } from 'vitest';
import { changeOwnPassword, setUserDisabled } from '../admin/users';
import { DEFAULT_TEST_PASSWORD } from '../db/seed/factories';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from './tokens';

const bearer = (token: string) => `Bearer ${token}`;

describe('API tokens', () => {
  it('authenticate as their user until revoked or expired; only the hash is stored; lists show the hint', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const now = new Date();
    const { id, token, expiresAt } = await createApiToken(owner, { name: 'terraform-prod', scope: 'WRITE', expiresInDays: 30 }, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(30 * 86_400_000);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ role: 'CUSTOMER_OWNER', scope: 'WRITE', orgId: owner.kind === 'customer' ? owner.orgId : null });

    const ok = await authenticateToken(bearer(token));
    expect(ok).toMatchObject({ ok: true, scope: 'WRITE', tokenId: id, actor: { userId: owner.userId, role: 'CUSTOMER_OWNER' } });
    const [listed] = await listApiTokens(owner);
    expect(listed).toMatchObject({ id, name: 'terraform-prod', hint: `${token.slice(0, 20)}_…` });
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(await listApiTokens(owner))).not.toContain(token.slice(21));

    expect(await authenticateToken(null)).toEqual({ ok: false, code: 'token_missing' });
    expect(await authenticateToken('Basic abc')).toEqual({ ok: false, code: 'token_malformed' });
    expect(await authenticateToken(bearer(`${token.slice(0, -2)}xx`))).toEqual({ ok: false, code: 'token_unknown' });
    expect(await authenticateToken(bearer(token), new Date(expiresAt.getTime() + 1))).toEqual({ ok: false, code: 'token_expired' });

    // Someone else cannot revoke it; its user can, and it stops at once.
    const other = await seedActor(testDb(), 'CUSTOMER_OWNER');
    await expect(revokeApiToken(other, id)).rejects.toThrow('That API token was not found.');
    await revokeApiToken(owner, id);
    expect(await authenticateToken(bearer(token))).toEqual({ ok: false, code: 'token_revoked' });
    const events = await testDb().event.findMany({ where: { subjectId: owner.userId, kind: { startsWith: 'apiToken.' } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['apiToken.created', 'apiToken.revoked']);
    expect(events.map((e) => e.message).join(' ')).not.toContain(token.slice(21));
  });

  it('are revoked for good when their user is disabled, and survive a password change', async () => {
    const admin = await seedActor(testDb(), 'ADMIN');
    const member = await seedActor(testDb(), 'CUSTOMER_MEMBER');
    const { token } = await createApiToken(member, { name: 'ci-pipeline', scope: 'READ', expiresInDays: 90 });
    await changeOwnPassword(member, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: 'a-new-long-password-1', confirmPassword: 'a-new-long-password-1' });
    expect(await authenticateToken(bearer(token))).toMatchObject({ ok: true, scope: 'READ' });

    await setUserDisabled(admin, member.userId, true);
    expect(await authenticateToken(bearer(token))).toEqual({ ok: false, code: 'token_revoked' });
    await setUserDisabled(admin, member.userId, false);
    expect(await authenticateToken(bearer(token))).toEqual({ ok: false, code: 'token_revoked' });
    const disabled = await testDb().event.findFirstOrThrow({ where: { subjectId: member.userId, kind: 'user.disabled' } });
    expect(disabled.message).toContain('and revoked its API token');
  });

  it('act with no more than the role their user has now', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    const { token } = await createApiToken(owner, { name: 'owner-token', scope: 'WRITE', expiresInDays: 30 });
    await testDb().membership.updateMany({ where: { userId: owner.userId }, data: { role: 'MEMBER' } });
    expect(await authenticateToken(bearer(token))).toMatchObject({ ok: true, actor: { role: 'CUSTOMER_MEMBER' } });
  });
});
