import {
  CreateBGPPeerCommand,
  CreateConnectionCommand,
  CreateDirectConnectGatewayCommand,
  CreatePrivateVirtualInterfaceCommand,
  CreatePublicVirtualInterfaceCommand,
  CreateTransitVirtualInterfaceCommand,
  DeleteBGPPeerCommand,
  DeleteVirtualInterfaceCommand,
  DescribeRouterConfigurationCommand,
  DescribeVirtualInterfacesCommand,
  type NewPrivateVirtualInterface,
  type NewPublicVirtualInterface,
  UpdateVirtualInterfaceAttributesCommand,
} from '@aws-sdk/client-direct-connect';
import { CreateVpnGatewayCommand } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, useSandbox } from './helpers.js';

const t = useSandbox();
const dx = () => t.dx(CUSTOMER2);
let conn = '';
let noRedundancyConn = '';
let dxgw = '';
let transitGw = '';
let vgw = '';
let vlan = 100;

async function ready(location: string): Promise<string> {
  const c = await dx().send(new CreateConnectionCommand({ location, bandwidth: '10Gbps', connectionName: `vif-host-${location}` }));
  await t.control('POST', `/connections/${c.connectionId}/review`);
  await t.control('POST', `/connections/${c.connectionId}/cross-connect`, { state: 'patched' });
  return c.connectionId ?? '';
}

const priv = (over: Partial<NewPrivateVirtualInterface> = {}): NewPrivateVirtualInterface => {
  vlan += 1;
  return { virtualInterfaceName: `priv-${vlan}`, vlan, asn: 65000, directConnectGatewayId: dxgw, ...over };
};
const pub = (over: Partial<NewPublicVirtualInterface> = {}): NewPublicVirtualInterface => {
  vlan += 1;
  return {
    virtualInterfaceName: `pub-${vlan}`,
    vlan,
    asn: 65001,
    amazonAddress: '203.0.114.1/30',
    customerAddress: '203.0.114.2/30',
    routeFilterPrefixes: [{ cidr: '198.51.99.0/24' }],
    ...over,
  };
};
const vifOf = async (id: string) => (await dx().send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: id }))).virtualInterfaces?.[0];

beforeAll(async () => {
  conn = await ready('EqDC2');
  noRedundancyConn = await ready('CSVA1');
  dxgw = (await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'private-gw', amazonSideAsn: 64600 }))).directConnectGateway?.directConnectGatewayId ?? '';
  transitGw = (await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'transit-gw', amazonSideAsn: 4200000001 }))).directConnectGateway?.directConnectGatewayId ?? '';
  vgw = (await t.ec2(CUSTOMER2).send(new CreateVpnGatewayCommand({ Type: 'ipsec.1', AmazonSideAsn: 65010 }))).VpnGateway?.VpnGatewayId ?? '';
  await t.advance(5);
});

describe('CreatePrivateVirtualInterface', () => {
  it('returns a complete VirtualInterface straight away (§7.7)', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ tags: [{ key: 'team', value: 'net' }] }) }));
    expect(v).toMatchObject({
      ownerAccount: CUSTOMER2.accountId,
      connectionId: conn,
      location: 'EqDC2',
      virtualInterfaceType: 'private',
      vlan,
      asn: 65000,
      asnLong: 65000,
      amazonSideAsn: 64600,
      addressFamily: 'ipv4',
      virtualInterfaceState: 'pending',
      mtu: 1500,
      jumboFrameCapable: true,
      directConnectGatewayId: dxgw,
      region: 'us-east-1',
      tags: [{ key: 'team', value: 'net' }],
      siteLinkEnabled: false,
      routeFilterPrefixes: [],
    });
    expect(v.virtualInterfaceId).toMatch(/^dxvif-/);
    expect(v.authKey?.length).toBeGreaterThanOrEqual(6);
    expect(v.amazonAddress).toMatch(/^169\.254\.\d+\.\d+\/30$/);
    expect(v.customerAddress).toMatch(/^169\.254\.\d+\.\d+\/30$/);
    expect(v.awsDeviceV2).toMatch(/^EqDC2-/);
    expect(v.bgpPeers).toHaveLength(1);
    expect(v.bgpPeers?.[0]).toMatchObject({ bgpPeerState: 'pending', bgpStatus: 'down', asn: 65000, addressFamily: 'ipv4', amazonAddress: v.amazonAddress, authKey: v.authKey });
    expect(v.bgpPeers?.[0]?.bgpPeerId).toMatch(/^dxpeer-/);
    expect(v.customerRouterConfig).toContain(`<logical_connection id="${v.virtualInterfaceId}">`);
    expect(v.customerRouterConfig).toContain(`<vlan>${vlan}</vlan>`);
    expect(v.customerRouterConfig).toContain('<amazon_bgp_asn>64600</amazon_bgp_asn>');
    expect(v.customerRouterConfig).toContain('<connection_type>private</connection_type>');
  });

  it('pending → down after provisioning; BGP up → available; connection cut → down', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    const id = v.virtualInterfaceId ?? '';
    await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up' });
    expect((await vifOf(id))?.virtualInterfaceState).toBe('pending');
    await t.advance(30);
    const up = await vifOf(id);
    expect(up?.virtualInterfaceState).toBe('available');
    expect(up?.bgpPeers?.[0]).toMatchObject({ bgpPeerState: 'available', bgpStatus: 'up' });
    await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'down', addressFamily: 'ipv4' });
    expect((await vifOf(id))?.virtualInterfaceState).toBe('down');
    const res = await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up' });
    expect(res.body).toMatchObject({ virtualInterfaceState: 'available', bgpPeers: [{ bgpStatus: 'up' }] });
    await t.control('POST', `/connections/${conn}/cross-connect`, { state: 'cut' });
    expect((await vifOf(id))?.bgpPeers?.[0]?.bgpStatus).toBe('down');
    expect((await vifOf(id))?.virtualInterfaceState).toBe('down');
    await t.control('POST', `/connections/${conn}/cross-connect`, { state: 'patched' });
    expect((await vifOf(id))?.virtualInterfaceState).toBe('available');
    expect((await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up', bgpPeerId: 'dxpeer-none' })).status).toBe(404);
    expect((await t.control('POST', '/virtual-interfaces/dxvif-nope/bgp', { status: 'up' })).status).toBe(404);
  });

  it('attaches to a VGW and inherits its ASN; validates the gateway choice', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ directConnectGatewayId: undefined, virtualGatewayId: vgw }) }));
    expect(v).toMatchObject({ virtualGatewayId: vgw, amazonSideAsn: 65010 });
    expect(v.directConnectGatewayId).toBeUndefined();
    await expectAwsError(dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ virtualGatewayId: vgw }) })), 'DirectConnectClientException', /either virtualGatewayId or directConnectGatewayId/);
    await expectAwsError(dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ directConnectGatewayId: undefined }) })), 'DirectConnectClientException', /requires either virtualGatewayId or directConnectGatewayId/);
    await expectAwsError(dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ directConnectGatewayId: undefined, virtualGatewayId: 'vgw-0000' }) })), 'DirectConnectClientException', /vgw-0000 does not exist/);
    await expectAwsError(dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ directConnectGatewayId: '11111111-2222-3333-4444-555555555555' }) })), 'DirectConnectClientException', /Direct Connect gateway .* does not exist/);
  });

  it('validates VLAN, ASN, MTU, auth key, name and addresses', async () => {
    const create = (p: NewPrivateVirtualInterface, c = conn) => dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: c, newPrivateVirtualInterface: p }));
    const err = (p: NewPrivateVirtualInterface, re: RegExp | string) => expectAwsError(create(p), 'DirectConnectClientException', re);
    await err(priv({ vlan: 0 }), /VLAN 0 is not valid/);
    await err(priv({ vlan: 4095 }), /VLAN 4095 is not valid/);
    const taken = await create(priv());
    await err({ ...priv(), vlan: taken.vlan ?? 0 }, `VLAN ${taken.vlan} is already in use on connection ${conn} by virtual interface ${taken.virtualInterfaceId}.`);
    await err(priv({ asn: undefined }), /Either asn or asnLong must be specified/);
    await err(priv({ asn: 2147483647 }), /asn 2147483647 is out of range.*Use asnLong/);
    await err(priv({ asn: 0 }), /out of range/);
    await err(priv({ asn: undefined, asnLong: 4294967295 }), /asnLong 4294967295 is out of range/);
    await err(priv({ asn: 23456 }), /AS_TRANS/);
    await err(priv({ asn: 64500 }), /documentation/);
    await err(priv({ asn: 7224 }), /belongs to Amazon/);
    await err(priv({ asn: 64600 }), /must be different from the Amazon side ASN 64600/);
    await err(priv({ mtu: 8500 }), /MTU 8500 is not supported for a private virtual interface; supported values are 1500 and 9001/);
    await err(priv({ authKey: 'short' }), /between 6 and 80 characters/);
    await err(priv({ authKey: 'x'.repeat(81) }), /between 6 and 80 characters/);
    await err(priv({ virtualInterfaceName: 'n'.repeat(101) }), /between 1 and 100 characters/);
    await err(priv({ amazonAddress: '192.168.1.1/30' }), /must be specified together/);
    await err(priv({ amazonAddress: '192.168.1.1/30', customerAddress: '192.168.2.2/30' }), /same CIDR/);
    await err(priv({ amazonAddress: '192.168.1.0/30', customerAddress: '192.168.1.2/30' }), /Amazon Address is address 0 on its subnet/);
    await err(priv({ amazonAddress: '192.168.1.1/30', customerAddress: '192.168.1.3/30' }), /Customer Address is the broadcast address/);
    await err(priv({ amazonAddress: 'nonsense', customerAddress: '192.168.1.2/30' }), /not a valid IPv4 address/);
    await err(priv({ addressFamily: 'ipv6', amazonAddress: '2001:db8::1/125', customerAddress: '2001:db8::2/125' }), /Custom IPv6 addresses are not supported/);
    await err(priv({ enableSiteLink: true, directConnectGatewayId: undefined, virtualGatewayId: vgw }), /SiteLink can only be enabled/);

    const both = await create(priv({ asn: 65000, asnLong: 4200000100 }));
    expect(both).toMatchObject({ asn: 0, asnLong: 4200000100 });
    const jumbo = await create(priv({ mtu: 9001, authKey: 'my-md5-key', amazonAddress: '192.168.10.1/30', customerAddress: '192.168.10.2/30', enableSiteLink: true }));
    expect(jumbo).toMatchObject({ mtu: 9001, authKey: 'my-md5-key', amazonAddress: '192.168.10.1/30', customerAddress: '192.168.10.2/30', siteLinkEnabled: true });
    await err(priv({ amazonAddress: '192.168.10.1/30', customerAddress: '192.168.10.2/30' }), /192.168.10.1\/30 is already in use on connection/);
    const slash31 = await create(priv({ amazonAddress: '10.9.9.0/31', customerAddress: '10.9.9.1/31' }));
    expect(slash31.amazonAddress).toBe('10.9.9.0/31');
    const v6 = await create(priv({ addressFamily: 'ipv6' }));
    expect(v6.amazonAddress).toMatch(/^2600:1f18:[0-9a-f:]+\/125$/);
    expect(v6.customerAddress).toMatch(/\/125$/);
  });

  it('refuses connections that cannot carry VIFs, and unknown or foreign connections', async () => {
    const requested = await dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'not-yet' }));
    await expectAwsError(
      dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: requested.connectionId, newPrivateVirtualInterface: priv() })),
      'DirectConnectClientException',
      /The specified Connection ID is not available/,
    );
    await expectAwsError(t.dx(CUSTOMER3).send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() })), 'DirectConnectClientException', `Could not find Connection with ID ${conn}`);
    await expectAwsError(dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', newPrivateVirtualInterface: priv() })), 'DirectConnectClientException', /Could not find Connection/);
  });
});

describe('CreatePublicVirtualInterface', () => {
  it('starts verifying; verification → pending → provisioned', async () => {
    const v = await dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: pub() }));
    expect(v).toMatchObject({ virtualInterfaceType: 'public', virtualInterfaceState: 'verifying', amazonSideAsn: 7224, routeFilterPrefixes: [{ cidr: '198.51.99.0/24' }], mtu: 1500 });
    expect(v.bgpPeers?.[0]?.bgpPeerState).toBe('verifying');
    expect(v.customerRouterConfig).toContain('<connection_type>public</connection_type>');
    const id = v.virtualInterfaceId ?? '';
    expect((await t.control('POST', `/virtual-interfaces/${id}/verify`)).body).toMatchObject({ virtualInterfaceState: 'pending' });
    expect((await t.control('POST', `/virtual-interfaces/${id}/verify`)).status).toBe(409);
    await t.advance(30);
    expect((await vifOf(id))?.virtualInterfaceState).toBe('down');
    const auto = await dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: pub({ amazonAddress: '203.0.114.5/30', customerAddress: '203.0.114.6/30' }) }));
    await t.advance(60);
    expect((await vifOf(auto.virtualInterfaceId ?? ''))?.virtualInterfaceState).toBe('pending');
    await t.advance(30);
    expect((await vifOf(auto.virtualInterfaceId ?? ''))?.virtualInterfaceState).toBe('down');
  });

  it('a new peer on a public VIF is verified before it becomes available', async () => {
    const v = await dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: pub({ amazonAddress: '203.0.114.17/30', customerAddress: '203.0.114.18/30' }) }));
    const id = v.virtualInterfaceId ?? '';
    await t.control('POST', `/virtual-interfaces/${id}/verify`);
    await t.advance(30);
    const added = await dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65001, addressFamily: 'ipv6' } }));
    expect(added.virtualInterface?.bgpPeers?.find((p) => p.addressFamily === 'ipv6')?.bgpPeerState).toBe('verifying');
    await expectAwsError(
      dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65001, addressFamily: 'ipv4' } })),
      'DirectConnectClientException',
      /requires amazonAddress and customerAddress/,
    );
    expect((await t.control('POST', `/virtual-interfaces/${id}/verify`)).body).toMatchObject({ virtualInterfaceState: 'down' });
    expect((await vifOf(id))?.bgpPeers?.map((p) => p.bgpPeerState)).toEqual(['available', 'available']);
    const privateVif = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    expect((await t.control('POST', `/virtual-interfaces/${privateVif.virtualInterfaceId}/verify`)).status).toBe(409);
  });

  it('enforces public addressing and route filter prefixes', async () => {
    const err = (p: NewPublicVirtualInterface, re: RegExp) =>
      expectAwsError(dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: p })), 'DirectConnectClientException', re);
    await err(pub({ amazonAddress: '10.0.0.1/30', customerAddress: '10.0.0.2/30' }), /Amazon Address is not allowed to contain a private IP/);
    await err(pub({ amazonAddress: '203.0.114.9/30', customerAddress: '203.0.115.10/30' }), /Amazon Address and Customer Address must be in the same CIDR/);
    await err(pub({ amazonAddress: '203.0.114.8/30', customerAddress: '203.0.114.9/30' }), /Amazon Address is address 0 on its subnet\./);
    await err(pub({ amazonAddress: '203.0.114.11/30', customerAddress: '203.0.114.9/30' }), /Amazon Address is the broadcast address on its subnet\./);
    await err(pub({ amazonAddress: undefined, customerAddress: undefined }), /requires amazonAddress and customerAddress/);
    await err(pub({ routeFilterPrefixes: [] }), /at least one route filter prefix/);
    await err(pub({ routeFilterPrefixes: [{ cidr: '10.0.0.0/8' }] }), /not a public prefix/);
    await err(pub({ routeFilterPrefixes: [{ cidr: '2600:1f18::/80' }] }), /\/64 or shorter/);
    await err(pub({ routeFilterPrefixes: [{ cidr: 'banana' }] }), /not a valid CIDR/);
    const v6 = await dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: pub({ addressFamily: 'ipv6', amazonAddress: undefined, customerAddress: undefined, routeFilterPrefixes: [{ cidr: '2600:1f18:1000::/48' }] }) }));
    expect(v6.amazonAddress).toMatch(/\/125$/);
  });
});

describe('CreateTransitVirtualInterface', () => {
  it('requires a DX gateway, allows MTU 8500, refuses mixing with private VIFs', async () => {
    const v = await dx().send(new CreateTransitVirtualInterfaceCommand({ connectionId: conn, newTransitVirtualInterface: { virtualInterfaceName: 'tr', vlan: 3000, asn: 65100, mtu: 8500, directConnectGatewayId: transitGw } }));
    expect(v.virtualInterface).toMatchObject({ virtualInterfaceType: 'transit', mtu: 8500, amazonSideAsn: 4200000001, directConnectGatewayId: transitGw, virtualInterfaceState: 'pending' });
    await expectAwsError(dx().send(new CreateTransitVirtualInterfaceCommand({ connectionId: conn, newTransitVirtualInterface: { virtualInterfaceName: 'tr', vlan: 3001, asn: 65100 } })), 'DirectConnectClientException', /requires directConnectGatewayId/);
    await expectAwsError(dx().send(new CreateTransitVirtualInterfaceCommand({ connectionId: conn, newTransitVirtualInterface: { virtualInterfaceName: 'tr', vlan: 3001, asn: 65100, mtu: 9001, directConnectGatewayId: transitGw } })), 'DirectConnectClientException', /MTU 9001 is not supported for a transit/);
    await expectAwsError(dx().send(new CreateTransitVirtualInterfaceCommand({ connectionId: conn, newTransitVirtualInterface: { virtualInterfaceName: 'tr', vlan: 3001, asn: 65100, directConnectGatewayId: dxgw } })), 'DirectConnectClientException', /cannot share a Direct Connect gateway/);
  });
});

describe('quotas', () => {
  it('4 transit VIFs per dedicated connection, 50 private/public, 51 in all', async () => {
    const gw = (await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'quota-gw' }))).directConnectGateway?.directConnectGatewayId;
    const transit = (c: string, i: number) =>
      dx().send(new CreateTransitVirtualInterfaceCommand({ connectionId: c, newTransitVirtualInterface: { virtualInterfaceName: `t${i}`, vlan: 10 + i, asn: 65100, directConnectGatewayId: gw } }));
    const a = await ready('EqDC2');
    for (let i = 0; i < 4; i += 1) await transit(a, i);
    await expectAwsError(transit(a, 4), 'DirectConnectClientException', /limit of 4 transit virtual interfaces/);

    const b = await ready('EqDC2');
    for (let i = 0; i < 50; i += 1) {
      await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: b, newPrivateVirtualInterface: { virtualInterfaceName: `p${i}`, vlan: 100 + i, asn: 65000, virtualGatewayId: vgw } }));
    }
    await expectAwsError(
      dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: b, newPrivateVirtualInterface: { virtualInterfaceName: 'p50', vlan: 200, asn: 65000, virtualGatewayId: vgw } })),
      'DirectConnectClientException',
      /limit of 50 private and public virtual interfaces/,
    );
    await transit(b, 0);
    await expectAwsError(transit(b, 1), 'DirectConnectClientException', /limit of 51 virtual interfaces/);
    const page = await dx().send(new DescribeVirtualInterfacesCommand({ connectionId: b, maxResults: 200 }));
    expect(page.virtualInterfaces).toHaveLength(51);
    const small = await dx().send(new DescribeVirtualInterfacesCommand({ connectionId: b, maxResults: 50 }));
    expect(small.virtualInterfaces).toHaveLength(50);
    const rest = await dx().send(new DescribeVirtualInterfacesCommand({ connectionId: b, maxResults: 50, nextToken: small.nextToken }));
    expect(rest.virtualInterfaces).toHaveLength(1);
    expect(rest.nextToken).toBeUndefined();
  });

  it('30 VIFs per Direct Connect gateway', async () => {
    const c = await ready('EqDC2');
    const gw = (await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'full-gw' }))).directConnectGateway?.directConnectGatewayId;
    for (let i = 0; i < 30; i += 1) {
      await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: c, newPrivateVirtualInterface: { virtualInterfaceName: `g${i}`, vlan: 500 + i, asn: 65000, directConnectGatewayId: gw } }));
    }
    await expectAwsError(
      dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: c, newPrivateVirtualInterface: { virtualInterfaceName: 'g30', vlan: 600, asn: 65000, directConnectGatewayId: gw } })),
      'DirectConnectClientException',
      /limit of 30 attached virtual interfaces/,
    );
  });
});

describe('DescribeVirtualInterfaces / Delete / Update', () => {
  it('deleting → deleted, listed for 15 minutes, then gone; unknown id → []', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    const id = v.virtualInterfaceId ?? '';
    expect(await dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: id }))).toMatchObject({ virtualInterfaceState: 'deleting' });
    expect((await vifOf(id))?.virtualInterfaceState).toBe('deleting');
    await expectAwsError(dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /is in state deleting/);
    await t.advance(5);
    expect((await vifOf(id))?.virtualInterfaceState).toBe('deleted');
    expect((await vifOf(id))?.bgpPeers?.[0]?.bgpPeerState).toBe('deleted');
    await t.advance(899);
    expect((await vifOf(id))?.virtualInterfaceState).toBe('deleted');
    await t.advance(1);
    expect(await vifOf(id)).toBeUndefined();
    expect((await dx().send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: 'dxvif-ffunknwn' }))).virtualInterfaces).toEqual([]);
    await expectAwsError(dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(dx().send(new DescribeVirtualInterfacesCommand({ connectionId: 'dxcon-ffunknwn' })), 'DirectConnectClientException', /Could not find Connection/);
  });

  it('other accounts see nothing and cannot delete or update', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    const other = t.dx(CUSTOMER3);
    expect((await other.send(new DescribeVirtualInterfacesCommand({}))).virtualInterfaces?.map((x) => x.virtualInterfaceId)).not.toContain(v.virtualInterfaceId);
    expect((await other.send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: v.virtualInterfaceId }))).virtualInterfaces).toEqual([]);
    await expectAwsError(other.send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: v.virtualInterfaceId })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(other.send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: v.virtualInterfaceId, mtu: 9001 })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(other.send(new DescribeVirtualInterfacesCommand({ connectionId: conn })), 'DirectConnectClientException', /Could not find Connection/);
    expect((await t.dx(CUSTOMER2, 'eu-central-1').send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: v.virtualInterfaceId }))).virtualInterfaces).toEqual([]);
  });

  it('UpdateVirtualInterfaceAttributes: mtu per type, SiteLink, name', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    const id = v.virtualInterfaceId;
    const updated = await dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: id, mtu: 9001, enableSiteLink: true, virtualInterfaceName: 'renamed' }));
    expect(updated).toMatchObject({ mtu: 9001, siteLinkEnabled: true, virtualInterfaceName: 'renamed' });
    await expectAwsError(dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: id, mtu: 8500 })), 'DirectConnectClientException', /MTU 8500/);
    await expectAwsError(dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: id, virtualInterfaceName: '' })), 'DirectConnectClientException', /between 1 and 100/);
    const p = await dx().send(new CreatePublicVirtualInterfaceCommand({ connectionId: conn, newPublicVirtualInterface: pub({ amazonAddress: '203.0.114.13/30', customerAddress: '203.0.114.14/30' }) }));
    await expectAwsError(dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: p.virtualInterfaceId, mtu: 9001 })), 'DirectConnectClientException', /public virtual interface cannot be changed/);
    await expectAwsError(dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: p.virtualInterfaceId, enableSiteLink: true })), 'DirectConnectClientException', /SiteLink is not supported on public/);
    const viaVgw = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ directConnectGatewayId: undefined, virtualGatewayId: vgw }) }));
    await expectAwsError(dx().send(new UpdateVirtualInterfaceAttributesCommand({ virtualInterfaceId: viaVgw.virtualInterfaceId, enableSiteLink: true })), 'DirectConnectClientException', /SiteLink can only be enabled/);
  });
});

describe('BGP peers', () => {
  it('adds IPv6 and a redundant IPv4 peer, guards the last peer, deletes by id or ASN+address', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv() }));
    const id = v.virtualInterfaceId ?? '';
    await t.advance(30);
    const withV6 = await dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65000, addressFamily: 'ipv6' } }));
    const v6 = withV6.virtualInterface?.bgpPeers?.find((p) => p.addressFamily === 'ipv6');
    expect(v6).toMatchObject({ bgpPeerState: 'pending', bgpStatus: 'down' });
    expect(v6?.amazonAddress).toMatch(/\/125$/);
    expect(withV6.virtualInterface?.customerRouterConfig).toContain('<ipv6_amazon_address>');
    await t.advance(30);
    expect((await vifOf(id))?.bgpPeers?.find((p) => p.addressFamily === 'ipv6')?.bgpPeerState).toBe('available');
    await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up', addressFamily: 'ipv6' });
    const mixed = await vifOf(id);
    expect(mixed?.virtualInterfaceState).toBe('available');
    expect(mixed?.bgpPeers?.map((p) => `${p.addressFamily}:${p.bgpStatus}`).sort()).toEqual(['ipv4:down', 'ipv6:up']);

    const second = await dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asnLong: 65002, addressFamily: 'ipv4', amazonAddress: '172.16.0.1/30', customerAddress: '172.16.0.2/30', authKey: 'second-key' } }));
    expect(second.virtualInterface?.bgpPeers).toHaveLength(3);
    await expectAwsError(dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65003 } })), 'DirectConnectClientException', /maximum of 2 BGP peers for address family ipv4/);
    await expectAwsError(dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65003, addressFamily: 'ipv6', customerAddress: '2001:db8::2/125' } })), 'DirectConnectClientException', /Custom IPv6/);

    const afterDelete = await dx().send(new DeleteBGPPeerCommand({ virtualInterfaceId: id, asnLong: 65002, customerAddress: '172.16.0.2/30' }));
    expect(afterDelete.virtualInterface?.bgpPeers?.find((p) => p.customerAddress === '172.16.0.2/30')?.bgpPeerState).toBe('deleting');
    await t.advance(5);
    expect((await vifOf(id))?.bgpPeers).toHaveLength(2);
    await dx().send(new DeleteBGPPeerCommand({ virtualInterfaceId: id, bgpPeerId: v.bgpPeers?.[0]?.bgpPeerId }));
    const only = await vifOf(id);
    expect(only?.addressFamily).toBe('ipv6');
    await expectAwsError(dx().send(new DeleteBGPPeerCommand({ virtualInterfaceId: id, bgpPeerId: v6?.bgpPeerId })), 'DirectConnectClientException', /The last BGP Peer on a Virtual Interface cannot be deleted/);
    await expectAwsError(dx().send(new DeleteBGPPeerCommand({ virtualInterfaceId: id, bgpPeerId: 'dxpeer-nope' })), 'DirectConnectClientException', /does not exist on virtual interface/);
    await expectAwsError(dx().send(new DeleteBGPPeerCommand({ virtualInterfaceId: id, asn: 65000 })), 'DirectConnectClientException', /bgpPeerId, or with asn/);
  });

  it('refuses a second peer in one family where the connection has no logical redundancy', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: noRedundancyConn, newPrivateVirtualInterface: priv() }));
    await expectAwsError(
      dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: v.virtualInterfaceId, newBGPPeer: { asn: 65000, addressFamily: 'ipv4' } })),
      'DirectConnectClientException',
      /does not support logical redundancy/,
    );
    const v6 = await dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: v.virtualInterfaceId, newBGPPeer: { asn: 65000, addressFamily: 'ipv6' } }));
    expect(v6.virtualInterface?.bgpPeers).toHaveLength(2);
    await expectAwsError(dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: v.virtualInterfaceId })), 'DirectConnectClientException', /newBGPPeer/);
  });
});

describe('DescribeRouterConfiguration', () => {
  it('renders the known router types from the VIF and rejects unknown ones', async () => {
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: priv({ authKey: 'router-secret' }) }));
    const cisco = await dx().send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: v.virtualInterfaceId, routerTypeIdentifier: 'CiscoSystemsInc-2900SeriesRouters-IOS124' }));
    expect(cisco.router).toEqual({
      vendor: 'Cisco Systems, Inc.',
      platform: '2900 Series Routers',
      software: 'IOS 12.4+',
      xsltTemplateName: 'customer-router-cisco-generic.xslt',
      xsltTemplateNameForMacSec: '',
      routerTypeIdentifier: 'CiscoSystemsInc-2900SeriesRouters-IOS124',
    });
    expect(cisco.customerRouterConfig).toContain(`encapsulation dot1Q ${vlan}`);
    expect(cisco.customerRouterConfig).toContain('password router-secret');
    expect(cisco).toMatchObject({ virtualInterfaceId: v.virtualInterfaceId, virtualInterfaceName: v.virtualInterfaceName });
    const juniper = await dx().send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: v.virtualInterfaceId, routerTypeIdentifier: 'JuniperNetworksInc-MMXSeriesRouters-JunOS95' }));
    expect(juniper.customerRouterConfig).toContain(`vlan-id ${vlan}`);
    const generic = await dx().send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: v.virtualInterfaceId }));
    expect(generic.router?.routerTypeIdentifier).toBe('Generic-Generic-VendorAgnostic');
    expect(generic.customerRouterConfig).toContain('Amazon ASN: 64600');
    await expectAwsError(dx().send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: v.virtualInterfaceId, routerTypeIdentifier: 'Acme-Toaster-1' })), 'DirectConnectClientException', /Router type Acme-Toaster-1 is not supported/);
    await expectAwsError(t.dx(CUSTOMER3).send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: v.virtualInterfaceId })), 'DirectConnectClientException', /does not exist/);
  });
});
