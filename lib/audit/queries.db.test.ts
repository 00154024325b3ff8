import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import type { Prisma } from '../db/generated/client';
import { seedAwsAccount, seedConnection, seedProviderFootprint, uniqueSuffix } from '../db/seed/factories';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { auditExport, auditPage, auditWhere, type AuditRow } from './queries';
import { AUDIT_PAGE_SIZE, parseAuditFilters, type AuditFilters } from './schema';

type Customer = Extract<Actor, { kind: 'customer' }>;

async function customerOrg() {
  const owner = (await seedActor(testDb(), 'CUSTOMER_OWNER')) as Customer;
  const { locations } = await seedProviderFootprint(testDb());
  const account = await seedAwsAccount(testDb(), { orgId: owner.orgId });
  const awsId = `dxcon-${uniqueSuffix()}`;
  const connection = await seedConnection(testDb(), { orgId: owner.orgId, awsAccountId: account.id, requestedById: owner.userId, locationId: locations.eqdc2.id, awsConnectionId: awsId });
  return { owner, account, connection, awsId };
}

/** Each test writes events of its own kind, so other tests' rows never enter its assertions. */
function event(input: { orgId: string | null; kind: string; at: Date; subjectId?: string; overrides?: Partial<Prisma.EventCreateManyInput> }): Prisma.EventCreateManyInput {
  return {
    orgId: input.orgId,
    subjectType: 'CONNECTION',
    subjectId: input.subjectId ?? 'none',
    connectionId: null,
    source: 'PORTAL',
    actorType: 'USER',
    actorLabel: 'Somebody',
    kind: input.kind,
    message: `${input.kind} at ${input.at.toISOString()}`,
    occurredAt: input.at,
    data: { secret: 'never-shown' },
    ...input.overrides,
  };
}

async function list(actor: Actor, query: Record<string, string>): Promise<AuditRow[]> {
  const parsed = parseAuditFilters(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const where = await auditWhere(actor, parsed.filters);
  if (!where.ok) throw new Error(JSON.stringify(where.errors));
  return (await auditPage(actor, parsed.filters, where.where)).rows;
}

async function whereErrors(actor: Actor, filters: AuditFilters) {
  const where = await auditWhere(actor, filters);
  return where.ok ? null : where.errors;
}

const t0 = Date.UTC(2031, 4, 10, 12);

describe('audit log scope', () => {
  it('shows customers only their organisation, whatever they filter by, and staff everything', async () => {
    const a = await customerOrg();
    const b = await customerOrg();
    const kind = `audit.scope${uniqueSuffix()}`;
    await testDb().event.createMany({
      data: [
        event({ orgId: a.owner.orgId, kind, at: new Date(t0), subjectId: a.connection.id }),
        event({ orgId: b.owner.orgId, kind, at: new Date(t0 + 1000), subjectId: b.connection.id }),
        event({ orgId: null, kind, at: new Date(t0 + 2000), overrides: { subjectType: 'USER', subjectId: 'u-x', actorType: 'ADMIN', actorLabel: 'Ada (ADMIN)' } }),
      ],
    });
    expect((await list(a.owner, { kind })).map((r) => r.orgName)).toEqual([a.owner.orgName]);
    expect((await list(a.owner, { kind }))[0]?.subjectId).toBe(a.connection.id);
    expect((await list(b.owner, { kind })).map((r) => r.subjectId)).toEqual([b.connection.id]);

    // A's connection id, its AWS id or A's organisation do not widen B's view.
    expect(await list(b.owner, { kind, type: 'CONNECTION', object: a.connection.id })).toEqual([]);
    expect(await whereErrors(b.owner, { kind, object: a.awsId })).toEqual({ object: [`No connection “${a.awsId}” is visible to you.`] });
    const bWithOrgA = await list(b.owner, { kind, org: a.owner.orgId });
    expect(bWithOrgA.map((r) => r.subjectId)).toEqual([b.connection.id]);

    for (const role of ['SUPPORT', 'NOC', 'ADMIN'] as const) {
      const staff = await seedActor(testDb(), role);
      const rows = await list(staff, { kind });
      expect(rows.map((r) => r.orgId)).toEqual([null, b.owner.orgId, a.owner.orgId]);
      expect(rows[2]?.orgName).toMatch(/^Org /);
    }
  });

  it('never reads the raw event data', async () => {
    const a = await customerOrg();
    const kind = `audit.data${uniqueSuffix()}`;
    await testDb().event.createMany({ data: [event({ orgId: a.owner.orgId, kind, at: new Date(t0) })] });
    const [row] = await list(a.owner, { kind });
    expect(Object.keys(row!).sort()).toEqual(
      ['actorLabel', 'actorType', 'fromState', 'href', 'id', 'kind', 'message', 'occurredAt', 'orgId', 'orgName', 'subjectAwsId', 'subjectId', 'subjectName', 'subjectType', 'toState'].sort(),
    );
    expect(JSON.stringify(row)).not.toContain('never-shown');
  });
});

describe('audit log filters', () => {
  it('filter by object (portal or AWS id), actor, event type, time range and organisation', async () => {
    const a = await customerOrg();
    const b = await customerOrg();
    const kind = `audit.filter${uniqueSuffix()}`;
    const other = `${kind}.other`;
    const vif = `vif-${uniqueSuffix()}`;
    await testDb().event.createMany({
      data: [
        event({ orgId: a.owner.orgId, kind, at: new Date('2031-05-01T00:00:00Z'), subjectId: a.connection.id, overrides: { actorType: 'NOC', actorLabel: 'Nora Patel (NOC)', fromState: 'SUBMITTED', toState: 'APPROVED' } }),
        event({ orgId: a.owner.orgId, kind: other, at: new Date('2031-05-02T23:59:59Z'), subjectId: a.connection.id, overrides: { actorType: 'AWS', actorLabel: 'AWS' } }),
        event({ orgId: a.owner.orgId, kind, at: new Date('2031-05-03T00:00:00Z'), subjectId: vif, overrides: { subjectType: 'VIRTUAL_INTERFACE' } }),
        event({ orgId: b.owner.orgId, kind, at: new Date('2031-05-02T12:00:00Z'), subjectId: b.connection.id }),
      ],
    });
    const owner = a.owner;
    const kinds = { kind };
    const messagesOf = (rows: AuditRow[]) => rows.map((r) => r.occurredAt.toISOString());

    expect(messagesOf(await list(owner, { ...kinds, type: 'CONNECTION' }))).toEqual(['2031-05-01T00:00:00.000Z']);
    expect(messagesOf(await list(owner, { ...kinds, type: 'VIRTUAL_INTERFACE' }))).toEqual(['2031-05-03T00:00:00.000Z']);
    expect(messagesOf(await list(owner, { ...kinds, type: 'VIRTUAL_INTERFACE', object: vif }))).toEqual(['2031-05-03T00:00:00.000Z']);
    // The AWS id resolves to the portal id, with or without the type, in any case.
    const byAwsId = await list(owner, { object: a.awsId.toUpperCase(), from: '2031-05-01', to: '2031-05-03' });
    expect(messagesOf(byAwsId)).toEqual(['2031-05-02T23:59:59.000Z', '2031-05-01T00:00:00.000Z']);
    expect(byAwsId[0]).toMatchObject({ subjectName: a.connection.name, subjectAwsId: a.awsId, href: `/connections/${a.connection.id}` });
    expect(messagesOf(await list(owner, { type: 'CONNECTION', object: a.connection.id, kind: other }))).toEqual(['2031-05-02T23:59:59.000Z']);

    expect((await list(owner, { ...kinds, actorType: 'NOC' })).map((r) => r.actorLabel)).toEqual(['Nora Patel (NOC)']);
    expect((await list(owner, { ...kinds, actor: 'nora pat' })).map((r) => r.toState)).toEqual(['APPROVED']);
    expect(await list(owner, { ...kinds, actorType: 'AWS' })).toEqual([]);
    expect((await list(owner, { kind: other })).map((r) => r.actorType)).toEqual(['AWS']);

    // Dates are whole UTC days, both ends included.
    expect(messagesOf(await list(owner, { from: '2031-05-02', to: '2031-05-02', type: 'CONNECTION', object: a.connection.id }))).toEqual(['2031-05-02T23:59:59.000Z']);
    expect(messagesOf(await list(owner, { ...kinds, from: '2031-05-03' }))).toEqual(['2031-05-03T00:00:00.000Z']);
    expect(messagesOf(await list(owner, { ...kinds, to: '2031-05-01' }))).toEqual(['2031-05-01T00:00:00.000Z']);

    const support = await seedActor(testDb(), 'SUPPORT');
    expect(await list(support, { ...kinds })).toHaveLength(3);
    expect((await list(support, { ...kinds, org: b.owner.orgId })).map((r) => r.orgId)).toEqual([b.owner.orgId]);
    const slug = (await testDb().organisation.findUniqueOrThrow({ where: { id: a.owner.orgId } })).slug;
    expect(await list(support, { ...kinds, org: slug })).toHaveLength(2);
    expect(await whereErrors(support, { org: 'no-such-org' })).toEqual({ org: ['No organisation has the id or slug “no-such-org”.'] });
    // Staff resolve any organisation's AWS id.
    expect(await list(support, { object: b.awsId, ...kinds })).toHaveLength(1);
  });
});

describe('audit log pages', () => {
  it('walk older and back newer with every event exactly once, in order', async () => {
    const a = await customerOrg();
    const kind = `audit.pages${uniqueSuffix()}`;
    const total = 2 * AUDIT_PAGE_SIZE + 7;
    // Three events share each instant, so the cursor must break ties by id.
    await testDb().event.createMany({
      data: Array.from({ length: total }, (_, i) => event({ orgId: a.owner.orgId, kind, at: new Date(t0 + Math.floor(i / 3) * 1000), overrides: { message: `event ${i}` } })),
    });
    const parsed = parseAuditFilters({ kind });
    if (!parsed.ok) throw new Error('unreachable');
    const where = await auditWhere(a.owner, parsed.filters);
    if (!where.ok) throw new Error('unreachable');
    const pages = [];
    let page = await auditPage(a.owner, parsed.filters, where.where);
    expect(page.newer).toBeNull();
    pages.push(page);
    while (page.older) {
      page = await auditPage(a.owner, { ...parsed.filters, before: page.older }, where.where);
      pages.push(page);
    }
    expect(pages.map((p) => p.rows.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    const seen = pages.flatMap((p) => p.rows.map((r) => r.message));
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `event ${total - 1 - i}`));

    // Back from the last page towards the newest: the same pages, and no "Newer" on the first.
    const back = [pages[2]!];
    let current = pages[2]!;
    while (current.newer) {
      current = await auditPage(a.owner, { ...parsed.filters, after: current.newer }, where.where);
      back.unshift(current);
    }
    expect(back.map((p) => p.rows.map((r) => r.message))).toEqual(pages.map((p) => p.rows.map((r) => r.message)));
    expect(back[0]!.newer).toBeNull();
  });

  it('export every matching event in batches and say when the cap cut it short', async () => {
    const a = await customerOrg();
    const kind = `audit.export${uniqueSuffix()}`;
    await testDb().event.createMany({ data: Array.from({ length: 25 }, (_, i) => event({ orgId: a.owner.orgId, kind, at: new Date(t0 + i * 1000), overrides: { message: `e${i}` } })) });
    const where = await auditWhere(a.owner, { kind });
    if (!where.ok) throw new Error('unreachable');
    const collect = async (max: number, batch: number) => {
      const rows: string[] = [];
      let truncated: boolean | undefined;
      for await (const chunk of auditExport(a.owner, where.where, max, batch)) {
        if ('rows' in chunk) rows.push(...chunk.rows.map((r) => r.message));
        else truncated = chunk.truncated;
      }
      return { rows, truncated };
    };
    const all = Array.from({ length: 25 }, (_, i) => `e${24 - i}`);
    expect(await collect(100, 10)).toEqual({ rows: all, truncated: false });
    expect(await collect(25, 10)).toEqual({ rows: all, truncated: false });
    expect(await collect(20, 10)).toEqual({ rows: all.slice(0, 20), truncated: true });
    expect(await collect(7, 5)).toEqual({ rows: all.slice(0, 7), truncated: true });
    const stranger = (await seedActor(testDb(), 'CUSTOMER_OWNER')) as Customer;
    const strangerWhere = await auditWhere(stranger, { kind });
    if (!strangerWhere.ok) throw new Error('unreachable');
    const rows = [];
    for await (const chunk of auditExport(stranger, strangerWhere.where, 100)) if ('rows' in chunk) rows.push(...chunk.rows);
    expect(rows).toEqual([]);
  });
});
