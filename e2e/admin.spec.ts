import { seedOrg, seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

async function signInWithForm(page: import('@playwright/test').Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('user administration', () => {
  test('an admin adds a customer; they sign in with the generated password and change it', async ({ page, loginAs, db, browser }) => {
    const org = await seedOrg(db, { name: `Initech ${uniqueSuffix()}` });
    await loginAs('ADMIN');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByText('Enter the person’s name.')).toBeVisible();
    await expect(dialog.getByText('Choose a role.')).toBeVisible();

    const email = `dana-${uniqueSuffix()}@test.example`;
    await dialog.getByLabel('Name').fill('Dana Field');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Role').selectOption('CUSTOMER_MEMBER');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByText('Choose the organisation this person belongs to, or create a new one.')).toBeVisible();
    // Nothing typed was lost.
    await expect(dialog.getByLabel('Email')).toHaveValue(email);
    await dialog.getByLabel('Organisation').selectOption({ label: org.name });
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByRole('status')).toContainText(`Dana Field (${email}) can now sign in as part of ${org.name}.`);
    const password = (await dialog.getByLabel('Initial password').textContent())?.trim() ?? '';
    expect(password).toMatch(/^([a-z2-9]{5}-){3}[a-z2-9]{5}$/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row').filter({ hasText: email })).toContainText(`Member · ${org.name}`);

    const context = await browser.newContext();
    const dana = await context.newPage();
    await signInWithForm(dana, email, password);
    await expect(dana.getByRole('banner')).toContainText('Dana Field');
    // A second browser signed in as Dana, e.g. a laptop left signed in somewhere.
    const otherContext = await browser.newContext();
    const elsewhere = await otherContext.newPage();
    await signInWithForm(elsewhere, email, password);
    await expect(elsewhere.getByRole('banner')).toContainText('Dana Field');
    await dana.getByRole('link', { name: /Dana Field/ }).click();
    await expect(dana.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await dana.getByLabel('Current password').fill('wrong password here');
    await dana.getByLabel('New password', { exact: true }).fill('my own new password');
    await dana.getByLabel('New password again').fill('my own new password');
    await dana.getByRole('button', { name: 'Change password' }).click();
    await expect(dana.getByText('That is not your current password.')).toBeVisible();
    await dana.getByLabel('Current password').fill(password);
    await dana.getByRole('button', { name: 'Change password' }).click();
    await expect(dana.locator('form').filter({ has: dana.getByRole('button', { name: 'Change password' }) }).getByRole('status')).toHaveText('Your password has been changed, and every other session of your account has been signed out.');
    // This browser carries on; the other one is signed out.
    await dana.reload();
    await expect(dana.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/sign-in/);
    await context.close();
    await otherContext.close();

    const again = await browser.newContext();
    const check = await again.newPage();
    await signInWithForm(check, email, 'my own new password');
    await expect(check.getByRole('banner')).toContainText('Dana Field');
    await again.close();
  });

  test('disabling an account signs its user out; re-enabling lets them back in', async ({ page, loginAs, db, browser }) => {
    const target = await seedUser(db, { role: 'NOC', name: `Nico ${uniqueSuffix()}` });
    await loginAs('ADMIN');
    const context = await browser.newContext();
    const nico = await context.newPage();
    await signInWithForm(nico, target.user.email, target.password);
    await expect(nico.getByRole('heading', { name: 'Request queue' })).toBeVisible();

    await page.goto('/admin/users');
    const row = page.getByRole('row').filter({ hasText: target.user.email });
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('Disabled');

    await nico.reload();
    await expect(nico).toHaveURL(/\/sign-in/);
    await signInWithForm(nico, target.user.email, target.password);
    await expect(nico.getByRole('status')).toHaveText('That email and password do not match an account. Check both and try again.');

    await row.getByRole('button', { name: 'Enable' }).click();
    await expect(row).not.toContainText('Disabled');
    // Re-enabling does not bring the old session back: Nico signs in again.
    await nico.goto('/noc/queue');
    await expect(nico).toHaveURL(/\/sign-in/);
    await signInWithForm(nico, target.user.email, target.password);
    await expect(nico.getByRole('heading', { name: 'Request queue' })).toBeVisible();
    await context.close();
  });
});
