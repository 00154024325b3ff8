import { randomAwsAccountId } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

test.describe('AWS accounts', () => {
  test('an owner registers an account, sees the role to create, and verifies it', async ({ page, loginAs }) => {
    await loginAs('CUSTOMER_OWNER');
    await page.goto('/aws-accounts');
    await page.getByRole('button', { name: 'Register account' }).click();
    await expect(page.getByText('An AWS account id is 12 digits, e.g. 123456789012.')).toBeVisible();
    await page.getByLabel('AWS account id').fill('1234');
    await page.getByLabel('Name').fill('Production');
    await page.getByRole('button', { name: 'Register account' }).click();
    await expect(page.getByText('An AWS account id is 12 digits, e.g. 123456789012.')).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue('Production');

    const accountId = randomAwsAccountId();
    await page.getByLabel('AWS account id').fill(`${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}`);
    await page.getByRole('button', { name: 'Register account' }).click();
    await expect(page.getByRole('heading', { name: 'Production', level: 1 })).toBeVisible();
    await expect(page.getByText('Not verified')).toBeVisible();
    const commands = page.getByLabel('AWS CLI commands', { exact: true });
    await expect(commands).toContainText(`"AWS": "arn:aws:iam::111111111111:root"`);
    await expect(commands).toContainText('"sts:ExternalId": "dxp-');
    await expect(commands).toContainText('directconnect:CreateConnection');
    await expect(commands).not.toContainText('directconnect:*');

    // The role does not exist yet: verification fails and says what to fix.
    await page.getByRole('button', { name: 'Verify access' }).click();
    await expect(page.getByText(/AWS refused access to the IAM role arn:aws:iam::\d{12}:role\/DxPortalAccess/).first()).toBeVisible();
    await expect(page.getByText('Verification failed')).toBeVisible();

    // Sandbox mode acts out the customer creating the role in their account.
    await page.getByRole('button', { name: 'Create this role in the sandbox, then verify' }).click();
    await expect(page.getByText('Verified: the portal can work in this account.')).toBeVisible();
    await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  });

  test('a role that requires a different external id does not verify', async ({ page, loginAs, db, sandbox }) => {
    const owner = await loginAs('CUSTOMER_OWNER');
    const accountId = randomAwsAccountId();
    const account = await db.awsAccount.create({
      data: { orgId: owner.orgId!, accountId, name: 'Confused deputy', roleArn: `arn:aws:iam::${accountId}:role/DxPortalAccess`, externalId: `dxp-${accountId}` },
    });
    await sandbox.createCustomerAccount({ accountId, externalId: 'somebody-elses-external-id' });
    await page.goto(`/aws-accounts/${account.id}`);
    await page.getByRole('button', { name: 'Verify access' }).click();
    await expect(page.getByText('Verification failed')).toBeVisible();
    await expect(page.getByText(/requires the external id shown on the AWS account page/).first()).toBeVisible();
  });

  test('members see accounts but cannot register or verify them', async ({ page, loginAs }) => {
    await loginAs('CUSTOMER_MEMBER');
    await page.goto('/aws-accounts');
    await expect(page.getByRole('heading', { name: 'AWS accounts', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Register account' })).toHaveCount(0);
    await expect(page.getByText('Ask an owner of your organisation to register an AWS account.')).toBeVisible();
  });
});
