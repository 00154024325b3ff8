import { ConfirmConnectionCommand } from '@aws-sdk/client-direct-connect';
import { uniqueSuffix } from '../lib/db/seed/factories';
import { pdfText } from '../lib/test/pdf';
import { customerDirectConnect } from '../lib/test/scenario';
import { expect, test } from './fixtures';
import { currentStep, header, queueRow, requestConnection, timeline } from './helpers';

test.describe('connection lifecycle', () => {
  test('dedicated: request → NOC approves → provisioned → LOA-CFA → cross-connect → available', async ({ page, customer, openAs, db }) => {
    const { orgId } = await customer();
    const orgName = (await db.organisation.findUniqueOrThrow({ where: { id: orgId } })).name;
    const name = `dc-${uniqueSuffix()}`;
    const path = await requestConnection(page, { type: 'Dedicated port', name, speed: '10 Gbps' });
    await expect(currentStep(page)).toContainText('Waiting for NOC review');
    await expect(currentStep(page)).toContainText('Our NOC');

    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await queueRow(noc, name).getByRole('button', { name: 'Approve…' }).click();
    await noc.getByRole('button', { name: 'Approve and provision' }).click();
    await expect(queueRow(noc, name)).toHaveCount(0);

    // The worker creates the port; AWS reviews it (sandbox time runs fast) and issues the LOA-CFA.
    await expect(currentStep(page)).toContainText('Cross-connect in progress', { timeout: 45_000 });
    await expect(page.getByText(/AWS created dxcon-/)).toBeVisible();
    await expect(timeline(page)).toContainText('requested → pending');
    const awsId = (await page.getByText(/^dxcon-/).first().textContent())?.trim() ?? '';
    expect(awsId).toMatch(/^dxcon-/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download LOA-CFA' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^LOA-CFA-${awsId}-.*\\.pdf$`));
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(awsId);
    expect(text).toContain('Northwind Colocation');
    // The cover sheet names the tenant: AWS's letter names only the AWS account holder.
    expect(text).toContain(`Tenant`);
    expect(text).toContain(orgName);
    await expect(timeline(page)).toContainText('Downloaded the LOA-CFA');
    // One download, one event; a HEAD probe (download managers, link checkers) is not a download.
    const loaUrl = `${path}`.replace('/connections/', '/api/connections/') + '/loa';
    expect((await page.request.head(loaUrl)).status()).toBe(200);
    await page.reload();
    await expect(timeline(page).getByText(/^Downloaded the LOA-CFA/)).toHaveCount(1);

    await noc.goto('/noc/cross-connects');
    const row = noc.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(`Tenant: ${orgName}`);
    await row.getByRole('button', { name: 'Reserve port…' }).click();
    await noc.getByLabel('Patch panel').fill('MMR1-PP-04');
    await noc.getByLabel('Port', { exact: true }).fill('17/18');
    await noc.getByRole('button', { name: 'Reserve port', exact: true }).click();
    await expect(row).toContainText('MMR1-PP-04 / 17/18');
    await row.getByRole('button', { name: 'Mark patched' }).click();

    // Testing needs evidence: an empty form is refused with a reason, then the readings are kept.
    await row.getByRole('button', { name: 'Mark tested…' }).click();
    const test = noc.getByRole('dialog');
    await expect(test).toContainText('10GBASE-LR: -14.4 to 0.5 dBm.');
    await test.getByRole('button', { name: 'Mark tested' }).click();
    await expect(test.getByText('Record the measured light level or describe the test result')).toBeVisible();
    await test.getByLabel('Rx light level (dBm)').fill('-3.2');
    await test.getByLabel('Tx light level (dBm)').fill('-2.5');
    await test.getByLabel('Test result').fill('Loopback clean, 0 errors in 10 minutes');
    await test.getByRole('button', { name: 'Mark tested' }).click();
    await expect(row).toContainText('Rx −3.2 dBm (within 10GBASE-LR range), Tx −2.5 dBm (within 10GBASE-LR range). Result: Loopback clean');

    // The printable work order carries the same facts.
    await row.getByRole('link', { name }).click();
    await expect(noc.getByRole('heading', { level: 1 })).toHaveText(`Install work order: ${name}`);
    await expect(noc.getByText(orgName).first()).toBeVisible();
    await expect(noc.getByText('MMR1-PP-04 / 17/18')).toBeVisible();
    await expect(noc.getByText(/Tested .* by /)).toBeVisible();

    // Completing asks first, naming the connection.
    await noc.getByRole('button', { name: 'Complete…' }).click();
    await expect(noc.getByRole('dialog')).toContainText(`Complete the cross-connect for ${name}?`);
    await noc.getByRole('button', { name: `Complete ${name}` }).click();
    await expect(header(noc)).toContainText('Complete');
    await noc.goto('/noc/cross-connects');
    await expect(row).toHaveCount(0);

    // The sandbox sees light on the patched fibre; the sync notices and the page updates by itself.
    await expect(currentStep(page)).toContainText('Available', { timeout: 45_000 });
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await expect(timeline(page)).toContainText('The link is up: the connection is available.');
    await expect(timeline(page)).toContainText('MMR1-PP-04 port 17/18');
    await expect(timeline(page)).toContainText('Cross-connect: tested: Rx −3.2 dBm');
    expect(new URL(page.url()).pathname).toBe(path);
  });

  test('hosted: NOC assigns a VLAN, the customer accepts in the portal, it becomes available', async ({ page, customer, openAs }) => {
    await customer();
    const name = `hc-${uniqueSuffix()}`;
    await requestConnection(page, { type: 'Hosted connection', name, speed: '500 Mbps' });

    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await queueRow(noc, name).getByRole('button', { name: 'Approve…' }).click();
    const vlan = noc.getByLabel('VLAN');
    await expect(vlan).not.toHaveValue('');
    const suggested = await vlan.inputValue();
    await noc.getByRole('button', { name: 'Approve and provision' }).click();
    await expect(queueRow(noc, name)).toHaveCount(0);

    await expect(currentStep(page)).toContainText('Accept the hosted connection', { timeout: 45_000 });
    await expect(currentStep(page)).toContainText('You');
    await expect(page.getByText(`${suggested}`, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Accept hosted connection' }).click();
    await expect(currentStep(page)).toContainText('Available', { timeout: 45_000 });
    await expect(timeline(page)).toContainText('Accepted the hosted connection');
    await expect(timeline(page)).toContainText('ordering → pending');
  });

  test('hosted: accepting in the AWS console is noticed by the portal', async ({ page, customer, openAs, db }) => {
    const seeded = await customer();
    const name = `hc-console-${uniqueSuffix()}`;
    const path = await requestConnection(page, { type: 'Hosted connection', name, speed: '1 Gbps' });
    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await queueRow(noc, name).getByRole('button', { name: 'Approve…' }).click();
    await noc.getByRole('button', { name: 'Approve and provision' }).click();
    await expect(currentStep(page)).toContainText('Accept the hosted connection', { timeout: 45_000 });

    const row = await db.connection.findFirstOrThrow({ where: { id: path.split('/').pop() }, select: { awsConnectionId: true } });
    await customerDirectConnect(seeded.credentials).send(new ConfirmConnectionCommand({ connectionId: row.awsConnectionId! }));
    await expect(timeline(page)).toContainText('The hosted connection was accepted outside the portal', { timeout: 45_000 });
    await expect(currentStep(page)).toContainText('Available', { timeout: 45_000 });
  });

  test('rejection needs a reason, and the customer sees it', async ({ page, customer, openAs }) => {
    await customer();
    const name = `rej-${uniqueSuffix()}`;
    await requestConnection(page, { type: 'Dedicated port', name, speed: '100 Gbps' });
    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await queueRow(noc, name).getByRole('button', { name: 'Reject…' }).click();
    await noc.getByRole('button', { name: 'Reject request' }).click();
    await expect(noc.getByText('Tell the customer why in at least 10 characters; they will see this reason.')).toBeVisible();
    await noc.getByLabel('Reason').fill('No 100G ports free at EqDC2 until March; please request 10G or CSVA1.');
    await noc.getByRole('button', { name: 'Reject request' }).click();
    await expect(queueRow(noc, name)).toHaveCount(0);

    await expect(currentStep(page)).toContainText('Rejected');
    await expect(currentStep(page)).toContainText('No 100G ports free at EqDC2 until March');
    await expect(timeline(page)).toContainText('Rejected: No 100G ports free at EqDC2 until March');
  });

  test('the request form explains every invalid field and keeps what was typed', async ({ page, customer }) => {
    await customer();
    await page.goto('/connections/new');
    await page.getByLabel('Notes for our NOC (optional)').fill('Cage 4, rack 12');
    await page.getByRole('button', { name: /^Request/ }).click();
    await expect(page.getByText('Give the connection a name of at least 3 characters')).toBeVisible();
    await expect(page.getByText('Choose a location.')).toBeVisible();
    await expect(page.getByText('Choose a speed.')).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('x');
    await page.getByRole('radio', { name: /^Maximum resiliency/ }).check();
    await page.getByRole('button', { name: /^Request/ }).click();
    await expect(page.getByText('Maximum resiliency needs a second location.')).toBeVisible();
    await expect(page.getByLabel('Notes for our NOC (optional)')).toHaveValue('Cage 4, rack 12');
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('x');
    await expect(page.getByText('The port speed cannot be changed later')).toBeVisible();
  });

  test('high resiliency requests two connections that the NOC approves together', async ({ page, customer, openAs }) => {
    await customer();
    const name = `ha-${uniqueSuffix()}`;
    await page.goto('/connections/new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('AWS region').selectOption('us-east-1');
    await page.getByLabel('Location', { exact: true }).selectOption({ label: 'EqDC2: Equinix DC2/DC11, Ashburn, VA' });
    await page.getByRole('radio', { name: /^High resiliency/ }).check();
    await page.getByLabel('Speed').selectOption({ label: '10 Gbps' });
    await page.getByRole('button', { name: 'Request 2 connections' }).click();
    await expect(page.getByText('Request submitted (2 connections)')).toBeVisible();
    await expect(page.getByRole('link', { name: `${name}-2` })).toBeVisible();
    const noc = await openAs('NOC');
    await noc.goto('/noc/queue');
    await expect(queueRow(noc, `2 connections (${name})`)).toBeVisible();
  });
});
