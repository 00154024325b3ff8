import { dxClientError } from '../errors.js';
import { buildLoaPdf } from '../loa-pdf.js';
import { dxId } from '../state/ids.js';
import { deviceFor, findLocation, LOCATIONS, portFor } from '../state/seed.js';
import type { Connection } from '../state/types.js';
import { accountName, bySeq, type DxContext, nextSeq, ownedConnection, ownedConnectionLike } from './context.js';
import { type Input, optBool, optString, readTags, reqString } from './input.js';
import { connectionActive, vifActive } from './lifecycle.js';
import { renderConnection } from './render.js';
import { paginate, validateName } from './rules.js';

/** Quota §4.1: active connections per location per Region per account. */
export const MAX_CONNECTIONS_PER_LOCATION = 10;
const ENCRYPTION_MODES = ['no_encrypt', 'should_encrypt', 'must_encrypt'];

export function describeLocations(ctx: DxContext): unknown {
  return {
    locations: LOCATIONS.filter((l) => l.region === ctx.region).map((l) => ({
      locationCode: l.locationCode,
      locationName: l.locationName,
      region: l.region,
      availablePortSpeeds: l.availablePortSpeeds,
      availableProviders: l.availableProviders,
      availableMacSecPortSpeeds: l.availableMacSecPortSpeeds,
    })),
  };
}

export function createConnection(ctx: DxContext, input: Input): unknown {
  const locationCode = reqString(input, 'location');
  const bandwidth = reqString(input, 'bandwidth');
  const name = reqString(input, 'connectionName');
  validateName(name, 'connection');
  const tags = readTags(input);
  const lagId = optString(input, 'lagId');
  const providerName = optString(input, 'providerName');
  const requestMACSec = optBool(input, 'requestMACSec') ?? false;
  const location = findLocation(ctx.region, locationCode);
  if (!location) throw dxClientError(`Location ${locationCode} is not a valid Direct Connect location in ${ctx.region}. Use DescribeLocations to list the locations of the Region.`);
  if (!location.availablePortSpeeds.includes(bandwidth)) {
    throw dxClientError(`Bandwidth ${bandwidth} is not available at ${locationCode}. Available port speeds: ${location.availablePortSpeeds.join(', ')}.`);
  }
  if (lagId) throw dxClientError(`Could not find Lag with ID ${lagId}`);
  if (requestMACSec && !location.availableMacSecPortSpeeds.includes(bandwidth)) {
    throw dxClientError(`MAC Security is not available for ${bandwidth} ports at ${locationCode}. MACsec port speeds: ${location.availableMacSecPortSpeeds.join(', ') || 'none'}.`);
  }
  const active = Object.values(ctx.state.connections).filter(
    (c) => c.kind === 'dedicated' && c.ownerAccount === ctx.caller.accountId && c.region === ctx.region && c.location === locationCode && connectionActive(c),
  );
  if (active.length >= MAX_CONNECTIONS_PER_LOCATION) {
    throw dxClientError(`Account ${ctx.caller.accountId} has reached the limit of ${MAX_CONNECTIONS_PER_LOCATION} active connections at location ${locationCode} in ${ctx.region}.`);
  }
  let id = dxId('dxcon');
  while (ctx.state.connections[id]) id = dxId('dxcon');
  const conn: Connection = {
    id,
    kind: 'dedicated',
    seq: nextSeq(ctx),
    ownerAccount: ctx.caller.accountId,
    name,
    region: ctx.region,
    location: locationCode,
    bandwidth,
    phase: 'requested',
    linkUp: false,
    ...deviceFor(locationCode, id),
    port: portFor(id, bandwidth),
    logicalRedundancy: location.logicalRedundancy,
    macSecCapable: requestMACSec,
    ...(requestMACSec ? { encryptionMode: 'must_encrypt' } : {}),
    ...(providerName ? { providerName } : {}),
    createdAt: ctx.scheduler.now(),
    tags,
  };
  ctx.state.connections[id] = conn;
  ctx.scheduler.schedule('connection.reviewed', id, ctx.delays.review);
  return renderConnection(ctx.state, conn);
}

export function describeConnections(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'connectionId');
  const all = id
    ? [ownedConnection(ctx, id)]
    : bySeq(Object.values(ctx.state.connections).filter((c) => c.kind !== 'interconnect' && c.ownerAccount === ctx.caller.accountId && c.region === ctx.region));
  const { page, nextToken } = paginate(all, input, 'DescribeConnections');
  return { connections: page.map((c) => renderConnection(ctx.state, c)), ...(nextToken ? { nextToken } : {}) };
}

export function updateConnection(ctx: DxContext, input: Input): unknown {
  const conn = ownedConnection(ctx, reqString(input, 'connectionId'));
  if (!connectionActive(conn)) throw dxClientError(`UpdateConnection failed. ${conn.id} is in state ${conn.phase}`);
  const name = optString(input, 'connectionName');
  const mode = optString(input, 'encryptionMode');
  if (mode !== undefined) {
    if (!conn.macSecCapable) throw dxClientError(`Connection ${conn.id} does not support MAC Security (MACsec); encryptionMode cannot be set.`);
    if (!ENCRYPTION_MODES.includes(mode)) throw dxClientError(`encryptionMode ${mode} is not valid; use one of ${ENCRYPTION_MODES.join(', ')}.`);
  }
  if (name !== undefined) {
    validateName(name, 'connection');
    conn.name = name;
  }
  if (mode !== undefined) conn.encryptionMode = mode;
  return renderConnection(ctx.state, conn);
}

/**
 * Customer deletes its connection; a hosted connection still `ordering` becomes `rejected` (§7.3).
 * The partner may also delete a hosted connection it allocated.
 */
export function deleteConnection(ctx: DxContext, input: Input): unknown {
  const id = reqString(input, 'connectionId');
  const candidate = ctx.state.connections[id];
  const parent = candidate?.parentId ? ctx.state.connections[candidate.parentId] : undefined;
  const byPartner = candidate?.kind === 'hosted' && candidate.region === ctx.region && parent?.ownerAccount === ctx.caller.accountId;
  const conn = byPartner && candidate ? candidate : ownedConnection(ctx, id);
  if (!connectionActive(conn)) throw dxClientError(`DeleteConnection failed. ${conn.id} is in state ${conn.phase}`);
  const vifs = Object.values(ctx.state.vifs).filter((v) => v.connectionId === conn.id && vifActive(v));
  if (vifs.length > 0) {
    throw dxClientError(`Connection ${conn.id} has ${vifs.length} virtual interface(s) (${vifs.map((v) => v.id).join(', ')}). Delete them before deleting the connection.`);
  }
  conn.phase = conn.phase === 'ordering' && !byPartner ? 'rejected' : 'deleted';
  conn.deletedAt = ctx.scheduler.now();
  conn.linkUp = false;
  ctx.scheduler.schedule('connection.purge', conn.id, ctx.delays.deletedRetention);
  return renderConnection(ctx.state, conn);
}

/** Only a hosted connection in `ordering` can be confirmed (§7.2); the answer is just the state. */
export function confirmConnection(ctx: DxContext, input: Input): unknown {
  const conn = ownedConnection(ctx, reqString(input, 'connectionId'));
  if (conn.kind !== 'hosted' || conn.phase !== 'ordering') {
    const visible = conn.phase === 'provisioned' ? (renderConnection(ctx.state, conn)['connectionState'] as string) : conn.phase;
    throw dxClientError(`ConfirmConnection failed. ${conn.id} is in state ${visible}`);
  }
  conn.phase = 'pending';
  ctx.scheduler.schedule('connection.provisioned', conn.id, ctx.delays.hostedProvisioning);
  return { connectionState: 'pending' };
}

export async function loaFor(ctx: DxContext, input: Input, id: string): Promise<{ loaContent: string; loaContentType: string }> {
  const contentType = optString(input, 'loaContentType') ?? 'application/pdf';
  if (contentType !== 'application/pdf') throw dxClientError(`loaContentType ${contentType} is not supported; the only supported value is application/pdf.`);
  const conn = ownedConnectionLike(ctx, id);
  if (conn.kind === 'hosted') {
    throw dxClientError(`Connection ${conn.id} is a hosted connection; its LOA-CFA is issued to the partner for the interconnect ${conn.parentId ?? ''}.`);
  }
  if (conn.phase === 'requested') {
    throw dxClientError(`The LOA-CFA is not yet available for connection ${conn.id}; AWS has not finished reviewing the request.`);
  }
  if (!connectionActive(conn)) throw dxClientError(`The LOA-CFA is not available for connection ${conn.id}; it is in state ${conn.phase}.`);
  const location = findLocation(conn.region, conn.location);
  const issuedAt = ctx.scheduler.now();
  const pdf = await buildLoaPdf({
    connectionId: conn.id,
    connectionName: conn.name,
    requesterName: accountName(ctx, conn.ownerAccount),
    requesterAccount: conn.ownerAccount,
    providerName: optString(input, 'providerName') ?? conn.providerName,
    locationCode: conn.location,
    locationName: location?.locationName ?? conn.location,
    region: conn.region,
    bandwidth: conn.bandwidth,
    awsDevice: conn.awsDevice,
    port: conn.port,
    issuedAt: new Date(issuedAt),
  });
  conn.loaIssueTime = issuedAt;
  return { loaContent: Buffer.from(pdf).toString('base64'), loaContentType: 'application/pdf' };
}

export function describeLoa(ctx: DxContext, input: Input): Promise<unknown> {
  return loaFor(ctx, input, reqString(input, 'connectionId'));
}

/** Deprecated variant: the same document wrapped in `loa` (§7.16). */
export async function describeConnectionLoa(ctx: DxContext, input: Input): Promise<unknown> {
  return { loa: await loaFor(ctx, input, reqString(input, 'connectionId')) };
}
