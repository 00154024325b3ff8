import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { DbClient } from '../lib/db/client';
import type { Prisma } from '../lib/db/generated/client';
import { seedAwsAccount, seedConnection, seedProviderFootprint, seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

/** A connection of the organisation and events on it at the given instants. */
async function seedEvents(db: DbClient, input: { orgId: string; userId: string; events: Array<{ kind: string; at: string; message: string }> }) {
  const { locations } = await seedProviderFootprint(db);
  const account = await seedAwsAccount(db, { orgId: input.orgId });
  const awsId = `dxcon-${uniqueSuffix()}`;
  const connection = await seedConnection(db, { orgId: input.orgId, awsAccountId: account.id, requestedById: input.userId, locationId: locations.eqdc2.id, awsConnectionId: awsId });
  await db.event.createMany({
    data: input.events.map(
      (e): Prisma.EventCreateManyInput => ({
        orgId: input.orgId,
        subjectType: 'CONNECTION',
        subjectId: connection.id,
        connectionId: connection.id,
        source: 'PORTAL',
        actorType: 'NOC',
        actorLabel: 'Nora Patel (NOC)',
        kind: e.kind,
        fromState: 'SUBMITTED',
        toState: 'APPROVED',
        message: e.message,
        occurredAt: new Date(e.at),
      }),
    ),
  });
  return { connection, awsId };
}

const auditRows = (page: Page) => page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');

/** Minimal RFC 4180 reader for the export (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

test.describe('audit log', () => {
  test('a customer filters by event type and time range and downloads the same rows as CSV', async ({ page, db, loginAs }) => {
    const owner = await loginAs('CUSTOMER_OWNER');
    const { connection, awsId } = await seedEvents(db, {
      orgId: owner.orgId!,
      userId: owner.user.id,
      events: [
        { kind: 'connection.approved', at: '2031-05-01T10:00:00Z', message: 'Approved, first day' },
        { kind: 'connection.approved', at: '2031-05-02T23:59:59Z', message: '=HYPERLINK("http://x","click") at day end' },
        { kind: 'connection.approved', at: '2031-05-03T00:00:00Z', message: 'Approved the day after' },
        { kind: 'connection.awsState', at: '2031-05-02T12:00:00Z', message: 'AWS reported the port available' },
      ],
    });
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await expect(page.getByText('the from and to dates each include the whole day in UTC')).toBeVisible();
    await expect(auditRows(page)).toHaveCount(4);
    await expect(page.getByRole('columnheader', { name: 'Organisation' })).toHaveCount(0);

    await page.getByLabel('Event type').selectOption('connection.approved');
    await page.getByLabel('From (UTC)').fill('2031-05-01');
    await page.getByLabel('To (UTC, inclusive)').fill('2031-05-02');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/kind=connection\.approved/);
    await expect(auditRows(page)).toHaveCount(2);
    await expect(auditRows(page).nth(0)).toContainText('2031-05-02 23:59:59');
    await expect(auditRows(page).nth(1)).toContainText('Approved, first day');
    await expect(page.getByText('Approved the day after')).toHaveCount(0);
    await expect(page.getByText('AWS reported the port available')).toHaveCount(0);
    await expect(auditRows(page).first().getByRole('link', { name: connection.name })).toHaveAttribute('href', `/connections/${connection.id}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(['Time (UTC)', 'Object type', 'Object id', 'Object name', 'AWS id', 'Actor', 'Actor type', 'Event type', 'From state', 'To state', 'Message']);
    expect(rows.slice(1)).toEqual([
      ['2031-05-02T23:59:59.000Z', 'Connection', connection.id, connection.name, awsId, 'Nora Patel (NOC)', 'NOC engineer', 'connection.approved', 'SUBMITTED', 'APPROVED', `'=HYPERLINK("http://x","click") at day end`],
      ['2031-05-01T10:00:00.000Z', 'Connection', connection.id, connection.name, awsId, 'Nora Patel (NOC)', 'NOC engineer', 'connection.approved', 'SUBMITTED', 'APPROVED', 'Approved, first day'],
    ]);

    const alert = page.getByRole('alert').filter({ hasText: 'These filters cannot be applied' });
    await page.goto('/audit?from=2031-05-09&to=2031-05-01');
    await expect(alert).toContainText('The “to” date is before the “from” date.');
    await page.goto('/audit?from=2031-05-01&actorType=ROBOT');
    await expect(alert).toContainText('Choose an actor type from the list.');
    await expect(page.getByLabel('From')).toHaveValue('2031-05-01');
  });

  test("another organisation's user sees none of the first organisation's events", async ({ page, db, loginAs, openAs, browser }) => {
    const owner = await loginAs('CUSTOMER_OWNER');
    const kind = `e2e.audit${uniqueSuffix()}`;
    const { connection, awsId } = await seedEvents(db, { orgId: owner.orgId!, userId: owner.user.id, events: [{ kind, at: '2031-06-01T08:00:00Z', message: 'Secret project moved' }] });
    await page.goto(`/audit?kind=${kind}`);
    await expect(auditRows(page)).toHaveCount(1);

    const other = await openAs('CUSTOMER_OWNER');
    await other.goto(`/audit?kind=${kind}`);
    await expect(other.getByText('No events match these filters')).toBeVisible();
    await other.goto(`/audit?kind=${kind}&org=${owner.orgId}`);
    await expect(other.getByText('Secret project moved')).toHaveCount(0);
    await other.goto(`/audit?type=CONNECTION&object=${connection.id}`);
    await expect(other.getByText('No events match these filters')).toBeVisible();
    await other.goto(`/audit?object=${awsId}`);
    await expect(other.getByRole('alert').filter({ hasText: 'These filters cannot be applied' })).toContainText(`No connection “${awsId}” is visible to you.`);
    const csv = await other.request.get(`/audit/export?kind=${kind}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain('Secret project moved');

    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto('/audit');
    await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit/);
    expect((await visitor.request.get(new URL('/audit/export', process.env.E2E_BASE_URL).toString())).status()).toBe(401);
    await anonymous.close();
  });

  test('support sees the events of several organisations, with their names', async ({ db, openAs }) => {
    const kind = `e2e.audit${uniqueSuffix()}`;
    const owners = [await seedUser(db, { role: 'CUSTOMER_OWNER' }), await seedUser(db, { role: 'CUSTOMER_OWNER' })];
    for (const [i, owner] of owners.entries()) {
      await seedEvents(db, { orgId: owner.orgId!, userId: owner.user.id, events: [{ kind, at: `2031-07-0${i + 1}T08:00:00Z`, message: `Event of org ${i + 1}` }] });
    }
    const orgs = await db.organisation.findMany({ where: { id: { in: owners.map((o) => o.orgId!) } }, select: { name: true } });

    const support = await openAs('SUPPORT');
    await support.goto('/support/connections');
    await support.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(support.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await support.goto(`/audit?kind=${kind}`);
    await expect(auditRows(support)).toHaveCount(2);
    await expect(support.getByRole('columnheader', { name: 'Organisation' })).toBeVisible();
    for (const { name } of orgs) await expect(support.getByRole('table', { name: 'Audit log' })).toContainText(name);
  });
});
