import { seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { verifySignature } from '../lib/domain/webhooks';
import { expect, test } from './fixtures';
import { requestConnection } from './helpers';
import { startReceiver } from './receiver';

test.describe('webhooks', () => {
  test('an owner adds a webhook, sees its secret once, receives a signed delivery, resends it and removes the endpoint', async ({ page, customer, openAs }) => {
    const receiver = await startReceiver();
    try {
      const { owner } = await customer();
      await page.goto('/webhooks');
      await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

      // Nothing chosen: both problems are explained, nothing is saved.
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await expect(page.getByText('Enter the URL that receives the events.')).toBeVisible();
      await expect(page.getByText('Choose at least one event type.')).toBeVisible();

      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByLabel('Description (optional)').fill('Ticketing');
      await page.getByRole('checkbox', { name: /^connection\.requested/ }).check();
      await page.getByRole('checkbox', { name: /^connection\.rejected/ }).check();
      await page.getByRole('button', { name: 'Add webhook' }).click();

      const shown = page.getByRole('region', { name: 'New webhook secret' });
      await expect(shown).toContainText('it is shown only this once');
      const secret = (await shown.getByLabel('Signing secret', { exact: true }).textContent())?.trim() ?? '';
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      // The form is empty again, the endpoint is listed; after a reload the secret is gone for good.
      await expect(page.getByLabel('Endpoint URL')).toHaveValue('');
      await expect(page.getByRole('link', { name: receiver.url })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('region', { name: 'New webhook secret' })).toHaveCount(0);
      expect(await page.content()).not.toContain(secret);
      await expect(page.getByRole('row').filter({ hasText: receiver.url })).toContainText(`${secret.slice(0, 10)}…`);

      // A real event, recorded by the request form, reaches the receiver signed with that secret.
      const name = `hook-${uniqueSuffix()}`;
      await requestConnection(page, { type: 'Dedicated port', name, speed: '10 Gbps' });
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
      const first = receiver.received[0]!;
      expect(first.headers['x-dx-event']).toBe('connection.requested');
      const check = verifySignature(secret, first.body, String(first.headers['x-dx-signature']), Math.floor(Date.now() / 1000));
      expect(check.ok).toBe(true);
      expect(verifySignature('whsec_wrong', first.body, String(first.headers['x-dx-signature']), Math.floor(Date.now() / 1000)).ok).toBe(false);
      const body = JSON.parse(first.body) as { type: string; organisationId: string; object: { type: string; name: string }; toState: string };
      expect(body).toMatchObject({ type: 'connection.requested', organisationId: owner.orgId, object: { type: 'connection', name } });

      // The delivery log shows it delivered; the receiver then fails and a resend is logged as retrying.
      await page.goto('/webhooks');
      await page.getByRole('link', { name: receiver.url }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(receiver.url);
      const row = page.getByRole('row').filter({ hasText: 'connection.requested' });
      await expect(row).toContainText('Delivered');
      await expect(row).toContainText('200');
      receiver.answer(500);
      await row.getByRole('button', { name: 'Resend' }).click();
      await expect(page.getByText('Delivery queued; it is sent again within seconds.')).toBeVisible();
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
      expect(receiver.received[1]!.headers['x-dx-delivery']).toBe(first.headers['x-dx-delivery']);
      expect(receiver.received[1]!.body).toBe(first.body);
      await expect(async () => {
        await page.reload();
        await expect(row).toContainText('Retrying', { timeout: 1000 });
      }).toPass({ timeout: 20_000 });
      await expect(row).toContainText('500');
      await expect(row).toContainText('The receiver answered 500.');
      await expect(row).toContainText(/Next attempt in \d+/);

      // Removing stops it; the log stays readable.
      await page.getByRole('button', { name: 'Remove webhook' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove webhook' }).click();
      await expect(page.getByText(/^Removed on .*nothing is sent to it any more/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Resend' })).toHaveCount(0);
      await expect(row).toBeVisible();
      await page.goto('/webhooks');
      await expect(page.getByRole('link', { name: receiver.url })).toHaveCount(0);

      // A member of the organisation reads the log but cannot manage anything.
      const member = await openAs('CUSTOMER_MEMBER', { orgId: owner.orgId! });
      await member.goto('/webhooks');
      await expect(member.getByRole('button', { name: 'Add webhook' })).toHaveCount(0);
      await expect(member.getByText('An owner of your organisation can add webhooks.')).toBeVisible();
    } finally {
      await receiver.close();
    }
  });

  test('members read, support reads without the secret, another organisation sees nothing; refused URLs are explained', async ({ page, customer, openAs, db }) => {
    const { owner } = await customer();
    await page.goto('/webhooks');
    await page.getByLabel('Endpoint URL').fill('ftp://hooks.example.com/x');
    await page.getByRole('checkbox', { name: /^vif\.bgp_changed/ }).check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByText('Webhook URLs must use https:// (or http:// while the portal runs against the AWS sandbox).')).toBeVisible();
    await expect(page.getByLabel('Endpoint URL')).toHaveValue('ftp://hooks.example.com/x');
    await expect(page.getByRole('checkbox', { name: /^vif\.bgp_changed/ })).toBeChecked();

    const url = `http://127.0.0.1:9/${uniqueSuffix()}`;
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByRole('button', { name: 'Choose all' }).click();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const shown = page.getByRole('region', { name: 'New webhook secret' });
    const secret = (await shown.getByLabel('Signing secret', { exact: true }).textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'Open its delivery log' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(url);
    const detailPath = new URL(page.url()).pathname;

    const member = await openAs('CUSTOMER_MEMBER', { orgId: owner.orgId! });
    await member.goto(detailPath);
    await expect(member.getByRole('heading', { level: 1 })).toContainText(url);
    await expect(member.getByRole('button', { name: 'Remove webhook' })).toHaveCount(0);

    const support = await openAs('SUPPORT');
    await support.goto('/webhooks');
    await support.getByRole('link', { name: url }).click();
    await expect(support.getByText('Hidden from staff')).toBeVisible();
    await expect(support.getByRole('button', { name: 'Remove webhook' })).toHaveCount(0);
    expect(await support.content()).not.toContain(secret.slice(0, 10));

    const other = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    const stranger = await openAs('CUSTOMER_OWNER', { orgId: other.orgId! });
    await stranger.goto('/webhooks');
    await expect(stranger.getByRole('link', { name: url })).toHaveCount(0);
    const response = await stranger.goto(detailPath);
    expect(response?.status()).toBe(404);
  });
});
