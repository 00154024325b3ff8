import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { actorOf } from '../lib/test/actors';
import { createApiTokenForTest } from '../lib/test/api-tokens';
import { ApiClient, type ApiAnswer } from './api-client';
import { expect, test } from './fixtures';

type Connection = { id: string; state: string; awsConnectionId: string | null };
type Order = { id: string; status: string; connection: { id: string } };
type Vif = Record<string, unknown> & { id: string; state: string; vlan: number; awsVirtualInterfaceId: string | null; bgpPeers: Array<{ bgpStatus: string; customerAddress: string | null }> };
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }>; conflict?: Record<string, unknown> };
type Events = { items: Array<{ kind: string; message: string }>; nextCursor: string | null };

const ok = (a: ApiAnswer, status: number) => {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  return a.body;
};

test.describe('public API v1: the whole journey', () => {
  test.setTimeout(240_000);

  test('request → NOC approve → cross-connect → available → gateway → VIF → BGP up → router bundle, with API calls only', async ({ request, db, sandbox }) => {
    const api = await ApiClient.load(request);
    const { seedSandboxCustomer } = await import('../lib/test/scenario');
    const s = await seedSandboxCustomer(db, sandbox);
    const token = await createApiTokenForTest(db, actorOf(s.owner, 'CUSTOMER_OWNER'), 'WRITE');
    const readOnly = await createApiTokenForTest(db, actorOf(s.owner, 'CUSTOMER_OWNER'), 'READ');
    const noc = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'NOC' }), 'NOC'), 'WRITE');
    const post = (url: string, body: unknown, t = token) => api.call('POST', url, { token: t, body, headers: { 'idempotency-key': randomUUID() } });
    const get = (url: string, t = token) => api.call('GET', url, { token: t });

    // The customer asks; the NOC approves.
    const name = `journey-${uniqueSuffix()}`;
    const requested = ok(await post('/connections', { type: 'DEDICATED', name, awsAccountId: s.account.id, region: 'us-east-1', locationId: s.locations.eqdc2.id, bandwidth: '10Gbps', resiliency: 'DEVELOPMENT' }), 202) as {
      requestGroupId: string;
      connections: Connection[];
    };
    const connectionId = requested.connections[0]!.id;
    ok(await post(`/noc/requests/${requested.requestGroupId}/approve`, {}, noc), 202);
    await expect.poll(async () => ((await get(`/connections/${connectionId}`)).body as Connection).state, { timeout: 60_000, intervals: [500] }).toBe('awaiting_cross_connect');

    // The facility runs the work order through the API: reserve, patch, test, complete.
    let order: Order | undefined;
    for (let page = 1; !order; page++) {
      const listed = ok(await get(`/noc/cross-connects?view=open&page=${page}`, noc), 200) as { items: Order[]; pages: number };
      order = listed.items.find((o) => o.connection.id === connectionId);
      if (page >= listed.pages) break;
    }
    expect(order?.status).toBe('OPEN');
    expect(ok(await get(`/noc/cross-connects/${order!.id}`), 403)).toMatchObject({ code: 'forbidden' });
    const skipped = ok(await post(`/noc/cross-connects/${order!.id}/advance`, { from: 'OPEN' }, noc), 409) as Problem;
    expect(skipped.detail).toBe('Reserve a patch-panel port first.');
    expect(ok(await post(`/noc/cross-connects/${order!.id}/reserve`, { patchPanel: 'MMR1-PP-04', panelPort: '17/18' }, noc), 200)).toMatchObject({ status: 'PORT_RESERVED', patchPanel: 'MMR1-PP-04', panelPort: '17/18' });
    expect(ok(await post(`/noc/cross-connects/${order!.id}/advance`, { from: 'PORT_RESERVED' }, noc), 200)).toMatchObject({ status: 'PATCHED' });
    const noEvidence = ok(await post(`/noc/cross-connects/${order!.id}/test`, {}, noc), 422) as Problem;
    expect(noEvidence.errors).toEqual([{ field: 'rxDbm', message: 'Record the measured light level or describe the test result: one of them is needed as evidence.' }]);
    expect(ok(await post(`/noc/cross-connects/${order!.id}/test`, { rxDbm: -3.1, txDbm: -2.4 }, noc), 200)).toMatchObject({ status: 'TESTED', testRxDbm: -3.1, testTxDbm: -2.4 });
    expect(ok(await post(`/noc/cross-connects/${order!.id}/advance`, { from: 'TESTED' }, noc), 200)).toMatchObject({ status: 'COMPLETE' });
    await expect.poll(async () => ((await get(`/connections/${connectionId}`)).body as Connection).state, { timeout: 90_000, intervals: [1000] }).toBe('available');

    // A Direct Connect gateway, then a private VIF on it.
    const gateway = ok(await post('/dx-gateways', { awsAccountId: s.account.id, name: `gw-${uniqueSuffix()}` }), 202) as { id: string; amazonSideAsn: number };
    expect(gateway.amazonSideAsn).toBe(64512);
    await expect.poll(async () => ((await get(`/dx-gateways/${gateway.id}`)).body as { awsState: string }).awsState, { timeout: 60_000, intervals: [1000] }).toBe('available');
    const sent = { connectionId, type: 'PRIVATE', name: `vif-${uniqueSuffix()}`, vlan: 101, addressFamily: 'ipv4', asn: 65000, owner: 'self', targetKind: 'dxGateway', dxGatewayId: gateway.id };
    const created = ok(await post('/virtual-interfaces', sent), 202) as Vif;
    expect(created).toMatchObject({ ...sent, state: 'awaiting_aws', hasAuthKey: true, otherAccountId: null });
    expect(created).not.toHaveProperty('authKey');

    // What GET returns is a valid request again: sent back, the only problem is the VLAN, named with its holder.
    const vif = ok(await get(`/virtual-interfaces/${created.id}`), 200) as Vif;
    const again = ok(await post('/virtual-interfaces', { ...sent, customerAddress: vif.customerAddress ?? undefined, amazonAddress: (vif.amazonAddress as string | null) ?? undefined, addressMode: 'manual' }), 409) as Problem;
    expect(again).toMatchObject({ code: 'conflict', conflict: { field: 'vlan', vlan: 101, virtualInterface: { id: created.id, name: sent.name, awsVirtualInterfaceId: vif.awsVirtualInterfaceId } } });
    expect(again.errors).toEqual(expect.arrayContaining([{ field: 'vlan', message: expect.stringContaining('VLAN 101 is already in use on this connection') }]));
    expect(ok(await get(`/virtual-interfaces?connectionId=${connectionId}`), 200)).toMatchObject({ items: [{ id: created.id }], nextCursor: null });

    // The customer's router brings BGP up; the API shows it.
    await sandbox.bgp(vif.awsVirtualInterfaceId!, 'up');
    await expect.poll(async () => ((await get(`/virtual-interfaces/${created.id}`)).body as Vif).state, { timeout: 60_000, intervals: [1000] }).toBe('available');
    expect(ok(await get(`/virtual-interfaces/${created.id}/bgp`), 200)).toMatchObject({ up: true, peers: [{ bgpStatus: 'up', addressFamily: 'ipv4' }] });

    // The router bundle: settings first, then the archive; a read-only token never sees the key.
    const bundleFirst = ok(await get(`/virtual-interfaces/${created.id}/router-bundle`), 409) as Problem;
    expect(bundleFirst.detail).toBe('Save the router-server settings first.');
    const settings = { router: { hostname: 'dx-router-1', interface: 'eth1', tagVlan: true, backendInterface: 'eth0', backendNetworks: ['10.20.0.0/24'], os: 'debian' }, options: { advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false } };
    const badSettings = ok(await post(`/virtual-interfaces/${created.id}/router-settings`, { ...settings, router: { ...settings.router, backendNetworks: ['10.20.0.9/24'] } }), 422) as Problem;
    expect(badSettings.errors?.[0]?.message).toContain('10.20.0.9/24 has host bits set; did you mean 10.20.0.0/24?');
    expect(ok(await post(`/virtual-interfaces/${created.id}/router-settings`, settings), 200)).toEqual({ settings });
    expect(ok(await get(`/virtual-interfaces/${created.id}/router-settings`), 200)).toEqual({ settings });
    expect(ok(await get(`/virtual-interfaces/${created.id}/router-bundle`, readOnly), 403)).toMatchObject({ code: 'token_read_only' });
    const bundle = await get(`/virtual-interfaces/${created.id}/router-bundle`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toBe('application/gzip');
    const tar = gunzipSync(bundle.raw).toString('latin1');
    expect(tar).toContain('frr.conf');
    expect(tar).toContain('router bgp 65000');
    const { authKey } = ok(await post(`/virtual-interfaces/${created.id}/auth-key`, undefined), 200) as { authKey: string };
    expect(tar).toContain(authKey);

    // Every step is on the objects' timelines, newest first.
    const connectionEvents = ok(await get(`/connections/${connectionId}/events?limit=100`), 200) as Events;
    expect(connectionEvents.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['connection.requested', 'connection.approved', 'crossConnect.complete', 'vif.created']));
    const vifEvents = ok(await get(`/virtual-interfaces/${created.id}/events?limit=2`), 200) as Events;
    expect(vifEvents.items).toHaveLength(2);
    expect(vifEvents.nextCursor).not.toBeNull();
    const older = ok(await get(`/virtual-interfaces/${created.id}/events?limit=100&cursor=${vifEvents.nextCursor}`), 200) as Events;
    const kinds = [...vifEvents.items, ...older.items].map((e) => e.kind);
    expect(new Set(kinds).size).toBeGreaterThan(2);
    expect(kinds.indexOf('vif.keyRevealed')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('vif.keyRevealed')).toBeLessThan(kinds.indexOf('vif.bundleDownloaded'));
    expect(kinds.indexOf('vif.bundleDownloaded')).toBeLessThan(kinds.indexOf('vif.created'));
    expect((ok(await get(`/virtual-interfaces/${created.id}/events?cursor=bogus`), 422) as Problem).errors?.[0]?.field).toBe('cursor');

    // CIDRs are canonicalised both ways: sent in any spelling, returned canonical, and the returned
    // form is accepted unchanged (the only refusal left is the VLAN now taken).
    const publicSent = { connectionId, type: 'PUBLIC', name: `pub-${uniqueSuffix()}`, vlan: 102, addressFamily: 'ipv6', asn: 65000, owner: 'self', targetKind: 'none', routeFilterPrefixes: ['2A05:D018:0ABC:0000::/48', '2a05:d018:abc::/48'] };
    const publicVif = ok(await post('/virtual-interfaces', publicSent), 202) as Vif;
    expect(publicVif.routeFilterPrefixes).toEqual(['2a05:d018:abc::/48']);
    expect(publicVif.bgpPeers[0]?.customerAddress).toMatch(/^[0-9a-f:]+\/125$/);
    const publicGot = ok(await get(`/virtual-interfaces/${publicVif.id}`), 200) as Vif;
    expect(publicGot.routeFilterPrefixes).toEqual(['2a05:d018:abc::/48']);
    const resent = ok(await post('/virtual-interfaces', { ...publicSent, routeFilterPrefixes: publicGot.routeFilterPrefixes }), 409) as Problem;
    expect(resent.errors?.map((e) => e.field)).toEqual(['vlan']);

    // Deleting needs the name, as on the page.
    const wrong = ok(await api.call('DELETE', `/virtual-interfaces/${created.id}?confirmName=nope`, { token }), 422) as Problem;
    expect(wrong.errors).toEqual([{ field: 'confirmName', message: `Type the interface's name, ${sent.name}, to confirm.` }]);
    expect(ok(await api.call('DELETE', `/virtual-interfaces/${created.id}?confirmName=${sent.name}`, { token }), 202)).toMatchObject({ id: created.id, state: 'deleting' });
  });
});
