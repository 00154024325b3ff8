import { uniqueSuffix } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';
import { requestConnection } from './helpers';

test.describe('dashboard', () => {
  test('puts reminders and the customer’s own next steps first', async ({ page, customer, db }) => {
    const seeded = await customer();
    const name = `dash-${uniqueSuffix()}`;
    const path = await requestConnection(page, { type: 'Dedicated port', name, speed: '1 Gbps' });
    await db.reminder.create({
      data: {
        orgId: seeded.orgId,
        audience: 'ORG',
        subjectType: 'CONNECTION',
        subjectId: path.split('/').pop()!,
        kind: 'loaExpiry14d',
        message: `The LOA-CFA for ${name} expires on 2027-01-01 and the cross-connect is not complete.`,
        dedupeKey: `e2e-${uniqueSuffix()}`,
      },
    });
    await page.goto('/dashboard');
    const reminders = page.getByRole('region', { name: 'Reminders and alerts' });
    await expect(reminders).toContainText(`The LOA-CFA for ${name} expires on 2027-01-01`);
    await reminders.getByRole('link', { name: new RegExp(name) }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.goto('/dashboard');
    await reminders.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('region', { name: 'Reminders and alerts' })).toHaveCount(0);
    await expect(page.getByText('In progress')).toBeVisible();
  });
});
