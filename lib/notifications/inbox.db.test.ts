import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { INBOX_PAGE_SIZE, inboxPage, markRead, unreadCount } from './inbox';

async function customer(): Promise<Actor> {
  const { user, orgId } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
  return { kind: 'customer', role: 'CUSTOMER_OWNER', userId: user.id, name: user.name, email: user.email, orgId: orgId!, orgName: 'x' };
}

/** `count` notices for the actor, one second apart, the newest titled "Notice <count>". */
async function notices(actor: Actor, count: number, start = Date.UTC(2026, 10, 1)): Promise<void> {
  const db = testDb();
  for (let i = 1; i <= count; i++) {
    const event = await db.event.create({
      data: { orgId: actor.kind === 'customer' ? actor.orgId : null, subjectType: 'CONNECTION', subjectId: 'c', source: 'PORTAL', actorType: 'SYSTEM', actorLabel: 'System', kind: 'test.notice', message: `m${i}` },
    });
    await db.userNotification.create({
      data: { userId: actor.userId, eventId: event.id, category: 'requests', title: `Notice ${i}`, body: 'b', nextStep: 'n', link: '/', createdAt: new Date(start + i * 1000) },
    });
  }
}

describe('the inbox', () => {
  it('pages newest first without gaps or repeats, and shows only the signed-in user’s notices', async () => {
    const me = await customer();
    const other = await customer();
    await notices(me, INBOX_PAGE_SIZE + 5);
    await notices(other, 3);

    const first = await inboxPage(me);
    expect(first.items).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.items[0]!.title).toBe(`Notice ${INBOX_PAGE_SIZE + 5}`);
    expect(first.older).not.toBeNull();
    expect(first.invalidCursor).toBeNull();
    expect(first.paged).toBe(false);

    const second = await inboxPage(me, first.older);
    expect(second.paged).toBe(true);
    expect(second.older).toBeNull();
    expect(second.items.map((n) => n.title)).toEqual(['Notice 5', 'Notice 4', 'Notice 3', 'Notice 2', 'Notice 1']);

    const all = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(all).size).toBe(INBOX_PAGE_SIZE + 5);
    expect((await inboxPage(other)).items.map((n) => n.title)).toEqual(['Notice 3', 'Notice 2', 'Notice 1']);
    expect(await unreadCount(me)).toBe(INBOX_PAGE_SIZE + 5);
  });

  it('reports a cursor it did not make and shows the newest page instead', async () => {
    const me = await customer();
    await notices(me, 2);
    for (const bad of ['yesterday', '1_', "1_x' OR 1=1", `${'9'.repeat(16)}_abc`]) {
      const page = await inboxPage(me, bad);
      expect(page.invalidCursor).toBe('That link to older notifications is not valid.');
      expect(page.paged).toBe(false);
      expect(page.items.map((n) => n.title)).toEqual(['Notice 2', 'Notice 1']);
    }
  });

  it('marks one notice or all of them read, and a foreign notice is not found', async () => {
    const me = await customer();
    const other = await customer();
    await notices(me, 3);
    await notices(other, 1);
    const [newest] = (await inboxPage(me)).items;
    const [foreign] = (await inboxPage(other)).items;

    await markRead(me, { id: newest!.id });
    expect(await unreadCount(me)).toBe(2);
    await expect(markRead(me, { id: foreign!.id })).rejects.toThrow('That notification was not found.');
    expect(await unreadCount(other)).toBe(1);
    // Marking an already read notice again is not an error.
    await expect(markRead(me, { id: newest!.id })).resolves.toBe(0);

    expect(await markRead(me, { all: '1' })).toBe(2);
    expect(await unreadCount(me)).toBe(0);
    expect(await unreadCount(other)).toBe(1);
  });
});
