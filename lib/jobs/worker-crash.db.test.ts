import { randomUUID } from 'node:crypto';
import { DescribeConnectionsCommand } from '@aws-sdk/client-direct-connect';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPortalTag } from '../connections/aws-target';
import { testDb } from '../test/db';
import { WorkerProcesses, until } from '../test/worker-process';
import { SandboxControl } from '../test/sandbox';
import { customerDirectConnect, seedSandboxCustomer } from '../test/scenario';
import { enqueue } from './enqueue';

const sandbox = SandboxControl.fromEnv();
const workers = new WorkerProcesses();

afterEach(async () => {
  await workers.stopAll();
  await sandbox.clearFaults();
});

describe('a worker killed in the middle of provisioning', () => {
  it('is replaced by another that finishes the job without creating a second connection', { timeout: 120_000 }, async () => {
    const s = await seedSandboxCustomer(testDb(), sandbox);
    const connection = await testDb().connection.create({
      data: {
        orgId: s.orgId,
        awsAccountId: s.account.id,
        requestedById: s.owner.user.id,
        requestGroupId: randomUUID(),
        name: `crash-${randomUUID().slice(0, 6)}`,
        type: 'DEDICATED',
        bandwidth: '1Gbps',
        locationId: s.locations.eqdc2.id,
        region: 'us-east-1',
        portalStatus: 'APPROVED',
      },
    });
    // AWS takes 4 s to answer CreateConnection: long enough to kill the worker while it waits.
    const latency = await sandbox.addFault({ operation: 'CreateConnection', kind: 'latency', latencyMs: 4000, count: 1 });
    await testDb().$transaction((tx) => enqueue(tx, 'provisionConnection', { connectionId: connection.id }));

    const first = workers.start();
    // A one-shot fault leaves the list once it fires: the call is then in flight.
    await until('the first worker to call CreateConnection', async () => !(await sandbox.faults()).some((f) => f.id === latency.id));
    await workers.kill(first);

    const client = customerDirectConnect(s.credentials);
    const tagged = async () => ((await client.send(new DescribeConnectionsCommand({}))).connections ?? []).filter((c) => hasPortalTag(c.tags, connection.id));
    // AWS finished creating the port although nobody was left to hear the answer.
    await until('AWS to create the port', async () => (await tagged()).length === 1);
    expect((await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } })).awsConnectionId).toBeNull();

    workers.start();
    const row = await until('the replacement worker to adopt the port', async () => {
      const r = await testDb().connection.findUniqueOrThrow({ where: { id: connection.id } });
      return r.awsConnectionId ? r : null;
    });
    const inAws = await tagged();
    expect(inAws).toHaveLength(1);
    expect(row.awsConnectionId).toBe(inAws[0]?.connectionId);
    const created = await testDb().event.findMany({ where: { connectionId: connection.id, kind: 'connection.created' } });
    expect(created).toHaveLength(1);
    expect(created[0]?.message).toContain('adopted');
  });
});
