import type { Browser, Page } from '@playwright/test';
import type { Role } from '../lib/auth/permissions';
import type { DbClient } from '../lib/db/client';
import { seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { expect, signIn, test } from './fixtures';
import { queueRow, requestConnection } from './helpers';

/** An email as maildev's REST API (the inbox `npm run dev` prints) lists it. */
type Mail = { to: Array<{ address: string }>; subject: string; text: string };

const mailUrl = () => {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error('E2E_MAIL_URL is not set: run the browser tests through `npm test` (scripts/test.ts starts the mail catcher).');
  return url;
};
const mailTo = async (address: string): Promise<Mail[]> => {
  const all = (await (await fetch(`${mailUrl()}/email`)).json()) as Mail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
};

/** A new user with the role, signed in in a browser context of their own. */
async function person(browser: Browser, db: DbClient, role: Role, orgId?: string): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const { user } = await seedUser(db, { role, orgId });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.id);
  return { page, email: user.email, close: () => context.close() };
}

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications,/ });

test.describe('notifications', () => {
  test('a rejection reaches the owner in the header, the inbox and one email; a member who turned request emails off gets the notice but no email; the NOC is told of the request', async ({ page, customer, browser, db }) => {
    const { owner, orgId } = await customer();
    const member = await person(browser, db, 'CUSTOMER_MEMBER', orgId);
    const noc = await person(browser, db, 'NOC');
    try {
      // The member turns request emails off; the other categories stay on.
      await member.page.goto('/account#notifications');
      const requests = member.page.getByRole('checkbox', { name: /^Requests/ });
      await expect(requests).toBeChecked();
      await requests.uncheck();
      await member.page.getByRole('button', { name: 'Save email choices' }).click();
      await expect(member.page.getByText('Saved. Notifications still appear in the portal; only email changes.')).toBeVisible();
      await member.page.reload();
      await expect(member.page.getByRole('checkbox', { name: /^Requests/ })).not.toBeChecked();
      await expect(member.page.getByRole('checkbox', { name: /^Connections/ })).toBeChecked();

      await page.goto('/dashboard');
      await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');

      const name = `note-${uniqueSuffix()}`;
      await requestConnection(page, { type: 'Dedicated port', name, speed: '10 Gbps' });

      // The NOC engineer hears about the request, with its decision deadline.
      await expect.poll(async () => (await mailTo(noc.email)).filter((m) => m.subject.includes(name)).length, { timeout: 30_000 }).toBe(1);
      const [nocMail] = (await mailTo(noc.email)).filter((m) => m.subject.includes(name));
      const org = await db.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
      expect(nocMail!.subject).toBe(`[dx-portal] New request from ${org.name}: ${name}`);
      expect(nocMail!.text).toContain('Approve or reject it in the NOC queue by');
      await noc.page.goto('/notifications');
      await expect(noc.page.getByRole('link', { name: new RegExp(`New request from .*: ${name}$`) })).toBeVisible();

      await noc.page.goto('/noc/queue');
      await queueRow(noc.page, name).getByRole('button', { name: 'Reject…' }).click();
      await noc.page.getByLabel('Reason').fill('No 10G ports free at EqDC2 this month; please choose CSVA1.');
      await noc.page.getByRole('button', { name: 'Reject request' }).click();
      await expect(queueRow(noc.page, name)).toHaveCount(0);

      // The owner's bell counts it (the header is rendered per request, so reload until it does).
      await expect(async () => {
        await page.reload();
        await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
      }).toPass({ timeout: 30_000 });
      await bell(page).click();
      await expect(page).toHaveURL(/\/notifications$/);
      const notice = page.getByRole('listitem').filter({ hasText: `Request rejected: ${name}` });
      await expect(notice).toContainText('Reason: No 10G ports free at EqDC2 this month; please choose CSVA1.');
      await expect(notice).toContainText('Nothing was created in AWS and nothing is billed.');
      await expect(async () => {
        await page.reload();
        await expect(notice).toContainText('Emailed');
      }).toPass({ timeout: 30_000 });

      // Exactly one email, with the reason and a link to the connection.
      const ownerMails = (await mailTo(owner.user.email)).filter((m) => m.subject.includes(name));
      expect(ownerMails.map((m) => m.subject)).toEqual([`[dx-portal] Request rejected: ${name}`]);
      expect(ownerMails[0]!.text).toContain('Reason: No 10G ports free at EqDC2 this month; please choose CSVA1.');
      expect(ownerMails[0]!.text).toMatch(new RegExp(`${process.env.E2E_BASE_URL ?? ''}/connections/c[a-z0-9]+`));

      // Following the notice opens the connection; marking it read clears the bell.
      await notice.getByRole('button', { name: 'Mark read' }).click();
      await expect(notice.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
      await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');
      await notice.getByRole('link', { name: `Request rejected: ${name}` }).click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

      // The member sees the notice, marked as not emailed by their own choice, and got no email.
      await member.page.goto('/notifications');
      const memberNotice = member.page.getByRole('listitem').filter({ hasText: `Request rejected: ${name}` });
      await expect(memberNotice).toContainText('Not emailed (your settings)');
      expect(await mailTo(member.email)).toEqual([]);

      // A link to older notifications that the page did not make is reported, not ignored.
      await page.goto('/notifications?older=yesterday');
      await expect(page.getByRole('status').filter({ hasText: 'That link to older notifications is not valid.' })).toBeVisible();
      await expect(page.getByText(`Request rejected: ${name}`)).toBeVisible();
    } finally {
      await member.close();
      await noc.close();
    }
  });
});
