import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Fills and submits the request form; returns the new connection's page path. */
export async function requestConnection(page: Page, input: { type: 'Dedicated port' | 'Hosted connection'; name: string; speed: string; location?: string; region?: string }) {
  await page.goto('/connections/new');
  await page.getByRole('radio', { name: new RegExp(`^${input.type}`) }).check();
  await page.getByLabel('Name', { exact: true }).fill(input.name);
  await page.getByLabel('AWS region').selectOption(input.region ?? 'us-east-1');
  await page.getByLabel('Location', { exact: true }).selectOption({ label: input.location ?? 'EqDC2: Equinix DC2/DC11, Ashburn, VA' });
  await page.getByLabel('Speed').selectOption({ label: input.speed });
  await page.getByRole('button', { name: /^Request/ }).click();
  await expect(page.getByText('Request submitted')).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The row of a request in the NOC queue. */
export function queueRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

export const currentStep = (page: Page) => page.getByRole('region', { name: 'Current step' });
export const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline' });

export const header = (page: Page) => page.locator('main').getByRole('heading', { level: 1 }).locator('xpath=..');
export const card = (page: Page, title: string) => page.getByRole('region', { name: title });

/** Creates a Direct Connect gateway through its dialog; the page ends on the gateway's page. */
export async function createDxGateway(page: Page, name: string, options: { account?: string } = {}) {
  await page.goto('/gateways');
  await page.getByRole('button', { name: 'Create Direct Connect gateway' }).click();
  const dialog = page.getByRole('dialog');
  if (options.account) await dialog.getByLabel('AWS account').selectOption({ label: options.account });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create gateway' }).click();
  await expect(page).toHaveURL(/\/gateways\/dx\/[^/]+$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Creates a virtual private gateway in us-east-1; the page ends on the gateway's page. */
export async function createVpnGateway(page: Page, name: string) {
  await page.goto('/gateways');
  await page.getByRole('button', { name: 'Create virtual private gateway' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Region').selectOption('us-east-1');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create gateway' }).click();
  await expect(page).toHaveURL(/\/gateways\/vgw\/[^/]+$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** On a virtual private gateway's page: attach it to the account's first VPC and wait for `attached`. */
export async function attachToVpc(page: Page) {
  await expect(header(page)).toContainText('Available', { timeout: 30_000 });
  const attachment = card(page, '1. VPC attachment');
  const option = attachment.getByRole('option', { name: /vpc-\w+ · 10\.\d+\.0\.0\/16/ }).first();
  await attachment.getByLabel('VPC').selectOption((await option.getAttribute('value')) ?? '');
  await attachment.getByRole('button', { name: 'Attach to VPC' }).click();
  await expect(attachment.getByText('Attached', { exact: true })).toBeVisible({ timeout: 30_000 });
}

/** On a virtual private gateway's page: associate it with the named Direct Connect gateway and wait for `associated`. */
export async function associateWithDxGateway(page: Page, dxName: string) {
  const association = card(page, '2. Direct Connect gateway association');
  const value = (await association.getByRole('option', { name: new RegExp(dxName) }).getAttribute('value')) ?? '';
  await association.getByLabel('Direct Connect gateway').selectOption(value);
  await association.getByRole('button', { name: 'Associate' }).click();
  await expect(association.getByText('Associated', { exact: true })).toBeVisible({ timeout: 30_000 });
}
