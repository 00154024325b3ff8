import { describe, expect, it } from 'vitest';
import { seedAwsAccount, seedConnection, seedProviderFootprint } from '../db/seed/factories';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { olderTimelineEvents, TIMELINE_PAGE_SIZE, timelinePage, timelineWhere } from './timeline';

async function connectionWithEvents(count: number) {
  const { locations } = await seedProviderFootprint(testDb());
  const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
  if (owner.kind !== 'customer') throw new Error('unreachable');
  const account = await seedAwsAccount(testDb(), { orgId: owner.orgId });
  const c = await seedConnection(testDb(), { orgId: owner.orgId, awsAccountId: account.id, requestedById: owner.userId, locationId: locations.eqdc2.id });
  const start = Date.UTC(2026, 0, 1);
  await testDb().event.createMany({
    // Two events share each timestamp, so the cursor must order by id within a second too.
    data: Array.from({ length: count }, (_, i) => ({
      orgId: owner.orgId,
      subjectType: 'CONNECTION' as const,
      subjectId: c.id,
      connectionId: c.id,
      source: 'AWS' as const,
      actorType: 'AWS' as const,
      actorLabel: 'AWS',
      kind: 'test',
      message: `event ${i}`,
      occurredAt: new Date(start + Math.floor(i / 2) * 1000),
    })),
  });
  return { owner, connection: c };
}

describe('timelines', () => {
  it('show the newest page first and every older event exactly once, in order, a page at a time', async () => {
    const { owner, connection } = await connectionWithEvents(2 * TIMELINE_PAGE_SIZE + 7);
    const where = await timelineWhere(owner, { kind: 'connection', id: connection.id });
    const seen: string[] = [];
    let page = await timelinePage(where);
    expect(page.events[0]?.message).toBe(`event ${2 * TIMELINE_PAGE_SIZE + 6}`);
    seen.push(...page.events.map((e) => e.message));
    while (page.older) {
      page = await olderTimelineEvents(owner, { kind: 'connection', id: connection.id, cursor: page.older });
      seen.push(...page.events.map((e) => e.message));
    }
    expect(seen).toEqual(Array.from({ length: 2 * TIMELINE_PAGE_SIZE + 7 }, (_, i) => `event ${2 * TIMELINE_PAGE_SIZE + 6 - i}`));
  });

  it('end without an "older" link when everything fits on one page', async () => {
    const { owner, connection } = await connectionWithEvents(3);
    const page = await timelinePage(await timelineWhere(owner, { kind: 'connection', id: connection.id }));
    expect(page.events).toHaveLength(3);
    expect(page.older).toBeNull();
  });

  it("give another organisation nothing, and support all of it", async () => {
    const { connection } = await connectionWithEvents(3);
    const stranger = await seedActor(testDb(), 'CUSTOMER_OWNER');
    expect((await timelinePage(await timelineWhere(stranger, { kind: 'connection', id: connection.id }))).events).toEqual([]);
    const support = await seedActor(testDb(), 'SUPPORT');
    expect((await timelinePage(await timelineWhere(support, { kind: 'connection', id: connection.id }))).events).toHaveLength(3);
    await expect(timelineWhere(support, { kind: 'crossConnect', id: 'x' })).rejects.toThrow(/permission/);
  });

  it('refuse a forged cursor with a clear message', async () => {
    const { owner, connection } = await connectionWithEvents(1);
    await expect(olderTimelineEvents(owner, { kind: 'connection', id: connection.id, cursor: "1'; drop table" })).rejects.toThrow(/not valid; reload the page/);
  });
});
