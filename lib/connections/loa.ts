import 'server-only';
import { DescribeLoaCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { toAppError } from '../aws/errors';
import { db, type Tx } from '../db/client';
import { readScope } from '../db/scope';
import { loaExpiry } from '../domain/connections/lifecycle';
import { env } from '../env';
import { AppError, ErrorCode, notFound } from '../errors';
import { connectionSubject, eventActor, recordEvent, systemActor } from '../events/record';
import { bandwidthLabel } from '../domain/connections/bandwidth';
import { crossConnectStatusLabels } from '../domain/connections/labels';
import { opticsFor } from '../domain/connections/optics';
import { customerTarget } from './aws-target';
import { withCoverSheet, type CoverFacts } from './loa-cover';

type LoaSubject = {
  id: string;
  orgId: string;
  name: string;
  region: string;
  awsConnectionId: string | null;
  awsDevice: string | null;
  loaFirstIssuedAt: Date | null;
  loaExpiresAt: Date | null;
  awsAccount: { accountId: string; roleArn: string; externalId: string };
};

const loaSelect = {
  id: true,
  orgId: true,
  name: true,
  region: true,
  type: true,
  awsConnectionId: true,
  awsDevice: true,
  loaFirstIssuedAt: true,
  loaExpiresAt: true,
  awsAccount: { select: { accountId: true, roleArn: true, externalId: true } },
} as const;

/** DescribeLoa through the customer's role. AWS issues a fresh LOA-CFA (new issue date) on every call. */
async function describeLoa(c: LoaSubject): Promise<Uint8Array> {
  if (!c.awsConnectionId) throw new AppError(ErrorCode.Conflict, 'This connection does not exist in AWS yet, so there is no LOA-CFA.');
  const response = await directConnect(customerTarget(c.awsAccount), c.region).send(
    new DescribeLoaCommand({ connectionId: c.awsConnectionId, providerName: env().DX_PROVIDER_NAME, loaContentType: 'application/pdf' }),
  );
  if (!response.loaContent || response.loaContent.length === 0) throw new Error('AWS returned an empty LOA-CFA');
  return response.loaContent;
}

/** Stores the new issue and expiry and keeps the open install work order's expiry in step. */
async function recordIssue(tx: Tx, c: LoaSubject, issuedAt: Date): Promise<Date> {
  const expiresAt = loaExpiry(issuedAt);
  await tx.connection.update({
    where: { id: c.id },
    data: { loaIssuedAt: issuedAt, loaExpiresAt: expiresAt, loaFirstIssuedAt: c.loaFirstIssuedAt ?? issuedAt },
  });
  await tx.crossConnectOrder.updateMany({
    where: { connectionId: c.id, kind: 'INSTALL', status: { notIn: ['COMPLETE', 'CANCELLED'] } },
    data: { loaExpiresAt: expiresAt },
  });
  return expiresAt;
}

/**
 * Worker job: AWS has approved a dedicated port, so the LOA-CFA exists. Record it and open the
 * cross-connect work order for the NOC: the customer never has to carry the PDF anywhere.
 */
export async function fetchLoa(connectionId: string): Promise<void> {
  const c = await db().connection.findUnique({ where: { id: connectionId }, select: loaSelect });
  if (!c || c.type !== 'DEDICATED' || !c.awsConnectionId) return;
  await describeLoa(c);
  const issuedAt = new Date();
  await db().$transaction(async (tx) => {
    const expiresAt = await recordIssue(tx, c, issuedAt);
    const open = await tx.crossConnectOrder.findFirst({ where: { connectionId: c.id, kind: 'INSTALL', status: { not: 'CANCELLED' } }, select: { id: true } });
    if (open) return;
    const order = await tx.crossConnectOrder.create({
      data: { connectionId: c.id, kind: 'INSTALL', awsDevice: c.awsDevice, loaExpiresAt: expiresAt },
      select: { id: true },
    });
    await recordEvent(tx, {
      orgId: c.orgId,
      subjectType: 'CROSS_CONNECT',
      subjectId: order.id,
      connectionId: c.id,
      source: 'FACILITY',
      actor: systemActor,
      kind: 'crossConnect.opened',
      toState: 'OPEN',
      message: `AWS issued the LOA-CFA (valid until ${expiresAt.toISOString().slice(0, 10)}); cross-connect work order opened for our facility team.`,
    });
  });
}

/** What the cover sheet says, read after the download was recorded (the work order's expiry is current). */
async function coverFacts(connectionId: string, issuedAt: Date, expiresAt: Date): Promise<CoverFacts> {
  const c = await db().connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: {
      id: true,
      name: true,
      bandwidth: true,
      awsConnectionId: true,
      awsDevice: true,
      org: { select: { name: true } },
      awsAccount: { select: { accountId: true, name: true } },
      location: { select: { code: true, name: true, facility: true } },
      crossConnects: { where: { kind: 'INSTALL', status: { not: 'CANCELLED' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, patchPanel: true, panelPort: true, awsDevice: true } },
    },
  });
  const order = c.crossConnects[0];
  return {
    providerName: env().DX_PROVIDER_NAME,
    tenant: c.org.name,
    connectionName: c.name,
    portalId: c.id,
    awsConnectionId: c.awsConnectionId ?? '',
    awsAccountId: c.awsAccount.accountId,
    awsAccountName: c.awsAccount.name,
    location: `${c.location.code}: ${c.location.name}`,
    facility: c.location.facility,
    portSpeed: bandwidthLabel(c.bandwidth),
    optics: opticsFor(c.bandwidth)?.name ?? null,
    awsDevice: order?.awsDevice ?? c.awsDevice,
    patchPanel: order?.patchPanel ?? null,
    panelPort: order?.panelPort ?? null,
    workOrderStatus: order ? crossConnectStatusLabels[order.status].label : null,
    issuedAt,
    expiresAt,
  };
}

/**
 * The LOA-CFA PDF for a download: the provider's cover sheet (tenant, patch-panel port) and AWS's
 * letter. Every download asks AWS again, so an expired LOA is replaced by a fresh one, and every
 * download is one event on the timeline.
 */
export async function downloadLoa(actor: Actor, connectionId: string): Promise<{ pdf: Uint8Array; filename: string; expiresAt: Date }> {
  const c = await db().connection.findFirst({ where: { id: connectionId, ...readScope(actor) }, select: loaSelect });
  if (!c) throw notFound('That connection');
  if (c.type !== 'DEDICATED') throw new AppError(ErrorCode.Conflict, 'Hosted connections have no LOA-CFA: the provider’s interconnect is already cross-connected.');
  let pdf: Uint8Array;
  try {
    pdf = await describeLoa(c);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw toAppError(error, { action: 'fetch the LOA-CFA', roleArn: c.awsAccount.roleArn });
  }
  const issuedAt = new Date();
  const wasExpired = Boolean(c.loaExpiresAt && c.loaExpiresAt < issuedAt);
  const expiresAt = await db().$transaction(async (tx) => {
    const expiry = await recordIssue(tx, c, issuedAt);
    await recordEvent(tx, {
      ...connectionSubject(c),
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'loa.downloaded',
      message: wasExpired
        ? `Downloaded a fresh LOA-CFA (the previous one expired on ${c.loaExpiresAt?.toISOString().slice(0, 10)}); valid until ${expiry.toISOString().slice(0, 10)}.`
        : `Downloaded the LOA-CFA; valid until ${expiry.toISOString().slice(0, 10)}.`,
    });
    return expiry;
  });
  const cover = await coverFacts(c.id, issuedAt, expiresAt);
  const safeName = c.name.replace(/[^\w.-]+/g, '-').slice(0, 60);
  return { pdf: await withCoverSheet(pdf, cover), filename: `LOA-CFA-${c.awsConnectionId}-${safeName}.pdf`, expiresAt };
}
