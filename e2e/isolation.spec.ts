import { seedAwsAccount } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

test.describe('organisation isolation and role checks', () => {
  test("org B cannot open org A's pages", async ({ page, db, loginAs }) => {
    const ownerA = await loginAs('CUSTOMER_OWNER');
    const account = await seedAwsAccount(db, { orgId: ownerA.orgId!, name: 'Org A production' });
    await page.goto(`/aws-accounts/${account.id}`);
    await expect(page.getByRole('heading', { name: 'Org A production' })).toBeVisible();

    await page.context().clearCookies();
    await loginAs('CUSTOMER_OWNER');
    const response = await page.goto(`/aws-accounts/${account.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('Org A production')).toHaveCount(0);
    await expect(page.getByText(account.accountId)).toHaveCount(0);
  });

  test('roles cannot open pages outside their navigation', async ({ page, loginAs }) => {
    await loginAs('SUPPORT');
    for (const path of ['/noc/queue', '/noc/cross-connects', '/admin/users', '/dashboard']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await page.context().clearCookies();
    await loginAs('CUSTOMER_MEMBER');
    for (const path of ['/noc/queue', '/support/connections', '/admin/users']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });

  test('the navigation works on a phone @phone', async ({ page, loginAs }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await loginAs('CUSTOMER_OWNER');
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'AWS accounts' }).click();
    await expect(page.getByRole('heading', { name: 'AWS accounts', level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
