import { readFile } from 'node:fs/promises';
import { seedUser } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

const navByRole = {
  CUSTOMER_OWNER: ['Dashboard', 'Connections', 'Gateways', 'AWS accounts', 'Webhooks', 'Audit log'],
  CUSTOMER_MEMBER: ['Dashboard', 'Connections', 'Gateways', 'AWS accounts', 'Webhooks', 'Audit log'],
  NOC: ['Request queue', 'Cross-connects', 'All connections', 'Webhooks', 'Audit log'],
  SUPPORT: ['All connections', 'Webhooks', 'Audit log'],
  ADMIN: ['Request queue', 'Cross-connects', 'All connections', 'Users', 'Webhooks', 'Audit log'],
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

/** Everything the web server has printed so far (scripts/test.ts copies its output there). */
async function webLog(): Promise<string> {
  const file = process.env.E2E_WEB_LOG;
  return file ? readFile(file, 'utf8').catch(() => '') : '';
}

test.describe('secrets never travel in a URL', () => {
  test('without JavaScript the sign-in form says so and cannot leak the password into the address', async ({ browser, db }) => {
    const { user, password } = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto('/sign-in');
    // Exactly one explanation is visible: the <noscript> note, or (should the browser parse the
    // page with scripting on) the delayed "scripts have not loaded" note.
    const notes = page.getByText(/This form needs JavaScript\.|The page's scripts have not loaded yet/).filter({ visible: true });
    await expect(notes).toHaveCount(1, { timeout: 10_000 });
    await expect(page.getByLabel('Password')).toBeDisabled();
    await expect(page.locator('form')).toHaveAttribute('method', 'post');
    // Type and submit exactly as a person would if the browser let them.
    for (const [label, value] of [['Email', user.email], ['Password', password]] as const) {
      const field = page.getByLabel(label);
      if (await field.isEditable()) await field.fill(value);
    }
    if (await page.getByLabel('Password').isEditable()) await page.getByLabel('Password').press('Enter');
    await page.getByRole('button', { name: 'Sign in' }).click({ force: true });
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => u.includes(encodeURIComponent(password)) || u.includes('password='))).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await webLog()).not.toContain(password);
    await context.close();
  });

  test('when the scripts never load the form stays shut and explains why', async ({ page }) => {
    // What a blocked dev origin, a script blocker or a broken network look like to the page.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await page.goto('/sign-in');
    await expect(page.getByText("The page's scripts have not loaded yet, so this form cannot be sent.")).toBeVisible({ timeout: 10_000 });
    await expect(page.getByLabel('Password')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  test('signing in with scripts sends the password only in a POST body and logs none of it', async ({ page, db }) => {
    const { user, password } = await seedUser(db, { role: 'CUSTOMER_MEMBER' });
    const leaks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(encodeURIComponent(password)) || request.url().includes(password)) leaks.push(request.url());
    });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(leaks).toEqual([]);
    expect(await webLog()).not.toContain(password);
  });
});
