import { DescribeDirectConnectGatewaysCommand } from '@aws-sdk/client-direct-connect';
import { DescribeRouteTablesCommand, DescribeVpcsCommand, DescribeVpnGatewaysCommand } from '@aws-sdk/client-ec2';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPortalTag } from '../connections/aws-target';
import { associateGatewaySchema, createDxGatewaySchema, createVpnGatewaySchema } from '../domain/gateways';
import { syncAccount } from '../sync/account';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { associateGateways, disassociateGateways } from './associations';
import { ec2HasPortalTag } from './aws';
import { getDxGateway, getVpnGateway } from './detail';
import { createDxGateway, deleteDxGateway } from './dx-gateways';
import { setRoutePropagation } from './propagation';
import { gatewayCustomer, until } from './testing';
import { attachVpnGateway, createVpnGateway, deleteVpnGateway, detachVpnGateway } from './vpn-gateways';
import { listAccountVpcs } from './vpcs';

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });

afterEach(() => sandbox.clearFaults());

type Customer = Awaited<ReturnType<typeof gatewayCustomer>>;

const sync = (c: Customer, region = 'us-east-1') => syncAccount(c.account.id, region, log);

async function eventsOf(subjectId: string, kind?: string) {
  return testDb().event.findMany({ where: { subjectId, ...(kind ? { kind } : {}) }, orderBy: { id: 'asc' } });
}

async function vgwRow(id: string) {
  return testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id } });
}

/** Syncs until the virtual private gateway row satisfies `ready` (the sandbox moves on in milliseconds). */
async function syncUntil(c: Customer, id: string, ready: (row: Awaited<ReturnType<typeof vgwRow>>) => boolean, region = 'us-east-1') {
  return until(async () => {
    await sync(c, region);
    const row = await vgwRow(id);
    return ready(row) ? row : null;
  }, `gateway ${id} to settle`);
}

async function availableVgw(c: Customer, name: string, region = 'us-east-1') {
  const { id } = await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name, region }));
  await syncUntil(c, id, (r) => r.awsState === 'available', region);
  return id;
}

async function firstVpc(c: Customer, region = 'us-east-1', index = 0) {
  const vpcs = (await c.ec2(region).send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const vpc = vpcs[index];
  if (!vpc?.VpcId || !vpc.CidrBlock) throw new Error('sandbox account has no VPC');
  return { vpcId: vpc.VpcId, cidr: vpc.CidrBlock };
}

describe('Direct Connect gateways', () => {
  it('creates one in the customer account, tagged with the portal id, and records the request and AWS answer', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const { id } = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'core-dxgw', amazonSideAsn: '4200000001' }));
    const row = await testDb().directConnectGateway.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ portalStatus: 'ACTIVE', awsState: 'available', amazonSideAsn: 4200000001n, orgId: c.orgId });
    const inAws = (await c.dx().send(new DescribeDirectConnectGatewaysCommand({}))).directConnectGateways ?? [];
    expect(inAws.filter((g) => hasPortalTag(g.tags, id)).map((g) => g.directConnectGatewayId)).toEqual([row.awsGatewayId]);
    expect(inAws[0]).toMatchObject({ directConnectGatewayName: 'core-dxgw', amazonSideAsn: 4200000001 });
    const events = await eventsOf(id);
    expect(events.map((e) => [e.kind, e.source, e.actorUserId])).toEqual([
      ['dxGateway.requested', 'PORTAL', c.owner.userId],
      ['dxGateway.created', 'AWS', null],
    ]);
    // Nothing changed in AWS: the sync records nothing.
    await sync(c);
    expect(await eventsOf(id)).toHaveLength(2);
  });

  it('refuses to delete while associated, then deletes when free; the sync closes it', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const dx = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'busy-dxgw' }));
    const vgw = await availableVgw(c, 'busy-vgw');
    const { vpcId } = await firstVpc(c);
    await attachVpnGateway(c.owner, { vpnGatewayId: vgw, vpcId });
    await syncUntil(c, vgw, (r) => r.attachmentState === 'attached');
    const association = await associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: dx.id, vpnGatewayId: vgw }));

    const blocked = (await getDxGateway(c.owner, dx.id))?.rules.deleteBlock;
    expect(blocked).toBe('Direct Connect gateway "busy-dxgw" is still associated with 1 virtual private gateway. Remove the associations first; AWS refuses to delete a gateway that has any.');
    await expect(deleteDxGateway(c.owner, dx.id)).rejects.toThrow(blocked ?? 'x');

    await until(async () => {
      await sync(c);
      return (await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: association.id } })).awsState === 'associated';
    }, 'association');
    await disassociateGateways(c.owner, association.id);
    await until(async () => {
      await sync(c);
      return (await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: association.id } })).portalStatus === 'DELETED';
    }, 'disassociation');
    expect((await getDxGateway(c.owner, dx.id))?.rules.deleteBlock).toBeNull();
    await deleteDxGateway(c.owner, dx.id);
    const gone = await until(async () => {
      await sync(c);
      const row = await testDb().directConnectGateway.findUniqueOrThrow({ where: { id: dx.id } });
      return row.portalStatus === 'DELETED' ? row : null;
    }, 'deletion');
    expect(gone.awsState).toBe('deleted');
    expect((await eventsOf(dx.id)).map((e) => e.kind)).toEqual(['dxGateway.requested', 'dxGateway.created', 'dxGateway.deleteRequested', 'dxGateway.awsState']);
    expect((await eventsOf(association.id)).map((e) => `${e.kind}:${e.fromState ?? ''}→${e.toState ?? ''}`)).toEqual([
      'association.requested:→CREATING',
      'association.created:→associating',
      'association.awsState:associating→associated',
      'association.disassociateRequested:associated→disassociating',
      'association.awsState:disassociating→disassociated',
    ]);
  });

  it('shows AWS’s refusal and keeps the request as failed', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    // The form never sends this (the schema refuses it); AWS's own check is the last line.
    await expect(createDxGateway(c.owner, { awsAccountId: c.account.id, name: 'bad-asn', amazonSideAsn: 7224 })).rejects.toThrow(
      /AWS rejected the request to create the Direct Connect gateway: DirectConnectClientException: .*private range/,
    );
    const row = await testDb().directConnectGateway.findFirstOrThrow({ where: { orgId: c.orgId, name: 'bad-asn' } });
    expect(row).toMatchObject({ portalStatus: 'CREATE_FAILED', awsGatewayId: null });
    expect(row.lastError).toMatch(/private range/);
    expect((await eventsOf(row.id)).map((e) => e.kind)).toEqual(['dxGateway.requested', 'dxGateway.createFailed']);
  });
});

describe('virtual private gateway, step by step through the real SDK', () => {
  it('create → available → attach → associate → propagate → detach → delete, each AWS transition once on the timeline', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const dx = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'edge' }));
    const { id } = await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'prod-vgw', region: 'us-east-1', amazonSideAsn: '65010' }));
    const created = await vgwRow(id);
    expect(created).toMatchObject({ portalStatus: 'ACTIVE', awsState: 'pending', amazonSideAsn: 65010n });
    const inAws = (await c.ec2().send(new DescribeVpnGatewaysCommand({}))).VpnGateways ?? [];
    const mine = inAws.filter((g) => ec2HasPortalTag(g.Tags, id));
    expect(mine.map((g) => g.VpnGatewayId)).toEqual([created.awsVpnGatewayId]);
    expect(mine[0]?.Tags).toContainEqual({ Key: 'Name', Value: 'prod-vgw' });
    expect(mine[0]?.AmazonSideAsn).toBe(65010);

    // Associating before attaching is explained, not attempted.
    expect((await getVpnGateway(c.owner, id))?.rules.associationBlock).toMatch(/still being created|must be attached/);
    await syncUntil(c, id, (r) => r.awsState === 'available');
    const rules = (await getVpnGateway(c.owner, id))?.rules;
    expect(rules?.associationBlock).toBe(
      'Virtual private gateway "prod-vgw" must be attached to a VPC before it can be associated with a Direct Connect gateway: the association advertises the VPC\'s address range. Attach it to a VPC first.',
    );
    await expect(associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: dx.id, vpnGatewayId: id }))).rejects.toThrow(rules?.associationBlock ?? 'x');
    expect(await testDb().gatewayAssociation.count({ where: { vpnGatewayId: id } })).toBe(0);

    const listing = await listAccountVpcs(c.owner, { awsAccountId: c.account.id, region: 'us-east-1' });
    if (!listing.ok) throw new Error(listing.message);
    const vpc = listing.vpcs[0]!;
    expect(vpc.cidrs[0]).toMatch(/^10\.\d+\.0\.0\/16$/);
    expect(vpc.routeTables.map((t) => t.main).sort()).toEqual([false, true]);

    await attachVpnGateway(c.owner, { vpnGatewayId: id, vpcId: vpc.vpcId });
    expect(await vgwRow(id)).toMatchObject({ vpcId: vpc.vpcId, attachmentState: 'attaching' });
    await syncUntil(c, id, (r) => r.attachmentState === 'attached');

    const association = await associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: dx.id, vpnGatewayId: id, allowedPrefixes: '' }));
    const assocRow = await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: association.id } });
    expect(assocRow).toMatchObject({ portalStatus: 'ACTIVE', awsState: 'associating', allowedPrefixes: vpc.cidrs });

    const table = vpc.routeTables.find((t) => !t.main)!;
    const result = await setRoutePropagation(c.owner, { vpnGatewayId: id, routeTableIds: [table.id] }, true);
    expect(result).toEqual({ changed: [table.id], unchanged: [] });
    const tables = (await c.ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: [table.id] }))).RouteTables ?? [];
    expect(tables[0]?.PropagatingVgws).toEqual([{ GatewayId: created.awsVpnGatewayId }]);
    expect((await vgwRow(id)).propagatingRouteTableIds).toEqual([table.id]);
    // Asking again changes nothing and records nothing.
    expect(await setRoutePropagation(c.owner, { vpnGatewayId: id, routeTableIds: [table.id] }, true)).toEqual({ changed: [], unchanged: [table.id] });

    await until(async () => {
      await sync(c);
      return (await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: association.id } })).awsState === 'associated';
    }, 'association');
    await sync(c);

    await expect(deleteVpnGateway(c.owner, id)).rejects.toThrow(/associated with a Direct Connect gateway. Remove the association first/);
    await disassociateGateways(c.owner, association.id);
    await until(async () => {
      await sync(c);
      return (await testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: association.id } })).portalStatus === 'DELETED';
    }, 'disassociation');
    await detachVpnGateway(c.owner, id);
    const detached = await syncUntil(c, id, (r) => r.attachmentState === 'detached');
    expect(detached.propagatingRouteTableIds).toEqual([]);
    await deleteVpnGateway(c.owner, id);
    await syncUntil(c, id, (r) => r.portalStatus === 'DELETED');
    await sync(c);

    expect((await eventsOf(id)).map((e) => `${e.kind}:${e.fromState ?? ''}→${e.toState ?? ''}`)).toEqual([
      'vpnGateway.requested:→CREATING',
      'vpnGateway.created:→pending',
      'vpnGateway.awsState:pending→available',
      'vpnGateway.attachRequested:→attaching',
      'vpnGateway.attachment:attaching→attached',
      'vpnGateway.propagationEnabled:not propagating→propagating',
      'vpnGateway.detachRequested:attached→detaching',
      'vpnGateway.attachment:detaching→detached',
      'vpnGateway.deleteRequested:available→deleting',
      'vpnGateway.awsState:deleting→deleted',
    ]);
  });

  it('explains the one-Direct-Connect-gateway rule and non-overlapping prefixes before AWS refuses', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const first = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'first-dx' }));
    const second = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'second-dx' }));
    const a = await availableVgw(c, 'vgw-a');
    const b = await availableVgw(c, 'vgw-b');
    const vpcA = await firstVpc(c, 'us-east-1', 0);
    const vpcB = await firstVpc(c, 'us-east-1', 1);
    await attachVpnGateway(c.owner, { vpnGatewayId: a, vpcId: vpcA.vpcId });
    await attachVpnGateway(c.owner, { vpnGatewayId: b, vpcId: vpcB.vpcId });
    await syncUntil(c, a, (r) => r.attachmentState === 'attached');
    await syncUntil(c, b, (r) => r.attachmentState === 'attached');

    // A narrower prefix than the VPC lets nothing through.
    const narrow = vpcA.cidr.replace('.0.0/16', '.0.0/24');
    await expect(associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: first.id, vpnGatewayId: a, allowedPrefixes: narrow }))).rejects.toThrow(`${narrow} is narrower than the VPC's CIDR ${vpcA.cidr}`);

    await associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: first.id, vpnGatewayId: a }));
    const oneRule =
      'Virtual private gateway "vgw-a" is already associated with Direct Connect gateway "first-dx", and a virtual private gateway can be associated with only one Direct Connect gateway. Remove that association first.';
    expect((await getVpnGateway(c.owner, a))?.rules.associationBlock).toBe(oneRule);
    await expect(associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: second.id, vpnGatewayId: a }))).rejects.toThrow(oneRule);

    // vgw-b may not claim vgw-a's range on the same Direct Connect gateway.
    await expect(associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: first.id, vpnGatewayId: b, allowedPrefixes: '10.0.0.0/8' }))).rejects.toThrow(
      `10.0.0.0/8 overlaps ${vpcA.cidr}, already allowed for "vgw-a" on this Direct Connect gateway.`,
    );
    expect(await testDb().gatewayAssociation.count({ where: { vpnGatewayId: { in: [a, b] } } })).toBe(1);
  });

  it('refuses to attach to a VPC that already has a gateway, and to act through an unverified account', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    const a = await availableVgw(c, 'holder');
    const b = await availableVgw(c, 'latecomer');
    const { vpcId } = await firstVpc(c);
    await attachVpnGateway(c.owner, { vpnGatewayId: a, vpcId });
    const holder = (await vgwRow(a)).awsVpnGatewayId;
    await expect(attachVpnGateway(c.owner, { vpnGatewayId: b, vpcId })).rejects.toThrow(`${vpcId} already has virtual private gateway ${holder} attached; a VPC can have only one.`);
    await expect(attachVpnGateway(c.owner, { vpnGatewayId: b, vpcId: 'vpc-0123456789abcdef0' })).rejects.toThrow(/vpc-0123456789abcdef0 does not exist in AWS account/);

    await testDb().awsAccount.update({ where: { id: c.account.id }, data: { status: 'FAILED' } });
    await expect(detachVpnGateway(c.owner, a)).rejects.toThrow(/cannot be used: its last verification failed/);
    await expect(createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'nope', region: 'us-east-1' }))).rejects.toThrow(/Verify it on the AWS accounts page first/);
    expect((await getVpnGateway(c.owner, a))?.rules.detachBlock).toMatch(/is not verified/);
  });

  it('refuses a Region outside the provider footprint and shows EC2’s refusal on the form', async () => {
    const c = await gatewayCustomer(testDb(), sandbox);
    await expect(createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'far', region: 'ap-southeast-7' }))).rejects.toMatchObject({
      field: 'region',
      message: expect.stringMatching(/^The portal manages gateways in the Regions of our Direct Connect locations/),
    });
    await expect(createVpnGateway(c.owner, { awsAccountId: c.account.id, name: 'odd-asn', region: 'us-east-1', amazonSideAsn: 100 })).rejects.toThrow(
      /AWS rejected the request to create the virtual private gateway: InvalidParameterValue: The Amazon side ASN 100 is not valid/,
    );
    const row = await testDb().virtualPrivateGateway.findFirstOrThrow({ where: { orgId: c.orgId, name: 'odd-asn' } });
    expect(row.portalStatus).toBe('CREATE_FAILED');
  });
});
