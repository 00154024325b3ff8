import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateConnectionCommand,
  CreateDirectConnectGatewayCommand,
  CreatePrivateVirtualInterfaceCommand,
  DescribeConnectionsCommand,
  DescribeDirectConnectGatewaysCommand,
  DescribeInterconnectsCommand,
  DescribeVirtualInterfacesCommand,
  DirectConnectClient,
} from '@aws-sdk/client-direct-connect';
import { CreateVpnGatewayCommand, DescribeVpcsCommand, DescribeVpnGatewaysCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordedResponse } from '../runtime.js';
import { type SandboxOptions, startSandbox as start } from '../sandbox.js';
import { CUSTOMER2, PROVIDER, waitFor } from './helpers.js';
import { validateDxResponse } from './model-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'dx-sandbox-'));
const recorded: RecordedResponse[] = [];
/** Every sandbox started here records its Direct Connect responses for the model check below. */
const startSandbox = (options: SandboxOptions) => start({ ...options, onResponse: (r) => recorded.push(r) });
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const problems = recorded.filter((r) => r.service === 'directconnect').flatMap((r) => validateDxResponse(r.operation, r.status, r.body));
  expect(problems).toEqual([]);
});

const dxAt = (url: string, creds = CUSTOMER2) => new DirectConnectClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey } });
const ec2At = (url: string) => new EC2Client({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: CUSTOMER2.accessKeyId, secretAccessKey: CUSTOMER2.secretAccessKey } });

describe('time scale: AWS-side transitions happen on their own', () => {
  it('review, VIF provisioning and VGW availability run on real timers at a small scale', async () => {
    const sandbox = await startSandbox({ port: 0, timeScale: 0.002 });
    try {
      const dx = dxAt(sandbox.url);
      const conn = await dx.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'fast' }));
      const state = await waitFor(async () => {
        const s = (await dx.send(new DescribeConnectionsCommand({ connectionId: conn.connectionId }))).connections?.[0]?.connectionState;
        return s === 'pending' ? s : undefined;
      });
      expect(state).toBe('pending');
      const gw = await dx.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'fast-gw' }));
      const vif = await dx.send(new CreatePrivateVirtualInterfaceCommand({ connectionId: conn.connectionId, newPrivateVirtualInterface: { virtualInterfaceName: 'v', vlan: 5, asn: 65000, directConnectGatewayId: gw.directConnectGateway?.directConnectGatewayId } }));
      const provisioned = await waitFor(async () => {
        const v = (await dx.send(new DescribeVirtualInterfacesCommand({ virtualInterfaceId: vif.virtualInterfaceId }))).virtualInterfaces?.[0];
        return v?.virtualInterfaceState === 'down' ? v : undefined;
      });
      expect(provisioned.bgpPeers?.[0]?.bgpPeerState).toBe('available');
      const ec2 = ec2At(sandbox.url);
      const vgw = await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }));
      await waitFor(async () => {
        const g = (await ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw.VpnGateway?.VpnGatewayId ?? ''] }))).VpnGateways?.[0];
        return g?.State === 'available' ? g : undefined;
      });
    } finally {
      await sandbox.close();
    }
  });
});

describe('state snapshot', () => {
  it('survives a restart (saved on close), keeping ids, pending transitions and the clock', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startSandbox({ port: 0, timeScale: 1, stateFile });
    const dx = dxAt(first.url);
    const conn = await dx.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'persisted' }));
    const gw = await dx.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'persisted-gw' }));
    await fetch(`${first.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 30 }) });
    await first.close();
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { version: number; timers: unknown[]; clockOffsetMs: number };
    expect(saved.version).toBe(1);
    expect(saved.timers.length).toBeGreaterThan(0);
    expect(saved.clockOffsetMs).toBe(30_000);

    const second = await startSandbox({ port: 0, timeScale: 1, stateFile });
    try {
      const dx2 = dxAt(second.url);
      const again = (await dx2.send(new DescribeConnectionsCommand({ connectionId: conn.connectionId }))).connections?.[0];
      expect(again).toMatchObject({ connectionName: 'persisted', connectionState: 'requested' });
      expect((await dx2.send(new DescribeDirectConnectGatewaysCommand({ directConnectGatewayId: gw.directConnectGateway?.directConnectGatewayId }))).directConnectGateways).toHaveLength(1);
      await fetch(`${second.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 30 }) });
      expect((await dx2.send(new DescribeConnectionsCommand({ connectionId: conn.connectionId }))).connections?.[0]?.connectionState).toBe('pending');
    } finally {
      await second.close();
    }
  });

  it('saves on change (debounced) while running', async () => {
    const stateFile = join(dir, 'debounced.json');
    const sandbox = await startSandbox({ port: 0, stateFile });
    try {
      await dxAt(sandbox.url).send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'debounced' }));
      const saved = await waitFor(async () => {
        try {
          const text = readFileSync(stateFile, 'utf8');
          return text.includes('debounced') ? text : undefined;
        } catch {
          return undefined;
        }
      });
      expect(saved).toContain('"name":"debounced"');
    } finally {
      await sandbox.close();
    }
  });

  it('reset brings back the seeded state', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const dx = dxAt(sandbox.url);
      await dx.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'gone-after-reset' }));
      const vpcsBefore = (await ec2At(sandbox.url).send(new DescribeVpcsCommand({}))).Vpcs?.map((v) => v.VpcId);
      expect((await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
      expect((await dx.send(new DescribeConnectionsCommand({}))).connections).toEqual([]);
      expect((await ec2At(sandbox.url).send(new DescribeVpcsCommand({}))).Vpcs?.map((v) => v.VpcId)).toEqual(vpcsBefore);
      expect((await dxAt(sandbox.url, PROVIDER).send(new DescribeInterconnectsCommand({}))).interconnects?.[0]?.interconnectId).toBe('dxcon-fgprov01');
    } finally {
      await sandbox.close();
    }
  });
});

describe('configuration', () => {
  it('loads accounts from a JSON config file', async () => {
    const configFile = join(dir, 'accounts.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        accounts: [
          { accountId: '101010101010', name: 'Partner X', accessKeyId: 'AKIAPARTNERXKEY00001', secretAccessKey: 'partner-x-secret-000000000000000000000', partner: true },
          { accountId: '202020202020', name: 'Customer Y', accessKeyId: 'AKIACUSTOMERYKEY0001', secretAccessKey: 'customer-y-secret-00000000000000000000', vpcRegions: ['us-east-1'] },
        ],
      }),
    );
    const sandbox = await startSandbox({ port: 0, config: configFile });
    try {
      const partner = dxAt(sandbox.url, { accountId: '101010101010', accessKeyId: 'AKIAPARTNERXKEY00001', secretAccessKey: 'partner-x-secret-000000000000000000000' });
      expect((await partner.send(new DescribeInterconnectsCommand({}))).interconnects?.[0]?.interconnectId).toBe('dxcon-fgprov01');
      const demo = dxAt(sandbox.url);
      await expect(demo.send(new DescribeInterconnectsCommand({}))).rejects.toThrow(/security token/);
    } finally {
      await sandbox.close();
    }
    writeFileSync(configFile, JSON.stringify({ accounts: [{ accountId: 'nope' }] }));
    await expect(startSandbox({ port: 0, config: configFile })).rejects.toThrow(/Invalid SANDBOX_CONFIG/);
  });

  it('control API refuses a negative clock move', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const res = await fetch(`${sandbox.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: -5 }) });
      expect(res.status).toBe(400);
    } finally {
      await sandbox.close();
    }
  });
});
