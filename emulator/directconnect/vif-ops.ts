import { dxClientError } from '../errors.js';
import type { BgpPeer, Vif } from '../state/types.js';
import { bySeq, canSeeVif, type DxContext, ownedVif, visibleVif } from './context.js';
import { type Input, optBool, optNumber, optString, reqObject } from './input.js';
import { vifState } from './lifecycle.js';
import { renderVif } from './render.js';
import { paginate, validateMtu, validateName } from './rules.js';
import { buildPeer } from './vif-rules.js';

const GONE = new Set(['deleting', 'deleted', 'rejected']);
const livePeers = (vif: Vif) => vif.peers.filter((p) => p.phase !== 'deleting' && p.phase !== 'deleted');

/**
 * VIFs visible to the caller (owned, or riding on its connection), by connection or id.
 * Deleted VIFs stay listed for the retention window; an unknown VIF id yields an empty list (§7.5).
 */
export function describeVirtualInterfaces(ctx: DxContext, input: Input): unknown {
  const connectionId = optString(input, 'connectionId');
  const vifId = optString(input, 'virtualInterfaceId');
  let vifs = Object.values(ctx.state.vifs).filter((v) => canSeeVif(ctx, v));
  if (connectionId) {
    const conn = ctx.state.connections[connectionId];
    const onIt = vifs.filter((v) => v.connectionId === connectionId);
    if (!conn || conn.region !== ctx.region || (conn.ownerAccount !== ctx.caller.accountId && onIt.length === 0)) {
      throw dxClientError(`Could not find Connection with ID ${connectionId}`);
    }
    vifs = onIt;
  }
  if (vifId) vifs = vifs.filter((v) => v.id === vifId);
  const { page, nextToken } = paginate(bySeq(vifs), input, 'DescribeVirtualInterfaces');
  return { virtualInterfaces: page.map((v) => renderVif(ctx.state, v)), ...(nextToken ? { nextToken } : {}) };
}

/** `deleting` → `deleted` (listed 15 minutes); an owner declining a `confirming` VIF → `rejected` (§7.3). */
export function deleteVirtualInterface(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'virtualInterfaceId');
  if (!id) throw dxClientError('Missing required parameter virtualInterfaceId.');
  const vif = visibleVif(ctx, id);
  if (GONE.has(vif.phase)) {
    throw dxClientError(`DeleteVirtualInterface failed. ${vif.id} is in state ${vif.phase}; the virtual interface does not exist anymore.`);
  }
  const now = ctx.scheduler.now();
  const test = vif.activeTestId ? ctx.state.failoverTests[vif.activeTestId] : undefined;
  if (test?.status === 'IN_PROGRESS') {
    test.status = 'CANCELLED';
    test.endTime = now;
  }
  delete vif.activeTestId;
  if (vif.phase === 'confirming' && vif.ownerAccount === ctx.caller.accountId) {
    vif.phase = 'rejected';
    vif.deletedAt = now;
    ctx.scheduler.schedule('vif.purge', vif.id, ctx.delays.deletedRetention);
  } else {
    vif.phase = 'deleting';
    ctx.scheduler.schedule('vif.deleted', vif.id, ctx.delays.deletion);
  }
  return { virtualInterfaceState: vif.phase };
}

export function updateVirtualInterfaceAttributes(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'virtualInterfaceId');
  if (!id) throw dxClientError('Missing required parameter virtualInterfaceId.');
  const vif = ownedVif(ctx, id);
  if (GONE.has(vif.phase)) throw dxClientError(`UpdateVirtualInterfaceAttributes failed. ${vif.id} is in state ${vif.phase}`);
  const mtu = optNumber(input, 'mtu');
  const siteLink = optBool(input, 'enableSiteLink');
  const name = optString(input, 'virtualInterfaceName');
  if (mtu !== undefined) {
    if (vif.type === 'public' && mtu !== 1500) throw dxClientError('The MTU of a public virtual interface cannot be changed; it is always 1500.');
    validateMtu(vif.type, mtu);
  }
  if (siteLink !== undefined) {
    if (vif.type === 'public') throw dxClientError('SiteLink is not supported on public virtual interfaces.');
    if (siteLink && !vif.directConnectGatewayId) throw dxClientError('SiteLink can only be enabled on a virtual interface attached to a Direct Connect gateway.');
  }
  if (name !== undefined) validateName(name, 'virtual interface');
  if (mtu !== undefined) vif.mtu = mtu;
  if (siteLink !== undefined) vif.siteLinkEnabled = siteLink;
  if (name !== undefined) vif.name = name;
  return renderVif(ctx.state, vif);
}

/** One peer per address family, two when the connection has logical redundancy (§4.2). */
export function createBgpPeer(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'virtualInterfaceId');
  if (!id) throw dxClientError('Missing required parameter virtualInterfaceId.');
  const spec = reqObject(input, 'newBGPPeer');
  const vif = ownedVif(ctx, id);
  if (GONE.has(vif.phase) || vif.phase === 'confirming') {
    throw dxClientError(`CreateBGPPeer failed. ${vif.id} is in state ${vifState(ctx.state, vif)}`);
  }
  const family = optString(spec, 'addressFamily') ?? 'ipv4';
  const sameFamily = livePeers(vif).filter((p) => p.addressFamily === family);
  const redundancy = ctx.state.connections[vif.connectionId]?.logicalRedundancy ?? false;
  if (sameFamily.length >= 1 && !redundancy) {
    throw dxClientError(`Virtual interface ${vif.id} already has an ${family} BGP peer and its connection does not support logical redundancy (a second peer in the same address family).`);
  }
  if (sameFamily.length >= 2) throw dxClientError(`Virtual interface ${vif.id} already has the maximum of 2 BGP peers for address family ${family}.`);
  const peer = buildPeer(ctx, vif, spec);
  if (livePeers(vif).some((p) => p.asnLong === peer.asnLong && p.customerAddress === peer.customerAddress)) {
    throw dxClientError(`A BGP peer with ASN ${peer.asnLong} and customer address ${peer.customerAddress} already exists on ${vif.id}.`);
  }
  if (vif.type === 'public') peer.phase = 'verifying';
  vif.peers.push(peer);
  const wait = ctx.delays.vifProvisioning + (vif.type === 'public' ? ctx.delays.publicVifVerification : 0);
  ctx.scheduler.schedule('peer.provisioned', vif.id, wait, peer.id);
  return { virtualInterface: renderVif(ctx.state, vif) };
}

function findPeer(vif: Vif, input: Input): BgpPeer {
  const peerId = optString(input, 'bgpPeerId');
  const asn = optNumber(input, 'asnLong') ?? optNumber(input, 'asn');
  const customerAddress = optString(input, 'customerAddress');
  const live = livePeers(vif);
  if (peerId) {
    const p = live.find((x) => x.id === peerId);
    if (!p) throw dxClientError(`BGP peer ${peerId} does not exist on virtual interface ${vif.id}.`);
    return p;
  }
  if (asn === undefined || !customerAddress) {
    throw dxClientError('Specify the BGP peer to delete with bgpPeerId, or with asn (or asnLong) and customerAddress.');
  }
  const p = live.find((x) => x.asnLong === asn && x.customerAddress === customerAddress);
  if (!p) throw dxClientError(`No BGP peer with ASN ${asn} and customer address ${customerAddress} exists on virtual interface ${vif.id}.`);
  return p;
}

export function deleteBgpPeer(ctx: DxContext, input: Input): unknown {
  const id = optString(input, 'virtualInterfaceId');
  if (!id) throw dxClientError('Missing required parameter virtualInterfaceId.');
  const vif = ownedVif(ctx, id);
  if (GONE.has(vif.phase)) throw dxClientError(`DeleteBGPPeer failed. ${vif.id} is in state ${vif.phase}`);
  const peer = findPeer(vif, input);
  if (livePeers(vif).length <= 1) throw dxClientError(`The last BGP Peer on a Virtual Interface cannot be deleted (${peer.id} on ${vif.id}).`);
  peer.phase = 'deleting';
  const next = livePeers(vif)[0];
  if (next && vif.amazonAddress === peer.amazonAddress) {
    Object.assign(vif, {
      asnLong: next.asnLong,
      authKey: next.authKey,
      amazonAddress: next.amazonAddress,
      customerAddress: next.customerAddress,
      addressFamily: next.addressFamily,
    });
  }
  ctx.scheduler.schedule('peer.deleted', vif.id, ctx.delays.deletion, peer.id);
  return { virtualInterface: renderVif(ctx.state, vif) };
}
