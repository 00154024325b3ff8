import { z } from 'zod';
import { connectionState, peerStatus, vifState } from './directconnect/lifecycle.js';
import { ControlError } from './errors.js';
import { faultSpecSchema } from './faults.js';
import type { Runtime } from './runtime.js';
import { randomSecret, randomUpper } from './state/ids.js';
import { accountFromConfig, seedVpcs } from './state/seed.js';
import type { Connection, Vif } from './state/types.js';

export type ControlResult = { status: number; body: unknown };

const accountBody = z.object({
  accountId: z.string().regex(/^\d{12}$/, 'accountId must be 12 digits'),
  name: z.string().min(1).optional(),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/).optional(),
  secretAccessKey: z.string().min(16).optional(),
  regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/)).optional(),
});
const roleBody = z.object({
  trustedAccountId: z.string().regex(/^\d{12}$/),
  externalId: z.string().min(2).max(1224),
  maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
});
const crossConnectBody = z.object({ state: z.enum(['patched', 'cut']) });
const bgpBody = z.object({
  status: z.enum(['up', 'down']),
  addressFamily: z.enum(['ipv4', 'ipv6']).optional(),
  bgpPeerId: z.string().optional(),
});
const clockBody = z.object({ advanceSeconds: z.number().min(0) });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new ControlError(400, result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

function connectionOf(rt: Runtime, id: string): Connection {
  const conn = rt.store.state.connections[id];
  if (!conn) throw new ControlError(404, `Connection ${id} does not exist.`);
  return conn;
}

function vifOf(rt: Runtime, id: string): Vif {
  const vif = rt.store.state.vifs[id];
  if (!vif) throw new ControlError(404, `Virtual interface ${id} does not exist.`);
  return vif;
}

const connectionView = (rt: Runtime, c: Connection) => ({ connectionId: c.id, connectionState: connectionState(rt.store.state, c) });
const vifView = (rt: Runtime, v: Vif) => ({
  virtualInterfaceId: v.id,
  virtualInterfaceState: vifState(rt.store.state, v),
  bgpPeers: v.peers.map((p) => ({ bgpPeerId: p.id, addressFamily: p.addressFamily, bgpPeerState: p.phase, bgpStatus: peerStatus(rt.store.state, v, p) })),
});

function createAccount(rt: Runtime, body: unknown): ControlResult {
  const input = parse(accountBody, body);
  const state = rt.store.state;
  const regions = input.regions ?? ['us-east-1'];
  let account = state.accounts[input.accountId];
  const status = account ? 200 : 201;
  if (!account) {
    const accessKeyId = input.accessKeyId ?? `AKIA${randomUpper(16)}`;
    if (Object.values(state.accounts).some((a) => a.accessKeyId === accessKeyId)) {
      throw new ControlError(409, `Access key ${accessKeyId} already belongs to another account.`);
    }
    account = accountFromConfig({
      accountId: input.accountId,
      name: input.name ?? `Account ${input.accountId}`,
      accessKeyId,
      secretAccessKey: input.secretAccessKey ?? randomSecret(40),
    });
    state.accounts[account.accountId] = account;
  }
  for (const region of regions) seedVpcs(state, account.accountId, region, 2);
  return {
    status,
    body: { accountId: account.accountId, name: account.name, accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey, regions },
  };
}

function putRole(rt: Runtime, accountId: string, roleName: string, body: unknown): ControlResult {
  const input = parse(roleBody, body);
  const account = rt.store.state.accounts[accountId];
  if (!account) throw new ControlError(404, `Account ${accountId} does not exist.`);
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) throw new ControlError(400, `Role name ${roleName} is not valid.`);
  account.roles[roleName] = { roleName, trustedAccountId: input.trustedAccountId, externalId: input.externalId, maxSessionDuration: input.maxSessionDuration ?? 3600 };
  return { status: 200, body: { roleArn: `arn:aws:iam::${accountId}:role/${roleName}`, trustedAccountId: input.trustedAccountId } };
}

function deleteRole(rt: Runtime, accountId: string, roleName: string): ControlResult {
  const account = rt.store.state.accounts[accountId];
  if (!account?.roles[roleName]) throw new ControlError(404, `Role ${roleName} does not exist in account ${accountId}.`);
  delete account.roles[roleName];
  return { status: 200, body: { deleted: true } };
}

/** AWS finished reviewing a dedicated connection (or interconnect): `requested` → `pending`, LOA available. */
function review(rt: Runtime, id: string): ControlResult {
  const conn = connectionOf(rt, id);
  if (conn.kind === 'hosted') throw new ControlError(409, `${id} is a hosted connection; AWS reviews only dedicated connections and interconnects.`);
  if (conn.phase === 'requested') {
    conn.phase = 'pending';
    rt.scheduler.cancel('connection.reviewed', id);
  } else if (conn.phase !== 'pending') {
    throw new ControlError(409, `Connection ${id} is in state ${connectionState(rt.store.state, conn)}; only a requested connection can be reviewed.`);
  }
  return { status: 200, body: connectionView(rt, conn) };
}

/** The technician patches the fibre (`pending`/`down` → `available`) or the fibre is cut (`available` → `down`). */
function crossConnect(rt: Runtime, id: string, body: unknown): ControlResult {
  const { state } = parse(crossConnectBody, body);
  const conn = connectionOf(rt, id);
  if (conn.kind === 'hosted') {
    throw new ControlError(409, `${id} is a hosted connection; it rides on the partner's interconnect ${conn.parentId ?? ''} — patch or cut that instead.`);
  }
  if (state === 'patched') {
    if (conn.phase === 'requested') throw new ControlError(409, `Connection ${id} is still requested: AWS has not finished its review, so there is no LOA-CFA to patch against.`);
    if (conn.phase !== 'pending' && conn.phase !== 'provisioned') throw new ControlError(409, `Connection ${id} is in state ${conn.phase}.`);
    conn.phase = 'provisioned';
    conn.linkUp = true;
  } else {
    if (conn.phase !== 'provisioned') throw new ControlError(409, `Connection ${id} is in state ${connectionState(rt.store.state, conn)}; only a provisioned connection can be cut.`);
    conn.linkUp = false;
  }
  return { status: 200, body: connectionView(rt, conn) };
}

/** The customer router's BGP session(s) on a VIF come up or go down. */
function bgp(rt: Runtime, id: string, body: unknown): ControlResult {
  const input = parse(bgpBody, body);
  const vif = vifOf(rt, id);
  if (vif.phase === 'deleted' || vif.phase === 'rejected') throw new ControlError(409, `Virtual interface ${id} is in state ${vif.phase}.`);
  const peers = vif.peers.filter(
    (p) => p.phase !== 'deleted' && (!input.addressFamily || p.addressFamily === input.addressFamily) && (!input.bgpPeerId || p.id === input.bgpPeerId),
  );
  if (peers.length === 0) throw new ControlError(404, `No matching BGP peer on virtual interface ${id}.`);
  for (const p of peers) p.routerUp = input.status === 'up';
  return { status: 200, body: vifView(rt, vif) };
}

/** AWS finished verifying a public VIF (and any of its peers awaiting verification). */
function verify(rt: Runtime, id: string): ControlResult {
  const vif = vifOf(rt, id);
  const verifyingPeers = vif.peers.filter((p) => p.phase === 'verifying');
  if (vif.type !== 'public') throw new ControlError(409, `Virtual interface ${id} is a ${vif.type} virtual interface; only public ones are verified.`);
  if (vif.phase === 'verifying') {
    vif.phase = 'pending';
    for (const p of verifyingPeers) p.phase = 'pending';
    rt.scheduler.cancel('vif.verified', id);
    rt.scheduler.schedule('vif.provisioned', id, rt.delays.vifProvisioning);
  } else if (vif.phase === 'provisioned' && verifyingPeers.length > 0) {
    for (const p of verifyingPeers) p.phase = 'available';
  } else {
    throw new ControlError(409, `Virtual interface ${id} is in state ${vifState(rt.store.state, vif)}; nothing is awaiting verification.`);
  }
  return { status: 200, body: vifView(rt, vif) };
}

/**
 * The control API: the "physical world" and test levers (localhost only, JSON in/out, no AWS auth).
 * Returns undefined when no route matches.
 */
export function handleControl(rt: Runtime, method: string, path: string, body: unknown): ControlResult | undefined {
  const seg = path.replace(/^\/_sandbox\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route = `${method} ${seg.map((s, i) => (i % 2 === 1 ? ':' : s)).join('/')}`;
  const [, a = '', , c = ''] = seg;
  switch (route) {
    case 'GET health':
      return { status: 200, body: { ok: true } };
    case 'POST accounts':
      return createAccount(rt, body);
    case 'PUT accounts/:/roles/:':
      return putRole(rt, a, c, body);
    case 'DELETE accounts/:/roles/:':
      return deleteRole(rt, a, c);
    case 'POST connections/:/review':
      return review(rt, a);
    case 'POST connections/:/cross-connect':
      return crossConnect(rt, a, body);
    case 'POST virtual-interfaces/:/bgp':
      return bgp(rt, a, body);
    case 'POST virtual-interfaces/:/verify':
      return verify(rt, a);
    case 'POST faults': {
      const fault = rt.faults.add(parse(faultSpecSchema, body));
      return { status: 201, body: { id: fault.id } };
    }
    case 'GET faults':
      return { status: 200, body: { faults: rt.faults.list() } };
    case 'DELETE faults':
      rt.faults.clear();
      return { status: 200, body: { deleted: true } };
    case 'DELETE faults/:':
      if (!rt.faults.remove(a)) throw new ControlError(404, `Fault ${a} does not exist.`);
      return { status: 200, body: { deleted: true } };
    case 'GET clock':
      return { status: 200, body: clockView(rt) };
    case 'POST clock':
      rt.scheduler.advance(parse(clockBody, body).advanceSeconds);
      return { status: 200, body: clockView(rt) };
    case 'POST reset':
      rt.store.reset();
      rt.faults.clear();
      rt.scheduler.arm();
      return { status: 200, body: { ok: true } };
    case 'GET state':
      return { status: 200, body: rt.store.redacted() };
    default:
      return undefined;
  }
}

function clockView(rt: Runtime): unknown {
  const now = rt.scheduler.now();
  return { now: new Date(now).toISOString(), epochSeconds: Math.floor(now / 1000), timeScale: rt.scheduler.timeScale, pendingTransitions: rt.store.state.timers.length };
}
