import type { Delays, Scheduler } from '../state/clock.js';
import type { BgpPeer, Connection, State, Vif } from '../state/types.js';

/**
 * Derived AWS states (§5). Stored phases say how far AWS has got; the physical world (fibre,
 * customer router) decides available/down and BGP up/down.
 */
export function connectionState(state: State, conn: Connection): string {
  switch (conn.phase) {
    case 'ordering':
    case 'requested':
    case 'pending':
    case 'deleted':
    case 'rejected':
      return conn.phase;
    case 'provisioned':
      return linkAvailable(state, conn) ? 'available' : 'down';
  }
}

/** The connection (or interconnect) can carry traffic right now. */
export function linkAvailable(state: State, conn: Connection): boolean {
  if (conn.phase !== 'provisioned') return false;
  if (conn.kind !== 'hosted') return conn.linkUp;
  const parent = conn.parentId ? state.connections[conn.parentId] : undefined;
  return parent !== undefined && linkAvailable(state, parent);
}

function underTest(state: State, vif: Vif, peer: BgpPeer): boolean {
  const test = vif.activeTestId ? state.failoverTests[vif.activeTestId] : undefined;
  return test?.status === 'IN_PROGRESS' && test.bgpPeers.includes(peer.id);
}

export function peerStatus(state: State, vif: Vif, peer: BgpPeer): 'up' | 'down' {
  const conn = state.connections[vif.connectionId];
  const up =
    vif.phase === 'provisioned' &&
    peer.phase === 'available' &&
    peer.routerUp &&
    conn !== undefined &&
    linkAvailable(state, conn) &&
    !underTest(state, vif, peer);
  return up ? 'up' : 'down';
}

export function vifState(state: State, vif: Vif): string {
  if (vif.phase !== 'provisioned') return vif.phase;
  if (vif.activeTestId && state.failoverTests[vif.activeTestId]?.status === 'IN_PROGRESS') return 'testing';
  return vif.peers.some((p) => peerStatus(state, vif, p) === 'up') ? 'available' : 'down';
}

/** DX gateway attachment state of a VIF (VIF↔DXGW), derived from the VIF's lifecycle. */
export function attachmentState(vif: Vif): 'attaching' | 'attached' | 'detaching' | 'detached' | undefined {
  if (!vif.directConnectGatewayId) return undefined;
  switch (vif.phase) {
    case 'verifying':
    case 'pending':
      return 'attaching';
    case 'provisioned':
      return 'attached';
    case 'deleting':
      return 'detaching';
    case 'deleted':
      return 'detached';
    default:
      return undefined;
  }
}

/** A VIF that still occupies its VLAN, quota and gateway. */
export function vifActive(vif: Vif): boolean {
  return vif.phase !== 'deleted' && vif.phase !== 'rejected';
}

export function connectionActive(conn: Connection): boolean {
  return conn.phase !== 'deleted' && conn.phase !== 'rejected';
}

/** Transitions AWS performs by itself for Direct Connect resources. */
export function registerDxTimers(scheduler: Scheduler, getState: () => State, delays: Delays): void {
  const conn = (id: string) => getState().connections[id];
  const vif = (id: string) => getState().vifs[id];

  scheduler.on('connection.reviewed', (t) => {
    const c = conn(t.target);
    if (c?.phase === 'requested') c.phase = 'pending';
  });
  scheduler.on('connection.provisioned', (t) => {
    const c = conn(t.target);
    if (c?.phase === 'pending' && c.kind === 'hosted') c.phase = 'provisioned';
  });
  scheduler.on('connection.purge', (t) => {
    const c = conn(t.target);
    if (c && !connectionActive(c)) delete getState().connections[t.target];
  });
  scheduler.on('vif.verified', (t) => {
    const v = vif(t.target);
    if (v?.phase !== 'verifying') return;
    v.phase = 'pending';
    for (const p of v.peers) if (p.phase === 'verifying') p.phase = 'pending';
    scheduler.schedule('vif.provisioned', v.id, delays.vifProvisioning);
  });
  scheduler.on('vif.provisioned', (t) => {
    const v = vif(t.target);
    if (v?.phase !== 'pending') return;
    v.phase = 'provisioned';
    for (const p of v.peers) if (p.phase === 'pending' || p.phase === 'verifying') p.phase = 'available';
  });
  scheduler.on('vif.deleted', (t) => {
    const v = vif(t.target);
    if (v?.phase !== 'deleting') return;
    v.phase = 'deleted';
    v.deletedAt = scheduler.now();
    for (const p of v.peers) p.phase = 'deleted';
    scheduler.schedule('vif.purge', v.id, delays.deletedRetention);
  });
  scheduler.on('vif.purge', (t) => {
    const v = vif(t.target);
    if (v && !vifActive(v)) delete getState().vifs[t.target];
  });
  scheduler.on('peer.provisioned', (t) => {
    const v = vif(t.target);
    const p = v?.peers.find((x) => x.id === t.sub);
    if (v?.phase === 'provisioned' && p && (p.phase === 'pending' || p.phase === 'verifying')) p.phase = 'available';
  });
  scheduler.on('peer.deleted', (t) => {
    const v = vif(t.target);
    if (v) v.peers = v.peers.filter((p) => !(p.id === t.sub && p.phase === 'deleting'));
  });
  scheduler.on('failover.end', (t) => {
    const test = getState().failoverTests[t.target];
    if (test?.status !== 'IN_PROGRESS') return;
    test.status = 'COMPLETED';
    test.endTime = scheduler.now();
    const v = vif(test.virtualInterfaceId);
    if (v?.activeTestId === test.testId) delete v.activeTestId;
  });
  scheduler.on('dxgw.deleted', (t) => {
    const g = getState().dxGateways[t.target];
    if (g?.state === 'deleting') delete getState().dxGateways[t.target];
  });
  scheduler.on('assoc.settled', (t) => {
    const a = getState().associations[t.target];
    if (!a) return;
    if (a.state === 'associating') a.state = 'associated';
    if (a.state === 'updating') {
      a.allowedPrefixes = a.pendingPrefixes ?? a.allowedPrefixes;
      delete a.pendingPrefixes;
      a.state = 'associated';
    }
    if (a.state === 'disassociating') {
      a.state = 'disassociated';
      scheduler.schedule('assoc.purge', a.id, delays.deletedRetention);
    }
  });
  scheduler.on('assoc.purge', (t) => {
    if (getState().associations[t.target]?.state === 'disassociated') delete getState().associations[t.target];
  });
}
