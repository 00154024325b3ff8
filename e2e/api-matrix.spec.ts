import { randomUUID } from 'node:crypto';
import { seedConnection, seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { actorOf } from '../lib/test/actors';
import { createApiTokenForTest } from '../lib/test/api-tokens';
import { ApiClient } from './api-client';
import { expect, test } from './fixtures';

/**
 * The authorisation matrix: every endpoint of the served OpenAPI document × every kind of caller,
 * each cell's status written out by hand. Changes are probed with a request that is refused on
 * validation (422) once every gate let it through, so nothing is changed; the other organisation
 * gets a well-formed request for organisation A's object and must not find it (404).
 */
const callers = ['none', 'expired', 'revoked', 'readOnly', 'member', 'owner', 'otherOrg', 'support', 'noc'] as const;
type Caller = (typeof callers)[number];
type Expect = Record<Exclude<Caller, 'none' | 'expired' | 'revoked'>, number>;
type Call = { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: unknown };
type Row = { probe: Call; foreign?: Call; expect: Expect };

const TOO_LONG = 'x'.repeat(41);
const NOT_AN_OBJECT = 'not an object';

// Shorthands for the common patterns (each still names every caller).
const readAll: Expect = { owner: 200, member: 200, readOnly: 200, otherOrg: 200, support: 200, noc: 200 };
const readOwn: Expect = { owner: 200, member: 200, readOnly: 200, otherOrg: 404, support: 200, noc: 200 };
const memberWrite = (otherOrg: number): Expect => ({ owner: 422, member: 422, readOnly: 403, otherOrg, support: 403, noc: 403 });
const ownerWrite = (otherOrg: number): Expect => ({ owner: 422, member: 403, readOnly: 403, otherOrg, support: 403, noc: 403 });
const nocRead: Expect = { owner: 403, member: 403, readOnly: 403, otherOrg: 403, support: 403, noc: 200 };
const nocWrite: Expect = { owner: 403, member: 403, readOnly: 403, otherOrg: 403, support: 403, noc: 422 };

test.describe('public API v1: authorisation matrix', () => {
  test.setTimeout(180_000);

  test('every endpoint × no token, expired, revoked, read-only, member, owner, other organisation, support, NOC', async ({ request, db, sandbox }) => {
    const api = await ApiClient.load(request);
    const { seedSandboxCustomer } = await import('../lib/test/scenario');
    const s = await seedSandboxCustomer(db, sandbox);
    const ownerActor = actorOf(s.owner, 'CUSTOMER_OWNER');
    const token: Record<Caller, string | null> = {
      none: null,
      expired: await createApiTokenForTest(db, ownerActor, 'WRITE'),
      revoked: await createApiTokenForTest(db, ownerActor, 'WRITE'),
      readOnly: await createApiTokenForTest(db, ownerActor, 'READ'),
      member: await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'CUSTOMER_MEMBER', orgId: s.orgId }), 'CUSTOMER_MEMBER'), 'WRITE'),
      owner: await createApiTokenForTest(db, ownerActor, 'WRITE'),
      otherOrg: await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'CUSTOMER_OWNER' }), 'CUSTOMER_OWNER'), 'WRITE'),
      support: await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'SUPPORT' }), 'SUPPORT'), 'WRITE'),
      noc: await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'NOC' }), 'NOC'), 'WRITE'),
    };
    await db.apiToken.updateMany({ where: { lookup: token.expired!.slice(4, 20) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.apiToken.updateMany({ where: { lookup: token.revoked!.slice(4, 20) }, data: { revokedAt: new Date() } });

    // Organisation A's objects, recorded in the portal (nothing here reaches AWS).
    const base = { orgId: s.orgId, awsAccountId: s.account.id, requestedById: s.owner.user.id, locationId: s.locations.eqdc2.id };
    // No AWS id: the sync leaves it alone (a made-up dxcon id would be seen missing in AWS and closed).
    const c = await seedConnection(db, { ...base, name: `matrix-${uniqueSuffix()}` });
    const waiting = await seedConnection(db, { ...base, name: `matrix-new-${uniqueSuffix()}`, portalStatus: 'SUBMITTED' });
    const dx = await db.directConnectGateway.create({ data: { orgId: s.orgId, awsAccountId: s.account.id, name: 'matrix-gw', amazonSideAsn: 64512n, portalStatus: 'ACTIVE', awsGatewayId: randomUUID(), awsState: 'available' } });
    const vgw = await db.virtualPrivateGateway.create({
      data: { orgId: s.orgId, awsAccountId: s.account.id, name: 'matrix-vgw', region: 'us-east-1', amazonSideAsn: 64512n, portalStatus: 'ACTIVE', awsVpnGatewayId: `vgw-${uniqueSuffix()}`, awsState: 'available' },
    });
    const assoc = await db.gatewayAssociation.create({ data: { orgId: s.orgId, dxGatewayId: dx.id, vpnGatewayId: vgw.id, portalStatus: 'ACTIVE', awsState: 'associated' } });
    const vif = await db.virtualInterface.create({
      data: { orgId: s.orgId, connectionId: c.id, awsAccountId: s.account.id, name: 'matrix-vif', type: 'PRIVATE', vlan: 200, addressFamily: 'ipv4', asn: 65000n, portalStatus: 'ACTIVE', awsState: 'available', dxGatewayId: dx.id },
    });
    const order = await db.crossConnectOrder.create({ data: { connectionId: c.id, kind: 'INSTALL', status: 'OPEN' } });
    const settings = { router: { hostname: 'r1', interface: 'eth1', tagVlan: true, backendInterface: 'eth0', backendNetworks: ['10.0.0.0/24'], os: 'debian' } };

    const get = (url: string): Call => ({ method: 'GET', url });
    const post = (url: string, body?: unknown): Call => ({ method: 'POST', url, body });
    const del = (url: string): Call => ({ method: 'DELETE', url });

    const rows: Record<string, Row> = {
      listAwsAccounts: { probe: get('/aws-accounts'), expect: readAll },
      getAwsAccount: { probe: get(`/aws-accounts/${s.account.id}`), expect: readOwn },
      registerAwsAccount: { probe: post('/aws-accounts', NOT_AN_OBJECT), expect: ownerWrite(422) },
      verifyAwsAccount: { probe: post(`/aws-accounts/${TOO_LONG}/verify`), foreign: post(`/aws-accounts/${s.account.id}/verify`), expect: ownerWrite(404) },

      listConnections: { probe: get('/connections'), expect: readAll },
      getConnection: { probe: get(`/connections/${c.id}`), expect: readOwn },
      requestConnection: { probe: post('/connections', NOT_AN_OBJECT), expect: memberWrite(422) },
      acceptHostedConnection: { probe: post(`/connections/${TOO_LONG}/accept`), foreign: post(`/connections/${c.id}/accept`), expect: memberWrite(404) },
      decommissionConnection: { probe: post(`/connections/${c.id}/decommission`, NOT_AN_OBJECT), foreign: post(`/connections/${c.id}/decommission`, { confirmName: c.name }), expect: ownerWrite(404) },
      // Not issued yet: every caller who may see the connection is told so.
      getLoa: { probe: get(`/connections/${waiting.id}/loa`), expect: { owner: 409, member: 409, readOnly: 409, otherOrg: 404, support: 409, noc: 409 } },
      listConnectionEvents: { probe: get(`/connections/${c.id}/events`), expect: readOwn },

      listNocRequests: { probe: get('/noc/requests'), expect: nocRead },
      approveNocRequest: { probe: post(`/noc/requests/${waiting.requestGroupId}/approve`, NOT_AN_OBJECT), expect: nocWrite },
      rejectNocRequest: { probe: post(`/noc/requests/${waiting.requestGroupId}/reject`, NOT_AN_OBJECT), expect: nocWrite },
      listCrossConnects: { probe: get('/noc/cross-connects'), expect: nocRead },
      getCrossConnect: { probe: get(`/noc/cross-connects/${order.id}`), expect: nocRead },
      reserveCrossConnectPort: { probe: post(`/noc/cross-connects/${order.id}/reserve`, NOT_AN_OBJECT), expect: nocWrite },
      recordCrossConnectTest: { probe: post(`/noc/cross-connects/${order.id}/test`, NOT_AN_OBJECT), expect: nocWrite },
      advanceCrossConnect: { probe: post(`/noc/cross-connects/${order.id}/advance`, NOT_AN_OBJECT), expect: nocWrite },
      listCrossConnectEvents: { probe: get(`/noc/cross-connects/${order.id}/events`), expect: nocRead },

      listVirtualInterfaces: { probe: get('/virtual-interfaces'), expect: readAll },
      getVirtualInterface: { probe: get(`/virtual-interfaces/${vif.id}`), expect: readOwn },
      createVirtualInterface: {
        probe: post('/virtual-interfaces', NOT_AN_OBJECT),
        foreign: post('/virtual-interfaces', { connectionId: c.id, type: 'PRIVATE', name: 'foreign-vif', vlan: 300, addressFamily: 'ipv4', asn: 65000, owner: 'self', targetKind: 'dxGateway', dxGatewayId: dx.id }),
        expect: memberWrite(404),
      },
      confirmVirtualInterface: { probe: post(`/virtual-interfaces/${TOO_LONG}/confirm`, {}), foreign: post(`/virtual-interfaces/${vif.id}/confirm`, {}), expect: memberWrite(404) },
      deleteVirtualInterface: { probe: del(`/virtual-interfaces/${vif.id}`), foreign: del(`/virtual-interfaces/${vif.id}?confirmName=matrix-vif`), expect: ownerWrite(404) },
      getBgpStatus: { probe: get(`/virtual-interfaces/${vif.id}/bgp`), expect: readOwn },
      listFailoverTests: { probe: get(`/virtual-interfaces/${vif.id}/failover-tests`), expect: readOwn },
      startFailoverTest: { probe: post(`/virtual-interfaces/${vif.id}/failover-tests`, NOT_AN_OBJECT), foreign: post(`/virtual-interfaces/${vif.id}/failover-tests`, { bgpPeerIds: ['p1'] }), expect: memberWrite(404) },
      stopFailoverTest: { probe: post(`/virtual-interfaces/${TOO_LONG}/failover-tests/stop`), foreign: post(`/virtual-interfaces/${vif.id}/failover-tests/stop`), expect: memberWrite(404) },
      revealAuthKey: { probe: post(`/virtual-interfaces/${TOO_LONG}/auth-key`), foreign: post(`/virtual-interfaces/${vif.id}/auth-key`), expect: memberWrite(404) },
      // Router settings belong to the organisation's own engineers: staff are refused.
      getRouterSettings: { probe: get(`/virtual-interfaces/${vif.id}/router-settings`), expect: { owner: 200, member: 200, readOnly: 200, otherOrg: 404, support: 403, noc: 403 } },
      saveRouterSettings: { probe: post(`/virtual-interfaces/${vif.id}/router-settings`, NOT_AN_OBJECT), foreign: post(`/virtual-interfaces/${vif.id}/router-settings`, settings), expect: memberWrite(404) },
      // Holds the BGP key: never for read-only tokens or staff; no settings saved yet, so 409.
      getRouterBundle: { probe: get(`/virtual-interfaces/${vif.id}/router-bundle`), expect: { owner: 409, member: 409, readOnly: 403, otherOrg: 404, support: 403, noc: 403 } },
      listVirtualInterfaceEvents: { probe: get(`/virtual-interfaces/${vif.id}/events`), expect: readOwn },

      listDxGateways: { probe: get('/dx-gateways'), expect: readAll },
      getDxGateway: { probe: get(`/dx-gateways/${dx.id}`), expect: readOwn },
      // Another organisation's account id in a form field is the field's error, as for an id that does not exist.
      createDxGateway: { probe: post('/dx-gateways', NOT_AN_OBJECT), foreign: post('/dx-gateways', { awsAccountId: s.account.id, name: 'foreign-gw' }), expect: memberWrite(422) },
      deleteDxGateway: { probe: del(`/dx-gateways/${TOO_LONG}`), foreign: del(`/dx-gateways/${dx.id}`), expect: ownerWrite(404) },
      listDxGatewayEvents: { probe: get(`/dx-gateways/${dx.id}/events`), expect: readOwn },
      listVpnGateways: { probe: get('/vpn-gateways'), expect: readAll },
      getVpnGateway: { probe: get(`/vpn-gateways/${vgw.id}`), expect: readOwn },
      createVpnGateway: { probe: post('/vpn-gateways', NOT_AN_OBJECT), foreign: post('/vpn-gateways', { awsAccountId: s.account.id, name: 'foreign-vgw', region: 'us-east-1' }), expect: memberWrite(422) },
      attachVpnGateway: { probe: post(`/vpn-gateways/${vgw.id}/attach`, NOT_AN_OBJECT), foreign: post(`/vpn-gateways/${vgw.id}/attach`, { vpcId: 'vpc-0123456789abcdef0' }), expect: memberWrite(404) },
      detachVpnGateway: { probe: post(`/vpn-gateways/${TOO_LONG}/detach`), foreign: post(`/vpn-gateways/${vgw.id}/detach`), expect: memberWrite(404) },
      deleteVpnGateway: { probe: del(`/vpn-gateways/${TOO_LONG}`), foreign: del(`/vpn-gateways/${vgw.id}`), expect: ownerWrite(404) },
      listVpnGatewayEvents: { probe: get(`/vpn-gateways/${vgw.id}/events`), expect: readOwn },
      listGatewayAssociations: { probe: get('/gateway-associations'), expect: readAll },
      getGatewayAssociation: { probe: get(`/gateway-associations/${assoc.id}`), expect: readOwn },
      associateGateways: { probe: post('/gateway-associations', NOT_AN_OBJECT), foreign: post('/gateway-associations', { dxGatewayId: dx.id, vpnGatewayId: vgw.id }), expect: memberWrite(404) },
      disassociateGateways: { probe: del(`/gateway-associations/${TOO_LONG}`), foreign: del(`/gateway-associations/${assoc.id}`), expect: memberWrite(404) },
    };

    // Every documented operation has its row, and no row names an operation that does not exist.
    const documented = Object.values(api.document.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId ?? ''));
    expect(Object.keys(rows).sort()).toEqual([...documented].sort());

    const unauthenticated = { none: 'token_missing', expired: 'token_expired', revoked: 'token_revoked' } as const;
    const failures: string[] = [];
    let cells = 0;
    for (const [id, row] of Object.entries(rows)) {
      for (const caller of callers) {
        const call = caller === 'otherOrg' && row.foreign ? row.foreign : row.probe;
        const answer = await api.call(call.method, call.url, { token: token[caller], ...(call.body === undefined ? {} : { body: call.body }) });
        cells++;
        const code = (answer.body as { code?: string } | null)?.code;
        const want = caller in unauthenticated ? 401 : row.expect[caller as keyof Expect];
        const wantCode =
          caller in unauthenticated ? unauthenticated[caller as keyof typeof unauthenticated] : want === 403 && caller === 'readOnly' && row.expect.owner !== 403 && (call.method !== 'GET' || id === 'getRouterBundle') ? 'token_read_only' : undefined;
        if (answer.status !== want || (wantCode && code !== wantCode)) failures.push(`${id} as ${caller}: ${answer.status} ${code ?? ''}, expected ${want} ${wantCode ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(documented.length * callers.length);

    // Nothing a refused caller sent changed organisation A: no person acted on it.
    expect(await db.event.count({ where: { orgId: s.orgId, actorUserId: { not: null } } })).toBe(0);
    expect(await db.virtualInterface.count({ where: { connectionId: c.id } })).toBe(1);
    expect(await db.directConnectGateway.count({ where: { orgId: s.orgId } })).toBe(1);
    expect(await db.virtualPrivateGateway.count({ where: { orgId: s.orgId } })).toBe(1);
    expect((await db.connection.findUniqueOrThrow({ where: { id: c.id } })).portalStatus).toBe('ACTIVE');
    expect((await db.crossConnectOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('OPEN');
  });
});
