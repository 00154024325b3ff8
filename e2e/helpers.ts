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
