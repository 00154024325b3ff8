import * as DX from '@aws-sdk/client-direct-connect';
import { CreateVpnGatewayCommand, AttachVpnGatewayCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { DX_OPERATIONS } from '../directconnect/index.js';
import { CUSTOMER2, PROVIDER, useSandbox } from './helpers.js';
import { DX_MODEL, validateDxResponse } from './model-conformance.js';

const t = useSandbox();

describe('the model validator', () => {
  it('catches missing required members, bad enums, wrong types and unknown members', () => {
    expect(validateDxResponse('DescribeTags', 200, JSON.stringify({ resourceTags: [{ resourceArn: 'a', tags: [{ value: 'no key' }] }] }))).toEqual([
      'DescribeTags.resourceTags[0].tags[0].key: required member missing',
    ]);
    expect(validateDxResponse('ConfirmConnection', 200, JSON.stringify({ connectionState: 'happy' }))[0]).toMatch(/not in enum ConnectionState/);
    expect(validateDxResponse('DescribeConnections', 200, JSON.stringify({ connections: [{ vlan: '5' }] }))[0]).toMatch(/expected integer/);
    expect(validateDxResponse('DescribeConnections', 200, JSON.stringify({ connections: [{ loaIssueTime: '2025-01-01' }] }))[0]).toMatch(/epoch-seconds/);
    expect(validateDxResponse('DescribeConnections', 200, JSON.stringify({ connections: [{ rateLimiterStatus: {} }] }))[0]).toMatch(/not a member of Connection/);
    expect(validateDxResponse('DescribeLocations', 500, JSON.stringify({ __type: 'DirectConnectClientException', message: 'x' }))[0]).toMatch(/must be HTTP 400/);
    expect(validateDxResponse('DescribeLocations', 400, JSON.stringify({ __type: 'NotFoundException' }))[0]).toMatch(/neither modeled/);
    expect(validateDxResponse('DescribeLocations', 200, JSON.stringify({ locations: [] }))).toEqual([]);
  });

  it('every implemented operation exists in the SDK model', () => {
    for (const op of Object.keys(DX_OPERATIONS)) expect(DX_MODEL.operations[op], op).toBeDefined();
  });
});

describe('every implemented Direct Connect operation answers conformant bodies', () => {
  it('sweeps all operations through the SDK', async () => {
    const partner = t.dx(PROVIDER);
    const dx = t.dx(CUSTOMER2);
    await dx.send(new DX.DescribeLocationsCommand({}));
    await dx.send(new DX.DescribeCustomerMetadataCommand({}));
    const conn = await dx.send(new DX.CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'sweep', tags: [{ key: 'k', value: 'v' }] }));
    const connId = conn.connectionId ?? '';
    await t.control('POST', `/connections/${connId}/review`);
    await t.control('POST', `/connections/${connId}/cross-connect`, { state: 'patched' });
    await dx.send(new DX.DescribeConnectionsCommand({}));
    await dx.send(new DX.UpdateConnectionCommand({ connectionId: connId, connectionName: 'sweep-2' }));
    await dx.send(new DX.DescribeLoaCommand({ connectionId: connId }));
    await dx.send(new DX.DescribeConnectionLoaCommand({ connectionId: connId }));

    await partner.send(new DX.DescribeInterconnectsCommand({}));
    await partner.send(new DX.DescribeInterconnectLoaCommand({ interconnectId: 'dxcon-fgprov01' }));
    const hosted = await partner.send(new DX.AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, bandwidth: '1Gbps', connectionName: 'h', vlan: 77 }));
    await partner.send(new DX.AllocateConnectionOnInterconnectCommand({ interconnectId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, bandwidth: '50Mbps', connectionName: 'h2', vlan: 78 }));
    await partner.send(new DX.DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01' }));
    await partner.send(new DX.DescribeConnectionsOnInterconnectCommand({ interconnectId: 'dxcon-fgprov01' }));
    await dx.send(new DX.ConfirmConnectionCommand({ connectionId: hosted.connectionId }));

    const gw = (await dx.send(new DX.CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'sweep-gw', tags: [{ key: 'g' }] }))).directConnectGateway?.directConnectGatewayId ?? '';
    const tgw = (await dx.send(new DX.CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'sweep-tgw', amazonSideAsn: 64700 }))).directConnectGateway?.directConnectGatewayId ?? '';
    await dx.send(new DX.UpdateDirectConnectGatewayCommand({ directConnectGatewayId: gw, newDirectConnectGatewayName: 'sweep-gw-2' }));
    await dx.send(new DX.DescribeDirectConnectGatewaysCommand({}));
    const ec2 = t.ec2(CUSTOMER2);
    const vgw = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId ?? '';
    await t.advance(5);
    const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0]?.VpcId;
    await ec2.send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: vpc }));
    await t.advance(5);
    await dx.send(new DX.DescribeVirtualGatewaysCommand({}));
    const assoc = await dx.send(new DX.CreateDirectConnectGatewayAssociationCommand({ directConnectGatewayId: gw, gatewayId: vgw }));
    await t.advance(15);
    await dx.send(new DX.UpdateDirectConnectGatewayAssociationCommand({ associationId: assoc.directConnectGatewayAssociation?.associationId, addAllowedPrefixesToDirectConnectGateway: [{ cidr: '10.250.0.0/16' }] }));
    await dx.send(new DX.DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: gw }));

    const priv = await dx.send(new DX.CreatePrivateVirtualInterfaceCommand({ connectionId: connId, newPrivateVirtualInterface: { virtualInterfaceName: 'p', vlan: 10, asn: 65000, directConnectGatewayId: gw, tags: [{ key: 't' }] } }));
    const pubVif = await dx.send(
      new DX.CreatePublicVirtualInterfaceCommand({ connectionId: connId, newPublicVirtualInterface: { virtualInterfaceName: 'pub', vlan: 11, asn: 65001, amazonAddress: '203.0.114.1/30', customerAddress: '203.0.114.2/30', routeFilterPrefixes: [{ cidr: '198.51.99.0/24' }] } }),
    );
    const transit = await dx.send(new DX.CreateTransitVirtualInterfaceCommand({ connectionId: connId, newTransitVirtualInterface: { virtualInterfaceName: 'tr', vlan: 12, asn: 65002, directConnectGatewayId: tgw } }));
    const aPriv = await partner.send(new DX.AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: { virtualInterfaceName: 'ap', vlan: 90, asn: 65003 } }));
    const aPub = await partner.send(
      new DX.AllocatePublicVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPublicVirtualInterfaceAllocation: { virtualInterfaceName: 'apub', vlan: 91, asn: 65004, amazonAddress: '203.0.114.5/30', customerAddress: '203.0.114.6/30', routeFilterPrefixes: [{ cidr: '198.51.97.0/24' }] } }),
    );
    const aTr = await partner.send(new DX.AllocateTransitVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newTransitVirtualInterfaceAllocation: { virtualInterfaceName: 'atr', vlan: 92, asn: 65005 } }));
    await dx.send(new DX.ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: aPriv.virtualInterfaceId, directConnectGatewayId: gw }));
    await dx.send(new DX.ConfirmPublicVirtualInterfaceCommand({ virtualInterfaceId: aPub.virtualInterfaceId }));
    await dx.send(new DX.ConfirmTransitVirtualInterfaceCommand({ virtualInterfaceId: aTr.virtualInterface?.virtualInterfaceId, directConnectGatewayId: tgw }));
    await t.control('POST', `/virtual-interfaces/${pubVif.virtualInterfaceId}/verify`);
    await t.advance(30);
    await t.control('POST', `/virtual-interfaces/${priv.virtualInterfaceId}/bgp`, { status: 'up' });

    await dx.send(new DX.DescribeVirtualInterfacesCommand({}));
    await partner.send(new DX.DescribeVirtualInterfacesCommand({ connectionId: 'dxcon-fgprov01' }));
    await dx.send(new DX.UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: priv.virtualInterfaceId, mtu: 9001 }));
    const withPeer = await dx.send(new DX.CreateBGPPeerCommand({ virtualInterfaceId: priv.virtualInterfaceId, newBGPPeer: { asn: 65000, addressFamily: 'ipv6' } }));
    await dx.send(new DX.DescribeRouterConfigurationCommand({ virtualInterfaceId: priv.virtualInterfaceId, routerTypeIdentifier: 'JuniperNetworksInc-MMXSeriesRouters-JunOS95' }));
    await dx.send(new DX.DescribeDirectConnectGatewayAttachmentsCommand({ directConnectGatewayId: gw }));
    await dx.send(new DX.StartBgpFailoverTestCommand({ virtualInterfaceId: priv.virtualInterfaceId, testDurationInMinutes: 5 }));
    await dx.send(new DX.StopBgpFailoverTestCommand({ virtualInterfaceId: priv.virtualInterfaceId }));
    await dx.send(new DX.ListVirtualInterfaceTestHistoryCommand({}));
    const v6 = withPeer.virtualInterface?.bgpPeers?.find((p) => p.addressFamily === 'ipv6');
    await dx.send(new DX.DeleteBGPPeerCommand({ virtualInterfaceId: priv.virtualInterfaceId, bgpPeerId: v6?.bgpPeerId }));

    const vifArn = `arn:aws:directconnect:us-east-1:${CUSTOMER2.accountId}:dxvif/${priv.virtualInterfaceId}`;
    await dx.send(new DX.TagResourceCommand({ resourceArn: vifArn, tags: [{ key: 'x', value: 'y' }] }));
    await dx.send(new DX.UntagResourceCommand({ resourceArn: vifArn, tagKeys: ['x'] }));
    await dx.send(new DX.DescribeTagsCommand({ resourceArns: [vifArn] }));

    for (const id of [priv.virtualInterfaceId, pubVif.virtualInterfaceId, transit.virtualInterface?.virtualInterfaceId, aTr.virtualInterface?.virtualInterfaceId]) {
      await dx.send(new DX.DeleteVirtualInterfaceCommand({ virtualInterfaceId: id }));
    }
    await t.advance(15);
    await dx.send(new DX.DeleteDirectConnectGatewayAssociationCommand({ associationId: assoc.directConnectGatewayAssociation?.associationId }));
    await t.advance(15);
    await dx.send(new DX.DeleteConnectionCommand({ connectionId: connId }));
    await dx.send(new DX.DeleteDirectConnectGatewayCommand({ directConnectGatewayId: tgw }));

    const succeeded = new Set(t.recorded.filter((r) => r.service === 'directconnect' && r.status === 200).map((r) => r.operation));
    expect(Object.keys(DX_OPERATIONS).filter((op) => !succeeded.has(op))).toEqual([]);
    const problems = t.recorded
      .filter((r) => r.service === 'directconnect')
      .flatMap((r) => validateDxResponse(r.operation, r.status, r.body).map((p) => `${r.operation}: ${p}`));
    expect(problems).toEqual([]);
  });
});
