import { seedConnection } from '../lib/db/seed/factories';
import { expect, test } from './fixtures';

test.describe('timeline', () => {
  test('a long history shows the newest events and loads older ones a page at a time, to the first', async ({ page, customer, db }) => {
    const seeded = await customer();
    const connection = await seedConnection(db, {
      orgId: seeded.orgId,
      awsAccountId: seeded.account.id,
      requestedById: seeded.owner.user.id,
      locationId: seeded.locations.eqdc2.id,
      awsConnectionId: `dxcon-tl${Date.now().toString(36)}`,
      awsState: 'available',
    });
    const start = Date.UTC(2026, 5, 1);
    await db.event.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        orgId: seeded.orgId,
        subjectType: 'CONNECTION' as const,
        subjectId: connection.id,
        connectionId: connection.id,
        source: 'AWS' as const,
        actorType: 'AWS' as const,
        actorLabel: 'AWS',
        kind: 'connection.awsState',
        message: `History entry ${i + 1}`,
        occurredAt: new Date(start + i * 60_000),
      })),
    });
    await page.goto(`/connections/${connection.id}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByText('History entry 60', { exact: true })).toBeVisible();
    await expect(timeline.getByText('History entry 36', { exact: true })).toBeVisible();
    await expect(timeline.getByText('History entry 35', { exact: true })).toHaveCount(0);
    await timeline.getByRole('button', { name: 'Show older events' }).click();
    await expect(timeline.getByText('History entry 11', { exact: true })).toBeVisible();
    await expect(timeline.getByText('History entry 10', { exact: true })).toHaveCount(0);
    await timeline.getByRole('button', { name: 'Show older events' }).click();
    await expect(timeline.getByText('History entry 1', { exact: true })).toBeVisible();
    await expect(timeline.getByText('That is the whole history.')).toBeVisible();
    await expect(timeline.getByRole('button', { name: 'Show older events' })).toHaveCount(0);
    // Every entry exactly once, newest first.
    const entries = await timeline.getByText(/^History entry \d+$/).allTextContents();
    expect(entries).toEqual(Array.from({ length: 60 }, (_, i) => `History entry ${60 - i}`));
  });
});
