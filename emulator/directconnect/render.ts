import type { Association, Connection, DxGateway, FailoverTest, State, Tag, Vif } from '../state/types.js';
import { attachmentState, connectionState, peerStatus, vifState } from './lifecycle.js';
import { customerRouterConfigXml } from './router-config.js';
import { legacyAsn } from './rules.js';

const tags = (list: Tag[]) => list.map((t) => (t.value === undefined ? { key: t.key } : { key: t.key, value: t.value }));
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms / 1000));

function macSec(conn: Connection): Record<string, unknown> {
  if (!conn.macSecCapable) return { macSecCapable: false };
  return { macSecCapable: true, portEncryptionStatus: 'Encryption Down', encryptionMode: conn.encryptionMode ?? 'no_encrypt', macSecKeys: [] };
}

/** The `Connection` shape (dedicated and hosted connections). */
export function renderConnection(state: State, conn: Connection): Record<string, unknown> {
  const reviewed = conn.phase !== 'requested' && conn.phase !== 'ordering';
  const parent = conn.parentId ? state.connections[conn.parentId] : undefined;
  return {
    ownerAccount: conn.ownerAccount,
    connectionId: conn.id,
    connectionName: conn.name,
    connectionState: connectionState(state, conn),
    region: conn.region,
    location: conn.location,
    bandwidth: conn.bandwidth,
    ...(conn.vlan === undefined ? {} : { vlan: conn.vlan }),
    ...(conn.partnerAccount ? { partnerName: state.accounts[conn.partnerAccount]?.name ?? conn.partnerAccount } : {}),
    ...(conn.loaIssueTime === undefined ? {} : { loaIssueTime: seconds(conn.loaIssueTime) }),
    awsDevice: conn.awsDevice,
    // Observed for a `requested` dedicated connection: jumboFrameCapable false, redundancy unknown (§5).
    jumboFrameCapable: conn.kind === 'hosted' || reviewed,
    awsDeviceV2: conn.awsDevice,
    awsLogicalDeviceId: conn.awsLogicalDeviceId,
    hasLogicalRedundancy: conn.kind === 'dedicated' && !reviewed ? 'unknown' : conn.logicalRedundancy ? 'yes' : 'no',
    tags: tags(conn.tags),
    ...(conn.providerName ? { providerName: conn.providerName } : {}),
    ...macSec(conn),
    ...(conn.kind === 'hosted' ? { partnerInterconnectMacSecCapable: parent?.macSecCapable ?? false } : {}),
  };
}

/** The `Interconnect` shape. */
export function renderInterconnect(state: State, conn: Connection): Record<string, unknown> {
  const { macSecKeys, portEncryptionStatus, encryptionMode, macSecCapable } = macSec(conn);
  return {
    interconnectId: conn.id,
    interconnectName: conn.name,
    interconnectState: connectionState(state, conn),
    region: conn.region,
    location: conn.location,
    bandwidth: conn.bandwidth,
    ...(conn.loaIssueTime === undefined ? {} : { loaIssueTime: seconds(conn.loaIssueTime) }),
    awsDevice: conn.awsDevice,
    jumboFrameCapable: true,
    awsDeviceV2: conn.awsDevice,
    awsLogicalDeviceId: conn.awsLogicalDeviceId,
    hasLogicalRedundancy: conn.logicalRedundancy ? 'yes' : 'no',
    tags: tags(conn.tags),
    ...(conn.providerName ? { providerName: conn.providerName } : {}),
    macSecCapable,
    ...(portEncryptionStatus === undefined ? {} : { portEncryptionStatus, encryptionMode, macSecKeys }),
  };
}

/** The `VirtualInterface` shape, complete from the first response (§7.7). */
export function renderVif(state: State, vif: Vif): Record<string, unknown> {
  const conn = state.connections[vif.connectionId];
  return {
    ownerAccount: vif.ownerAccount,
    virtualInterfaceId: vif.id,
    location: vif.location,
    connectionId: vif.connectionId,
    virtualInterfaceType: vif.type,
    virtualInterfaceName: vif.name,
    vlan: vif.vlan,
    asn: legacyAsn(vif.asnLong),
    asnLong: vif.asnLong,
    ...(vif.amazonSideAsn === undefined ? {} : { amazonSideAsn: vif.amazonSideAsn }),
    authKey: vif.authKey,
    amazonAddress: vif.amazonAddress,
    customerAddress: vif.customerAddress,
    addressFamily: vif.addressFamily,
    virtualInterfaceState: vifState(state, vif),
    customerRouterConfig: customerRouterConfigXml(vif),
    mtu: vif.mtu,
    jumboFrameCapable: vif.type !== 'public' && (conn === undefined || conn.kind !== 'dedicated' || conn.phase !== 'requested'),
    ...(vif.virtualGatewayId ? { virtualGatewayId: vif.virtualGatewayId } : {}),
    ...(vif.directConnectGatewayId ? { directConnectGatewayId: vif.directConnectGatewayId } : {}),
    routeFilterPrefixes: vif.routeFilterPrefixes.map((cidr) => ({ cidr })),
    bgpPeers: vif.peers.map((p) => ({
      bgpPeerId: p.id,
      asn: legacyAsn(p.asnLong),
      asnLong: p.asnLong,
      authKey: p.authKey,
      addressFamily: p.addressFamily,
      amazonAddress: p.amazonAddress,
      customerAddress: p.customerAddress,
      bgpPeerState: p.phase,
      bgpStatus: peerStatus(state, vif, p),
      awsDeviceV2: conn?.awsDevice ?? '',
      awsLogicalDeviceId: conn?.awsLogicalDeviceId ?? '',
    })),
    region: vif.region,
    awsDeviceV2: conn?.awsDevice ?? '',
    awsLogicalDeviceId: conn?.awsLogicalDeviceId ?? '',
    tags: tags(vif.tags),
    siteLinkEnabled: vif.siteLinkEnabled,
  };
}

export function renderDxGateway(gw: DxGateway): Record<string, unknown> {
  return {
    directConnectGatewayId: gw.id,
    directConnectGatewayName: gw.name,
    amazonSideAsn: gw.amazonSideAsn,
    ownerAccount: gw.ownerAccount,
    directConnectGatewayState: gw.state,
    tags: tags(gw.tags),
  };
}

export function renderAssociation(a: Association): Record<string, unknown> {
  return {
    directConnectGatewayId: a.directConnectGatewayId,
    directConnectGatewayOwnerAccount: a.dxGatewayOwnerAccount,
    associationState: a.state,
    ...(a.stateChangeError ? { stateChangeError: a.stateChangeError } : {}),
    associatedGateway: { id: a.virtualGatewayId, type: 'virtualPrivateGateway', ownerAccount: a.virtualGatewayOwnerAccount, region: a.virtualGatewayRegion },
    associationId: a.id,
    allowedPrefixesToDirectConnectGateway: a.allowedPrefixes.map((cidr) => ({ cidr })),
    virtualGatewayId: a.virtualGatewayId,
    virtualGatewayRegion: a.virtualGatewayRegion,
    virtualGatewayOwnerAccount: a.virtualGatewayOwnerAccount,
  };
}

export function renderAttachment(vif: Vif): Record<string, unknown> | undefined {
  const stateValue = attachmentState(vif);
  if (!stateValue || !vif.directConnectGatewayId) return undefined;
  return {
    directConnectGatewayId: vif.directConnectGatewayId,
    virtualInterfaceId: vif.id,
    virtualInterfaceRegion: vif.region,
    virtualInterfaceOwnerAccount: vif.ownerAccount,
    attachmentState: stateValue,
    attachmentType: vif.type === 'transit' ? 'TransitVirtualInterface' : 'PrivateVirtualInterface',
  };
}

export function renderTest(test: FailoverTest): Record<string, unknown> {
  return {
    testId: test.testId,
    virtualInterfaceId: test.virtualInterfaceId,
    bgpPeers: test.bgpPeers,
    status: test.status,
    ownerAccount: test.ownerAccount,
    testDurationInMinutes: test.testDurationInMinutes,
    startTime: seconds(test.startTime),
    ...(test.endTime === undefined ? {} : { endTime: seconds(test.endTime) }),
  };
}
