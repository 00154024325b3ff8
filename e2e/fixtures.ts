import { test as base, expect, type Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import type { Role } from '../lib/auth/permissions';
import { createDbClient, type DbClient } from '../lib/db/client';
import { seedUser } from '../lib/db/seed/factories';
import { SandboxControl } from '../lib/test/sandbox';
import { seedSandboxCustomer } from '../lib/test/scenario';

type SeededUser = Awaited<ReturnType<typeof seedUser>>;

type Fixtures = {
  /** Creates a user with the role (and a new organisation for customers unless given) and signs the page in. */
  loginAs: (role: Role, options?: { orgId?: string; name?: string }) => Promise<SeededUser>;
  /** A customer owner whose organisation has a verified AWS account that exists in the sandbox; the page is signed in. */
  customer: () => Promise<Awaited<ReturnType<typeof seedSandboxCustomer>>>;
  /** Opens a second browser context signed in as a new user with the role (e.g. the NOC engineer). */
  openAs: (role: Role, options?: { orgId?: string }) => Promise<Page>;
};

type WorkerFixtures = { db: DbClient; sandbox: SandboxControl };

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
  sandbox: [async ({}, use) => use(SandboxControl.fromEnv()), { scope: 'worker' }],
  customer: async ({ page, db, sandbox }, use) => {
    await use(async () => {
      const seeded = await seedSandboxCustomer(db, sandbox);
      await signIn(page, seeded.owner.user.id);
      return seeded;
    });
  },
  openAs: async ({ browser, db }, use) => {
    const contexts: Array<Awaited<ReturnType<typeof browser.newContext>>> = [];
    await use(async (role, options = {}) => {
      const context = await browser.newContext();
      contexts.push(context);
      const other = await context.newPage();
      const seeded = await seedUser(db, { role, orgId: options.orgId });
      await signIn(other, seeded.user.id);
      return other;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  loginAs: async ({ page, db }, use) => {
    await use(async (role, options = {}) => {
      const seeded = await seedUser(db, { role, orgId: options.orgId, name: options.name });
      await signIn(page, seeded.user.id);
      return seeded;
    });
  },
});

export { expect };
