import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedAwsAccount, seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';

import { getAwsAccount, listAwsAccounts } from './queries';

async function customer(role: 'CUSTOMER_OWNER' | 'CUSTOMER_MEMBER' = 'CUSTOMER_OWNER', orgId?: string): Promise<Actor> {
  const { user, orgId: org } = await seedUser(testDb(), { role, orgId });
  return { kind: 'customer', userId: user.id, name: user.name, email: user.email, role, orgId: org!, orgName: 'x' };
}

describe('AWS account queries', () => {
  it('an organisation sees only its own accounts; another organisation gets "not found"', async () => {
    const a = await customer();
    const b = await customer();
    const accountA = await seedAwsAccount(testDb(), { orgId: a.kind === 'customer' ? a.orgId : '' });
    expect((await listAwsAccounts(a)).map((x) => x.id)).toEqual([accountA.id]);
    expect(await listAwsAccounts(b)).toEqual([]);
    expect(await getAwsAccount(a, accountA.id)).toMatchObject({ accountId: accountA.accountId });
    expect(await getAwsAccount(b, accountA.id)).toBeNull();
  });

  it('staff read across organisations', async () => {
    const a = await customer();
    const account = await seedAwsAccount(testDb(), { orgId: a.kind === 'customer' ? a.orgId : '' });
    const { user } = await seedUser(testDb(), { role: 'SUPPORT' });
    const support: Actor = { kind: 'staff', userId: user.id, name: user.name, email: user.email, role: 'SUPPORT' };
    expect(await getAwsAccount(support, account.id)).toMatchObject({ id: account.id });
  });
});
