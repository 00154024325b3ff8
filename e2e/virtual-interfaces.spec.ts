import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedAwsAccount, uniqueSuffix } from '../lib/db/seed/factories';
import { provisionAvailableConnection } from '../lib/test/vif-scenario';
import { expect, test } from './fixtures';
import { associateWithDxGateway, attachToVpc, createDxGateway, createVpnGateway, header, timeline } from './helpers';

const bgpCard = (page: Page) => page.getByRole('region', { name: 'BGP' });

async function openWizard(page: Page, connectionId: string) {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole('link', { name: 'Create virtual interface' }).click();
  await expect(page.getByRole('heading', { name: 'New virtual interface', level: 1 })).toBeVisible();
}

async function awsVifId(page: Page) {
  return ((await page.getByText(/^dxvif-/).first().textContent()) ?? '').trim();
}

test.describe('virtual interfaces', () => {
  test('private VIF to a new Direct Connect gateway associated with a new VGW: pending → available, BGP up, router bundle', async ({ page, customer, db, sandbox }) => {
    const seeded = await customer();
    const { connection } = await provisionAvailableConnection(db, sandbox, seeded);
    const dxName = `dx-${uniqueSuffix()}`;
    await createDxGateway(page, dxName);
    await createVpnGateway(page, `vgw-${uniqueSuffix()}`);
    await attachToVpc(page);
    await associateWithDxGateway(page, dxName);

    await openWizard(page, connection.id);
    await page.getByLabel('Direct Connect gateway', { exact: true }).selectOption({ label: `${dxName} (ASN 64512)` });
    await page.getByLabel('Your BGP ASN').fill('65000');
    await page.getByRole('button', { name: 'Create virtual interface' }).click();
    await expect(page.getByText('AWS created the interface.')).toBeVisible();
    await expect(header(page)).toContainText('Pending');
    await expect(bgpCard(page)).toContainText('BGP down');
    await expect(page.getByRole('heading', { name: 'BGP is not up: what to check' })).toBeVisible();
    await expect(page.getByText('MD5 key must match')).toBeVisible();

    // The customer's router comes up: AWS reports BGP established and the page follows by itself.
    await sandbox.bgp(await awsVifId(page), 'up');
    await expect(header(page)).toContainText('Available', { timeout: 45_000 });
    await expect(bgpCard(page).getByText('BGP up', { exact: true }).first()).toBeVisible();
    // AWS reports a provisioned interface without BGP as down, then available once BGP is up.
    await expect(timeline(page)).toContainText(/(pending|down) → available/);
    await expect(timeline(page)).toContainText('IPv4 BGP session with Amazon');
    await expect(page.getByRole('heading', { name: 'BGP is not up: what to check' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Reveal key' }).click();
    await expect(page.getByLabel('BGP MD5 key')).not.toHaveText('••••••••••••');
    const key = ((await page.getByLabel('BGP MD5 key').textContent()) ?? '').trim();
    await expect(timeline(page)).toContainText('Revealed the BGP MD5 key');

    await page.getByLabel('Backend networks advertised to AWS').fill('10.20.0.0/24');
    await page.getByLabel('Backend network interface').fill('eth0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/etc\/frr\/frr\.conf$/).click();
    await expect(page.locator('pre').filter({ hasText: 'router bgp 65000' })).toContainText('password ••••••••');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download dx-router-dxvif-.*\.tar\.gz$/ }).click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-bundle-'));
    const archive = path.join(dir, download.suggestedFilename());
    await download.saveAs(archive);
    execFileSync('tar', ['-xzf', archive], { cwd: dir });
    const root = download.suggestedFilename().replace(/\.tar\.gz$/, '');
    const conf = readFileSync(path.join(dir, root, 'etc/frr/frr.conf'), 'utf8');
    expect(conf).toContain(`password ${key}`);
    expect(conf).toContain('remote-as 64512');
    expect(readFileSync(path.join(dir, root, 'install.sh'), 'utf8')).toContain("vtysh -c 'show bgp summary'");
    await expect(timeline(page)).toContainText('Downloaded the router server bundle');
  });

  test('IPv6: AWS assigns the peer addresses', async ({ page, customer, db, sandbox }) => {
    const seeded = await customer();
    const { connection } = await provisionAvailableConnection(db, sandbox, seeded);
    const dxName = `dx6-${uniqueSuffix()}`;
    await createDxGateway(page, dxName);
    await openWizard(page, connection.id);
    await page.getByLabel('Address family').selectOption('ipv6');
    await expect(page.getByText('AWS always assigns IPv6 peer addresses itself.')).toBeVisible();
    await expect(page.getByLabel('Your address')).toHaveCount(0);
    await page.getByLabel('Direct Connect gateway', { exact: true }).selectOption({ label: `${dxName} (ASN 64512)` });
    await page.getByLabel('Your BGP ASN').fill('4200000001');
    await page.getByRole('button', { name: 'Create virtual interface' }).click();
    await expect(page.getByText('AWS created the interface.')).toBeVisible();
    await expect(bgpCard(page)).toContainText('IPv6');
    await expect(bgpCard(page).getByText(/:.*\/125$/).first()).toBeVisible();
  });

  test('a hosted VIF for another AWS account is confirmed by that account', async ({ page, customer, db, sandbox }) => {
    const seeded = await customer();
    const { connection } = await provisionAvailableConnection(db, sandbox, seeded);
    const other = await seedAwsAccount(db, { orgId: seeded.orgId, name: 'Analytics' });
    await sandbox.createCustomerAccount({ accountId: other.accountId, externalId: other.externalId });
    const dxName = `dx-other-${uniqueSuffix()}`;
    await createDxGateway(page, dxName, { account: `Analytics (${other.accountId})` });

    await openWizard(page, connection.id);
    await page.getByRole('radio', { name: /^Another AWS account/ }).check();
    await page.getByLabel('Owning AWS account').selectOption(other.accountId);
    await page.getByLabel('Your BGP ASN').fill('65010');
    await page.getByRole('button', { name: 'Allocate virtual interface' }).click();
    await expect(page.getByRole('heading', { name: 'Waiting for confirmation' })).toBeVisible();
    await expect(page.getByText('Awaiting acceptance', { exact: true })).toBeVisible();
    await page.getByLabel('Direct Connect gateway', { exact: true }).selectOption({ label: dxName });
    await page.getByRole('button', { name: `Confirm as ${other.accountId}` }).click();
    await expect(page.getByRole('heading', { name: 'Waiting for confirmation' })).toHaveCount(0);
    await expect(timeline(page)).toContainText(`AWS account ${other.accountId} confirmed the hosted interface on Direct Connect gateway ${dxName}`);
  });

  test('each wizard error shows its message next to its field', async ({ page, customer, db, sandbox }) => {
    const seeded = await customer();
    const { connection } = await provisionAvailableConnection(db, sandbox, seeded);
    await openWizard(page, connection.id);
    const submit = page.getByRole('button', { name: 'Create virtual interface' });

    await page.getByLabel('VLAN').fill('4095');
    await page.getByLabel('Your BGP ASN').fill('23456');
    await submit.click();
    await expect(page.getByText('VLAN 4095 is reserved by 802.1Q; use 1 to 4094.')).toBeVisible();
    await expect(page.getByText(/23456/).first()).toBeVisible();
    await expect(page.getByText('Choose a Direct Connect gateway.')).toBeVisible();

    await page.getByLabel('VLAN').fill('1');
    await expect(page.getByText('VLAN 1 is usually the native/management VLAN')).toBeVisible();
    await page.getByLabel('Your BGP ASN').fill('65000');
    await page.getByLabel('Peer addresses', { exact: true }).selectOption('manual');
    await page.getByLabel('Your address').fill('169.254.10.2/30');
    await page.getByLabel('Amazon address').fill('169.254.20.1/30');
    await page.getByLabel('BGP MD5 key').selectOption('manual');
    await page.getByLabel('Key', { exact: true }).fill('short');
    await submit.click();
    await expect(page.getByText(/must be in the same subnet/)).toBeVisible();
    await expect(page.getByText('The BGP key must be 6 to 80 characters long; this one has 5.')).toBeVisible();

    await page.getByRole('radio', { name: /^Public/ }).check();
    await submit.click();
    await expect(page.getByText(/A public virtual interface needs at least one prefix to advertise/)).toBeVisible();
    // Nothing typed was lost along the way.
    await expect(page.getByLabel('Your BGP ASN')).toHaveValue('65000');
    await expect(page.getByLabel('VLAN')).toHaveValue('1');
  });

  test('support reads a VIF without secrets; another organisation gets 404 everywhere', async ({ page, customer, db, sandbox, openAs }) => {
    const seeded = await customer();
    const { connection } = await provisionAvailableConnection(db, sandbox, seeded);
    const dxName = `dx-iso-${uniqueSuffix()}`;
    await createDxGateway(page, dxName);
    await openWizard(page, connection.id);
    await page.getByLabel('Direct Connect gateway', { exact: true }).selectOption({ label: `${dxName} (ASN 64512)` });
    await page.getByLabel('Your BGP ASN').fill('65000');
    await page.getByRole('button', { name: 'Create virtual interface' }).click();
    await expect(page.getByText('AWS created the interface.')).toBeVisible();
    const vifPath = new URL(page.url()).pathname;
    const vifId = vifPath.split('/').pop();

    const support = await openAs('SUPPORT');
    await support.goto(vifPath);
    await expect(support.getByRole('region', { name: 'BGP' })).toBeVisible();
    await expect(support.getByText('Only members of the organisation can reveal the key.')).toBeVisible();
    for (const name of ['Reveal key', 'Delete…', 'Save settings', 'Start failover test']) await expect(support.getByRole('button', { name })).toHaveCount(0);
    expect((await support.request.get(`/api/virtual-interfaces/${vifId}/router-bundle`)).status()).toBe(404);

    const other = await openAs('CUSTOMER_OWNER');
    expect((await other.goto(vifPath))?.status()).toBe(404);
    for (const url of [`/api/virtual-interfaces/${vifId}/router-bundle`, `/api/virtual-interfaces/${vifId}/router-config?type=Generic-Generic-VendorAgnostic`, `/api/virtual-interfaces/${vifId}/version`]) {
      expect((await other.request.get(url)).status(), url).toBe(404);
    }
    expect((await other.goto(`/connections/${connection.id}/vifs/new`))?.status()).toBe(404);

    // The owner cannot decommission the connection while the interface exists; deleting it asks for its name.
    await page.goto(`/connections/${connection.id}`);
    await page.getByRole('button', { name: 'Decommission…' }).click();
    await expect(page.getByRole('dialog')).toContainText('This connection still has 1 virtual interface. Delete it first');
    await page.keyboard.press('Escape');
    await page.goto(vifPath);
    const name = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(`Type ${name} to confirm`).fill('not-the-name');
    await dialog.getByRole('button', { name: 'Delete interface' }).click();
    await expect(dialog.getByText(`Type the interface's name, ${name}, to confirm.`)).toBeVisible();
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByRole('button', { name: 'Delete interface' }).click();
    await expect(header(page)).toContainText('Deleting');
    await expect(timeline(page)).toContainText('Deleted virtual interface');
  });
});
