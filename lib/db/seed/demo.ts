import type { DbClient } from '../client';
import { seedAwsAccount, seedOrg, seedProviderFootprint, seedUser } from './factories';

export const DEMO_PASSWORD = 'dx-portal-demo';

export const demoUsers = [
  { email: 'owner@acme.example', name: 'Alice Carter', role: 'CUSTOMER_OWNER', org: 'Acme Robotics', does: 'Owner of Acme Robotics: AWS accounts, requests, decommissioning' },
  { email: 'member@acme.example', name: 'Bob Nguyen', role: 'CUSTOMER_MEMBER', org: 'Acme Robotics', does: 'Member of Acme Robotics: requests, VIFs, gateways, downloads' },
  { email: 'owner@globex.example', name: 'Carol Diaz', role: 'CUSTOMER_OWNER', org: 'Globex Research', does: 'Owner of Globex Research (a second, isolated customer)' },
  { email: 'noc@provider.example', name: 'Nina Okafor', role: 'NOC', org: null, does: 'NOC: approve/reject, provisioning, cross-connects' },
  { email: 'support@provider.example', name: 'Sam Patel', role: 'SUPPORT', org: null, does: 'Support: read-only view of everything, secrets masked' },
  { email: 'admin@provider.example', name: 'Ari Admin', role: 'ADMIN', org: null, does: 'Admin: NOC work and user administration' },
] as const;

/** AWS accounts the sandbox knows out of the box (emulator/README.md), with their IAM roles. */
const demoAccounts = {
  'Acme Robotics': { accountId: '222222222222', externalId: 'demo-external-id-222222222222' },
  'Globex Research': { accountId: '333333333333', externalId: 'demo-external-id-333333333333' },
} as const;

/** Seeds the demo when the database has no users; returns false when it already had data. */
export async function seedDemo(db: DbClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    await seedProviderFootprint(tx);
    const orgs = new Map<string, string>();
    for (const name of Object.keys(demoAccounts) as Array<keyof typeof demoAccounts>) {
      const org = await seedOrg(tx, { name, slug: name.toLowerCase().replace(/\s+/g, '-') });
      orgs.set(name, org.id);
      await seedAwsAccount(tx, { orgId: org.id, name: `${name} production`, ...demoAccounts[name] });
    }
    for (const user of demoUsers) {
      await seedUser(tx, {
        role: user.role,
        email: user.email,
        name: user.name,
        password: DEMO_PASSWORD,
        orgId: user.org ? orgs.get(user.org) : undefined,
      });
    }
  }, { timeout: 60_000 });
  return true;
}
