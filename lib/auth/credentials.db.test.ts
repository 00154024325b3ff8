import { describe, expect, it } from 'vitest';
import { seedUser, uniqueSuffix } from '../db/seed/factories';
import { testDb } from '../test/db';
import { checkCredentials, clientIp, signInLimits } from './credentials';

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${uniqueSuffix()}`;

describe('checkCredentials', () => {
  it('accepts the right password, case-insensitively on the email, and records the sign-in', async () => {
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    const result = await checkCredentials(testDb(), { email: `  ${user.email.toUpperCase()} `, password, ip: ip() });
    expect(result).toEqual({ ok: true, userId: user.id });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastSignInAt).not.toBeNull();
  });

  it('gives the same answer for a wrong password, an unknown email and a disabled user', async () => {
    const { user } = await seedUser(testDb(), { role: 'NOC' });
    const disabled = await seedUser(testDb(), { role: 'SUPPORT', disabled: true });
    const wrong = await checkCredentials(testDb(), { email: user.email, password: 'nope', ip: ip() });
    const unknown = await checkCredentials(testDb(), { email: `ghost-${uniqueSuffix()}@test.example`, password: 'x', ip: ip() });
    const off = await checkCredentials(testDb(), { email: disabled.user.email, password: disabled.password, ip: ip() });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(off).toEqual(wrong);
  });

  it('locks an account after too many failures, even with the right password, from any IP', async () => {
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_MEMBER' });
    for (let i = 0; i < signInLimits.perAccount; i++) {
      expect((await checkCredentials(testDb(), { email: user.email, password: 'wrong', ip: ip() })).ok).toBe(false);
    }
    const locked = await checkCredentials(testDb(), { email: user.email, password, ip: ip() });
    expect(locked).toEqual({ ok: false, reason: 'rate_limited', retryAfterMinutes: signInLimits.windowMinutes });
  });

  it('unlocks once the failures are older than the window', async () => {
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_MEMBER' });
    const past = new Date(Date.now() - (signInLimits.windowMinutes + 1) * 60_000);
    for (let i = 0; i < signInLimits.perAccount; i++) {
      await checkCredentials(testDb(), { email: user.email, password: 'wrong', ip: ip() }, past);
    }
    expect((await checkCredentials(testDb(), { email: user.email, password, ip: ip() })).ok).toBe(true);
  });

  it('limits one IP that tries many accounts', async () => {
    const address = ip();
    for (let i = 0; i < signInLimits.perIp; i++) {
      await checkCredentials(testDb(), { email: `spray-${uniqueSuffix()}@test.example`, password: 'x', ip: address });
    }
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    expect(await checkCredentials(testDb(), { email: user.email, password, ip: address })).toMatchObject({ reason: 'rate_limited' });
    expect((await checkCredentials(testDb(), { email: user.email, password, ip: ip() })).ok).toBe(true);
  });

  it('never stores the password', async () => {
    const { user, password } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER', password: `secret-${uniqueSuffix()}` });
    await checkCredentials(testDb(), { email: user.email, password: `${password}-typo`, ip: ip() });
    const rows = await testDb().$queryRawUnsafe<Array<{ found: boolean }>>(
      `select exists(select 1 from "User" where "passwordHash" like '%' || $1 || '%')
           or exists(select 1 from "SignInAttempt" where email like '%' || $1 || '%') as found`,
      password,
    );
    expect(rows[0]?.found).toBe(false);
  });
});

describe('clientIp', () => {
  it('takes the address the nearest trusted proxy appended', () => {
    expect(clientIp('203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientIp('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientIp('6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientIp(undefined, 0)).toBe('unknown');
  });
});
