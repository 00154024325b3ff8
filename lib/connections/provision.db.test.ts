import { randomUUID } from 'node:crypto';
import { DescribeConnectionsCommand } from '@aws-sdk/client-direct-connect';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { customerDirectConnect, seedSandboxCustomer } from '../test/scenario';
import { hasPortalTag } from './aws-target';
import { provisionConnection } from './provision';

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });

async function approvedConnection(type: 'DEDICATED' | 'HOSTED' = 'DEDICATED') {
  const s = await seedSandboxCustomer(testDb(), sandbox);
  const connection = await testDb().connection.create({
    data: {
      orgId: s.orgId,
      awsAccountId: s.account.id,
      requestedById: s.owner.user.id,
      requestGroupId: randomUUID(),
      name: `reliability-${randomUUID().slice(0, 6)}`,
      type,
      bandwidth: type === 'DEDICATED' ? '10Gbps' : '500Mbps',
      locationId: s.locations.eqdc2.id,
      region: 'us-east-1',
      portalStatus: 'APPROVED',
      ...(type === 'HOSTED' ? { interconnectId: s.interconnects.icUs.id, vlan: 100 + Math.floor(Math.random() * 1800) } : {}),
    },
  });
  return { ...s, connection };
}

/** Runs the job as pg-boss would: retried with the same payload until it stops throwing. */
async function runWithRetries(connectionId: string, retryLimit = 8) {
  for (let retryCount = 0; ; retryCount++) {
    try {
      await provisionConnection(connectionId, { retryCount, retryLimit }, log);
      return retryCount;
    } catch (error) {
      if (retryCount >= retryLimit) throw error;
    }
  }
}

async function awsConnectionsTagged(credentials: { accessKeyId: string; secretAccessKey: string }, id: string) {
  const response = await customerDirectConnect(credentials).send(new DescribeConnectionsCommand({}));
  return (response.connections ?? []).filter((c) => hasPortalTag(c.tags, id));
}

afterEach(() => sandbox.clearFaults());

describe('provisioning a connection', () => {
  it('creates a dedicated port in the customer account, tagged with the portal id', async () => {
    const { connection, credentials } = await approvedConnection();
    await runWithRetries(connection.id);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.portalStatus).toBe('PROVISIONING');
    expect(row.awsState).toBe('requested');
    const inAws = await awsConnectionsTagged(credentials, connection.id);
    expect(inAws.map((c) => c.connectionId)).toEqual([row.awsConnectionId]);
    expect(inAws[0]).toMatchObject({ bandwidth: '10Gbps', location: 'EqDC2', providerName: 'Northwind Colocation' });
  });

  it('ends provisioned exactly once through throttling and server errors', async () => {
    const { connection, credentials } = await approvedConnection();
    await sandbox.addFault({ operation: 'CreateConnection', kind: 'throttle', count: 8 });
    await sandbox.addFault({ operation: 'DescribeConnections', kind: 'server-error', count: 7 });
    await sandbox.addFault({ operation: 'AssumeRole', service: 'sts', kind: 'throttle', count: 3 });
    await sandbox.addFault({ operation: 'CreateConnection', kind: 'server-error', fraction: 0.5, seed: 7 });
    const retries = await runWithRetries(connection.id);
    expect(retries).toBeGreaterThan(0);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.awsConnectionId).toMatch(/^dxcon-/);
    expect(await awsConnectionsTagged(credentials, connection.id)).toHaveLength(1);
    const created = await testDb().event.count({ where: { connectionId: connection.id, kind: 'connection.created' } });
    expect(created).toBe(1);
  }, 120_000);

  it('adopts a connection AWS created when the answer was lost, instead of creating another', async () => {
    const { connection, credentials } = await approvedConnection();
    // AWS creates the port, but the response never arrives: simulate by creating it out of band with the tag.
    const client = customerDirectConnect(credentials);
    const { CreateConnectionCommand } = await import('@aws-sdk/client-direct-connect');
    const made = await client.send(
      new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: connection.name, tags: [{ key: 'dx-portal:id', value: connection.id }] }),
    );
    await runWithRetries(connection.id);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.awsConnectionId).toBe(made.connectionId);
    expect(await awsConnectionsTagged(credentials, connection.id)).toHaveLength(1);
    const event = await testDb().event.findFirstOrThrow({ where: { connectionId: connection.id, kind: 'connection.created' } });
    expect(event.message).toContain('adopted');
  });

  it('gives up after the retry limit and shows NOC the AWS error', async () => {
    const { connection } = await approvedConnection();
    await sandbox.addFault({ operation: 'DescribeConnections', kind: 'server-error' });
    await expect(runWithRetries(connection.id, 2)).resolves.toBe(2);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.portalStatus).toBe('PROVISIONING_FAILED');
    expect(row.lastError).toContain('DirectConnectServerException');
    const note = await testDb().reminder.findFirst({ where: { subjectId: connection.id, audience: 'NOC', kind: 'provisioning.failed' } });
    expect(note?.message).toContain('DirectConnectServerException');
  });

  it('fails at once, without retrying, when AWS rejects the request', async () => {
    const { connection } = await approvedConnection();
    await testDb().connection.update({ where: { id: connection.id }, data: { bandwidth: '3Gbps' } });
    await provisionConnection(connection.id, { retryCount: 0, retryLimit: 8 }, log);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.portalStatus).toBe('PROVISIONING_FAILED');
    expect(row.lastError).toMatch(/DirectConnectClientException/);
  });

  it('allocates a hosted connection on the provider interconnect for the customer account', async () => {
    const { connection, credentials } = await approvedConnection('HOSTED');
    await runWithRetries(connection.id);
    const row = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.awsState).toBe('ordering');
    const visible = await awsConnectionsTagged(credentials, connection.id);
    expect(visible).toHaveLength(1);
    expect(visible[0]).toMatchObject({ vlan: connection.vlan, bandwidth: '500Mbps', connectionState: 'ordering', partnerName: expect.any(String) });
  });
});
