import { randomUUID } from 'node:crypto';
import { AllocateHostedConnectionCommand, CreateConnectionCommand, DescribeConnectionsCommand, DirectConnectClient } from '@aws-sdk/client-direct-connect';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { customerDirectConnect, seedSandboxCustomer } from '../test/scenario';
import { runReminders } from '../connections/reminders';
import { syncAccount } from './account';

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });

afterEach(() => vi.restoreAllMocks());

const provider = new DirectConnectClient({
  region: 'us-east-1',
  endpoint: process.env.AWS_ENDPOINT_URL,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '' },
});

/**
 * Connections that exist in the sandbox and in the portal, as after provisioning. Beyond AWS's
 * ten ports per location, the rest are hosted connections on our interconnect (listed alike).
 */
async function provisioned(count: number) {
  const s = await seedSandboxCustomer(testDb(), sandbox);
  const client = customerDirectConnect(s.credentials);
  const ids: Array<{ id: string; awsConnectionId: string }> = [];
  for (let i = 0; i < count; i++) {
    const made =
      i < 5
        ? await client.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: `bulk-${i}` }))
        : await provider.send(
            new AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: s.account.accountId, bandwidth: '50Mbps', connectionName: `bulk-${i}`, vlan: 2000 + i }),
          );
    const row = await testDb().connection.create({
      data: {
        orgId: s.orgId,
        awsAccountId: s.account.id,
        requestedById: s.owner.user.id,
        requestGroupId: randomUUID(),
        name: `bulk-${i}`,
        type: 'DEDICATED',
        bandwidth: '1Gbps',
        locationId: s.locations.eqdc2.id,
        region: 'us-east-1',
        portalStatus: 'PROVISIONING',
        awsConnectionId: made.connectionId,
        awsState: 'requested',
      },
    });
    ids.push({ id: row.id, awsConnectionId: made.connectionId! });
  }
  return { ...s, client, ids };
}

describe('sync', () => {
  it('lists an account with one call per page of 100, whatever the number of connections', async () => {
    const s = await provisioned(120);
    const send = vi.spyOn(DirectConnectClient.prototype, 'send');
    await syncAccount(s.account.id, 'us-east-1', log);
    const describes = send.mock.calls.filter(([command]) => command instanceof DescribeConnectionsCommand);
    expect(describes).toHaveLength(2);
    expect(send.mock.calls.every(([command]) => command instanceof DescribeConnectionsCommand)).toBe(true);
  }, 120_000);

  it('records one event per real transition and nothing when nothing changed', async () => {
    const s = await provisioned(2);
    const [first, second] = s.ids;
    await sandbox.review(first!.awsConnectionId);
    await syncAccount(s.account.id, 'us-east-1', log);
    await syncAccount(s.account.id, 'us-east-1', log);
    const events = await testDb().event.findMany({ where: { connectionId: { in: s.ids.map((i) => i.id) }, kind: 'connection.awsState' } });
    expect(events.map((e) => [e.connectionId, e.fromState, e.toState])).toEqual([[first!.id, 'requested', 'pending']]);
    expect(await testDb().connection.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ awsState: 'requested' });
    // A pending dedicated port has its LOA-CFA: the sync asks for it to be fetched.
    const loaJobs = await testDb().$queryRawUnsafe<Array<{ n: bigint }>>(`select count(*)::bigint as n from pgboss.job where name = 'fetch-loa' and data->>'connectionId' = $1`, first!.id);
    expect(Number(loaJobs[0]?.n)).toBe(1);
  });

  it('marks a port up, in service, and closed when AWS deletes it', async () => {
    const s = await provisioned(1);
    const [c] = s.ids;
    await sandbox.review(c!.awsConnectionId);
    await sandbox.crossConnect(c!.awsConnectionId, 'patched');
    await syncAccount(s.account.id, 'us-east-1', log);
    const up = await testDb().connection.findUniqueOrThrow({ where: { id: c!.id } });
    expect(up).toMatchObject({ awsState: 'available', portalStatus: 'ACTIVE' });
    expect(up.portUpAt).not.toBeNull();
    await sandbox.crossConnect(c!.awsConnectionId, 'cut');
    await syncAccount(s.account.id, 'us-east-1', log);
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: c!.id } })).awsState).toBe('down');
    const { DeleteConnectionCommand } = await import('@aws-sdk/client-direct-connect');
    await s.client.send(new DeleteConnectionCommand({ connectionId: c!.awsConnectionId }));
    await syncAccount(s.account.id, 'us-east-1', log);
    const closed = await testDb().connection.findUniqueOrThrow({ where: { id: c!.id } });
    expect(closed.portalStatus).toBe('CLOSED');
    expect(closed.billingStoppedAt).not.toBeNull();
    const states = await testDb().event.findMany({ where: { connectionId: c!.id, kind: 'connection.awsState' }, orderBy: { id: 'asc' } });
    expect(states.map((e) => e.toState)).toEqual(['available', 'down', 'deleted']);
  });
});

describe('reminders', () => {
  it('warns 14 and 3 days before an LOA-CFA expires, once each, to the customer and the NOC', async () => {
    const s = await provisioned(1);
    const [c] = s.ids;
    const now = new Date();
    await testDb().connection.update({ where: { id: c!.id }, data: { awsState: 'pending', loaExpiresAt: new Date(now.getTime() + 10 * 86_400_000) } });
    await runReminders(now);
    await runReminders(now);
    const notes = await testDb().reminder.findMany({ where: { subjectId: c!.id }, orderBy: { audience: 'asc' } });
    expect(notes.map((n) => [n.audience, n.kind])).toEqual([
      ['NOC', 'loaExpiry14d'],
      ['ORG', 'loaExpiry14d'],
    ]);
    await runReminders(new Date(now.getTime() + 8 * 86_400_000));
    expect(await testDb().reminder.count({ where: { subjectId: c!.id, kind: 'loaExpiry3d' } })).toBe(2);
    expect(await testDb().event.count({ where: { connectionId: c!.id, kind: { startsWith: 'reminder.' } } })).toBe(2);
  });

  it('reminds about hosted connections left unaccepted for a week', async () => {
    const s = await provisioned(1);
    const [c] = s.ids;
    await testDb().connection.update({ where: { id: c!.id }, data: { type: 'HOSTED', awsState: 'ordering', awsStateChangedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await runReminders();
    expect(await testDb().reminder.findFirst({ where: { subjectId: c!.id, kind: 'hostedAcceptanceOverdue' } })).toMatchObject({ audience: 'ORG' });
  });
});
