import { test as base, expect, type Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import type { Role } from '../lib/auth/permissions';
import { createDbClient, type DbClient } from '../lib/db/client';
import { seedUser } from '../lib/db/seed/factories';

type SeededUser = Awaited<ReturnType<typeof seedUser>>;

type Fixtures = {
  /** Creates a user with the role (and a new organisation for customers unless given) and signs the page in. */
  loginAs: (role: Role, options?: { orgId?: string; name?: string }) => Promise<SeededUser>;
};

type WorkerFixtures = { db: DbClient };

/** Signs a page in by setting next-auth's session cookie; only e2e/auth.spec.ts uses the form. */
export async function signIn(page: Page, userId: string): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET ?? '';
  const token = await encode({ token: { sub: userId }, secret, maxAge: 60 * 60 });
  const url = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100');
  await page.context().addCookies([{ name: 'next-auth.session-token', value: token, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  db: [
    async ({}, use) => {
      const client = createDbClient(process.env.DATABASE_URL ?? '');
      await use(client);
      await client.$disconnect();
    },
    { scope: 'worker' },
  ],
  loginAs: async ({ page, db }, use) => {
    await use(async (role, options = {}) => {
      const seeded = await seedUser(db, { role, orgId: options.orgId, name: options.name });
      await signIn(page, seeded.user.id);
      return seeded;
    });
  },
});

export { expect };
