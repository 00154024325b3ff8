import {
  AttachVpnGatewayCommand,
  CreateVpnGatewayCommand,
  DeleteVpnGatewayCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  DescribeVpnGatewaysCommand,
  DetachVpnGatewayCommand,
  DisableVgwRoutePropagationCommand,
  EnableVgwRoutePropagationCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, PROVIDER, useSandbox } from './helpers.js';

const t = useSandbox();
const ec2 = (region = 'us-east-1') => t.ec2(CUSTOMER2, region);

async function vpcs(region = 'us-east-1') {
  return (await ec2(region).send(new DescribeVpcsCommand({}))).Vpcs ?? [];
}

async function availableVgw(region = 'us-east-1', tagName?: string) {
  const res = await ec2(region).send(
    new CreateVpnGatewayCommand({ Type: 'ipsec.1', ...(tagName ? { TagSpecifications: [{ ResourceType: 'vpn-gateway', Tags: [{ Key: 'Name', Value: tagName }] }] } : {}) }),
  );
  await t.advance(5);
  return res.VpnGateway?.VpnGatewayId ?? '';
}

describe('DescribeVpcs', () => {
  it('returns the seeded VPCs of the account and Region', async () => {
    const east = await vpcs();
    expect(east).toHaveLength(3);
    expect(east[0]).toMatchObject({ OwnerId: CUSTOMER2.accountId, State: 'available', IsDefault: false, InstanceTenancy: 'default', Tags: [{ Key: 'Name', Value: 'prod-us-east-1' }] });
    expect(east[0]?.VpcId).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(east[0]?.CidrBlockAssociationSet?.[0]).toMatchObject({ CidrBlock: east[0]?.CidrBlock, CidrBlockState: { State: 'associated' } });
    expect(await vpcs('eu-central-1')).toHaveLength(2);
    expect((await t.ec2(PROVIDER).send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    const other = (await t.ec2(CUSTOMER3).send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(other.map((v) => v.VpcId)).not.toContain(east[0]?.VpcId);
  });

  it('is stable across calls (seeded ids) and filters', async () => {
    const [first] = await vpcs();
    const byId = await ec2().send(new DescribeVpcsCommand({ VpcIds: [first?.VpcId ?? ''] }));
    expect(byId.Vpcs).toHaveLength(1);
    const byFilter = await ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: [first?.CidrBlock ?? ''] }] }));
    expect(byFilter.Vpcs?.map((v) => v.VpcId)).toEqual([first?.VpcId]);
    const byTag = await ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['staging-*'] }] }));
    expect(byTag.Vpcs).toHaveLength(1);
    const combined = await ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag-key', Values: ['Name'] }, { Name: 'is-default', Values: ['false'] }, { Name: 'state', Values: ['available'] }] }));
    expect(combined.Vpcs).toHaveLength(3);
    await expectAwsError(ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })), 'InvalidParameterValue', /The filter 'colour' is invalid/);
    await expectAwsError(ec2().send(new DescribeVpcsCommand({ VpcIds: ['vpc-0000000000000000a'] })), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000a' does not exist");
  });

  it('pages with MaxResults/NextToken within the EC2 bounds', async () => {
    const page1 = await ec2().send(new DescribeVpcsCommand({ MaxResults: 5 }));
    expect(page1.Vpcs).toHaveLength(3);
    expect(page1.NextToken).toBeUndefined();
    await expectAwsError(ec2().send(new DescribeVpcsCommand({ MaxResults: 2 })), 'InvalidParameterValue', /maxResults/);
    await expectAwsError(ec2().send(new DescribeVpcsCommand({ MaxResults: 5, VpcIds: ['vpc-1'] })), 'InvalidParameterCombination');
    const rt1 = await ec2().send(new DescribeRouteTablesCommand({ MaxResults: 5 }));
    expect(rt1.RouteTables).toHaveLength(5);
    const rt2 = await ec2().send(new DescribeRouteTablesCommand({ MaxResults: 5, NextToken: rt1.NextToken }));
    expect(rt2.RouteTables).toHaveLength(1);
    expect(rt2.NextToken).toBeUndefined();
    await expectAwsError(ec2().send(new DescribeRouteTablesCommand({ MaxResults: 101 })), 'InvalidParameterValue');
    await expectAwsError(ec2().send(new DescribeRouteTablesCommand({ NextToken: 'bogus' })), 'InvalidNextToken');
  });
});

describe('DescribeRouteTables', () => {
  it('has a main and an extra route table per VPC with the local route', async () => {
    const [vpc] = await vpcs();
    const tables = (await ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc?.VpcId ?? ''] }] }))).RouteTables ?? [];
    expect(tables).toHaveLength(2);
    const main = tables.find((r) => r.Associations?.some((a) => a.Main));
    expect(main?.Routes?.[0]).toMatchObject({ DestinationCidrBlock: vpc?.CidrBlock, GatewayId: 'local', State: 'active' });
    expect(main?.PropagatingVgws).toEqual([]);
    const mainOnly = await ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.main', Values: ['true'] }] }));
    expect(mainOnly.RouteTables).toHaveLength(3);
    await expectAwsError(ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: ['rtb-0000000000000000a'] })), 'InvalidRouteTableID.NotFound');
  });
});

describe('virtual private gateways', () => {
  it('create (pending → available), validations, DryRun', async () => {
    const created = await ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AmazonSideAsn: 4200000000, AvailabilityZone: 'us-east-1a', TagSpecifications: [{ ResourceType: 'vpn-gateway', Tags: [{ Key: 'Name', Value: 'edge' }] }] }));
    expect(created.VpnGateway).toMatchObject({ State: 'pending', Type: 'ipsec.1', AmazonSideAsn: 4200000000, AvailabilityZone: 'us-east-1a', VpcAttachments: [], Tags: [{ Key: 'Name', Value: 'edge' }] });
    expect(created.VpnGateway?.VpnGatewayId).toMatch(/^vgw-0[0-9a-f]{16}$/);
    await t.advance(5);
    const described = await ec2().send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [created.VpnGateway?.VpnGatewayId ?? ''] }));
    expect(described.VpnGateways?.[0]?.State).toBe('available');
    await expectAwsError(ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.2' as 'ipsec.1' })), 'InvalidParameterValue', /Invalid value 'ipsec.2' for type/);
    await expectAwsError(ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AmazonSideAsn: 65535 })), 'InvalidParameterValue', /Amazon side ASN/);
    await expectAwsError(ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AvailabilityZone: 'eu-west-1a' })), 'InvalidParameterValue', /availability zone/);
    await expectAwsError(ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', DryRun: true })), 'DryRunOperation');
    await expectAwsError(ec2().send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: 'b' }] }] })), 'InvalidParameterValue', /not a valid taggable resource type/);
  });

  it('attach → attached; route propagation; detach → detached; delete guard → deleting → deleted', async () => {
    const [vpc, second] = await vpcs('eu-central-1');
    const vgw = await availableVgw('eu-central-1', 'lifecycle');
    const attach = await ec2('eu-central-1').send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc?.VpcId }));
    expect(attach.VpcAttachment).toEqual({ VpcId: vpc?.VpcId, State: 'attaching' });
    const attachedFilter = async () =>
      (await ec2('eu-central-1').send(new DescribeVpnGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpc?.VpcId ?? ''] }, { Name: 'attachment.state', Values: ['attached'] }] }))).VpnGateways ?? [];
    expect(await attachedFilter()).toEqual([]);
    await t.advance(5);
    expect((await attachedFilter()).map((g) => g.VpnGatewayId)).toEqual([vgw]);
    await expectAwsError(ec2('eu-central-1').send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: second?.VpcId })), 'VpnGatewayAttachmentLimitExceeded');
    const another = await availableVgw('eu-central-1');
    await expectAwsError(ec2('eu-central-1').send(new AttachVpnGatewayCommand({ VpnGatewayId: another, VpcId: vpc?.VpcId })), 'InvalidVpcState', /already has a virtual private gateway attached/);

    const rt = (await ec2('eu-central-1').send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc?.VpcId ?? ''] }] }))).RouteTables ?? [];
    const rtb = rt[1]?.RouteTableId ?? '';
    await expectAwsError(ec2('eu-central-1').send(new EnableVgwRoutePropagationCommand({ GatewayId: another, RouteTableId: rtb })), 'Gateway.NotAttached');
    await ec2('eu-central-1').send(new EnableVgwRoutePropagationCommand({ GatewayId: vgw, RouteTableId: rtb }));
    await ec2('eu-central-1').send(new EnableVgwRoutePropagationCommand({ GatewayId: vgw, RouteTableId: rtb }));
    const propagating = (await ec2('eu-central-1').send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables?.[0]?.PropagatingVgws;
    expect(propagating).toEqual([{ GatewayId: vgw }]);
    await ec2('eu-central-1').send(new DisableVgwRoutePropagationCommand({ GatewayId: vgw, RouteTableId: rtb }));
    expect((await ec2('eu-central-1').send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables?.[0]?.PropagatingVgws).toEqual([]);
    await ec2('eu-central-1').send(new EnableVgwRoutePropagationCommand({ GatewayId: vgw, RouteTableId: rtb }));
    await expectAwsError(ec2('eu-central-1').send(new EnableVgwRoutePropagationCommand({ GatewayId: vgw, RouteTableId: 'rtb-0000000000000000a' })), 'InvalidRouteTableID.NotFound');

    await expectAwsError(ec2('eu-central-1').send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw })), 'IncorrectState', /detach it from the VPC/);
    await expectAwsError(ec2('eu-central-1').send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: second?.VpcId })), 'InvalidVpnGatewayAttachment.NotFound');
    await ec2('eu-central-1').send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc?.VpcId }));
    const detaching = (await ec2('eu-central-1').send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] }))).VpnGateways?.[0];
    expect(detaching?.VpcAttachments).toEqual([{ VpcId: vpc?.VpcId, State: 'detaching' }]);
    await t.advance(5);
    const detached = (await ec2('eu-central-1').send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] }))).VpnGateways?.[0];
    expect(detached?.VpcAttachments).toEqual([{ VpcId: vpc?.VpcId, State: 'detached' }]);
    expect((await ec2('eu-central-1').send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables?.[0]?.PropagatingVgws).toEqual([]);

    await ec2('eu-central-1').send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw }));
    const stateFilter = async (state: string) => (await ec2('eu-central-1').send(new DescribeVpnGatewaysCommand({ Filters: [{ Name: 'state', Values: [state] }, { Name: 'vpn-gateway-id', Values: [vgw] }] }))).VpnGateways ?? [];
    expect(await stateFilter('deleting')).toHaveLength(1);
    await t.advance(5);
    expect(await stateFilter('deleted')).toHaveLength(1);
    await expectAwsError(ec2('eu-central-1').send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: second?.VpcId })), 'InvalidVpnGatewayState');
    await t.advance(900);
    await expectAwsError(ec2('eu-central-1').send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] })), 'InvalidVpnGatewayID.NotFound', `The vpnGateway ID '${vgw}' does not exist`);
  });

  it('attaching a pending VGW fails; unknown VPC; quota of 5 per Region; other accounts see nothing', async () => {
    const pending = (await ec2('us-west-2').send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId;
    const [vpc] = await vpcs('us-west-2');
    await expectAwsError(ec2('us-west-2').send(new AttachVpnGatewayCommand({ VpnGatewayId: pending, VpcId: vpc?.VpcId })), 'InvalidVpnGatewayState');
    await expectAwsError(ec2('us-west-2').send(new AttachVpnGatewayCommand({ VpnGatewayId: pending, VpcId: 'vpc-0000000000000000a' })), 'InvalidVpcID.NotFound');
    for (let i = 0; i < 4; i += 1) await ec2('us-west-2').send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }));
    await expectAwsError(ec2('us-west-2').send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' })), 'VpnGatewayLimitExceeded');
    const other = t.ec2(CUSTOMER3, 'us-west-2');
    expect((await other.send(new DescribeVpnGatewaysCommand({}))).VpnGateways).toEqual([]);
    await expectAwsError(other.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [pending ?? ''] })), 'InvalidVpnGatewayID.NotFound');
    await expectAwsError(other.send(new DeleteVpnGatewayCommand({ VpnGatewayId: pending })), 'InvalidVpnGatewayID.NotFound');
    await expectAwsError(other.send(new AttachVpnGatewayCommand({ VpnGatewayId: pending, VpcId: vpc?.VpcId })), 'InvalidVpnGatewayID.NotFound');
    await expectAwsError(ec2('us-west-2').send(new DescribeVpnGatewaysCommand({ Filters: [{ Name: 'nope', Values: ['x'] }] })), 'InvalidParameterValue');
  });
});
