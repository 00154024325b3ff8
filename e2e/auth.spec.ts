import { seedUser } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

const navByRole = {
  CUSTOMER_OWNER: ['Dashboard', 'Connections', 'Gateways', 'AWS accounts'],
  CUSTOMER_MEMBER: ['Dashboard', 'Connections', 'Gateways', 'AWS accounts'],
  NOC: ['Request queue', 'Cross-connects', 'All connections'],
  SUPPORT: ['All connections'],
  ADMIN: ['Request queue', 'Cross-connects', 'All connections', 'Users'],
} as const;

test.describe('sign-in', () => {
  for (const [role, labels] of Object.entries(navByRole)) {
    test(`${role} signs in with the form and sees the right navigation`, async ({ page, db }) => {
      const { user, password } = await seedUser(db, { role: role as keyof typeof navByRole });
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText([...labels]);
      await expect(page.getByRole('banner')).toContainText(user.name);
    });
  }

  test('a wrong password gets a clear error and keeps the email', async ({ page, db }) => {
    const { user } = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toHaveText('That email and password do not match an account. Check both and try again.');
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('empty and malformed input is explained next to each field', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('signed-out visitors are sent to sign-in and brought back afterwards', async ({ page, db }) => {
    await page.goto('/aws-accounts');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faws-accounts/);
    const { user, password } = await seedUser(db, { role: 'CUSTOMER_MEMBER' });
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/aws-accounts$/);
    await expect(page.getByRole('heading', { name: 'AWS accounts', level: 1 })).toBeVisible();
  });

  test('signing out ends the session', async ({ page, loginAs }) => {
    await loginAs('CUSTOMER_OWNER');
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
