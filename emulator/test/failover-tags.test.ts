import {
  CreateBGPPeerCommand,
  CreateConnectionCommand,
  CreateDirectConnectGatewayCommand,
  CreatePrivateVirtualInterfaceCommand,
  DeleteVirtualInterfaceCommand,
  DescribeConnectionsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeTagsCommand,
  DescribeVirtualInterfacesCommand,
  ListVirtualInterfaceTestHistoryCommand,
  StartBgpFailoverTestCommand,
  StopBgpFailoverTestCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-direct-connect';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER2, CUSTOMER3, expectAwsError, useSandbox } from './helpers.js';

const t = useSandbox();
const dx = () => t.dx(CUSTOMER2);
let conn = '';
let gw = '';
let vlan = 10;

async function upVif(): Promise<{ id: string; peers: string[] }> {
  vlan += 1;
  const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: { virtualInterfaceName: `ft-${vlan}`, vlan, asn: 65000, directConnectGatewayId: gw } }));
  const id = v.virtualInterfaceId ?? '';
  await dx().send(new CreateBGPPeerCommand({ virtualInterfaceId: id, newBGPPeer: { asn: 65000, addressFamily: 'ipv6' } }));
  await t.advance(30);
  await t.control('POST', `/virtual-interfaces/${id}/bgp`, { status: 'up' });
  const described = (await dx().send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: id }))).virtualInterfaces?.[0];
  expect(described?.virtualInterfaceState).toBe('available');
  return { id, peers: described?.bgpPeers?.map((p) => p.bgpPeerId ?? '') ?? [] };
}

const vifOf = async (id: string) => (await dx().send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: id }))).virtualInterfaces?.[0];

beforeAll(async () => {
  const c = await dx().send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'ft', tags: [{ key: 'site', value: 'ash' }] }));
  conn = c.connectionId ?? '';
  await t.control('POST', `/connections/${conn}/review`);
  await t.control('POST', `/connections/${conn}/cross-connect`, { state: 'patched' });
  gw = (await dx().send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'ft-gw' }))).directConnectGateway?.directConnectGatewayId ?? '';
});

describe('BGP failover tests', () => {
  it('puts the chosen peers down and the VIF in testing until the duration passes', async () => {
    const { id, peers } = await upVif();
    const [v4] = peers;
    const started = await dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id, bgpPeers: [v4 ?? ''], testDurationInMinutes: 10 }));
    expect(started.virtualInterfaceTest).toMatchObject({ virtualInterfaceId: id, bgpPeers: [v4], status: 'IN_PROGRESS', ownerAccount: CUSTOMER2.accountId, testDurationInMinutes: 10 });
    expect(started.virtualInterfaceTest?.startTime).toBeInstanceOf(Date);
    const during = await vifOf(id);
    expect(during?.virtualInterfaceState).toBe('testing');
    expect(during?.bgpPeers?.map((p) => `${p.bgpPeerId === v4 ? 'tested' : 'other'}:${p.bgpStatus}`).sort()).toEqual(['other:up', 'tested:down']);
    await expectAwsError(dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /already running/);
    await t.advance(599);
    expect((await vifOf(id))?.virtualInterfaceState).toBe('testing');
    await t.advance(1);
    expect((await vifOf(id))?.virtualInterfaceState).toBe('available');
    expect((await vifOf(id))?.bgpPeers?.every((p) => p.bgpStatus === 'up')).toBe(true);
    const history = await dx().send(new ListVirtualInterfaceTestHistoryCommand({ virtualInterfaceId: id }));
    expect(history.virtualInterfaceTestHistory?.[0]).toMatchObject({ testId: started.virtualInterfaceTest?.testId, status: 'COMPLETED' });
    expect(history.virtualInterfaceTestHistory?.[0]?.endTime).toBeInstanceOf(Date);
  });

  it('defaults to all peers and 180 minutes; StopBgpFailoverTest ends it early', async () => {
    const { id, peers } = await upVif();
    const started = await dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id }));
    expect(started.virtualInterfaceTest).toMatchObject({ testDurationInMinutes: 180, bgpPeers: peers });
    expect((await vifOf(id))?.bgpPeers?.every((p) => p.bgpStatus === 'down')).toBe(true);
    await t.advance(120);
    const stopped = await dx().send(new StopBgpFailoverTestCommand({ virtualInterfaceId: id }));
    expect(stopped.virtualInterfaceTest).toMatchObject({ status: 'COMPLETED', testId: started.virtualInterfaceTest?.testId, testDurationInMinutes: 2 });
    expect((await vifOf(id))?.virtualInterfaceState).toBe('available');
    await expectAwsError(dx().send(new StopBgpFailoverTestCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /No BGP failover test is running/);
    const byStatus = await dx().send(new ListVirtualInterfaceTestHistoryCommand({ status: 'COMPLETED', bgpPeers: [peers[0] ?? ''] }));
    expect(byStatus.virtualInterfaceTestHistory?.map((h) => h.testId)).toContain(started.virtualInterfaceTest?.testId);
    const byId = await dx().send(new ListVirtualInterfaceTestHistoryCommand({ testId: started.virtualInterfaceTest?.testId }));
    expect(byId.virtualInterfaceTestHistory).toHaveLength(1);
    const paged = await dx().send(new ListVirtualInterfaceTestHistoryCommand({ maxResults: 1 }));
    expect(paged.virtualInterfaceTestHistory).toHaveLength(1);
    expect(paged.nextToken).toBeTruthy();
    expect((await t.dx(CUSTOMER3).send(new ListVirtualInterfaceTestHistoryCommand({}))).virtualInterfaceTestHistory).toEqual([]);
  });

  it('validates duration, peers, VIF state and ownership; deleting the VIF cancels the test', async () => {
    const { id } = await upVif();
    await expectAwsError(dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id, testDurationInMinutes: 0 })), 'DirectConnectClientException', /between 1 and 4320/);
    await expectAwsError(dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id, testDurationInMinutes: 4321 })), 'DirectConnectClientException', /between 1 and 4320/);
    await expectAwsError(dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id, bgpPeers: ['dxpeer-nope'] })), 'DirectConnectClientException', /dxpeer-nope does not exist/);
    await expectAwsError(t.dx(CUSTOMER3).send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id })), 'DirectConnectClientException', /does not exist/);
    vlan += 1;
    const fresh = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: { virtualInterfaceName: 'fresh', vlan, asn: 65000, directConnectGatewayId: gw } }));
    await expectAwsError(dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: fresh.virtualInterfaceId })), 'DirectConnectClientException', /is in state pending/);
    const started = await dx().send(new StartBgpFailoverTestCommand({ virtualInterfaceId: id, testDurationInMinutes: 4320 }));
    await dx().send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: id }));
    const history = await dx().send(new ListVirtualInterfaceTestHistoryCommand({ testId: started.virtualInterfaceTest?.testId }));
    expect(history.virtualInterfaceTestHistory?.[0]?.status).toBe('CANCELLED');
  });
});

describe('tags', () => {
  const arn = (kind: string, id: string, region = 'us-east-1') => `arn:aws:directconnect:${region}:${CUSTOMER2.accountId}:${kind}/${id}`;

  it('tags connections, VIFs and DX gateways; creation tags are returned', async () => {
    const connArn = arn('dxcon', conn);
    expect((await dx().send(new DescribeTagsCommand({ resourceArns: [connArn] }))).resourceTags).toEqual([{ resourceArn: connArn, tags: [{ key: 'site', value: 'ash' }] }]);
    await dx().send(new TagResourceCommand({ resourceArn: connArn, tags: [{ key: 'site', value: 'iad' }, { key: 'owner', value: 'noc' }, { key: 'flag' }] }));
    expect((await dx().send(new DescribeConnectionsCommand({ connectionId: conn }))).connections?.[0]?.tags).toEqual([{ key: 'site', value: 'iad' }, { key: 'owner', value: 'noc' }, { key: 'flag' }]);
    await dx().send(new UntagResourceCommand({ resourceArn: connArn, tagKeys: ['owner', 'missing'] }));

    vlan += 1;
    const v = await dx().send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn, newPrivateVirtualInterface: { virtualInterfaceName: 'tagged', vlan, asn: 65000, directConnectGatewayId: gw, tags: [{ key: 'a', value: '1' }] } }));
    const vifArn = arn('dxvif', v.virtualInterfaceId ?? '');
    await dx().send(new TagResourceCommand({ resourceArn: vifArn, tags: [{ key: 'b', value: '2' }] }));
    const gwArn = `arn:aws:directconnect::${CUSTOMER2.accountId}:dx-gateway/${gw}`;
    await dx().send(new TagResourceCommand({ resourceArn: gwArn, tags: [{ key: 'tier', value: 'gold' }] }));
    const all = await dx().send(new DescribeTagsCommand({ resourceArns: [connArn, vifArn, gwArn] }));
    expect(all.resourceTags).toEqual([
      { resourceArn: connArn, tags: [{ key: 'site', value: 'iad' }, { key: 'flag' }] },
      { resourceArn: vifArn, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] },
      { resourceArn: gwArn, tags: [{ key: 'tier', value: 'gold' }] },
    ]);
    expect((await dx().send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: gw }))).directConnectGateways?.[0]?.tags).toEqual([{ key: 'tier', value: 'gold' }]);
  });

  it('validates ARNs, duplicates and the 50-tag limit', async () => {
    const connArn = arn('dxcon', conn);
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: 'arn:aws:s3:::bucket', tags: [{ key: 'a' }] })), 'DirectConnectClientException', /not a valid Direct Connect resource ARN/);
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: arn('dxcon', 'dxcon-ffnone00'), tags: [{ key: 'a' }] })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: arn('dxcon', conn, 'eu-central-1'), tags: [{ key: 'a' }] })), 'DirectConnectClientException', /does not exist/);
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: connArn, tags: [{ key: 'd' }, { key: 'd' }] })), 'DuplicateTagKeysException');
    const many = Array.from({ length: 49 }, (_, i) => ({ key: `bulk-${i}` }));
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: connArn, tags: many })), 'TooManyTagsException');
    await expectAwsError(dx().send(new TagResourceCommand({ resourceArn: connArn, tags: [] })), 'DirectConnectClientException', /tags/);
    await expectAwsError(dx().send(new UntagResourceCommand({ resourceArn: connArn, tagKeys: [] })), 'DirectConnectClientException', /tagKeys/);
    await expectAwsError(dx().send(new DescribeTagsCommand({ resourceArns: [] })), 'DirectConnectClientException', /resourceArns/);
    await expectAwsError(t.dx(CUSTOMER3).send(new DescribeTagsCommand({ resourceArns: [connArn] })), 'DirectConnectClientException', /does not exist/);
  });
});
