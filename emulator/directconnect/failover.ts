import { dxClientError } from '../errors.js';
import { uuid } from '../state/ids.js';
import type { FailoverTest } from '../state/types.js';
import { bySeq, type DxContext, nextSeq, ownedVif } from './context.js';
import { type Input, optNumber, optString, optStringList, reqString } from './input.js';
import { renderTest } from './render.js';
import { paginate } from './rules.js';

export const DEFAULT_TEST_MINUTES = 180;
/** Model: "Maximum value: 4,320 minutes (72 hours)". */
export const MAX_TEST_MINUTES = 4320;

/** Puts the chosen BGP peers DOWN and the VIF in `testing` for the test duration (scaled). */
export function startBgpFailoverTest(ctx: DxContext, input: Input): unknown {
  const vif = ownedVif(ctx, reqString(input, 'virtualInterfaceId'));
  if (vif.activeTestId && ctx.state.failoverTests[vif.activeTestId]?.status === 'IN_PROGRESS') {
    throw dxClientError(`A BGP failover test (${vif.activeTestId}) is already running on virtual interface ${vif.id}.`);
  }
  if (vif.phase !== 'provisioned') {
    throw dxClientError(`StartBgpFailoverTest failed. ${vif.id} is in state ${vif.phase}; a failover test needs a provisioned virtual interface.`);
  }
  const live = vif.peers.filter((p) => p.phase === 'available');
  const requested = optStringList(input, 'bgpPeers');
  const peers = requested && requested.length > 0 ? requested : live.map((p) => p.id);
  for (const id of peers) {
    if (!live.some((p) => p.id === id)) throw dxClientError(`BGP peer ${id} does not exist on virtual interface ${vif.id} or is not available.`);
  }
  if (peers.length === 0) throw dxClientError(`Virtual interface ${vif.id} has no available BGP peers to test.`);
  const minutes = optNumber(input, 'testDurationInMinutes') ?? DEFAULT_TEST_MINUTES;
  if (minutes < 1 || minutes > MAX_TEST_MINUTES) {
    throw dxClientError(`testDurationInMinutes ${minutes} is not valid; it must be between 1 and ${MAX_TEST_MINUTES}.`);
  }
  const test: FailoverTest = {
    testId: uuid(),
    seq: nextSeq(ctx),
    virtualInterfaceId: vif.id,
    ownerAccount: vif.ownerAccount,
    region: vif.region,
    bgpPeers: [...new Set(peers)],
    status: 'IN_PROGRESS',
    testDurationInMinutes: minutes,
    startTime: ctx.scheduler.now(),
  };
  ctx.state.failoverTests[test.testId] = test;
  vif.activeTestId = test.testId;
  ctx.scheduler.schedule('failover.end', test.testId, minutes * 60);
  return { virtualInterfaceTest: renderTest(test) };
}

export function stopBgpFailoverTest(ctx: DxContext, input: Input): unknown {
  const vif = ownedVif(ctx, reqString(input, 'virtualInterfaceId'));
  const test = vif.activeTestId ? ctx.state.failoverTests[vif.activeTestId] : undefined;
  if (!test || test.status !== 'IN_PROGRESS') throw dxClientError(`No BGP failover test is running on virtual interface ${vif.id}.`);
  test.status = 'COMPLETED';
  test.endTime = ctx.scheduler.now();
  test.testDurationInMinutes = Math.max(0, Math.round((test.endTime - test.startTime) / 60_000));
  delete vif.activeTestId;
  ctx.scheduler.cancel('failover.end', test.testId);
  return { virtualInterfaceTest: renderTest(test) };
}

export function listVirtualInterfaceTestHistory(ctx: DxContext, input: Input): unknown {
  const testId = optString(input, 'testId');
  const vifId = optString(input, 'virtualInterfaceId');
  const peers = optStringList(input, 'bgpPeers');
  const status = optString(input, 'status');
  const tests = Object.values(ctx.state.failoverTests).filter((t) => {
    if (t.ownerAccount !== ctx.caller.accountId || t.region !== ctx.region) return false;
    if (testId && t.testId !== testId) return false;
    if (vifId && t.virtualInterfaceId !== vifId) return false;
    if (status && t.status !== status) return false;
    return !peers || peers.length === 0 || peers.every((p) => t.bgpPeers.includes(p));
  });
  const { page, nextToken } = paginate(bySeq(tests).reverse(), input, 'ListVirtualInterfaceTestHistory');
  return { virtualInterfaceTestHistory: page.map(renderTest), ...(nextToken ? { nextToken } : {}) };
}
