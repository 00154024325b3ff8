import {
  AllocateHostedConnectionCommand,
  AllocatePrivateVirtualInterfaceCommand,
  AllocatePublicVirtualInterfaceCommand,
  AllocateTransitVirtualInterfaceCommand,
  ConfirmConnectionCommand,
  ConfirmPrivateVirtualInterfaceCommand,
  ConfirmPublicVirtualInterfaceCommand,
  ConfirmTransitVirtualInterfaceCommand,
  CreateDirectConnectGatewayCommand,
  CreatePrivateVirtualInterfaceCommand,
  CreateTransitVirtualInterfaceCommand,
  DeleteVirtualInterfaceCommand,
  DescribeDirectConnectGatewayAttachmentsCommand,
  DescribeVirtualInterfacesCommand,
} from '@aws-sdk/client-direct-connect';
import { CreateVpnGatewayCommand } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, PROVIDER, useSandbox } from './helpers.js';

const t = useSandbox();
const partner = () => t.dx(PROVIDER);
const customer = () => t.dx(CUSTOMER2);
let gw = '';
let transitGw = '';
let vgw = '';
let vlan = 1000;

const alloc = (over: Record<string, unknown> = {}) => {
  vlan += 1;
  return { virtualInterfaceName: `hosted-${vlan}`, vlan, asn: 65020, ...over };
};
const vifOf = async (client: ReturnType<typeof partner>, id: string) => (await client.send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: id }))).virtualInterfaces?.[0];

beforeAll(async () => {
  gw = (await customer().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'customer-gw' }))).directConnectGateway?.directConnectGatewayId ?? '';
  transitGw = (await customer().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'customer-tgw', amazonSideAsn: 64999 }))).directConnectGateway?.directConnectGatewayId ?? '';
  vgw = (await t.ec2(CUSTOMER2).send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway?.VpnGatewayId ?? '';
  await t.advance(5);
});

describe('hosted VIFs allocated by the partner on its interconnect', () => {
  it('private: confirming → Confirm with a DX gateway → pending → down/available; both sides see it', async () => {
    const v = await partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc({ tags: [{ key: 'k', value: 'v' }] }) }));
    expect(v).toMatchObject({ ownerAccount: CUSTOMER2.accountId, connectionId: 'dxcon-fgprov01', virtualInterfaceState: 'confirming', virtualInterfaceType: 'private', vlan });
    expect(v.amazonSideAsn).toBeUndefined();
    const id = v.virtualInterfaceId ?? '';
    expect((await vifOf(customer(), id))?.virtualInterfaceState).toBe('confirming');
    expect((await vifOf(partner(), id))?.ownerAccount).toBe(CUSTOMER2.accountId);
    expect(await vifOf(t.dx(CUSTOMER3), id)).toBeUndefined();

    await expectAwsError(partner().send(new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: id, directConnectGatewayId: gw })), 'DirectConnectClientException', /only the owner can change it/);
    await expectAwsError(customer().send(new ConfirmPublicVirtualInterfaceCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /is a private virtual interface, not a public one/);
    await expectAwsError(customer().send(new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /requires either virtualGatewayId or directConnectGatewayId/);
    expect(await customer().send(new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: id, directConnectGatewayId: gw }))).toMatchObject({ virtualInterfaceState: 'pending' });
    await expectAwsError(customer().send(new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: id, directConnectGatewayId: gw })), 'DirectConnectClientException', `ConfirmPrivateVirtualInterface failed. ${id} is in state pending`);
    const confirmed = await vifOf(customer(), id);
    expect(confirmed).toMatchObject({ amazonSideAsn: 64512, directConnectGatewayId: gw });
    const attachments = await customer().send(new DescribeDirectConnectGatewayAttachmentsCommand({ directConnectGatewayId: gw }));
    expect(attachments.directConnectGatewayAttachments).toContainEqual(
      expect.objectContaining({ virtualInterfaceId: id, attachmentState: 'attaching', attachmentType: 'PrivateVirtualInterface', virtualInterfaceOwnerAccount: CUSTOMER2.accountId, virtualInterfaceRegion: 'us-east-1' }),
    );
    await t.advance(30);
    expect((await vifOf(customer(), id))?.virtualInterfaceState).toBe('down');
    await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up' });
    expect((await vifOf(partner(), id))?.virtualInterfaceState).toBe('available');
    const attached = await customer().send(new DescribeDirectConnectGatewayAttachmentsCommand({ virtualInterfaceId: id }));
    expect(attached.directConnectGatewayAttachments?.[0]?.attachmentState).toBe('attached');
  });

  it('private with a VGW; public goes through verification; transit needs a DX gateway', async () => {
    const p = await partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc() }));
    await customer().send(new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId: p.virtualInterfaceId, virtualGatewayId: vgw }));
    expect((await vifOf(customer(), p.virtualInterfaceId ?? ''))).toMatchObject({ virtualGatewayId: vgw, amazonSideAsn: 64512 });

    const pub = await partner().send(
      new AllocatePublicVirtualInterfaceCommand({
        connectionId: 'dxcon-fgprov01',
        ownerAccount: CUSTOMER2.accountId,
        newPublicVirtualInterfaceAllocation: alloc({ amazonAddress: '198.51.98.1/30', customerAddress: '198.51.98.2/30', routeFilterPrefixes: [{ cidr: '198.51.97.0/24' }] }),
      }),
    );
    expect(pub).toMatchObject({ virtualInterfaceState: 'confirming', amazonSideAsn: 7224 });
    expect(await customer().send(new ConfirmPublicVirtualInterfaceCommand({ virtualInterfaceId: pub.virtualInterfaceId }))).toMatchObject({ virtualInterfaceState: 'verifying' });
    await t.control('POST', `/virtual-interfaces/${pub.virtualInterfaceId}/verify`);
    await t.advance(30);
    expect((await vifOf(customer(), pub.virtualInterfaceId ?? ''))?.virtualInterfaceState).toBe('down');

    const tr = await partner().send(new AllocateTransitVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newTransitVirtualInterfaceAllocation: alloc({ mtu: 8500 }) }));
    expect(tr.virtualInterface).toMatchObject({ virtualInterfaceState: 'confirming', virtualInterfaceType: 'transit', mtu: 8500 });
    await expectAwsError(customer().send(new ConfirmTransitVirtualInterfaceCommand({ virtualInterfaceId: tr.virtualInterface?.virtualInterfaceId, directConnectGatewayId: gw })), 'DirectConnectClientException', /cannot share a Direct Connect gateway/);
    expect(await customer().send(new ConfirmTransitVirtualInterfaceCommand({ virtualInterfaceId: tr.virtualInterface?.virtualInterfaceId, directConnectGatewayId: transitGw }))).toMatchObject({ virtualInterfaceState: 'pending' });
  });

  it('the owner declining (deleting) a confirming VIF → rejected; the partner deleting → deleting', async () => {
    const a = await partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc() }));
    expect(await customer().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: a.virtualInterfaceId }))).toMatchObject({ virtualInterfaceState: 'rejected' });
    expect((await vifOf(partner(), a.virtualInterfaceId ?? ''))?.virtualInterfaceState).toBe('rejected');
    const b = await partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc() }));
    expect(await partner().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: b.virtualInterfaceId }))).toMatchObject({ virtualInterfaceState: 'deleting' });
  });

  it('validates the allocation: partner, owner account, VLAN shared with hosted connections', async () => {
    await expectAwsError(
      customer().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc() })),
      'DirectConnectClientException',
      /Could not find Connection/,
    );
    await expectAwsError(
      partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: '444444444444', newPrivateVirtualInterfaceAllocation: alloc() })),
      'DirectConnectClientException',
      /not a valid AWS account/,
    );
    const hosted = await partner().send(new AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER3.accountId, bandwidth: '1Gbps', connectionName: 'h', vlan: 1500 }));
    await expectAwsError(
      partner().send(new AllocatePrivateVirtualInterfaceCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, newPrivateVirtualInterfaceAllocation: alloc({ vlan: 1500 }) })),
      'DirectConnectClientException',
      `VLAN 1500 is already in use on connection dxcon-fgprov01 by hosted connection ${hosted.connectionId}.`,
    );
  });
});

describe('VIFs on a hosted connection (customer side)', () => {
  it('one VIF, on the connection’s VLAN, only once the connection is confirmed', async () => {
    const dx3 = t.dx(CUSTOMER3);
    const hosted = await partner().send(new AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER3.accountId, bandwidth: '200Mbps', connectionName: 'small', vlan: 1600 }));
    const id = hosted.connectionId;
    const gw3 = (await dx3.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'gw3' }))).directConnectGateway?.directConnectGatewayId;
    const spec = { virtualInterfaceName: 'only', vlan: 1600, asn: 65030, directConnectGatewayId: gw3 };
    await expectAwsError(dx3.send(new CreatePrivateVirtualInterfaceCommand({ connectionId: id, newPrivateVirtualInterface: spec })), 'DirectConnectClientException', /The specified Connection ID is not available.*ConfirmConnection/);
    await dx3.send(new ConfirmConnectionCommand({ connectionId: id }));
    await expectAwsError(
      dx3.send(new CreatePrivateVirtualInterfaceCommand({ connectionId: id, newPrivateVirtualInterface: { ...spec, vlan: 1601 } })),
      'DirectConnectClientException',
      `VLAN 1601 does not match VLAN 1600 assigned to hosted connection ${id}; a hosted connection's virtual interface must use the connection's VLAN.`,
    );
    const v = await dx3.send(new CreatePrivateVirtualInterfaceCommand({ connectionId: id, newPrivateVirtualInterface: spec }));
    expect(v).toMatchObject({ connectionId: id, vlan: 1600, virtualInterfaceState: 'pending', ownerAccount: CUSTOMER3.accountId });
    await expectAwsError(
      dx3.send(new CreateTransitVirtualInterfaceCommand({ connectionId: id, newTransitVirtualInterface: { ...spec, directConnectGatewayId: gw3 } })),
      'DirectConnectClientException',
      `Hosted connection ${id} supports only one virtual interface and already has ${v.virtualInterfaceId}.`,
    );
    await t.advance(30);
    await t.control('POST', `/virtual-interfaces/${v.virtualInterfaceId}/bgp`, { status: 'up' });
    expect((await vifOf(dx3, v.virtualInterfaceId ?? ''))?.virtualInterfaceState).toBe('available');
    expect(await vifOf(partner(), v.virtualInterfaceId ?? '')).toBeUndefined();
  });
});
