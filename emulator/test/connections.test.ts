import {
  ConfirmConnectionCommand,
  CreateConnectionCommand,
  CreatePrivateVirtualInterfaceCommand,
  CreateDirectConnectGatewayCommand,
  DeleteConnectionCommand,
  DeleteVirtualInterfaceCommand,
  DescribeConnectionLoaCommand,
  DescribeConnectionsCommand,
  DescribeLoaCommand,
  DescribeLocationsCommand,
  UpdateConnectionCommand,
} from '@aws-sdk/client-direct-connect';
import { describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, pdfText, useSandbox } from './helpers.js';

const t = useSandbox();
const dx = () => t.dx(CUSTOMER2);

async function newConnection(name = 'conn', location = 'EqDC2', bandwidth = '10Gbps') {
  const c = await dx().send(new CreateConnectionCommand({ location, bandwidth, connectionName: name, providerName: 'Colo Provider' }));
  return c.connectionId ?? '';
}

async function stateOf(id: string): Promise<string | undefined> {
  const res = await dx().send(new DescribeConnectionsCommand({ connectionId: id }));
  return res.connections?.[0]?.connectionState;
}

describe('DescribeLocations', () => {
  it('lists the seeded locations of each Region', async () => {
    const east = await dx().send(new DescribeLocationsCommand({}));
    expect(east.locations?.map((l) => l.locationCode)).toEqual(['EqDC2', 'CSVA1']);
    expect(east.locations?.[0]).toMatchObject({
      locationName: 'Equinix DC2/DC11, Ashburn, VA',
      region: 'us-east-1',
      availablePortSpeeds: ['1Gbps', '10Gbps', '100Gbps', '400Gbps'],
      availableProviders: expect.arrayContaining(['Colo Provider']),
      availableMacSecPortSpeeds: expect.arrayContaining(['10Gbps']),
    });
    const fra = await t.dx(CUSTOMER2, 'eu-central-1').send(new DescribeLocationsCommand({}));
    expect(fra.locations?.[0]).toMatchObject({ locationCode: 'EqFA5', locationName: 'Equinix FR5, Frankfurt' });
    const sea = await t.dx(CUSTOMER2, 'us-west-2').send(new DescribeLocationsCommand({}));
    expect(sea.locations?.map((l) => l.locationCode)).toContain('EqSE2');
    const dub = await t.dx(CUSTOMER2, 'eu-west-1').send(new DescribeLocationsCommand({}));
    expect(dub.locations?.[0]?.locationName).toMatch(/Digital Realty Dublin/);
    const none = await t.dx(CUSTOMER2, 'ap-south-2').send(new DescribeLocationsCommand({}));
    expect(none.locations).toEqual([]);
  });
});

describe('CreateConnection', () => {
  it('returns a complete requested connection with tags', async () => {
    const c = await dx().send(
      new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'primary', tags: [{ key: 'env', value: 'prod' }], providerName: 'Colo Provider' }),
    );
    expect(c).toMatchObject({
      ownerAccount: CUSTOMER2.accountId,
      connectionName: 'primary',
      connectionState: 'requested',
      region: 'us-east-1',
      location: 'EqDC2',
      bandwidth: '10Gbps',
      jumboFrameCapable: false,
      hasLogicalRedundancy: 'unknown',
      providerName: 'Colo Provider',
      macSecCapable: false,
      tags: [{ key: 'env', value: 'prod' }],
    });
    expect(c.connectionId).toMatch(/^dxcon-[a-z0-9]{8}$/);
    expect(c.awsDevice).toMatch(/^EqDC2-/);
    expect(c.awsDeviceV2).toBe(c.awsDevice);
    expect(c.awsLogicalDeviceId).toMatch(/^EqDC2-/);
  });

  it('validates location, bandwidth, MACsec, LAG, name and tags', async () => {
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqFA5', bandwidth: '10Gbps', connectionName: 'x' })), 'DirectConnectClientException', /Location EqFA5 is not a valid Direct Connect location in us-east-1/);
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'CSVA1', bandwidth: '400Gbps', connectionName: 'x' })), 'DirectConnectClientException', /Bandwidth 400Gbps is not available at CSVA1/);
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '500Mbps', connectionName: 'x' })), 'DirectConnectClientException', /not available/);
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x', requestMACSec: true })), 'DirectConnectClientException', /MAC Security is not available for 1Gbps/);
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x', lagId: 'dxlag-ffff' })), 'DirectConnectClientException', /Could not find Lag with ID dxlag-ffff/);
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: '' })), 'DirectConnectClientException', /connectionName/);
    await expectAwsError(
      dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x', tags: [{ key: 'a' }, { key: 'a', value: 'b' }] })),
      'DuplicateTagKeysException',
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x', tags: many })), 'TooManyTagsException');
    await expectAwsError(dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'x', tags: [{ key: 'bad#key' }] })), 'DirectConnectClientException', /Tag key/);
  });

  it('creates a MACsec-capable connection where the location offers it', async () => {
    const c = await dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '100Gbps', connectionName: 'secure', requestMACSec: true }));
    expect(c).toMatchObject({ macSecCapable: true, encryptionMode: 'must_encrypt', portEncryptionStatus: 'Encryption Down', macSecKeys: [] });
    const updated = await dx().send(new UpdateConnectionCommand({ connectionId: c.connectionId, encryptionMode: 'should_encrypt' }));
    expect(updated.encryptionMode).toBe('should_encrypt');
    await expectAwsError(dx().send(new UpdateConnectionCommand({ connectionId: c.connectionId, encryptionMode: 'sometimes' })), 'DirectConnectClientException', /encryptionMode sometimes is not valid/);
    await dx().send(new DeleteConnectionCommand({ connectionId: c.connectionId }));
  });

  it('enforces 10 active connections per location per account', async () => {
    const dx3 = t.dx(CUSTOMER3);
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const c = await dx3.send(new CreateConnectionCommand({ location: 'CSVA1', bandwidth: '1Gbps', connectionName: `q${i}` }));
      ids.push(c.connectionId ?? '');
    }
    await expectAwsError(dx3.send(new CreateConnectionCommand({ location: 'CSVA1', bandwidth: '1Gbps', connectionName: 'q10' })), 'DirectConnectClientException', /limit of 10 active connections at location CSVA1/);
    await dx3.send(new DeleteConnectionCommand({ connectionId: ids[0] }));
    const again = await dx3.send(new CreateConnectionCommand({ location: 'CSVA1', bandwidth: '1Gbps', connectionName: 'q10' }));
    expect(again.connectionState).toBe('requested');
  });
});

describe('dedicated connection lifecycle', () => {
  it('requested → pending after the AWS review delay (sandbox clock)', async () => {
    const id = await newConnection('auto-review');
    expect(await stateOf(id)).toBe('requested');
    await t.advance(59);
    expect(await stateOf(id)).toBe('requested');
    await t.advance(1);
    expect(await stateOf(id)).toBe('pending');
  });

  it('review now → LOA → patched → available ⇄ down, name update, delete', async () => {
    const id = await newConnection('full');
    await expectAwsError(dx().send(new DescribeLoaCommand({ connectionId: id })), 'DirectConnectClientException', `The LOA-CFA is not yet available for connection ${id}; AWS has not finished reviewing the request.`);
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'patched' })).status).toBe(409);
    expect(await t.control('POST', `/connections/${id}/review`)).toEqual({ status: 200, body: { connectionId: id, connectionState: 'pending' } });
    const conn = (await dx().send(new DescribeConnectionsCommand({ connectionId: id }))).connections?.[0];
    expect(conn).toMatchObject({ connectionState: 'pending', jumboFrameCapable: true, hasLogicalRedundancy: 'yes' });
    expect(conn?.loaIssueTime).toBeUndefined();

    const loa = await dx().send(new DescribeLoaCommand({ connectionId: id, providerName: 'Fibre Patch Co', loaContentType: 'application/pdf' }));
    expect(loa.loaContentType).toBe('application/pdf');
    const pdf = loa.loaContent ?? new Uint8Array();
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const clock = (await t.control('GET', '/clock')).body as { epochSeconds: number };
    const now = clock.epochSeconds * 1000;
    const today = new Date(now).toISOString().slice(0, 10);
    const expiry = new Date(now + 90 * 86_400_000).toISOString().slice(0, 10);
    for (const fact of [id, 'EqDC2', 'Equinix DC2/DC11, Ashburn, VA', '10Gbps', 'Fibre Patch Co', conn?.awsDevice ?? '?', today, expiry]) {
      expect(text).toContain(fact);
    }
    expect(text).toMatch(/AWS port: xe-0\/0\/\d+/);
    const issued = (await dx().send(new DescribeConnectionsCommand({ connectionId: id }))).connections?.[0]?.loaIssueTime;
    expect(issued).toBeInstanceOf(Date);
    expect(Math.abs((issued?.getTime() ?? 0) - now)).toBeLessThan(5_000);

    const wrapped = await dx().send(new DescribeConnectionLoaCommand({ connectionId: id }));
    expect(pdfText(wrapped.loa?.loaContent ?? new Uint8Array())).toContain('Colo Provider');
    await t.advance(86_400);
    await dx().send(new DescribeLoaCommand({ connectionId: id }));
    const reissued = (await dx().send(new DescribeConnectionsCommand({ connectionId: id }))).connections?.[0]?.loaIssueTime;
    expect((reissued?.getTime() ?? 0) - (issued?.getTime() ?? 0)).toBeGreaterThanOrEqual(86_400_000);

    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'cut' })).status).toBe(409);
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'patched' })).body).toEqual({ connectionId: id, connectionState: 'available' });
    expect(await stateOf(id)).toBe('available');
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'cut' })).body).toEqual({ connectionId: id, connectionState: 'down' });
    expect(await stateOf(id)).toBe('down');
    await t.control('POST', `/connections/${id}/cross-connect`, { state: 'patched' });
    expect(await stateOf(id)).toBe('available');
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'sideways' })).status).toBe(400);

    const renamed = await dx().send(new UpdateConnectionCommand({ connectionId: id, connectionName: 'renamed' }));
    expect(renamed.connectionName).toBe('renamed');
    await expectAwsError(dx().send(new UpdateConnectionCommand({ connectionId: id, encryptionMode: 'must_encrypt' })), 'DirectConnectClientException', /does not support MAC Security/);
    await expectAwsError(dx().send(new ConfirmConnectionCommand({ connectionId: id })), 'DirectConnectClientException', `ConfirmConnection failed. ${id} is in state available`);

    const deleted = await dx().send(new DeleteConnectionCommand({ connectionId: id }));
    expect(deleted.connectionState).toBe('deleted');
    expect(await stateOf(id)).toBe('deleted');
    await expectAwsError(dx().send(new DeleteConnectionCommand({ connectionId: id })), 'DirectConnectClientException', /is in state deleted/);
    await expectAwsError(dx().send(new DescribeLoaCommand({ connectionId: id })), 'DirectConnectClientException', /not available/);
    await t.advance(900);
    await expectAwsError(dx().send(new DescribeConnectionsCommand({ connectionId: id })), 'DirectConnectClientException', `Could not find Connection with ID ${id}`);
  });

  it('rejects an unsupported LOA content type, control calls on the wrong kind, updates after deletion', async () => {
    const id = await newConnection('edge-cases');
    await t.control('POST', `/connections/${id}/review`);
    await expectAwsError(dx().send(new DescribeLoaCommand({ connectionId: id, loaContentType: 'text/plain' as 'application/pdf' })), 'DirectConnectClientException', /only supported value is application\/pdf/);
    expect((await t.control('POST', `/connections/${id}/review`)).status).toBe(200);
    expect((await t.control('POST', '/connections/dxcon-fgprov01/review')).status).toBe(409);
    expect((await t.control('POST', '/connections/dxcon-ffnone00/review')).status).toBe(404);
    await dx().send(new DeleteConnectionCommand({ connectionId: id }));
    await expectAwsError(dx().send(new UpdateConnectionCommand({ connectionId: id, connectionName: 'late' })), 'DirectConnectClientException', /is in state deleted/);
    expect((await t.control('POST', `/connections/${id}/cross-connect`, { state: 'patched' })).status).toBe(409);
  });

  it('ConfirmConnection on a requested dedicated connection fails like AWS', async () => {
    const id = await newConnection('confirm-me');
    await expectAwsError(dx().send(new ConfirmConnectionCommand({ connectionId: id })), 'DirectConnectClientException', `ConfirmConnection failed. ${id} is in state requested`);
  });

  it('refuses to delete a connection that still has virtual interfaces', async () => {
    const id = await newConnection('with-vif');
    await t.control('POST', `/connections/${id}/review`);
    const gw = await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'gw' }));
    const vif = await dx().send(
      new CreatePrivateVirtualInterfaceCommand({
        connectionId: id,
        newPrivateVirtualInterface: { virtualInterfaceName: 'v', vlan: 100, asn: 65000, directConnectGatewayId: gw.directConnectGateway?.directConnectGatewayId },
      }),
    );
    await expectAwsError(dx().send(new DeleteConnectionCommand({ connectionId: id })), 'DirectConnectClientException', new RegExp(`${vif.virtualInterfaceId}.*Delete them before deleting the connection`));
    await dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: vif.virtualInterfaceId }));
    await expectAwsError(dx().send(new DeleteConnectionCommand({ connectionId: id })), 'DirectConnectClientException', /virtual interface/);
    await t.advance(5);
    expect((await dx().send(new DeleteConnectionCommand({ connectionId: id }))).connectionState).toBe('deleted');
  });
});

describe('DescribeConnections', () => {
  it('lists only the caller’s connections in the Region, paginated', async () => {
    const dx3 = t.dx(CUSTOMER3, 'eu-central-1');
    for (const name of ['p1', 'p2', 'p3']) await dx3.send(new CreateConnectionCommand({ location: 'EqFA5', bandwidth: '1Gbps', connectionName: name }));
    const page1 = await dx3.send(new DescribeConnectionsCommand({ maxResults: 2 }));
    expect(page1.connections?.map((c) => c.connectionName)).toEqual(['p1', 'p2']);
    expect(page1.nextToken).toBeTruthy();
    const page2 = await dx3.send(new DescribeConnectionsCommand({ maxResults: 2, nextToken: page1.nextToken }));
    expect(page2.connections?.map((c) => c.connectionName)).toEqual(['p3']);
    expect(page2.nextToken).toBeUndefined();
    const big = await dx3.send(new DescribeConnectionsCommand({ maxResults: 500 }));
    expect(big.connections).toHaveLength(3);
    await expectAwsError(dx3.send(new DescribeConnectionsCommand({ nextToken: 'garbage' })), 'DirectConnectClientException', /nextToken/);
    const other = await t.dx(CUSTOMER2, 'eu-central-1').send(new DescribeConnectionsCommand({}));
    expect(other.connections).toEqual([]);
    await expectAwsError(dx().send(new DescribeConnectionsCommand({ connectionId: 'dxcon-fgnone00' })), 'DirectConnectClientException', 'Could not find Connection with ID dxcon-fgnone00');
  });
});
