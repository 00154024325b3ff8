import { uniqueSuffix } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';
import { card, createDxGateway, createVpnGateway, header, timeline } from './helpers';

test.describe('gateways', () => {
  test('Direct Connect gateway → virtual private gateway → attach → associate → route propagation, each step with its state', async ({ page, customer }) => {
    await customer();
    const dxName = `dxgw-${uniqueSuffix()}`;
    const vgwName = `vgw-${uniqueSuffix()}`;

    await page.goto('/gateways');
    await expect(page.getByText('No Direct Connect gateways yet')).toBeVisible();
    const dxPath = await createDxGateway(page, dxName);
    await expect(header(page)).toContainText('Available');
    await expect(timeline(page)).toContainText('AWS created Direct Connect gateway');

    const vgwPath = await createVpnGateway(page, vgwName);
    await expect(timeline(page)).toContainText(/EC2 created virtual private gateway vgw-\w+ in us-east-1/);
    // pending → available arrives through the sync; the page updates by itself.
    await expect(timeline(page)).toContainText('pending → available', { timeout: 30_000 });
    await expect(header(page)).toContainText('Available');

    // The attached-first rule is explained before the customer can hit it.
    const association = card(page, '2. Direct Connect gateway association');
    await expect(association.getByRole('note')).toContainText('must be attached to a VPC before it can be associated with a Direct Connect gateway');
    await expect(association.getByRole('button', { name: 'Associate' })).toBeDisabled();
    await expect(association).toContainText('it can be associated with only one Direct Connect gateway');

    const attachment = card(page, '1. VPC attachment');
    const vpcOption = attachment.getByRole('option', { name: /vpc-\w+ · 10\.\d+\.0\.0\/16/ }).first();
    const vpcId = (await vpcOption.getAttribute('value')) ?? '';
    const vpcLabel = ((await vpcOption.textContent()) ?? '').trim();
    const cidr = vpcLabel.match(/10\.\d+\.0\.0\/16/)?.[0] ?? '';
    await attachment.getByLabel('VPC').selectOption(vpcId);
    await attachment.getByRole('button', { name: 'Attach to VPC' }).click();
    await expect(attachment).toContainText(`Attached to ${vpcLabel}.`, { timeout: 30_000 });
    await expect(attachment.getByText('Attached', { exact: true })).toBeVisible();
    await expect(timeline(page)).toContainText('attaching → attached');

    await expect(association.getByLabel('Allowed prefixes')).toHaveValue(cidr);
    const dxValue = (await association.getByRole('option', { name: new RegExp(dxName) }).getAttribute('value')) ?? '';
    await association.getByLabel('Direct Connect gateway').selectOption(dxValue);
    await association.getByRole('button', { name: 'Associate' }).click();
    await expect(association).toContainText(`Associated with ${dxName}`, { timeout: 30_000 });
    await expect(association.getByText('Associated', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(timeline(page)).toContainText('associating → associated');
    // The one-Direct-Connect-gateway rule stays in view once associated.
    await expect(association).toContainText('it can be associated with only one Direct Connect gateway');

    const propagation = card(page, '3. Route propagation');
    const firstTable = propagation.getByRole('checkbox').first();
    const tableId = (await firstTable.getAttribute('value')) ?? '';
    await firstTable.check();
    await propagation.getByRole('button', { name: 'Enable propagation' }).click();
    await expect(propagation.getByRole('listitem').filter({ hasText: tableId })).toContainText('Propagating');
    await expect(timeline(page)).toContainText(`Route propagation enabled on ${tableId}`);

    // The Direct Connect gateway shows the association and explains why it cannot be deleted.
    await page.goto(dxPath);
    const associations = page.getByRole('table', { name: 'Associations' });
    await expect(associations).toContainText(vgwName);
    await expect(associations).toContainText('Associated');
    await expect(page.getByRole('button', { name: 'Delete gateway…' })).toBeDisabled();
    await expect(page.getByRole('note')).toContainText(`Direct Connect gateway "${dxName}" is still associated with 1 virtual private gateway. Remove the associations first`);
    await expect(timeline(page)).toContainText('associated');

    // Both gateways on the list, with their states; it works on a phone.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/gateways');
    await expect(page.getByRole('table', { name: 'Direct Connect gateways' })).toContainText(dxName);
    await expect(page.getByRole('table', { name: 'Virtual private gateways' })).toContainText(vgwName);
    await page.goto(vgwPath);
    await expect(card(page, '2. Direct Connect gateway association')).toContainText(`Associated with ${dxName}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('form errors show their message', async ({ page, customer }) => {
    await customer();
    await page.goto('/gateways');
    await page.getByRole('button', { name: 'Create Direct Connect gateway' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Amazon-side ASN (optional)').fill('7224');
    await dialog.getByRole('button', { name: 'Create gateway' }).click();
    await expect(dialog.getByText('Give the Direct Connect gateway a name, e.g. "prod-dx-gateway".')).toBeVisible();
    await expect(dialog.getByText(/AS 7224 cannot be the Amazon-side ASN: AWS accepts only private ASNs here/)).toBeVisible();
    await expect(dialog.getByLabel('Amazon-side ASN (optional)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/gateways$/);
  });

  test('support sees gateways read-only; another organisation gets 404', async ({ page, customer, openAs, browser }) => {
    await customer();
    const dxName = `ro-dx-${uniqueSuffix()}`;
    const vgwName = `ro-vgw-${uniqueSuffix()}`;
    const dxPath = await createDxGateway(page, dxName);
    const vgwPath = await createVpnGateway(page, vgwName);
    await expect(timeline(page)).toContainText('pending → available', { timeout: 30_000 });

    const support = await openAs('SUPPORT');
    await support.goto('/gateways');
    await expect(support.getByRole('table', { name: 'Virtual private gateways' })).toContainText(vgwName);
    await expect(support.getByRole('button', { name: /^Create/ })).toHaveCount(0);
    await support.goto(vgwPath);
    await expect(support.getByRole('heading', { name: vgwName, level: 1 })).toBeVisible();
    await expect(timeline(support)).toContainText('pending → available');
    await expect(support.getByText('Not attached to a VPC.')).toBeVisible();
    for (const name of ['Attach to VPC', 'Associate', 'Enable propagation', 'Delete gateway…', 'Detach from VPC…']) {
      await expect(support.getByRole('button', { name })).toHaveCount(0);
    }
    await support.goto(dxPath);
    await expect(support.getByRole('heading', { name: dxName, level: 1 })).toBeVisible();
    await expect(support.getByRole('button', { name: 'Delete gateway…' })).toHaveCount(0);

    const other = await openAs('CUSTOMER_OWNER');
    for (const path of [dxPath, vgwPath]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(other.getByText(vgwName)).toHaveCount(0);
    }
    const [, , , dxId] = dxPath.split('/');
    const [, , , vgwId] = vgwPath.split('/');
    for (const url of [`/api/gateways/dx/${dxId}/version`, `/api/gateways/vgw/${vgwId}/version`]) {
      const response = await other.request.get(url);
      expect(response.status(), url).toBe(404);
    }
    await other.goto('/gateways');
    await expect(other.getByText(dxName)).toHaveCount(0);
    await expect(other.getByText(vgwName)).toHaveCount(0);

    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(new URL(`/api/gateways/vgw/${vgwId}/version`, process.env.E2E_BASE_URL).toString());
    expect(response.status()).toBe(401);
    await anonymous.close();
  });
});
