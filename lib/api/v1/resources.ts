/**
 * The resources of API v1: zod schemas (the OpenAPI document is generated from them) and the
 * mappers from stored rows. Every field a client sends comes back under the same name, as stored.
 */
import { z } from 'zod';
import { apiConnectionStates, apiConnectionState } from '../../domain/api/connection-state';
import { connectionTypes, resiliencyLevels } from '../../domain/connections/schema';

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
