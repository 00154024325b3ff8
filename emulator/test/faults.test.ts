import { CreateConnectionCommand, DescribeConnectionsCommand, DescribeLocationsCommand } from '@aws-sdk/client-direct-connect';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER2, expectAwsError, useSandbox } from './helpers.js';

const t = useSandbox();

afterEach(async () => {
  await t.control('DELETE', '/faults');
});

describe('fault injection', () => {
  it('throttling for 2 calls is retried transparently by the SDK', async () => {
    const res = await t.control('POST', '/faults', { operation: 'DescribeLocations', kind: 'throttle', count: 2 });
    expect(res.status).toBe(201);
    expect((res.body as { id: string }).id).toMatch(/^fault-/);
    const out = await t.dx(CUSTOMER2).send(new DescribeLocationsCommand({}));
    expect(out.locations?.length).toBeGreaterThan(0);
    expect(out.$metadata.attempts).toBe(3);
    expect((await t.control('GET', '/faults')).body).toEqual({ faults: [] });
    const throttled = t.recorded.filter((r) => r.operation === 'DescribeLocations' && r.status === 400);
    expect(JSON.parse(throttled.at(-1)?.body ?? '{}')).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
  });

  it('throttling beyond the retry budget surfaces ThrottlingException', async () => {
    await t.control('POST', '/faults', { operation: 'DescribeConnections', service: 'directconnect', kind: 'throttle' });
    const err = await expectAwsError(t.dx(CUSTOMER2, 'us-east-1', 1).send(new DescribeConnectionsCommand({})), 'ThrottlingException', 'Rate exceeded');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('server errors: DirectConnectServerException 500, EC2 InternalError, STS InternalFailure', async () => {
    await t.control('POST', '/faults', { operation: '*', kind: 'server-error', count: 3 });
    const err = await expectAwsError(t.dx(CUSTOMER2, 'us-east-1', 1).send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x' })), 'DirectConnectServerException');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    await expectAwsError(t.ec2(CUSTOMER2, 'us-east-1', 1).send(new DescribeVpcsCommand({})), 'InternalError');
    await expectAwsError(t.sts(CUSTOMER2, 'us-east-1', 1).send(new GetCallerIdentityCommand({})), 'InternalFailure');
    expect((await t.dx(CUSTOMER2).send(new DescribeConnectionsCommand({}))).connections).toEqual([]);
  });

  it('a single 5xx is retried by the SDK', async () => {
    await t.control('POST', '/faults', { operation: 'DescribeConnections', kind: 'server-error', count: 1 });
    const out = await t.dx(CUSTOMER2).send(new DescribeConnectionsCommand({}));
    expect(out.$metadata.attempts).toBe(2);
  });

  it('EC2 throttling is RequestLimitExceeded (503), STS is Throttling; the service filter applies', async () => {
    await t.control('POST', '/faults', { service: 'ec2', kind: 'throttle', count: 1 });
    await t.control('POST', '/faults', { service: 'sts', kind: 'throttle', count: 1 });
    const ec2Err = await expectAwsError(t.ec2(CUSTOMER2, 'us-east-1', 1).send(new DescribeVpcsCommand({})), 'RequestLimitExceeded');
    expect(ec2Err.$metadata?.httpStatusCode).toBe(503);
    await expectAwsError(t.sts(CUSTOMER2, 'us-east-1', 1).send(new GetCallerIdentityCommand({})), 'Throttling');
    expect((await t.dx(CUSTOMER2, 'us-east-1', 1).send(new DescribeLocationsCommand({}))).locations?.length).toBeGreaterThan(0);
  });

  it('adds latency', async () => {
    await t.control('POST', '/faults', { operation: 'DescribeLocations', kind: 'latency', latencyMs: 150 });
    const started = performance.now();
    await t.dx(CUSTOMER2).send(new DescribeLocationsCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await t.dx(CUSTOMER2).send(new DescribeConnectionsCommand({}));
    const listed = (await t.control('GET', '/faults')).body as { faults: { fired: number }[] };
    expect(listed.faults[0]?.fired).toBe(1);
  });

  it('a fraction of calls fails, reproducibly for a given seed', async () => {
    const run = async () => {
      await t.control('POST', '/faults', { operation: 'DescribeConnections', kind: 'server-error', fraction: 0.5, seed: 7 });
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        try {
          await t.dx(CUSTOMER2, 'us-east-1', 1).send(new DescribeConnectionsCommand({}));
          outcomes.push('ok');
        } catch {
          outcomes.push('fail');
        }
      }
      await t.control('DELETE', '/faults');
      return outcomes;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const failures = a.filter((o) => o === 'fail').length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
  });

  it('lists, deletes one, validates bodies', async () => {
    const { body } = await t.control('POST', '/faults', { operation: 'CreateConnection', kind: 'throttle', count: 5 });
    const id = (body as { id: string }).id;
    const listed = (await t.control('GET', '/faults')).body as { faults: { id: string; remaining: number; kind: string }[] };
    expect(listed.faults).toEqual([expect.objectContaining({ id, remaining: 5, kind: 'throttle', operation: 'CreateConnection' })]);
    expect((await t.control('DELETE', `/faults/${id}`)).status).toBe(200);
    expect((await t.control('DELETE', `/faults/${id}`)).status).toBe(404);
    expect((await t.control('POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect((await t.control('POST', '/faults', { kind: 'latency' })).status).toBe(400);
    expect((await t.control('POST', '/faults', { kind: 'throttle', fraction: 2 })).status).toBe(400);
  });
});
