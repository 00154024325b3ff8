/**
 * The resources of API v1: zod schemas (the OpenAPI document is generated from them) and the
 * mappers from stored rows. Every field a client sends comes back under the same name, as stored.
 */
import { z } from 'zod';
import { apiConnectionStates, apiConnectionState } from '../../domain/api/connection-state';
import { apiVifState, apiVifStates } from '../../domain/api/vif-state';
import { connectionTypes, resiliencyLevels } from '../../domain/connections/schema';
import type { TimelineEvent } from '../../events/timeline';
import type { ApiAssociationRow, ApiDxGatewayRow, ApiVpnGatewayRow } from '../../gateways/queries';
import type { CrossConnectRow } from '../../noc/cross-connects';
import type { ApiVifRow } from '../../virtual-interfaces/queries';

const isoDate = z.string().meta({ format: 'date-time' });

export const connectionResource = z
  .object({
    id: z.string().describe("The portal's id of the connection."),
    name: z.string(),
    type: z.enum(connectionTypes),
    bandwidth: z.string().describe('As AWS names it, e.g. "10Gbps" or "500Mbps".'),
    region: z.string(),
    locationId: z.string(),
    locationCode: z.string().describe('The AWS Direct Connect location code, e.g. "EqDC2".'),
    awsAccountId: z.string().describe("The portal's id of the AWS account (see /aws-accounts)."),
    awsAccountNumber: z.string().describe('The 12-digit AWS account id.'),
    resiliency: z.enum(resiliencyLevels),
    requestGroupId: z.string().describe('Connections requested together share it.'),
    groupIndex: z.number().int(),
    notes: z.string(),
    state: z.enum(apiConnectionStates).describe('Where the connection is and whose move it is; poll until it is not awaiting_*.'),
    portalStatus: z.enum(['SUBMITTED', 'APPROVED', 'REJECTED', 'PROVISIONING', 'PROVISIONING_FAILED', 'ACTIVE', 'DECOMMISSIONING', 'CLOSED']),
    awsState: z.string().nullable().describe("AWS's ConnectionState, once the connection exists in AWS."),
    awsConnectionId: z.string().nullable(),
    awsDevice: z.string().nullable(),
    vlan: z.number().int().nullable().describe('Hosted connections: the VLAN the provider assigned.'),
    rejectionReason: z.string().nullable(),
    lastError: z.string().nullable(),
    loa: z.object({ issuedAt: isoDate, expiresAt: isoDate }).nullable().describe('The LOA-CFA, once AWS issued it (GET /connections/{id}/loa).'),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Connection' });
export type ConnectionResource = z.infer<typeof connectionResource>;

type ConnectionRow = {
  id: string;
  name: string;
  type: ConnectionResource['type'];
  bandwidth: string;
  region: string;
  resiliency: ConnectionResource['resiliency'];
  requestGroupId: string;
  groupIndex: number;
  notes: string | null;
  locationId: string;
  awsAccountId: string;
  portalStatus: ConnectionResource['portalStatus'];
  awsState: Parameters<typeof apiConnectionState>[0]['awsState'];
  awsConnectionId: string | null;
  awsDevice: string | null;
  vlan: number | null;
  rejectionReason: string | null;
  lastError: string | null;
  loaIssuedAt: Date | null;
  loaExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  location: { code: string };
  awsAccount: { accountId: string };
  crossConnects: Array<{ status: Parameters<typeof apiConnectionState>[0]['crossConnectStatus'] & string }>;
};

export function toConnectionResource(c: ConnectionRow): ConnectionResource {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    bandwidth: c.bandwidth,
    region: c.region,
    locationId: c.locationId,
    locationCode: c.location.code,
    awsAccountId: c.awsAccountId,
    awsAccountNumber: c.awsAccount.accountId,
    resiliency: c.resiliency,
    requestGroupId: c.requestGroupId,
    groupIndex: c.groupIndex,
    notes: c.notes ?? '',
    state: apiConnectionState({ type: c.type, portalStatus: c.portalStatus, awsState: c.awsState, crossConnectStatus: c.crossConnects[0]?.status ?? null, loaIssued: Boolean(c.loaIssuedAt) }),
    portalStatus: c.portalStatus,
    awsState: c.awsState,
    awsConnectionId: c.awsConnectionId,
    awsDevice: c.awsDevice,
    vlan: c.vlan,
    rejectionReason: c.rejectionReason,
    lastError: c.lastError,
    loa: c.loaIssuedAt && c.loaExpiresAt ? { issuedAt: c.loaIssuedAt.toISOString(), expiresAt: c.loaExpiresAt.toISOString() } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const awsAccountResource = z
  .object({
    id: z.string(),
    accountId: z.string().describe('The 12-digit AWS account id.'),
    name: z.string(),
    roleArn: z.string().nullable(),
    status: z.string(),
    verifiedAt: isoDate.nullable(),
    lastVerifyError: z.string().nullable(),
    createdAt: isoDate,
  })
  .meta({ id: 'AwsAccount' });
export type AwsAccountResource = z.infer<typeof awsAccountResource>;

export function toAwsAccountResource(a: { id: string; accountId: string; name: string; roleArn: string | null; status: string; verifiedAt: Date | null; lastVerifyError: string | null; createdAt: Date }): AwsAccountResource {
  return { id: a.id, accountId: a.accountId, name: a.name, roleArn: a.roleArn, status: a.status, verifiedAt: a.verifiedAt?.toISOString() ?? null, lastVerifyError: a.lastVerifyError, createdAt: a.createdAt.toISOString() };
}

/** A page of a list: `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

/** Opaque keyset cursor: base64url of "<createdAt ms>_<id>". */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.getTime()}_${row.id}`).toString('base64url');
}
export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const m = /^(\d{1,15})_([a-z0-9]{1,40})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { createdAt: new Date(Number(m[1])), id: m[2]! } : null;
}

// ───────────────────────────── virtual interfaces ─────────────────────────────

const bgpPeerResource = z
  .object({
    id: z.string(),
    awsBgpPeerId: z.string().nullable(),
    addressFamily: z.enum(['ipv4', 'ipv6']),
    asn: z.number().int(),
    customerAddress: z.string().nullable().describe('Canonical: IPv4 dotted quad, IPv6 as RFC 5952 (lower case, zeros compressed), with /length.'),
    amazonAddress: z.string().nullable(),
    state: z.string().nullable().describe("AWS's BGP peer state."),
    bgpStatus: z.enum(['up', 'down', 'unknown']),
    awsDevice: z.string().nullable(),
    updatedAt: isoDate,
  })
  .meta({ id: 'BgpPeer' });

export const virtualInterfaceResource = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    type: z.enum(['PRIVATE', 'PUBLIC', 'TRANSIT']),
    name: z.string(),
    vlan: z.number().int(),
    addressFamily: z.enum(['ipv4', 'ipv6']),
    asn: z.number().int().describe('Your BGP ASN.'),
    amazonSideAsn: z.number().int().nullable(),
    customerAddress: z.string().nullable().describe('As stored: canonical address/length (the form you may send back unchanged).'),
    amazonAddress: z.string().nullable(),
    mtu: z.number().int().nullable(),
    routeFilterPrefixes: z.array(z.string()).describe('Public VIFs: canonical CIDRs, in the order sent.'),
    owner: z.enum(['self', 'other']).describe('other: a hosted VIF allocated to otherAccountId, which must confirm it.'),
    otherAccountId: z.string().nullable(),
    targetKind: z.enum(['dxGateway', 'vpnGateway', 'none']),
    dxGatewayId: z.string().nullable(),
    vpnGatewayId: z.string().nullable(),
    hasAuthKey: z.boolean().describe('The BGP MD5 key is never returned here; POST /virtual-interfaces/{id}/auth-key reveals it (audited).'),
    state: z.enum(apiVifStates).describe('Whose move it is; poll until it is not awaiting_*.'),
    portalStatus: z.enum(['REQUESTED', 'CREATING', 'CREATE_FAILED', 'ACTIVE', 'DELETING', 'DELETED']),
    awsState: z.string().nullable().describe("AWS's virtualInterfaceState."),
    awsVirtualInterfaceId: z.string().nullable(),
    awsAccountNumber: z.string().describe('The 12-digit AWS account that owns the interface.'),
    jumboFrameCapable: z.boolean().nullable(),
    awsDevice: z.string().nullable(),
    bgpPeers: z.array(bgpPeerResource),
    lastSyncedAt: isoDate.nullable(),
    lastError: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'VirtualInterface' });
export type VirtualInterfaceResource = z.infer<typeof virtualInterfaceResource>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toVirtualInterfaceResource(v: ApiVifRow): VirtualInterfaceResource {
  return {
    id: v.id,
    connectionId: v.connectionId,
    type: v.type,
    name: v.name,
    vlan: v.vlan,
    addressFamily: v.addressFamily,
    asn: Number(v.asn),
    amazonSideAsn: v.amazonSideAsn === null ? null : Number(v.amazonSideAsn),
    customerAddress: v.customerAddress,
    amazonAddress: v.amazonAddress,
    mtu: v.mtu,
    routeFilterPrefixes: v.routeFilterPrefixes,
    owner: v.hosted ? 'other' : 'self',
    otherAccountId: v.hosted ? v.awsAccount.accountId : null,
    targetKind: v.dxGatewayId ? 'dxGateway' : v.vpnGatewayId ? 'vpnGateway' : 'none',
    dxGatewayId: v.dxGatewayId,
    vpnGatewayId: v.vpnGatewayId,
    hasAuthKey: Boolean(v.authKeyCiphertext),
    state: apiVifState(v),
    portalStatus: v.portalStatus,
    awsState: v.awsState,
    awsVirtualInterfaceId: v.awsVirtualInterfaceId,
    awsAccountNumber: v.awsAccount.accountId,
    jumboFrameCapable: v.jumboFrameCapable,
    awsDevice: v.awsDeviceV2,
    bgpPeers: v.bgpPeers.map((p) => ({
      id: p.id,
      awsBgpPeerId: p.awsBgpPeerId,
      addressFamily: p.addressFamily,
      asn: Number(p.asn),
      customerAddress: p.customerAddress,
      amazonAddress: p.amazonAddress,
      state: p.state,
      bgpStatus: p.bgpStatus,
      awsDevice: p.awsDeviceV2,
      updatedAt: p.updatedAt.toISOString(),
    })),
    lastSyncedAt: iso(v.lastSyncedAt),
    lastError: v.lastError,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export const bgpStatusResource = z
  .object({
    virtualInterfaceId: z.string(),
    state: z.enum(apiVifStates),
    up: z.boolean().describe('Every BGP session of the interface is up.'),
    peers: z.array(bgpPeerResource),
    lastSyncedAt: isoDate.nullable().describe('When the portal last read this from AWS.'),
  })
  .meta({ id: 'BgpStatus' });

export const failoverTestResource = z
  .object({
    testId: z.string(),
    status: z.string(),
    bgpPeers: z.array(z.string()),
    startTime: isoDate.nullable(),
    endTime: isoDate.nullable(),
    durationMinutes: z.number().int().nullable(),
  })
  .meta({ id: 'BgpFailoverTest' });

// ───────────────────────────── gateways ─────────────────────────────

const gatewayPortalStatus = z.enum(['REQUESTED', 'CREATING', 'CREATE_FAILED', 'ACTIVE', 'DELETING', 'DELETED']);

export const dxGatewayResource = z
  .object({
    id: z.string(),
    awsAccountId: z.string(),
    awsAccountNumber: z.string(),
    name: z.string(),
    amazonSideAsn: z.number().int(),
    portalStatus: gatewayPortalStatus,
    awsGatewayId: z.string().nullable(),
    awsState: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'DxGateway' });

export function toDxGatewayResource(g: ApiDxGatewayRow): z.infer<typeof dxGatewayResource> {
  return {
    id: g.id,
    awsAccountId: g.awsAccountId,
    awsAccountNumber: g.awsAccount.accountId,
    name: g.name,
    amazonSideAsn: Number(g.amazonSideAsn),
    portalStatus: g.portalStatus,
    awsGatewayId: g.awsGatewayId,
    awsState: g.awsState,
    lastError: g.lastError,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export const vpnGatewayResource = z
  .object({
    id: z.string(),
    awsAccountId: z.string(),
    awsAccountNumber: z.string(),
    name: z.string(),
    region: z.string(),
    amazonSideAsn: z.number().int(),
    portalStatus: gatewayPortalStatus,
    awsVpnGatewayId: z.string().nullable(),
    awsState: z.string().nullable(),
    vpcId: z.string().nullable(),
    attachmentState: z.string().nullable(),
    propagatingRouteTableIds: z.array(z.string()),
    lastError: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'VpnGateway' });

export function toVpnGatewayResource(g: ApiVpnGatewayRow): z.infer<typeof vpnGatewayResource> {
  return {
    id: g.id,
    awsAccountId: g.awsAccountId,
    awsAccountNumber: g.awsAccount.accountId,
    name: g.name,
    region: g.region,
    amazonSideAsn: Number(g.amazonSideAsn),
    portalStatus: g.portalStatus,
    awsVpnGatewayId: g.awsVpnGatewayId,
    awsState: g.awsState,
    vpcId: g.vpcId,
    attachmentState: g.attachmentState,
    propagatingRouteTableIds: g.propagatingRouteTableIds,
    lastError: g.lastError,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export const associationResource = z
  .object({
    id: z.string(),
    dxGatewayId: z.string(),
    vpnGatewayId: z.string(),
    allowedPrefixes: z.array(z.string()).describe('Canonical CIDRs as stored; empty means the VPC CIDR.'),
    portalStatus: gatewayPortalStatus,
    awsAssociationId: z.string().nullable(),
    awsState: z.string().nullable(),
    stateChangeError: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'GatewayAssociation' });

export function toAssociationResource(a: ApiAssociationRow): z.infer<typeof associationResource> {
  return { ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() };
}

// ───────────────────────────── events, cross-connects ─────────────────────────────

export const eventResource = z
  .object({
    id: z.string(),
    occurredAt: isoDate,
    source: z.enum(['PORTAL', 'AWS', 'FACILITY']),
    actor: z.string(),
    kind: z.string().describe('Stable, e.g. "connection.approved" or "vif.created".'),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'Event' });

export function toEventResource(e: TimelineEvent): z.infer<typeof eventResource> {
  return { id: e.id, occurredAt: e.occurredAt.toISOString(), source: e.source, actor: e.actorLabel, kind: e.kind, fromState: e.fromState, toState: e.toState, message: e.message };
}

export const crossConnectResource = z
  .object({
    id: z.string(),
    kind: z.enum(['INSTALL', 'CEASE']),
    status: z.enum(['OPEN', 'PORT_RESERVED', 'PATCHED', 'TESTED', 'COMPLETE', 'CANCELLED']),
    patchPanel: z.string().nullable(),
    panelPort: z.string().nullable(),
    awsDevice: z.string().nullable(),
    loaExpiresAt: isoDate.nullable(),
    testRxDbm: z.number().nullable(),
    testTxDbm: z.number().nullable(),
    testNote: z.string().nullable(),
    reservedAt: isoDate.nullable(),
    patchedAt: isoDate.nullable(),
    testedAt: isoDate.nullable(),
    completedAt: isoDate.nullable(),
    createdAt: isoDate,
    connection: z.object({
      id: z.string(),
      name: z.string(),
      awsConnectionId: z.string().nullable(),
      bandwidth: z.string(),
      organisation: z.string(),
      awsAccountNumber: z.string(),
      locationCode: z.string(),
    }),
  })
  .meta({ id: 'CrossConnectOrder' });

export function toCrossConnectResource(o: CrossConnectRow): z.infer<typeof crossConnectResource> {
  return {
    id: o.id,
    kind: o.kind,
    status: o.status,
    patchPanel: o.patchPanel,
    panelPort: o.panelPort,
    awsDevice: o.awsDevice,
    loaExpiresAt: iso(o.loaExpiresAt),
    testRxDbm: o.testRxDbm === null ? null : Number(o.testRxDbm),
    testTxDbm: o.testTxDbm === null ? null : Number(o.testTxDbm),
    testNote: o.testNote,
    reservedAt: iso(o.reservedAt),
    patchedAt: iso(o.patchedAt),
    testedAt: iso(o.testedAt),
    completedAt: iso(o.completedAt),
    createdAt: o.createdAt.toISOString(),
    connection: {
      id: o.connection.id,
      name: o.connection.name,
      awsConnectionId: o.connection.awsConnectionId,
      bandwidth: o.connection.bandwidth,
      organisation: o.connection.org.name,
      awsAccountNumber: o.connection.awsAccount.accountId,
      locationCode: o.connection.location.code,
    },
  };
}
