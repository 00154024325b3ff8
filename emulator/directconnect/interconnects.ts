import { dxClientError } from '../errors.js';
import { dxId } from '../state/ids.js';
import type { Connection } from '../state/types.js';
import { loaFor } from './connections.js';
import { bySeq, type DxContext, nextSeq, ownedInterconnect } from './context.js';
import { type Input, optString, readTags, reqNumber, reqString } from './input.js';
import { connectionActive, vifActive } from './lifecycle.js';
import { renderConnection, renderInterconnect } from './render.js';
import { paginate, validateName, validateVlan } from './rules.js';

export const HOSTED_BANDWIDTHS = ['50Mbps', '100Mbps', '200Mbps', '300Mbps', '400Mbps', '500Mbps', '1Gbps', '2Gbps', '5Gbps', '10Gbps', '25Gbps'];

export function bandwidthMbps(bandwidth: string): number {
  const m = /^(\d+(?:\.\d+)?)(Mbps|Gbps)$/.exec(bandwidth);
  if (!m) return 0;
  return Number(m[1]) * (m[2] === 'Gbps' ? 1000 : 1);
}

export function assertPartner(ctx: DxContext): void {
  if (!ctx.state.accounts[ctx.caller.accountId]?.partner) {
    throw dxClientError(`Account ${ctx.caller.accountId} is not an authorized Direct Connect partner in ${ctx.region}.`);
  }
}

/** VLANs taken on a connection-like resource: its VIFs, and for an interconnect its hosted connections. */
export function vlanInUse(ctx: DxContext, parentId: string, vlan: number): string | undefined {
  const hosted = Object.values(ctx.state.connections).find((c) => c.parentId === parentId && connectionActive(c) && c.vlan === vlan);
  if (hosted) return `hosted connection ${hosted.id}`;
  const vif = Object.values(ctx.state.vifs).find((v) => v.connectionId === parentId && vifActive(v) && v.vlan === vlan);
  return vif ? `virtual interface ${vif.id}` : undefined;
}

export function describeInterconnects(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'interconnectId');
  const all = id
    ? [ownedInterconnect(ctx, id)]
    : bySeq(Object.values(ctx.state.connections).filter((c) => c.kind === 'interconnect' && c.ownerAccount === ctx.caller.accountId && c.region === ctx.region));
  const { page, nextToken } = paginate(all, input, 'DescribeInterconnects');
  return { interconnects: page.map((c) => renderInterconnect(ctx.state, c)), ...(nextToken ? { nextToken } : {}) };
}

function allocate(ctx: DxContext, input: Input, parentId: string): Connection {
  assertPartner(ctx);
  const ownerAccount = reqString(input, 'ownerAccount');
  const bandwidth = reqString(input, 'bandwidth');
  const name = reqString(input, 'connectionName');
  const vlan = reqNumber(input, 'vlan');
  const tags = readTags(input);
  validateName(name, 'connection');
  const parent = ownedInterconnect(ctx, parentId);
  if (!connectionActive(parent)) throw dxClientError(`Interconnect ${parent.id} is in state ${parent.phase}.`);
  if (!/^\d{12}$/.test(ownerAccount)) throw dxClientError(`ownerAccount ${ownerAccount} is not a valid AWS account ID (12 digits).`);
  if (!ctx.state.accounts[ownerAccount]) throw dxClientError(`The owner account ${ownerAccount} is not a valid AWS account.`);
  if (!HOSTED_BANDWIDTHS.includes(bandwidth)) {
    throw dxClientError(`Bandwidth ${bandwidth} is not valid for a hosted connection. Valid values: ${HOSTED_BANDWIDTHS.join(', ')}.`);
  }
  if (bandwidthMbps(bandwidth) > bandwidthMbps(parent.bandwidth) || (bandwidth === '25Gbps' && bandwidthMbps(parent.bandwidth) < 100_000)) {
    throw dxClientError(`Bandwidth ${bandwidth} cannot be allocated on interconnect ${parent.id} with bandwidth ${parent.bandwidth}.`);
  }
  validateVlan(vlan);
  const clash = vlanInUse(ctx, parent.id, vlan);
  if (clash) throw dxClientError(`VLAN ${vlan} is already in use on interconnect ${parent.id} by ${clash}.`);
  let id = dxId('dxcon');
  while (ctx.state.connections[id]) id = dxId('dxcon');
  const conn: Connection = {
    id,
    kind: 'hosted',
    seq: nextSeq(ctx),
    ownerAccount,
    name,
    region: parent.region,
    location: parent.location,
    bandwidth,
    phase: 'ordering',
    linkUp: false,
    vlan,
    parentId: parent.id,
    partnerAccount: ctx.caller.accountId,
    awsDevice: parent.awsDevice,
    awsLogicalDeviceId: parent.awsLogicalDeviceId,
    port: parent.port,
    logicalRedundancy: parent.logicalRedundancy,
    macSecCapable: false,
    createdAt: ctx.scheduler.now(),
    tags,
  };
  ctx.state.connections[id] = conn;
  return conn;
}

/** Partner allocates a hosted connection for a customer account; it starts in `ordering` (§7.1). */
export function allocateHostedConnection(ctx: DxContext, input: Input): unknown {
  return renderConnection(ctx.state, allocate(ctx, input, reqString(input, 'connectionId')));
}

export function allocateConnectionOnInterconnect(ctx: DxContext, input: Input): unknown {
  return renderConnection(ctx.state, allocate(ctx, { ...input, tags: undefined }, reqString(input, 'interconnectId')));
}

function hostedOn(ctx: DxContext, parentId: string, operation: string): Connection[] {
  const parent = ctx.state.connections[parentId];
  if (!parent || parent.kind !== 'interconnect' || parent.ownerAccount !== ctx.caller.accountId || parent.region !== ctx.region) {
    throw dxClientError(`${ctx.caller.accountId} ${operation} failed for connection ${parentId} doesn't exist.`);
  }
  return bySeq(Object.values(ctx.state.connections).filter((c) => c.parentId === parentId));
}

/** The partner's view of the hosted connections on one of its interconnects. */
export function describeHostedConnections(ctx: DxContext, input: Input): unknown {
  const all = hostedOn(ctx, reqString(input, 'connectionId'), 'DescribeHostedConnections');
  const { page, nextToken } = paginate(all, input, 'DescribeHostedConnections');
  return { connections: page.map((c) => renderConnection(ctx.state, c)), ...(nextToken ? { nextToken } : {}) };
}

export function describeConnectionsOnInterconnect(ctx: DxContext, input: Input): unknown {
  const all = hostedOn(ctx, reqString(input, 'interconnectId'), 'DescribeConnectionsOnInterconnect');
  return { connections: all.map((c) => renderConnection(ctx.state, c)) };
}

export async function describeInterconnectLoa(ctx: DxContext, input: Input): Promise<unknown> {
  const id = reqString(input, 'interconnectId');
  ownedInterconnect(ctx, id);
  return { loa: await loaFor(ctx, input, id) };
}

export function describeCustomerMetadata(ctx: DxContext): unknown {
  const partner = ctx.state.accounts[ctx.caller.accountId]?.partner ?? false;
  return { agreements: [], nniPartnerType: partner ? 'v2' : 'nonPartner' };
}
