import { DescribeConnectionsCommand } from '@aws-sdk/client-direct-connect';
import { describe, expect, it } from 'vitest';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { seedActiveDedicated } from '../test/scenario';
import { decommissionConnection } from './commands';
import { runDecommission } from './decommission';
import { downloadLoa, fetchLoa } from './loa';

const sandbox = SandboxControl.fromEnv();

const activeDedicated = () => seedActiveDedicated(testDb(), sandbox);

describe('LOA-CFA', () => {
  it('opens the install work order when AWS issues the LOA, and re-issues an expired one on download', async () => {
    const { connection, owner } = await activeDedicated();
    await fetchLoa(connection.id);
    await fetchLoa(connection.id);
    const orders = await testDb().crossConnectOrder.findMany({ where: { connectionId: connection.id } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: 'INSTALL', status: 'OPEN' });
    const first = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(first.loaExpiresAt!.getTime() - first.loaIssuedAt!.getTime()).toBe(90 * 86_400_000);

    const expired = new Date(Date.now() - 86_400_000);
    await testDb().connection.update({ where: { id: connection.id }, data: { loaIssuedAt: new Date(expired.getTime() - 90 * 86_400_000), loaExpiresAt: expired } });
    const { pdf, filename, expiresAt } = await downloadLoa(owner, connection.id);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(filename).toContain(connection.awsConnectionId!);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    const after = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.loaFirstIssuedAt).toEqual(first.loaFirstIssuedAt);
    expect((await testDb().crossConnectOrder.findFirstOrThrow({ where: { connectionId: connection.id } })).loaExpiresAt).toEqual(after.loaExpiresAt);
    const event = await testDb().event.findFirstOrThrow({ where: { connectionId: connection.id, kind: 'loa.downloaded' } });
    expect(event.message).toMatch(/fresh LOA-CFA \(the previous one expired on/);
  });
});

describe('decommissioning', () => {
  it('is refused while virtual interfaces remain', async () => {
    const { connection, owner } = await activeDedicated();
    await testDb().virtualInterface.create({
      data: { orgId: owner.kind === 'customer' ? owner.orgId : '', connectionId: connection.id, awsAccountId: connection.awsAccountId, name: 'vif', type: 'PRIVATE', vlan: 101, addressFamily: 'ipv4', asn: 65000n, portalStatus: 'ACTIVE' },
    });
    await expect(decommissionConnection(owner, connection.id, connection.name)).rejects.toThrow(/Delete this connection's 1 virtual interface first/);
  });

  it('deletes the port in AWS, stops billing and opens a cease work order', async () => {
    const { connection, owner, client } = await activeDedicated();
    await decommissionConnection(owner, connection.id, connection.name);
    await runDecommission(connection.id, { retryCount: 0, retryLimit: 8 });
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ portalStatus: 'CLOSED' });
    expect(row.billingStoppedAt).not.toBeNull();
    expect(await testDb().crossConnectOrder.findFirst({ where: { connectionId: connection.id, kind: 'CEASE' } })).toMatchObject({ status: 'OPEN' });
    const listed = (await client.send(new DescribeConnectionsCommand({}))).connections?.find((c) => c.connectionId === connection.awsConnectionId);
    expect(listed?.connectionState ?? 'deleted').toMatch(/deleted|deleting/);
    const kinds = (await testDb().event.findMany({ where: { connectionId: connection.id }, orderBy: { id: 'asc' } })).map((e) => e.kind);
    expect(kinds).toEqual(['connection.decommissionRequested', 'connection.deleted', 'crossConnect.ceaseOpened']);
  });
});
