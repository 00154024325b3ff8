import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreatePrivateVirtualInterfaceCommand, DescribeVirtualInterfacesCommand } from '@aws-sdk/client-direct-connect';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedAwsAccount, seedUser } from '../db/seed/factories';
import { createVifSchema, type CreateVifInput } from '../domain/virtual-interfaces';
import { syncAccount } from '../sync/account';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { seedAvailableConnection } from '../test/vif-scenario';
import { downloadRouterBundle, previewRouterBundle, saveRouterSettings } from './bundle';
import { confirmHostedVif, deleteVirtualInterface, revealAuthKey } from './commands';
import { createVirtualInterface } from './create';
import { startFailoverTest, stopFailoverTest } from './failover';

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });

afterEach(() => sandbox.clearFaults());

function request(connectionId: string, dxGatewayId: string, overrides: Partial<CreateVifInput> = {}) {
  return createVifSchema.parse({
    connectionId,
    type: 'PRIVATE',
    name: 'prod-private',
    vlan: '101',
    addressFamily: 'ipv4',
    asn: '65000',
    addressMode: 'auto',
    authKeyMode: 'generate',
    mtu: '9001',
    owner: 'self',
    targetKind: 'dxGateway',
    dxGatewayId,
    ...overrides,
  });
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Partial<Record<string, string[]>>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeTruthy();
  return (error as { fieldErrors?: Partial<Record<string, string[]>> }).fieldErrors ?? {};
}

describe('creating a private virtual interface', () => {
  it('creates it in AWS with auto-assigned addresses and a generated key stored encrypted', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id));
    const vif = await testDb().virtualInterface.findUniqueOrThrow({ where: { id }, select: { awsVirtualInterfaceId: true, awsState: true, portalStatus: true, customerAddress: true, amazonAddress: true, amazonSideAsn: true, authKeyCiphertext: true, mtu: true } });
    expect(vif).toMatchObject({ awsState: 'pending', portalStatus: 'ACTIVE', amazonSideAsn: 64512n, mtu: 9001 });
    expect(vif.customerAddress).toMatch(/^169\.254\.\d+\.\d+\/(30|29)$/);
    const key = await revealAuthKey(s.owner, id);
    expect(key.length).toBeGreaterThanOrEqual(6);
    expect(vif.authKeyCiphertext).not.toContain(key);
    const listed = await s.client.send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId! }));
    expect(listed.virtualInterfaces?.[0]).toMatchObject({ vlan: 101, asn: 65000, directConnectGatewayId: s.dxGateway.awsGatewayId, authKey: key });
    expect(await testDb().bgpPeer.count({ where: { virtualInterfaceId: id } })).toBe(1);
    expect(await testDb().event.count({ where: { subjectId: id, kind: 'vif.keyRevealed' } })).toBe(1);
  });

  it('goes pending → available and BGP up when the customer router comes up, one event each', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id));
    const { awsVirtualInterfaceId } = await testDb().virtualInterface.findUniqueOrThrow({ where: { id } });
    await sandbox.advanceClock(120);
    await sandbox.bgp(awsVirtualInterfaceId!, 'up');
    await syncAccount(s.account.id, 'us-east-1', log);
    await syncAccount(s.account.id, 'us-east-1', log);
    const events = await testDb().event.findMany({ where: { subjectId: id, kind: { in: ['vif.awsState', 'vif.bgpStatus'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.fromState, e.toState])).toEqual([
      ['vif.awsState', 'pending', 'available'],
      ['vif.bgpStatus', 'down', 'up'],
    ]);
    await sandbox.bgp(awsVirtualInterfaceId!, 'down');
    await syncAccount(s.account.id, 'us-east-1', log);
    expect(await testDb().virtualInterface.findUniqueOrThrow({ where: { id } })).toMatchObject({ awsState: 'down' });
  });

  it('refuses a VLAN already in use on the connection, even one taken outside the portal', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    await s.client.send(
      new CreatePrivateVirtualInterfaceCommand({ connectionId: s.connection.awsConnectionId!, newPrivateVirtualInterface: { virtualInterfaceName: 'console-made', vlan: 300, asn: 65010, directConnectGatewayId: s.dxGateway.awsGatewayId! } }),
    );
    const errors = await fieldErrorsOf(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { vlan: '300' })));
    expect(errors.vlan?.[0]).toMatch(/VLAN 300 is already in use/);
    expect(await testDb().virtualInterface.count({ where: { connectionId: s.connection.id } })).toBe(0);
  });

  it('refuses the gateway ASN as the customer ASN (that would be iBGP)', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox, { gatewayAsn: 65001 });
    const errors = await fieldErrorsOf(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { asn: '65001' })));
    expect(errors.asn?.[0]).toMatch(/65001/);
  });

  it('shows AWS’s own reason when AWS refuses, and leaves nothing behind', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    await testDb().directConnectGateway.update({ where: { id: s.dxGateway.id }, data: { awsGatewayId: '00000000-0000-0000-0000-000000000000' } });
    await expect(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id))).rejects.toThrow(/AWS rejected the request to create the virtual interface/);
    expect(await testDb().virtualInterface.count({ where: { connectionId: s.connection.id } })).toBe(0);
  });

  it('keeps the intent when AWS does not answer, and the sync adopts what AWS created', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    await sandbox.addFault({ operation: 'CreatePrivateVirtualInterface', kind: 'server-error', count: 10 });
    await expect(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id))).rejects.toThrow(/AWS did not answer in time/);
    const intent = await testDb().virtualInterface.findFirstOrThrow({ where: { connectionId: s.connection.id } });
    expect(intent).toMatchObject({ portalStatus: 'CREATING', awsVirtualInterfaceId: null });
    await sandbox.clearFaults();
    // AWS did create it after all (the answer was lost): it carries the portal's tag.
    await s.client.send(
      new CreatePrivateVirtualInterfaceCommand({
        connectionId: s.connection.awsConnectionId!,
        newPrivateVirtualInterface: { virtualInterfaceName: 'prod-private', vlan: 101, asn: 65000, directConnectGatewayId: s.dxGateway.awsGatewayId!, tags: [{ key: 'dx-portal:id', value: intent.id }] },
      }),
    );
    await syncAccount(s.account.id, 'us-east-1', log);
    const adopted = await testDb().virtualInterface.findUniqueOrThrow({ where: { id: intent.id } });
    expect(adopted.portalStatus).toBe('ACTIVE');
    expect(adopted.awsVirtualInterfaceId).toMatch(/^dxvif-/);
    expect(await testDb().event.count({ where: { subjectId: intent.id, kind: 'vif.adopted' } })).toBe(1);
  });
});

describe('other virtual interfaces', () => {
  it('IPv6: AWS assigns the peer addresses itself', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { addressFamily: 'ipv6', name: 'v6-private', vlan: '102' }));
    const vif = await testDb().virtualInterface.findUniqueOrThrow({ where: { id } });
    expect(vif.customerAddress).toMatch(/:.*\/125$/);
    expect(vif.amazonAddress).toMatch(/:.*\/125$/);
  });

  it('a hosted VIF is allocated to another account of the organisation and confirmed through its role', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const other = await seedAwsAccount(testDb(), { orgId: s.orgId, name: 'Analytics' });
    const created = await sandbox.createCustomerAccount({ accountId: other.accountId, externalId: other.externalId });
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, '', { owner: 'other', otherAccountId: other.accountId, targetKind: 'none', dxGatewayId: '', name: 'analytics-hosted' }));
    const allocated = await testDb().virtualInterface.findUniqueOrThrow({ where: { id } });
    expect(allocated).toMatchObject({ hosted: true, awsState: 'confirming', awsAccountId: other.id });

    const { CreateDirectConnectGatewayCommand } = await import('@aws-sdk/client-direct-connect');
    const { customerDirectConnect } = await import('../test/scenario');
    const gw = await customerDirectConnect(created).send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'analytics', amazonSideAsn: 64600 }));
    const otherGateway = await testDb().directConnectGateway.create({
      data: { orgId: s.orgId, awsAccountId: other.id, name: 'analytics', amazonSideAsn: 64600n, portalStatus: 'ACTIVE', awsGatewayId: gw.directConnectGateway?.directConnectGatewayId, awsState: 'available' },
    });
    await confirmHostedVif(s.owner, id, { dxGatewayId: otherGateway.id });
    await syncAccount(other.id, 'us-east-1', log);
    const confirmed = await testDb().virtualInterface.findUniqueOrThrow({ where: { id } });
    expect(confirmed.awsState).not.toBe('confirming');
    expect(confirmed.amazonSideAsn).toBe(64600n);
    expect(confirmed.dxGatewayId).toBe(otherGateway.id);
  });

  it('a hosted connection carries exactly one virtual interface, on its own VLAN', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    await testDb().connection.update({ where: { id: s.connection.id }, data: { type: 'HOSTED', vlan: 777, bandwidth: '500Mbps' } });
    const wrongVlan = await fieldErrorsOf(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { vlan: '101' })));
    expect(wrongVlan.vlan?.[0]).toMatch(/777/);
    await testDb().virtualInterface.create({
      data: { orgId: s.orgId, connectionId: s.connection.id, awsAccountId: s.account.id, name: 'only-one', type: 'PRIVATE', vlan: 777, addressFamily: 'ipv4', asn: 65000n, portalStatus: 'ACTIVE', awsState: 'available' },
    });
    const second = await fieldErrorsOf(createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { vlan: '777' })));
    expect(second.type?.[0]).toMatch(/exactly one virtual interface/);
  });
});

describe('operating a virtual interface', () => {
  it('runs a BGP failover test and stops it', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id));
    await sandbox.advanceClock(120);
    await syncAccount(s.account.id, 'us-east-1', log);
    const peer = await testDb().bgpPeer.findFirstOrThrow({ where: { virtualInterfaceId: id } });
    await startFailoverTest(s.owner, { virtualInterfaceId: id, bgpPeerIds: [peer.id], durationMinutes: 30 });
    expect(await testDb().virtualInterface.findUniqueOrThrow({ where: { id } })).toMatchObject({ awsState: 'testing' });
    await expect(startFailoverTest(s.owner, { virtualInterfaceId: id, bgpPeerIds: [peer.id], durationMinutes: 30 })).rejects.toThrow(/already running/);
    await stopFailoverTest(s.owner, id);
    await syncAccount(s.account.id, 'us-east-1', log);
    expect((await testDb().virtualInterface.findUniqueOrThrow({ where: { id } })).awsState).not.toBe('testing');
  });

  it('renders the router bundle with the key masked in the preview and real in the archive', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id, { authKeyMode: 'manual', authKey: 'Sekr3tMd5Key' }));
    await expect(saveRouterSettings(s.owner, id, { router: { hostname: 'rs1', interface: 'eth1', tagVlan: true, backendInterface: 'eth1', backendNetworks: ['10.20.0.0/24'], os: 'debian' }, options: { advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false } })).rejects.toThrow(/highlighted settings/);
    await saveRouterSettings(s.owner, id, { router: { hostname: 'rs1', interface: 'eth1', tagVlan: true, backendInterface: 'eth0', backendNetworks: ['10.20.0.0/24'], os: 'debian' }, options: { advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false } });
    const preview = await previewRouterBundle(s.owner, id);
    const frr = preview?.files.find((f) => f.path.endsWith('etc/frr/frr.conf'));
    expect(frr?.content).toContain('password ••••••••');
    expect(frr?.content).not.toContain('Sekr3tMd5Key');
    const { archive, fileName } = await downloadRouterBundle(s.owner, id);
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    writeFileSync(path.join(dir, fileName), archive);
    execFileSync('tar', ['-xzf', fileName], { cwd: dir });
    const conf = readFileSync(path.join(dir, fileName.replace(/\.tar\.gz$/, ''), 'etc/frr/frr.conf'), 'utf8');
    expect(conf).toContain('password Sekr3tMd5Key');
    expect(conf).toMatch(/neighbor 169\.254\.\d+\.\d+ remote-as 64512/);
    expect(await testDb().event.count({ where: { subjectId: id, kind: 'vif.bundleDownloaded' } })).toBe(1);
  });

  it('deletes after a typed confirmation; the sync then records it deleted', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id));
    await expect(deleteVirtualInterface(s.owner, id, 'wrong')).rejects.toThrow(/to confirm/);
    await deleteVirtualInterface(s.owner, id, 'prod-private');
    expect(await testDb().virtualInterface.findUniqueOrThrow({ where: { id } })).toMatchObject({ portalStatus: 'DELETING' });
    await sandbox.advanceClock(60);
    await syncAccount(s.account.id, 'us-east-1', log);
    expect(await testDb().virtualInterface.findUniqueOrThrow({ where: { id } })).toMatchObject({ portalStatus: 'DELETED', awsState: 'deleted' });
  });
});

describe('isolation', () => {
  it('another organisation and staff cannot reveal keys, download bundles or change interfaces', async () => {
    const s = await seedAvailableConnection(testDb(), sandbox);
    const { id } = await createVirtualInterface(s.owner, request(s.connection.id, s.dxGateway.id));
    const b = await seedUser(testDb(), { role: 'CUSTOMER_OWNER' });
    const orgB: Actor = { kind: 'customer', role: 'CUSTOMER_OWNER', userId: b.user.id, name: 'B', email: b.user.email, orgId: b.orgId!, orgName: 'B' };
    await expect(revealAuthKey(orgB, id)).rejects.toThrow('That virtual interface was not found.');
    await expect(downloadRouterBundle(orgB, id)).rejects.toThrow('That virtual interface was not found.');
    await expect(deleteVirtualInterface(orgB, id, 'prod-private')).rejects.toThrow('That virtual interface was not found.');
    await expect(createVirtualInterface(orgB, request(s.connection.id, s.dxGateway.id))).rejects.toThrow('That connection was not found.');
    const support = await seedUser(testDb(), { role: 'SUPPORT' });
    const staff: Actor = { kind: 'staff', role: 'SUPPORT', userId: support.user.id, name: 'S', email: support.user.email };
    await expect(revealAuthKey(staff, id)).rejects.toThrow(/customer organisation/);
  });
});
