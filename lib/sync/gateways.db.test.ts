import {
  CreateDirectConnectGatewayAssociationCommand,
  CreateDirectConnectGatewayCommand,
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewaysCommand,
  DirectConnectClient,
} from '@aws-sdk/client-direct-connect';
import {
  CreateVpnGatewayCommand,
  DeleteVpnGatewayCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  DescribeVpnGatewaysCommand,
  EC2Client,
  EnableVgwRoutePropagationCommand,
} from '@aws-sdk/client-ec2';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasPortalTag, portalTags } from '../connections/aws-target';
import { createDxGatewaySchema, createVpnGatewaySchema } from '../domain/gateways';
import { ec2HasPortalTag } from '../gateways/aws';
import { createDxGateway } from '../gateways/dx-gateways';
import { gatewayCustomer, until } from '../gateways/testing';
import { attachVpnGateway, createVpnGateway } from '../gateways/vpn-gateways';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { scheduleAllSyncs, syncAccount } from './account';
import { syncDxGateways, syncVpnGateways } from './gateways';

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });

afterEach(async () => {
  vi.restoreAllMocks();
  await sandbox.clearFaults();
});

type Customer = Awaited<ReturnType<typeof gatewayCustomer>>;

const gatewayAccount = (c: Customer) => ({ id: c.account.id, orgId: c.orgId, accountId: c.account.accountId, roleArn: c.account.roleArn, externalId: c.account.externalId });

/** A row as the portal writes it just before calling AWS, when the process dies before the answer. */
function pendingVgwRow(c: Customer, name: string, createdAt = new Date()) {
  return testDb().virtualPrivateGateway.create({
    data: { orgId: c.orgId, awsAccountId: c.account.id, name, region: 'us-east-1', amazonSideAsn: 64512n, portalStatus: 'CREATING', createdAt },
  });
}

async function attachedVgw(c: Customer, name: string, vpcIndex = 0) {
  const { id } = await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name, region: 'us-east-1' }));
  await until(async () => {
    await syncAccount(c.account.id, 'us-east-1', log);
    return (await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id } })).awsState === 'available';
  }, 'available');
  const vpc = ((await c.ec2().send(new DescribeVpcsCommand({}))).Vpcs ?? [])[vpcIndex];
  await attachVpnGateway(c.owner, { vpnGatewayId: id, vpcId: vpc?.VpcId ?? '' });
  const row = await until(async () => {
    await syncAccount(c.account.id, 'us-east-1', log);
    const r = await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id } });
    return r.attachmentState === 'attached' ? r : null;
  }, 'attached');
  return { id, awsId: row.awsVpnGatewayId ?? '', vpcId: row.vpcId ?? '' };
}

describe('adopting a create whose answer was lost', () => {
  it('adopts a virtual private gateway tagged with the portal id instead of creating another', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const row = await pendingVgwRow(c, 'lost-answer');
    const made = await c.ec2().send(
      new CreateVpnGatewayCommand({ Type: 'ipsec.1', TagSpecifications: [{ ResourceType: 'vpn-gateway', Tags: portalTags(row.id, c.orgId).map((t) => ({ Key: t.key, Value: t.value })) }] }),
    );
    await syncAccount(c.account.id, 'us-east-1', log);
    const adopted = await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: row.id } });
    expect(adopted).toMatchObject({ portalStatus: 'ACTIVE', awsVpnGatewayId: made.VpnGateway?.VpnGatewayId });
    const tagged = ((await c.ec2().send(new DescribeVpnGatewaysCommand({}))).VpnGateways ?? []).filter((g) => ec2HasPortalTag(g.Tags, row.id));
    expect(tagged).toHaveLength(1);
    const events = await testDb().event.findMany({ where: { subjectId: row.id } });
    expect(events.map((e) => e.kind)).toEqual(['vpnGateway.adopted']);
    expect(events[0]?.message).toContain('adopted it instead of creating another');
  });

  it('adopts a Direct Connect gateway and an association found by their tag and gateway pair', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const dxRow = await testDb().directConnectGateway.create({ data: { orgId: c.orgId, awsAccountId: c.account.id, name: 'lost-dx', amazonSideAsn: 64512n, portalStatus: 'CREATING' } });
    const made = await c.dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'lost-dx', tags: portalTags(dxRow.id, c.orgId) }));
    await syncAccount(c.account.id, 'us-east-1', log);
    expect(await testDb().directConnectGateway.findUniqueOrThrow({ where: { id: dxRow.id } })).toMatchObject({ portalStatus: 'ACTIVE', awsGatewayId: made.directConnectGateway?.directConnectGatewayId, awsState: 'available' });
    const inAws = (await c.dx().send(new DescribeDirectConnectGatewaysCommand({}))).directConnectGateways ?? [];
    expect(inAws.filter((g) => hasPortalTag(g.tags, dxRow.id))).toHaveLength(1);

    const vgw = await attachedVgw(c, 'assoc-lost');
    const assocRow = await testDb().gatewayAssociation.create({ data: { orgId: c.orgId, dxGatewayId: dxRow.id, vpnGatewayId: vgw.id, allowedPrefixes: [], portalStatus: 'CREATING' } });
    const assoc = await c.dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: made.directConnectGateway?.directConnectGatewayId, gatewayId: vgw.awsId }));
    await syncAccount(c.account.id, 'us-east-1', log);
    const adopted = await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: assocRow.id } });
    expect(adopted).toMatchObject({ portalStatus: 'ACTIVE', awsAssociationId: assoc.directConnectGatewayAssociation?.associationId });
    expect(adopted.allowedPrefixes).toHaveLength(1);
    expect((await testDb().event.findMany({ where: { subjectId: assocRow.id } })).map((e) => e.kind)).toEqual(['association.adopted']);
  });

  it('says AWS did not answer, keeps checking, and calls the request failed only when nothing appears', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    await sandbox.addFault({ operation: 'CreateVpnGateway', service: 'ec2', kind: 'server-error', count: 20 });
    await expect(createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'unanswered', region: 'us-east-1' }))).rejects.toThrow(
      /^AWS did not answer while trying to create the virtual private gateway \(InternalError\), even after retrying\. Your request is recorded: the portal keeps checking/,
    );
    await sandbox.clearFaults();
    const row = await testDb().virtualPrivateGateway.findFirstOrThrow({ where: { orgId: c.orgId, name: 'unanswered' } });
    expect(row.portalStatus).toBe('CREATING');
    // Asking again while the portal is still checking is refused: it would make a second gateway.
    await expect(createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'unanswered', region: 'us-east-1' }))).rejects.toThrow(/already being created/);

    await syncAccount(c.account.id, 'us-east-1', log);
    expect((await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: row.id } })).portalStatus).toBe('CREATING');
    await testDb().virtualPrivateGateway.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    await syncAccount(c.account.id, 'us-east-1', log);
    await syncAccount(c.account.id, 'us-east-1', log);
    const failed = await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.portalStatus).toBe('CREATE_FAILED');
    expect(failed.lastError).toMatch(/so it was never created/);
    expect((await testDb().event.findMany({ where: { subjectId: row.id }, orderBy: { id: 'asc' } })).map((e) => e.kind)).toEqual([
      'vpnGateway.requested',
      'vpnGateway.createUnconfirmed',
      'vpnGateway.createFailed',
    ]);
    expect(((await c.ec2().send(new DescribeVpnGatewaysCommand({}))).VpnGateways ?? []).filter((g) => ec2HasPortalTag(g.Tags, row.id))).toEqual([]);
  }, 60_000);
});

describe('changes made outside the portal', () => {
  it('records route propagation, a discovered association and a deletion, once each', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const dx = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'outside-dx' }));
    const dxRow = await testDb().directConnectGateway.findUniqueOrThrow({ where: { id: dx.id } });
    const vgw = await attachedVgw(c, 'outside-vgw');
    const table = ((await c.ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vgw.vpcId] }] }))).RouteTables ?? [])[0]?.RouteTableId ?? '';
    await c.ec2().send(new EnableVgwRoutePropagationCommand({ GatewayId: vgw.awsId, RouteTableId: table }));
    await c.dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: dxRow.awsGatewayId ?? '', gatewayId: vgw.awsId }));
    await syncAccount(c.account.id, 'us-east-1', log);
    await syncAccount(c.account.id, 'us-east-1', log);

    expect((await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: vgw.id } })).propagatingRouteTableIds).toEqual([table]);
    const propagation = await testDb().event.findMany({ where: { subjectId: vgw.id, kind: 'vpnGateway.propagation' } });
    expect(propagation.map((e) => e.message)).toEqual([`EC2 reports route propagation enabled on ${table} (changed outside the portal).`]);
    const found = await testDb().gatewayAssociation.findFirstOrThrow({ where: { vpnGatewayId: vgw.id } });
    expect(found).toMatchObject({ dxGatewayId: dx.id, portalStatus: 'ACTIVE' });
    expect(await testDb().event.count({ where: { subjectId: found.id, kind: 'association.discovered' } })).toBe(1);

    const other = await c.ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }));
    expect(other.VpnGateway?.VpnGatewayId).toBeTruthy();
    const loner = await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'deleted-outside', region: 'us-east-1' }));
    const lonerRow = await until(async () => {
      await syncAccount(c.account.id, 'us-east-1', log);
      const r = await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: loner.id } });
      return r.awsState === 'available' ? r : null;
    }, 'available');
    await c.ec2().send(new DeleteVpnGatewayCommand({ VpnGatewayId: lonerRow.awsVpnGatewayId ?? '' }));
    await until(async () => {
      await syncAccount(c.account.id, 'us-east-1', log);
      return (await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: loner.id } })).portalStatus === 'DELETED';
    }, 'deleted');
    await syncAccount(c.account.id, 'us-east-1', log);
    const states = await testDb().event.findMany({ where: { subjectId: loner.id, kind: 'vpnGateway.awsState' }, orderBy: { id: 'asc' } });
    expect(states.map((e) => `${e.fromState}→${e.toState}`)).toEqual(['pending→available', 'available→deleting', 'deleting→deleted']);
  });
});

describe('calls', () => {
  it('a constant number of Describe calls: associations per Direct Connect gateway, never unfiltered', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    for (const name of ['calls-a', 'calls-b', 'calls-c']) await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name }));
    await attachedVgw(c, 'calls-vgw');
    const dxSend = vi.spyOn(DirectConnectClient.prototype, 'send');
    const ec2Send = vi.spyOn(EC2Client.prototype, 'send');
    await syncVpnGateways(gatewayAccount(c), 'us-east-1', log);
    await syncDxGateways(gatewayAccount(c), log);
    const ec2Calls = ec2Send.mock.calls.map(([command]) => command.constructor.name);
    expect(ec2Calls).toEqual(['DescribeVpnGatewaysCommand', 'DescribeRouteTablesCommand']);
    const dxCalls = dxSend.mock.calls.map(([command]) => command);
    expect(dxCalls.filter((cmd) => cmd instanceof DescribeDirectConnectGatewaysCommand)).toHaveLength(1);
    const associationCalls = dxCalls.flatMap((cmd) => (cmd instanceof DescribeDirectConnectGatewayAssociationsCommand ? [cmd.input] : []));
    expect(associationCalls).toHaveLength(3);
    expect(associationCalls.every((input) => 'directConnectGatewayId' in input && Boolean(input.directConnectGatewayId))).toBe(true);
    expect(dxCalls).toHaveLength(4);
  });
});

describe('scheduling', () => {
  it('syncs every Region with a virtual private gateway, and the portal Region for Direct Connect gateways', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'sched-dx' }));
    await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'sched-vgw', region: 'eu-central-1' }));
    await testDb().$executeRawUnsafe(`delete from pgboss.job where name = 'sync-account' and data->>'awsAccountId' = $1`, c.account.id);
    await scheduleAllSyncs();
    const jobs = await testDb().$queryRawUnsafe<Array<{ region: string }>>(
      `select data->>'region' as region from pgboss.job where name = 'sync-account' and data->>'awsAccountId' = $1 order by 1`,
      c.account.id,
    );
    expect(jobs.map((j) => j.region)).toEqual(['eu-central-1', 'us-east-1']);
  });
});
