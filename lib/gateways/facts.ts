import type { GatewayPortalStatus, Prisma, VpcAttachmentState } from '../db/generated/client';
import type { VpcAttachment } from '../domain/gateways';

/**
 * Shared definitions of "still there" for gateways, associations and the VIFs attached to them,
 * so quotas, rules, lists and the sync count the same rows.
 */

/** Rows the portal still tracks in AWS (a create in flight, a resource that exists, a delete in flight). */
export const trackedStatuses = ['CREATING', 'ACTIVE', 'DELETING'] as const satisfies readonly GatewayPortalStatus[];

/** Rows shown in lists: tracked ones; failed requests and deleted gateways stay reachable by link only. */
export const listedStatuses = trackedStatuses;

/** An association that still binds its virtual private gateway (AWS counts it until disassociated). */
export const liveAssociationWhere = {
  portalStatus: { in: [...trackedStatuses] },
  OR: [{ awsState: null }, { awsState: { not: 'disassociated' } }],
} satisfies Prisma.GatewayAssociationWhereInput;

/** A virtual interface that still occupies its gateway in AWS. */
export const liveVifWhere = {
  portalStatus: { notIn: ['CREATE_FAILED', 'DELETED'] },
  OR: [{ awsState: null }, { awsState: { notIn: ['deleted', 'rejected'] } }],
} satisfies Prisma.VirtualInterfaceWhereInput;

/** The columns every view of a virtual private gateway reads: its identity, AWS state and VPC attachment. */
export const vpnGatewayCoreSelect = {
  id: true,
  name: true,
  region: true,
  portalStatus: true,
  awsVpnGatewayId: true,
  awsState: true,
  vpcId: true,
  attachmentState: true,
} satisfies Prisma.VirtualPrivateGatewaySelect;

export function attachmentOf(row: { vpcId: string | null; attachmentState: VpcAttachmentState | null }): VpcAttachment {
  return row.vpcId && row.attachmentState ? { vpcId: row.vpcId, state: row.attachmentState } : null;
}

/** Amazon-side ASNs are stored as BigInt (4-byte values); every one fits a JS number exactly. */
export function asnNumber(value: bigint): number {
  return Number(value);
}
