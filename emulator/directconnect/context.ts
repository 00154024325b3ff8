import type { Caller } from '../auth/identity.js';
import { dxClientError } from '../errors.js';
import type { Delays, Scheduler } from '../state/clock.js';
import type { Connection, DxGateway, State, Vif } from '../state/types.js';
import type { Input } from './input.js';

export type DxContext = {
  caller: Caller;
  region: string;
  state: State;
  scheduler: Scheduler;
  delays: Delays;
};

export type DxHandler = (ctx: DxContext, input: Input) => unknown;

export function nextSeq(ctx: DxContext): number {
  ctx.state.seq += 1;
  return ctx.state.seq;
}

export function accountName(ctx: DxContext, accountId: string): string {
  return ctx.state.accounts[accountId]?.name ?? accountId;
}

/**
 * A dedicated or hosted connection the caller owns in this region. Anything else — another
 * account's connection, another region, an interconnect — is "not found" (tenancy, §7.1).
 */
export function ownedConnection(ctx: DxContext, id: string): Connection {
  const conn = ctx.state.connections[id];
  if (!conn || conn.kind === 'interconnect' || conn.ownerAccount !== ctx.caller.accountId || conn.region !== ctx.region) {
    throw dxClientError(`Could not find Connection with ID ${id}`);
  }
  return conn;
}

/** An interconnect the caller owns in this region. */
export function ownedInterconnect(ctx: DxContext, id: string): Connection {
  const conn = ctx.state.connections[id];
  if (!conn || conn.kind !== 'interconnect' || conn.ownerAccount !== ctx.caller.accountId || conn.region !== ctx.region) {
    throw dxClientError(`Could not find Interconnect with ID ${id}`);
  }
  return conn;
}

/** Any connection-like resource (dedicated, hosted or interconnect) the caller owns here. */
export function ownedConnectionLike(ctx: DxContext, id: string): Connection {
  const conn = ctx.state.connections[id];
  if (!conn || conn.ownerAccount !== ctx.caller.accountId || conn.region !== ctx.region) {
    throw dxClientError(`Could not find Connection with ID ${id}`);
  }
  return conn;
}

/** The VIF owner and the owner of the connection it rides on can both see a VIF (§7.4). */
export function canSeeVif(ctx: DxContext, vif: Vif): boolean {
  if (vif.region !== ctx.region) return false;
  if (vif.ownerAccount === ctx.caller.accountId) return true;
  return ctx.state.connections[vif.connectionId]?.ownerAccount === ctx.caller.accountId;
}

export function visibleVif(ctx: DxContext, id: string): Vif {
  const vif = ctx.state.vifs[id];
  if (!vif || !canSeeVif(ctx, vif)) throw dxClientError(`Virtual interface ${id} does not exist.`);
  return vif;
}

/** A VIF the caller owns (mutations that only the owner may make). */
export function ownedVif(ctx: DxContext, id: string): Vif {
  const vif = visibleVif(ctx, id);
  if (vif.ownerAccount !== ctx.caller.accountId) {
    throw dxClientError(`Virtual interface ${id} is owned by account ${vif.ownerAccount}; only the owner can change it.`);
  }
  return vif;
}

/** A DX gateway the caller owns (DX gateways are global: no region check). */
export function ownedDxGateway(ctx: DxContext, id: string): DxGateway {
  const gw = ctx.state.dxGateways[id];
  if (!gw || gw.ownerAccount !== ctx.caller.accountId || gw.state === 'deleted') {
    throw dxClientError(`Direct Connect gateway ${id} does not exist.`);
  }
  return gw;
}

export function bySeq<T extends { seq: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.seq - b.seq);
}
