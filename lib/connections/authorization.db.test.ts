import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Role } from '../auth/permissions';
import { seedAwsAccount, seedOrg, seedProviderFootprint, seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';

/**
 * Server actions are public POST endpoints: these call them directly, as a crafted request would,
 * with each role, and with another organisation's ids.
 */
let current: Actor | null = null;
vi.mock('../auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const connectionActions = await import('../../app/(app)/connections/actions');
const nocActions = await import('../../app/(app)/noc/actions');
const accountActions = await import('../../app/(app)/aws-accounts/actions');
const { getConnection, listConnections } = await import('./queries');
const { downloadLoa } = await import('./loa');

async function actorFor(role: Role, orgId?: string): Promise<Actor> {
  const { user, orgId: org } = await seedUser(testDb(), { role, orgId });
  if (role === 'CUSTOMER_OWNER' || role === 'CUSTOMER_MEMBER') return { kind: 'customer', role, userId: user.id, name: user.name, email: user.email, orgId: org!, orgName: 'Org' };
  return { kind: 'staff', role, userId: user.id, name: user.name, email: user.email };
}

async function orgWithConnection(portalStatus: 'SUBMITTED' | 'ACTIVE' = 'SUBMITTED') {
  const { locations } = await seedProviderFootprint(testDb());
  const org = await seedOrg(testDb());
  const owner = await actorFor('CUSTOMER_OWNER', org.id);
  const account = await seedAwsAccount(testDb(), { orgId: org.id });
  const connection = await testDb().connection.create({
    data: {
      orgId: org.id,
      awsAccountId: account.id,
      requestedById: owner.userId,
      requestGroupId: randomUUID(),
      name: `conn-${randomUUID().slice(0, 6)}`,
      type: 'DEDICATED',
      bandwidth: '10Gbps',
      locationId: locations.eqdc2.id,
      region: 'us-east-1',
      portalStatus,
      awsConnectionId: portalStatus === 'ACTIVE' ? `dxcon-${randomUUID().slice(0, 8)}` : null,
      awsState: portalStatus === 'ACTIVE' ? 'available' : null,
    },
  });
  return { org, owner, account, connection, locations };
}

const denied = { ok: false, formError: 'You do not have permission to do that.' };

beforeEach(() => {
  current = null;
});

describe('server actions check the role, whoever calls them', () => {
  it('refuses everything to a signed-out caller', async () => {
    const { connection } = await orgWithConnection();
    expect(await nocActions.approveRequestAction({ requestGroupId: connection.requestGroupId })).toMatchObject({ ok: false, formError: expect.stringContaining('Sign in again') });
    expect(await connectionActions.refreshConnectionAction({ connectionId: connection.id })).toMatchObject({ ok: false });
  });

  it('lets only NOC decide on requests', async () => {
    const { connection, owner } = await orgWithConnection();
    for (const actor of [owner, await actorFor('CUSTOMER_MEMBER', owner.kind === 'customer' ? owner.orgId : undefined), await actorFor('SUPPORT')]) {
      current = actor;
      expect(await nocActions.approveRequestAction({ requestGroupId: connection.requestGroupId })).toMatchObject(denied);
      expect(await nocActions.rejectRequestAction({ requestGroupId: connection.requestGroupId, reason: 'Because I can, apparently.' })).toMatchObject(denied);
    }
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } })).portalStatus).toBe('SUBMITTED');
    current = await actorFor('NOC');
    expect(await nocActions.rejectRequestAction({ requestGroupId: connection.requestGroupId, reason: 'No 100G ports at EqDC2 yet.' })).toMatchObject({ ok: true, data: { rejected: 1 } });
    expect(await nocActions.approveRequestAction({ requestGroupId: connection.requestGroupId })).toMatchObject({ ok: false, formError: 'This request has already been decided.' });
  });

  it('keeps staff out of customer actions and support out of everything that changes state', async () => {
    const { connection, account } = await orgWithConnection('ACTIVE');
    for (const role of ['NOC', 'SUPPORT', 'ADMIN'] as const) {
      current = await actorFor(role);
      expect(await connectionActions.requestConnectionAction({ type: 'DEDICATED', name: 'sneaky', awsAccountId: account.id, region: 'us-east-1', locationId: connection.locationId, bandwidth: '1Gbps', resiliency: 'DEVELOPMENT' })).toMatchObject(denied);
      expect(await connectionActions.acceptConnectionAction({ connectionId: connection.id })).toMatchObject(denied);
      expect(await connectionActions.decommissionConnectionAction({ connectionId: connection.id, confirmName: connection.name })).toMatchObject(denied);
      expect(await accountActions.registerAwsAccountAction({ accountId: '123456789012', name: 'Nope' })).toMatchObject(denied);
    }
    current = await actorFor('SUPPORT');
    expect(await connectionActions.refreshConnectionAction({ connectionId: connection.id })).toMatchObject(denied);
    expect(await nocActions.retryProvisioningAction({ connectionId: connection.id })).toMatchObject(denied);
    expect(await nocActions.reservePortAction({ orderId: 'x', patchPanel: 'P', panelPort: '1' })).toMatchObject(denied);
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } })).portalStatus).toBe('ACTIVE');
  });

  it('lets members request but only owners decommission or manage AWS accounts', async () => {
    const { connection, owner } = await orgWithConnection('ACTIVE');
    current = await actorFor('CUSTOMER_MEMBER', owner.kind === 'customer' ? owner.orgId : undefined);
    expect(await connectionActions.decommissionConnectionAction({ connectionId: connection.id, confirmName: connection.name })).toMatchObject(denied);
    expect(await accountActions.registerAwsAccountAction({ accountId: '123456789012', name: 'Member try' })).toMatchObject(denied);
    current = owner;
    expect(await connectionActions.decommissionConnectionAction({ connectionId: connection.id, confirmName: 'wrong' })).toMatchObject({
      ok: false,
      fieldErrors: { confirmName: [`Type the connection's name, ${connection.name}, to confirm.`] },
    });
    expect(await connectionActions.decommissionConnectionAction({ connectionId: connection.id, confirmName: connection.name })).toMatchObject({ ok: true });
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } })).portalStatus).toBe('DECOMMISSIONING');
  });
});

describe("another organisation's resources are simply not found", () => {
  it('for reads, downloads and actions', async () => {
    const a = await orgWithConnection('ACTIVE');
    const b = await actorFor('CUSTOMER_OWNER');
    expect(await getConnection(b, a.connection.id)).toBeNull();
    expect((await listConnections(b, { q: a.connection.name })).items).toEqual([]);
    expect((await listConnections(b, { q: a.connection.id })).total).toBe(0);
    await expect(downloadLoa(b, a.connection.id)).rejects.toThrow('That connection was not found.');
    current = b;
    expect(await connectionActions.acceptConnectionAction({ connectionId: a.connection.id })).toMatchObject({ ok: false, formError: 'That connection was not found.' });
    expect(await connectionActions.refreshConnectionAction({ connectionId: a.connection.id })).toMatchObject({ ok: false, formError: 'That connection was not found.' });
    expect(await connectionActions.decommissionConnectionAction({ connectionId: a.connection.id, confirmName: a.connection.name })).toMatchObject({
      ok: false,
      formError: 'That connection was not found.',
    });
    expect(await accountActions.verifyAwsAccountAction({ id: a.account.id })).toMatchObject({ ok: false, formError: 'That AWS account was not found.' });
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: a.connection.id } })).portalStatus).toBe('ACTIVE');
  });

  it('lets staff read every organisation without changing it', async () => {
    const a = await orgWithConnection('ACTIVE');
    const support = await actorFor('SUPPORT');
    expect(await getConnection(support, a.connection.id)).toMatchObject({ id: a.connection.id });
    expect((await listConnections(support, { q: a.connection.awsConnectionId ?? '' })).items.map((c) => c.id)).toEqual([a.connection.id]);
  });
});
