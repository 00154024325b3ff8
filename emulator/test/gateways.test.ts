import {
  CreateConnectionCommand,
  CreateDirectConnectGatewayAssociationCommand,
  CreateDirectConnectGatewayCommand,
  CreatePrivateVirtualInterfaceCommand,
  DeleteDirectConnectGatewayAssociationCommand,
  DeleteDirectConnectGatewayCommand,
  DeleteVirtualInterfaceCommand,
  DescribeDirectConnectGatewayAssociationsCommand,
  DescribeDirectConnectGatewayAttachmentsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeVirtualGatewaysCommand,
  UpdateDirectConnectGatewayAssociationCommand,
  UpdateDirectConnectGatewayCommand,
} from '@aws-sdk/client-direct-connect';
import { AttachVpnGatewayCommand, CreateVpnGatewayCommand, DeleteVpnGatewayCommand, DescribeVpcsCommand, DescribeVpnGatewaysCommand, DetachVpnGatewayCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { type Creds, CUSTOMER2, CUSTOMER3, expectAwsError, useSandbox } from './helpers.js';

const t = useSandbox();
const dx = () => t.dx(CUSTOMER2);

async function newGateway(name: string, amazonSideAsn?: number) {
  const res = await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: name, ...(amazonSideAsn ? { amazonSideAsn } : {}) }));
  return res.directConnectGateway?.directConnectGatewayId ?? '';
}

/** A VGW attached to the `index`-th VPC of the account in the Region (EC2 side of an association). */
async function attachedVgw(creds: Creds = CUSTOMER2, region = 'us-east-1', index = 0): Promise<{ vgw: string; vpc: string; cidr: string }> {
  const ec2 = t.ec2(creds, region);
  const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[index];
  const vgw = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId ?? '';
  await t.advance(5);
  await ec2.send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc?.VpcId }));
  await t.advance(5);
  return { vgw, vpc: vpc?.VpcId ?? '', cidr: vpc?.CidrBlock ?? '' };
}

describe('Direct Connect gateways', () => {
  it('create (available, default ASN 64512), describe, rename, delete → deleting → gone', async () => {
    const created = await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'main-gw', tags: [{ key: 'env', value: 'prod' }] }));
    expect(created.directConnectGateway).toMatchObject({ directConnectGatewayName: 'main-gw', amazonSideAsn: 64512, ownerAccount: CUSTOMER2.accountId, directConnectGatewayState: 'available', tags: [{ key: 'env', value: 'prod' }] });
    const id = created.directConnectGateway?.directConnectGatewayId ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const fromOtherRegion = await t.dx(CUSTOMER2, 'eu-central-1').send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: id }));
    expect(fromOtherRegion.directConnectGateways?.[0]?.directConnectGatewayName).toBe('main-gw');
    const renamed = await dx().send(new UpdateDirectConnectGatewayCommand({ directConnectGatewayId: id, newDirectConnectGatewayName: 'renamed-gw' }));
    expect(renamed.directConnectGateway?.directConnectGatewayName).toBe('renamed-gw');
    const deleted = await dx().send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: id }));
    expect(deleted.directConnectGateway?.directConnectGatewayState).toBe('deleting');
    await t.advance(5);
    expect((await dx().send(new DescribeDirectConnectGatewaysCommand({}))).directConnectGateways?.map((g) => g.directConnectGatewayId)).not.toContain(id);
    await expectAwsError(dx().send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: id })), 'DirectConnectClientException', `Direct Connect gateway ${id} does not exist.`);
  });

  it('validates the Amazon-side ASN and the name; other accounts cannot see it', async () => {
    for (const asn of [64511, 65535, 7224, 4199999999, 4294967295]) {
      await expectAwsError(dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'x', amazonSideAsn: asn })), 'DirectConnectClientException', /private range 64512–65534 or 4200000000–4294967294/);
    }
    expect(await newGateway('long-asn', 4294967294)).toBeTruthy();
    await expectAwsError(dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: '' })), 'DirectConnectClientException', /directConnectGatewayName/);
    const id = await newGateway('private-one');
    await expectAwsError(t.dx(CUSTOMER3).send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: id })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(t.dx(CUSTOMER3).send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: id })), 'DirectConnectClientException', /does not exist/);
    expect((await t.dx(CUSTOMER3).send(new DescribeDirectConnectGatewaysCommand({}))).directConnectGateways).toEqual([]);
  });

  it('pages DescribeDirectConnectGateways and enforces 200 per account', async () => {
    const creds = (await t.control('POST', '/accounts', { accountId: '444444444444', name: 'Quota Test', regions: [] })).body as { accessKeyId: string; secretAccessKey: string };
    const client = t.dx(creds);
    for (let i = 0; i < 200; i += 1) await client.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: `gw-${i}` }));
    await expectAwsError(client.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'gw-200' })), 'DirectConnectClientException', /limit of 200 Direct Connect gateways/);
    const first = await client.send(new DescribeDirectConnectGatewaysCommand({ maxResults: 150 }));
    expect(first.directConnectGateways).toHaveLength(100);
    const second = await client.send(new DescribeDirectConnectGatewaysCommand({ maxResults: 150, nextToken: first.nextToken }));
    expect(second.directConnectGateways).toHaveLength(100);
    expect(second.nextToken).toBeUndefined();
  });
});

describe('associations with virtual private gateways', () => {
  it('associating → associated; guards; update prefixes; delete → disassociating → disassociated', async () => {
    const gw = await newGateway('assoc-gw');
    const { vgw, cidr } = await attachedVgw();
    const created = await dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgw }));
    expect(created.directConnectGatewayAssociation).toMatchObject({
      directConnectGatewayId: gw,
      directConnectGatewayOwnerAccount: CUSTOMER2.accountId,
      associationState: 'associating',
      associatedGateway: { id: vgw, type: 'virtualPrivateGateway', ownerAccount: CUSTOMER2.accountId, region: 'us-east-1' },
      allowedPrefixesToDirectConnectGateway: [{ cidr }],
      virtualGatewayId: vgw,
      virtualGatewayRegion: 'us-east-1',
      virtualGatewayOwnerAccount: CUSTOMER2.accountId,
    });
    const associationId = created.directConnectGatewayAssociation?.associationId ?? '';
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, virtualGatewayId: vgw })), 'DirectConnectClientException', /is already associated with Direct Connect gateway/);
    const other = await newGateway('other-gw');
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: other, gatewayId: vgw })), 'DirectConnectClientException', /already associated with another Direct Connect gateway/);
    await t.advance(15);
    const byGw = await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: gw }));
    expect(byGw.directConnectGatewayAssociations?.[0]?.associationState).toBe('associated');
    const byVgw = await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ virtualGatewayId: vgw }));
    expect(byVgw.directConnectGatewayAssociations?.map((a) => a.associationId)).toEqual([associationId]);
    const byAssocId = await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ associationId }));
    expect(byAssocId.directConnectGatewayAssociations).toHaveLength(1);

    await expectAwsError(dx().send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: gw })), 'DirectConnectClientException', /has 1 association\(s\).*Delete the associations first/);
    await expectAwsError(t.ec2(CUSTOMER2).send(new DeleteVpnGatewayCommand({ VpnGatewayId: vgw })), 'IncorrectState');

    const updating = await dx().send(new UpdateDirectConnectGatewayAssociationCommand({ associationId, addAllowedPrefixesToDirectConnectGateway: [{ cidr: '10.200.0.0/16' }] }));
    expect(updating.directConnectGatewayAssociation?.associationState).toBe('updating');
    await t.advance(15);
    const updated = (await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ associationId }))).directConnectGatewayAssociations?.[0];
    expect(updated?.allowedPrefixesToDirectConnectGateway?.map((p) => p.cidr)).toEqual([cidr, '10.200.0.0/16']);

    const deleting = await dx().send(new DeleteDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, virtualGatewayId: vgw }));
    expect(deleting.directConnectGatewayAssociation?.associationState).toBe('disassociating');
    await expectAwsError(dx().send(new DeleteDirectConnectGatewayAssociationCommand({ associationId })), 'DirectConnectClientException', /already disassociating/);
    await t.advance(15);
    expect((await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ associationId }))).directConnectGatewayAssociations?.[0]?.associationState).toBe('disassociated');
    await expectAwsError(dx().send(new DeleteDirectConnectGatewayAssociationCommand({ associationId })), 'DirectConnectClientException', /does not exist/);
    await t.advance(900);
    expect((await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ associationId }))).directConnectGatewayAssociations).toEqual([]);
    expect((await dx().send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: gw }))).directConnectGateway?.directConnectGatewayState).toBe('deleting');
  });

  it('DescribeDirectConnectGatewayAssociations needs a gateway or an association to list, as on AWS', async () => {
    const gw = await newGateway('filter-gw');
    const { vgw } = await attachedVgw(CUSTOMER2, 'us-east-1', 2);
    const created = await dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgw }));
    const err = await expectAwsError(dx().send(new DescribeDirectConnectGatewayAssociationsCommand({})), 'DirectConnectClientException', /^You must specify one of the following/);
    expect(err.$metadata?.httpStatusCode).toBe(400);
    // Paging parameters alone are not a filter either.
    await expectAwsError(dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ maxResults: 10 })), 'DirectConnectClientException', /You must specify one of the following/);
    const byAssociatedGateway = await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ associatedGatewayId: vgw }));
    expect(byAssociatedGateway.directConnectGatewayAssociations?.map((a) => a.associationId)).toEqual([created.directConnectGatewayAssociation?.associationId]);
  });

  it('requires an attached VGW of the caller; refuses TGWs, unknown ids and overlapping CIDRs', async () => {
    const gw = await newGateway('strict-gw');
    const ec2 = t.ec2(CUSTOMER2);
    const loose = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId;
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: loose })), 'DirectConnectClientException', /is not available \(state pending\)/);
    await t.advance(5);
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: loose })), 'DirectConnectClientException', /must be attached to a VPC/);
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: 'tgw-0123456789abcdef0' })), 'DirectConnectClientException', /Transit gateway .* does not exist/);
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw })), 'DirectConnectClientException', /gatewayId/);
    const foreign = await attachedVgw(CUSTOMER3);
    await expectAwsError(dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: foreign.vgw })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(t.dx(CUSTOMER3).send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: foreign.vgw })), 'DirectConnectClientException', /Direct Connect gateway .* does not exist/);

    // Cross-Region association: VPCs in different Regions of one account have distinct CIDRs.
    const east = await attachedVgw(CUSTOMER2, 'us-east-1', 1);
    const west = await attachedVgw(CUSTOMER2, 'us-west-2', 0);
    await dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: east.vgw }));
    const cross = await dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: west.vgw }));
    expect(cross.directConnectGatewayAssociation?.virtualGatewayRegion).toBe('us-west-2');
    await t.advance(15);
    const third = await attachedVgw(CUSTOMER2, 'us-west-2', 1);
    await expectAwsError(
      dx().send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: third.vgw, addAllowedPrefixesToDirectConnectGateway: [{ cidr: east.cidr.replace('/16', '/24') }] })),
      'DirectConnectClientException',
      new RegExp(`overlaps ${east.cidr}, already allowed for ${east.vgw}`),
    );
    const eastAssoc = (await dx().send(new DescribeDirectConnectGatewayAssociationsCommand({ virtualGatewayId: east.vgw }))).directConnectGatewayAssociations?.[0];
    await expectAwsError(
      dx().send(new UpdateDirectConnectGatewayAssociationCommand({ associationId: eastAssoc?.associationId, addAllowedPrefixesToDirectConnectGateway: [{ cidr: west.cidr }] })),
      'DirectConnectClientException',
      /overlaps/,
    );
  });

  it('20 virtual private gateways per Direct Connect gateway', async () => {
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-south-1', 'ca-central-1'];
    const creds = (await t.control('POST', '/accounts', { accountId: '666666666666', regions })).body as { accessKeyId: string; secretAccessKey: string };
    const client = t.dx(creds);
    const gw = (await client.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'busy' }))).directConnectGateway?.directConnectGatewayId;
    const vgws: string[] = [];
    for (const region of regions) {
      for (const index of [0, 1]) vgws.push((await attachedVgw(creds, region, index)).vgw);
    }
    for (const vgw of vgws.slice(0, 20)) await client.send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgw }));
    await expectAwsError(client.send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgws[20] })), 'DirectConnectClientException', /limit of 20 associated virtual private gateways/);
    const page = await client.send(new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: gw, maxResults: 15 }));
    expect(page.directConnectGatewayAssociations).toHaveLength(15);
    const rest = await client.send(new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: gw, maxResults: 15, nextToken: page.nextToken }));
    expect(rest.directConnectGatewayAssociations).toHaveLength(5);
  });

  it('EC2 DetachVpnGateway stays detaching for a while when the VGW is associated', async () => {
    const gw = await newGateway('detach-gw');
    const { vgw, vpc } = await attachedVgw(CUSTOMER2, 'eu-central-1', 0);
    await t.dx(CUSTOMER2, 'eu-central-1').send(new CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgw }));
    const ec2 = t.ec2(CUSTOMER2, 'eu-central-1');
    await ec2.send(new DetachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc }));
    const attachmentState = async () => (await ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] }))).VpnGateways?.[0]?.VpcAttachments?.[0]?.State;
    await t.advance(5);
    expect(await attachmentState()).toBe('detaching');
    await t.advance(60);
    expect(await attachmentState()).toBe('detaching');
    await t.advance(55);
    expect(await attachmentState()).toBe('detached');
  });
});

describe('attachments and DescribeVirtualGateways', () => {
  it('VIF attachments follow the VIF: attaching → attached → detaching → detached', async () => {
    const conn = await dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'att' }));
    await t.control('POST', `/connections/${conn.connectionId}/review`);
    const gw = await newGateway('att-gw');
    const vif = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn.connectionId, newPrivateVirtualInterface: { virtualInterfaceName: 'a', vlan: 10, asn: 65000, directConnectGatewayId: gw } }));
    const state = async () => (await dx().send(new DescribeDirectConnectGatewayAttachmentsCommand({ directConnectGatewayId: gw, virtualInterfaceId: vif.virtualInterfaceId }))).directConnectGatewayAttachments?.[0]?.attachmentState;
    expect(await state()).toBe('attaching');
    await t.advance(30);
    expect(await state()).toBe('attached');
    await expectAwsError(dx().send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: gw })), 'DirectConnectClientException', /attached virtual interface/);
    await dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: vif.virtualInterfaceId }));
    expect(await state()).toBe('detaching');
    await t.advance(5);
    expect(await state()).toBe('detached');
    expect((await dx().send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: gw }))).directConnectGateway?.directConnectGatewayState).toBe('deleting');
    await expectAwsError(dx().send(new DescribeDirectConnectGatewayAttachmentsCommand({})), 'DirectConnectClientException', /Specify a Direct Connect gateway/);
  });

  it('DescribeVirtualGateways lists the caller’s VGWs in the Region', async () => {
    const ec2 = t.ec2(CUSTOMER3, 'eu-west-1');
    const vgw = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId;
    const listed = await t.dx(CUSTOMER3, 'eu-west-1').send(new DescribeVirtualGatewaysCommand({}));
    expect(listed.virtualGateways).toEqual([{ virtualGatewayId: vgw, virtualGatewayState: 'pending' }]);
    await t.advance(5);
    expect((await t.dx(CUSTOMER3, 'eu-west-1').send(new DescribeVirtualGatewaysCommand({}))).virtualGateways?.[0]?.virtualGatewayState).toBe('available');
    expect((await t.dx(CUSTOMER2, 'eu-west-1').send(new DescribeVirtualGatewaysCommand({}))).virtualGateways).toEqual([]);
  });
});
