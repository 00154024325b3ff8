import { uniqueSuffix } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';
import { currentStep, queueRow, requestConnection, timeline } from './helpers';

test.describe('support and isolation on connections', () => {
  test('support finds any connection and sees everything read-only', async ({ page, customer, openAs }) => {
    const seeded = await customer();
    const name = `sup-${uniqueSuffix()}`;
    const path = await requestConnection(page, { type: 'Dedicated port', name, speed: '1 Gbps' });
    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await queueRow(noc, name).getByRole('button', { name: 'Approve…' }).click();
    await noc.getByRole('button', { name: 'Approve and provision' }).click();
    await expect(currentStep(page)).toContainText('Cross-connect in progress', { timeout: 45_000 });
    const awsId = (await page.getByText(/^dxcon-/).first().textContent())?.trim() ?? '';

    const support = await openAs('SUPPORT');
    for (const query of [awsId, seeded.account.accountId, name]) {
      await support.goto(`/support/connections?q=${encodeURIComponent(query)}`);
      await expect(support.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await support.goto(`/support/connections?q=${encodeURIComponent(name)}&awsState=available`);
    await expect(support.getByText('No connections match')).toBeVisible();
    await support.goto(path);
    await expect(currentStep(support)).toContainText('Cross-connect in progress');
    await expect(timeline(support)).toContainText('Approved');
    await expect(support.getByRole('link', { name: 'Download LOA-CFA' })).toBeVisible();
    for (const button of ['Accept hosted connection', 'Refresh from AWS', 'Decommission…']) {
      await expect(support.getByRole('button', { name: button })).toHaveCount(0);
    }
  });

  test("another organisation gets 404 for the page, the LOA-CFA and the live updates", async ({ page, customer, openAs, browser }) => {
    await customer();
    const name = `iso-${uniqueSuffix()}`;
    const path = await requestConnection(page, { type: 'Hosted connection', name, speed: '100 Mbps' });
    const id = path.split('/').pop()!;
    const other = await openAs('CUSTOMER_OWNER');
    const pageResponse = await other.goto(path);
    expect(pageResponse?.status()).toBe(404);
    await expect(other.getByText(name)).toHaveCount(0);
    for (const url of [`/api/connections/${id}/loa`, `/api/connections/${id}/version`]) {
      const response = await other.request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text()).not.toContain(name);
    }
    await other.goto(`/connections?q=${encodeURIComponent(name)}`);
    await expect(other.getByRole('link', { name })).toHaveCount(0);

    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(new URL(`/api/connections/${id}/loa`, process.env.E2E_BASE_URL).toString());
    expect(response.status()).toBe(401);
    await anonymous.close();
  });
});
