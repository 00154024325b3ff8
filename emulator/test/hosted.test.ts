import {
  AllocateConnectionOnInterconnectCommand,
  AllocateHostedConnectionCommand,
  ConfirmConnectionCommand,
  DeleteConnectionCommand,
  DescribeConnectionsCommand,
  DescribeConnectionsOnInterconnectCommand,
  DescribeCustomerMetadataCommand,
  DescribeHostedConnectionsCommand,
  DescribeInterconnectLoaCommand,
  DescribeInterconnectsCommand,
  DescribeLoaCommand,
} from '@aws-sdk/client-direct-connect';
import { describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, pdfText, PROVIDER, useSandbox } from './helpers.js';

const t = useSandbox();
const partner = () => t.dx(PROVIDER);
const customer = () => t.dx(CUSTOMER2);
let nextVlan = 200;

async function allocate(owner = CUSTOMER2.accountId, bandwidth = '500Mbps') {
  nextVlan += 1;
  const c = await partner().send(new AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: owner, bandwidth, connectionName: `hosted-${nextVlan}`, vlan: nextVlan, tags: [{ key: 'order', value: `${nextVlan}` }] }));
  return c;
}

const customerState = async (id: string) => (await customer().send(new DescribeConnectionsCommand({ connectionId: id }))).connections?.[0]?.connectionState;

describe('interconnects (partner)', () => {
  it('lists the seeded interconnects with stable ids', async () => {
    const east = await partner().send(new DescribeInterconnectsCommand({}));
    expect(east.interconnects).toHaveLength(1);
    expect(east.interconnects?.[0]).toMatchObject({
      interconnectId: 'dxcon-fgprov01',
      interconnectState: 'available',
      region: 'us-east-1',
      location: 'EqDC2',
      bandwidth: '10Gbps',
      jumboFrameCapable: true,
      hasLogicalRedundancy: 'yes',
    });
    expect(east.interconnects?.[0]?.awsDevice).toMatch(/^EqDC2-/);
    expect(east.interconnects?.[0]?.awsDeviceV2).toBeTruthy();
    const fra = await t.dx(PROVIDER, 'eu-central-1').send(new DescribeInterconnectsCommand({ interconnectId: 'dxcon-fgprov02' }));
    expect(fra.interconnects?.[0]).toMatchObject({ location: 'EqFA5', interconnectState: 'available' });
    await expectAwsError(partner().send(new DescribeInterconnectsCommand({ interconnectId: 'dxcon-fgprov02' })), 'DirectConnectClientException', /Could not find Interconnect/);
    expect((await customer().send(new DescribeInterconnectsCommand({}))).interconnects).toEqual([]);
  });

  it('issues an LOA for the interconnect', async () => {
    const loa = await partner().send(new DescribeLoaCommand({ connectionId: 'dxcon-fgprov01' }));
    expect(pdfText(loa.loaContent ?? new Uint8Array())).toContain('dxcon-fgprov01');
    const old = await partner().send(new DescribeInterconnectLoaCommand({ interconnectId: 'dxcon-fgprov01', providerName: 'Cross Connect Ltd' }));
    expect(pdfText(old.loa?.loaContent ?? new Uint8Array())).toContain('Cross Connect Ltd');
    const ic = (await partner().send(new DescribeInterconnectsCommand({ interconnectId: 'dxcon-fgprov01' }))).interconnects?.[0];
    expect(ic?.loaIssueTime).toBeInstanceOf(Date);
  });

  it('describes customer metadata (partner type)', async () => {
    expect((await partner().send(new DescribeCustomerMetadataCommand({}))).nniPartnerType).toBe('v2');
    expect((await customer().send(new DescribeCustomerMetadataCommand({}))).nniPartnerType).toBe('nonPartner');
  });
});

describe('AllocateHostedConnection', () => {
  it('gives the partner and the customer their own views (§7.1)', async () => {
    const c = await allocate();
    expect(c).toMatchObject({ ownerAccount: CUSTOMER2.accountId, connectionState: 'ordering', partnerName: 'Colo Provider', vlan: nextVlan, bandwidth: '500Mbps', location: 'EqDC2', region: 'us-east-1', tags: [{ key: 'order', value: String(nextVlan) }] });
    const id = c.connectionId ?? '';
    const partnerView = await partner().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01' }));
    expect(partnerView.connections?.map((x) => x.connectionId)).toContain(id);
    expect((await partner().send(new DescribeConnectionsCommand({}))).connections?.map((x) => x.connectionId)).not.toContain(id);
    expect((await customer().send(new DescribeConnectionsCommand({}))).connections?.map((x) => x.connectionId)).toContain(id);
    await expectAwsError(
      partner().send(new DescribeHostedConnectionsCommand({ connectionId: id })),
      'DirectConnectClientException',
      `${PROVIDER.accountId} DescribeHostedConnections failed for connection ${id} doesn't exist.`,
    );
    await expectAwsError(customer().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01' })), 'DirectConnectClientException', /doesn't exist/);
    const old = await partner().send(new DescribeConnectionsOnInterconnectCommand({ interconnectId: 'dxcon-fgprov01' }));
    expect(old.connections?.map((x) => x.connectionId)).toContain(id);
  });

  it('confirm → pending → available; the interconnect being cut takes it down', async () => {
    const id = (await allocate()).connectionId ?? '';
    expect(await customerState(id)).toBe('ordering');
    await expectAwsError(customer().send(new DescribeLoaCommand({ connectionId: id })), 'DirectConnectClientException', /hosted connection/);
    expect(await customer().send(new ConfirmConnectionCommand({ connectionId: id }))).toMatchObject({ connectionState: 'pending' });
    await expectAwsError(customer().send(new ConfirmConnectionCommand({ connectionId: id })), 'DirectConnectClientException', `ConfirmConnection failed. ${id} is in state pending`);
    await t.advance(19);
    expect(await customerState(id)).toBe('pending');
    await t.advance(1);
    expect(await customerState(id)).toBe('available');
    expect((await t.control('POST', '/connections/dxcon-fgprov01/cross-connect', { state: 'cut' })).body).toMatchObject({ connectionState: 'down' });
    expect(await customerState(id)).toBe('down');
    expect((await partner().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01' }))).connections?.find((x) => x.connectionId === id)?.connectionState).toBe('down');
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'patched' })).status).toBe(409);
    await t.control('POST', '/connections/dxcon-fgprov01/cross-connect', { state: 'patched' });
    expect(await customerState(id)).toBe('available');
  });

  it('customer deleting an unconfirmed hosted connection → rejected; partner deleting → deleted', async () => {
    const a = (await allocate()).connectionId ?? '';
    expect((await customer().send(new DeleteConnectionCommand({ connectionId: a }))).connectionState).toBe('rejected');
    expect(await customerState(a)).toBe('rejected');
    const b = (await allocate()).connectionId ?? '';
    expect((await partner().send(new DeleteConnectionCommand({ connectionId: b }))).connectionState).toBe('deleted');
    await expectAwsError(t.dx(CUSTOMER3).send(new DeleteConnectionCommand({ connectionId: (await allocate()).connectionId })), 'DirectConnectClientException', /Could not find Connection/);
  });

  it('validates partner status, owner, bandwidth and VLAN', async () => {
    await expectAwsError(
      customer().send(new AllocateHostedConnectionCommand({ connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER3.accountId, bandwidth: '500Mbps', connectionName: 'x', vlan: 900 })),
      'DirectConnectClientException',
      `Account ${CUSTOMER2.accountId} is not an authorized Direct Connect partner in us-east-1.`,
    );
    const base = { connectionId: 'dxcon-fgprov01', ownerAccount: CUSTOMER2.accountId, bandwidth: '500Mbps', connectionName: 'x', vlan: 901 };
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, ownerAccount: '12345' })), 'DirectConnectClientException', /not a valid AWS account ID/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, ownerAccount: '999999999999' })), 'DirectConnectClientException', /not a valid AWS account/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, bandwidth: '3Gbps' })), 'DirectConnectClientException', /Bandwidth 3Gbps is not valid for a hosted connection/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, bandwidth: '25Gbps' })), 'DirectConnectClientException', /cannot be allocated on interconnect/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, vlan: 0 })), 'DirectConnectClientException', /VLAN 0 is not valid; the VLAN must be between 1 and 4094/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, vlan: 4095 })), 'DirectConnectClientException', /between 1 and 4094/);
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand({ ...base, connectionId: 'dxcon-fgprov02' })), 'DirectConnectClientException', /Could not find Interconnect/);
    const first = await partner().send(new AllocateHostedConnectionCommand(base));
    await expectAwsError(partner().send(new AllocateHostedConnectionCommand(base)), 'DirectConnectClientException', `VLAN 901 is already in use on interconnect dxcon-fgprov01 by hosted connection ${first.connectionId}.`);
    await customer().send(new DeleteConnectionCommand({ connectionId: first.connectionId }));
    expect((await partner().send(new AllocateHostedConnectionCommand(base))).vlan).toBe(901);
    const big = await partner().send(new AllocateHostedConnectionCommand({ ...base, vlan: 902, bandwidth: '10Gbps' }));
    expect(big.bandwidth).toBe('10Gbps');
  });

  it('supports the deprecated AllocateConnectionOnInterconnect', async () => {
    const c = await partner().send(new AllocateConnectionOnInterconnectCommand({ interconnectId: 'dxcon-fgprov01', ownerAccount: CUSTOMER3.accountId, bandwidth: '100Mbps', connectionName: 'old-api', vlan: 950 }));
    expect(c).toMatchObject({ ownerAccount: CUSTOMER3.accountId, connectionState: 'ordering', vlan: 950 });
  });

  it('pages DescribeHostedConnections', async () => {
    const all = await partner().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01' }));
    const first = await partner().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01', maxResults: 2 }));
    expect(first.connections).toHaveLength(2);
    const rest = await partner().send(new DescribeHostedConnectionsCommand({ connectionId: 'dxcon-fgprov01', nextToken: first.nextToken }));
    expect([...(first.connections ?? []), ...(rest.connections ?? [])].map((c) => c.connectionId)).toEqual(all.connections?.map((c) => c.connectionId));
  });
});
