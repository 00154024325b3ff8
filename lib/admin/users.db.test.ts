import { describe, expect, it } from 'vitest';
import { loadActor } from '../auth/actor';
import { checkCredentials } from '../auth/credentials';
import type { Actor } from '../auth/permissions';
import { seedOrg, seedUser, uniqueSuffix } from '../db/seed/factories';
import { testDb } from '../test/db';
import { NEW_ORG } from './schema';
import { changeOwnPassword, createUser, generatePassword, insertUser, setUserDisabled, staffListUsers } from './users';

const ip = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${uniqueSuffix()}`;
const email = (who: string) => `${who}-${uniqueSuffix()}@test.example`;

async function actorOf(role: Parameters<typeof seedUser>[1]['role']): Promise<Actor> {
  const { user } = await seedUser(testDb(), { role });
  return (await loadActor(testDb(), user.id))!;
}

async function signsIn(address: string, password: string) {
  return (await checkCredentials(testDb(), { email: address, password, ip: ip() })).ok;
}

describe('adding users', () => {
  it('lets an admin add a customer to an existing organisation; the generated password signs in', async () => {
    const admin = await actorOf('ADMIN');
    const org = await seedOrg(testDb(), { name: 'Initech' });
    const address = email('dana');
    const created = await createUser(admin, { name: 'Dana Field', email: `  ${address.toUpperCase()} `, role: 'CUSTOMER_MEMBER', orgId: org.id, newOrgName: '', password: '' });
    expect(created).toMatchObject({ email: address, name: 'Dana Field', orgName: 'Initech' });
    expect(created.generatedPassword).toMatch(/^([a-z2-9]{5}-){3}[a-z2-9]{5}$/);
    expect(await signsIn(address, created.generatedPassword!)).toBe(true);
    expect(await loadActor(testDb(), created.id)).toMatchObject({ kind: 'customer', role: 'CUSTOMER_MEMBER', orgId: org.id });
    const events = await testDb().event.findMany({ where: { subjectType: 'USER', subjectId: created.id } });
    expect(events).toEqual([expect.objectContaining({ kind: 'user.created', orgId: org.id, actorUserId: admin.userId, message: `Added Dana Field <${address}> as Member of Initech.` })]);
    // The event records who and what, never the password.
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(created.generatedPassword);
  });

  it('creates a new organisation for its first owner, and staff without one', async () => {
    const admin = await actorOf('ADMIN');
    const name = `Globex ${uniqueSuffix()}`;
    const owner = await createUser(admin, { name: 'Hank', email: email('hank'), role: 'CUSTOMER_OWNER', orgId: NEW_ORG, newOrgName: name, password: 'a long enough password' });
    expect(owner.generatedPassword).toBeNull();
    expect(await signsIn(owner.email, 'a long enough password')).toBe(true);
    expect(await loadActor(testDb(), owner.id)).toMatchObject({ role: 'CUSTOMER_OWNER', orgName: name });
    const noc = await createUser(admin, { name: 'Nora', email: email('nora'), role: 'NOC', orgId: '', newOrgName: '', password: '' });
    expect(await loadActor(testDb(), noc.id)).toMatchObject({ kind: 'staff', role: 'NOC' });
  });

  it('refuses a second account with the same email, on the email field', async () => {
    const admin = await actorOf('ADMIN');
    const { user } = await seedUser(testDb(), { role: 'SUPPORT' });
    await expect(createUser(admin, { name: 'Again', email: user.email, role: 'SUPPORT', orgId: '', newOrgName: '', password: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'email',
      message: 'An account with this email address already exists.',
    });
  });

  it('refuses an organisation that does not exist', async () => {
    const admin = await actorOf('ADMIN');
    await expect(createUser(admin, { name: 'X', email: email('x'), role: 'CUSTOMER_OWNER', orgId: 'no-such-org', newOrgName: '', password: '' })).rejects.toMatchObject({
      code: 'INVALID',
      field: 'orgId',
    });
  });

  it.each(['NOC', 'SUPPORT', 'CUSTOMER_OWNER', 'CUSTOMER_MEMBER'] as const)('is refused to %s', async (role) => {
    const actor = await actorOf(role);
    await expect(createUser(actor, { name: 'X', email: email('x'), role: 'ADMIN', orgId: '', newOrgName: '', password: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staffListUsers(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is what the user:add command runs, recorded as the system', async () => {
    const created = await insertUser(testDb(), { name: 'First Admin', email: email('first'), role: 'ADMIN', orgId: '', newOrgName: '', password: '' }, { type: 'SYSTEM', label: 'user:add command' });
    const event = await testDb().event.findFirstOrThrow({ where: { subjectId: created.id } });
    expect(event).toMatchObject({ actorType: 'SYSTEM', actorLabel: 'user:add command', orgId: null });
  });

  it('generates different, unambiguous passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).not.toMatch(/[01ilo]/);
  });
});

describe('disabling users', () => {
  it('signs the user out at once and refuses sign-in until re-enabled', async () => {
    const admin = await actorOf('ADMIN');
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    await setUserDisabled(admin, user.id, true);
    expect(await loadActor(testDb(), user.id)).toBeNull();
    expect(await signsIn(user.email, password)).toBe(false);
    await setUserDisabled(admin, user.id, false);
    // The session from before stays void; a new sign-in works.
    expect(await loadActor(testDb(), user.id, Date.now() - 60_000)).toBeNull();
    expect(await signsIn(user.email, password)).toBe(true);
    expect(await loadActor(testDb(), user.id, Date.now() + 1)).not.toBeNull();
    const kinds = await testDb().event.findMany({ where: { subjectId: user.id }, orderBy: { id: 'asc' }, select: { kind: true } });
    expect(kinds.map((k) => k.kind)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('does not let an admin lock themselves out, nor others act', async () => {
    const admin = await actorOf('ADMIN');
    await expect(setUserDisabled(admin, admin.userId, true)).rejects.toMatchObject({ code: 'INVALID' });
    const noc = await actorOf('NOC');
    await expect(setUserDisabled(noc, admin.userId, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setUserDisabled(admin, 'no-such-user', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('changing your own password', () => {
  it('needs the current password, then only the new one works', async () => {
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_MEMBER', password: `old-password-${uniqueSuffix()}` });
    const actor = (await loadActor(testDb(), user.id))!;
    await expect(changeOwnPassword(actor, { currentPassword: 'not it', newPassword: 'brand new password', confirmPassword: 'brand new password' })).rejects.toMatchObject({
      code: 'INVALID',
      field: 'currentPassword',
    });
    expect(await signsIn(user.email, password)).toBe(true);
    const signedInBefore = Date.now() - 1;
    expect(await loadActor(testDb(), user.id, signedInBefore)).not.toBeNull();
    await changeOwnPassword(actor, { currentPassword: password, newPassword: 'brand new password', confirmPassword: 'brand new password' });
    // Every session that signed in before the change is over (a stolen one too).
    expect(await loadActor(testDb(), user.id, signedInBefore)).toBeNull();
    expect(await signsIn(user.email, password)).toBe(false);
    expect(await signsIn(user.email, 'brand new password')).toBe(true);
    expect(await testDb().event.count({ where: { subjectId: user.id, kind: 'user.passwordChanged' } })).toBe(1);
  });
});
