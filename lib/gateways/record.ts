import 'server-only';
import type { DirectConnectGateway as AwsDxGateway, DirectConnectGatewayAssociation as AwsAssociation } from '@aws-sdk/client-direct-connect';
import type { VpnGateway as AwsVpnGateway } from '@aws-sdk/client-ec2';
import { db } from '../db/client';
import type { AssociationState, DxGatewayState, VpnGatewayState } from '../db/generated/client';
import { env } from '../env';
import { awsActor, recordEvent, systemActor } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { currentAttachment } from './aws';

/**
 * The moments a create resolves: AWS answered with the new resource (or the sync found it by its
 * portal tag after the answer was lost), or AWS refused. Shared by the use cases and the sync;
 * each write is guarded on the row still waiting, so whichever comes first records it, once.
 */

export type How = 'created' | 'adopted';

/** How long a create may stay unconfirmed before the sync concludes AWS never made it. */
export const CREATE_GRACE_MINUTES = 10;
type Row = { id: string; orgId: string; awsAccountId: string; name: string };

const dxStates: readonly DxGatewayState[] = ['pending', 'available', 'deleting', 'deleted'];
const vgwStates: readonly VpnGatewayState[] = ['pending', 'available', 'deleting', 'deleted'];
const associationStates: readonly AssociationState[] = ['associating', 'associated', 'disassociating', 'disassociated', 'updating'];

export function dxState(value: string | undefined): DxGatewayState {
  return dxStates.find((s) => s === value) ?? 'pending';
}
export function vgwState(value: string | undefined): VpnGatewayState {
  return vgwStates.find((s) => s === value) ?? 'pending';
}
export function associationState(value: string | undefined): AssociationState {
  return associationStates.find((s) => s === value) ?? 'associating';
}

const adoptedNote = "AWS's answer never reached the portal, so it found the resource by its portal tag and adopted it instead of creating another";

export async function recordDxGatewayInAws(row: Row, aws: AwsDxGateway, how: How): Promise<boolean> {
  const awsId = aws.directConnectGatewayId;
  if (!awsId) throw new Error('AWS returned a Direct Connect gateway without an id');
  const state = dxState(aws.directConnectGatewayState);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const updated = await tx.directConnectGateway.updateMany({
      where: { id: row.id, orgId: row.orgId, portalStatus: 'CREATING', awsGatewayId: null },
      data: { awsGatewayId: awsId, awsState: state, awsStateChangedAt: now, portalStatus: 'ACTIVE', lastError: null, lastSyncedAt: now },
    });
    if (updated.count === 0) return false;
    await recordEvent(tx, {
      orgId: row.orgId,
      subjectType: 'DX_GATEWAY',
      subjectId: row.id,
      source: 'AWS',
      actor: awsActor,
      kind: how === 'created' ? 'dxGateway.created' : 'dxGateway.adopted',
      fromState: null,
      toState: state,
      message:
        how === 'created'
          ? `AWS created Direct Connect gateway ${awsId}; it is ${state}.`
          : `Found Direct Connect gateway ${awsId} (${state}) in AWS: ${adoptedNote}.`,
      data: { awsGatewayId: awsId, adopted: how === 'adopted' },
    });
    if (how === 'created') await enqueue(tx, 'syncAccount', { awsAccountId: row.awsAccountId, region: env().AWS_REGION }, { startAfterSeconds: 2 });
    return true;
  });
}

export async function recordVpnGatewayInAws(row: Row & { region: string }, aws: AwsVpnGateway, how: How): Promise<boolean> {
  const awsId = aws.VpnGatewayId;
  if (!awsId) throw new Error('EC2 returned a virtual private gateway without an id');
  const state = vgwState(aws.State);
  const attachment = currentAttachment(aws);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const updated = await tx.virtualPrivateGateway.updateMany({
      where: { id: row.id, orgId: row.orgId, portalStatus: 'CREATING', awsVpnGatewayId: null },
      data: {
        awsVpnGatewayId: awsId,
        awsState: state,
        awsStateChangedAt: now,
        portalStatus: 'ACTIVE',
        vpcId: attachment?.vpcId ?? null,
        attachmentState: attachment?.state ?? null,
        lastError: null,
        lastSyncedAt: now,
      },
    });
    if (updated.count === 0) return false;
    await recordEvent(tx, {
      orgId: row.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: row.id,
      source: 'AWS',
      actor: awsActor,
      kind: how === 'created' ? 'vpnGateway.created' : 'vpnGateway.adopted',
      fromState: null,
      toState: state,
      message:
        how === 'created'
          ? `EC2 created virtual private gateway ${awsId} in ${row.region}; it is ${state}.`
          : `Found virtual private gateway ${awsId} (${state}) in ${row.region}: ${adoptedNote}.`,
      data: { awsVpnGatewayId: awsId, adopted: how === 'adopted' },
    });
    if (how === 'created') await enqueue(tx, 'syncAccount', { awsAccountId: row.awsAccountId, region: row.region }, { startAfterSeconds: 2 });
    return true;
  });
}

export async function recordAssociationInAws(
  row: { id: string; orgId: string; awsAccountId: string; dxGatewayName: string; vpnGatewayName: string },
  aws: AwsAssociation,
  how: How,
): Promise<boolean> {
  const awsId = aws.associationId;
  if (!awsId) throw new Error('AWS returned an association without an id');
  const state = associationState(aws.associationState);
  const prefixes = (aws.allowedPrefixesToDirectConnectGateway ?? []).flatMap((p) => (p.cidr ? [p.cidr] : []));
  const now = new Date();
  return db().$transaction(async (tx) => {
    const updated = await tx.gatewayAssociation.updateMany({
      where: { id: row.id, orgId: row.orgId, portalStatus: 'CREATING', awsAssociationId: null },
      data: {
        awsAssociationId: awsId,
        awsState: state,
        awsStateChangedAt: now,
        portalStatus: 'ACTIVE',
        stateChangeError: aws.stateChangeError ?? null,
        ...(prefixes.length ? { allowedPrefixes: prefixes } : {}),
        lastError: null,
        lastSyncedAt: now,
      },
    });
    if (updated.count === 0) return false;
    await recordEvent(tx, {
      orgId: row.orgId,
      subjectType: 'GATEWAY_ASSOCIATION',
      subjectId: row.id,
      source: 'AWS',
      actor: awsActor,
      kind: how === 'created' ? 'association.created' : 'association.adopted',
      fromState: null,
      toState: state,
      message:
        how === 'created'
          ? `AWS is associating "${row.vpnGatewayName}" with Direct Connect gateway "${row.dxGatewayName}" (association ${awsId}, allowed prefixes ${prefixes.join(', ') || 'the VPC CIDR'}).`
          : `Found association ${awsId} (${state}) of "${row.vpnGatewayName}" with "${row.dxGatewayName}" in AWS: ${adoptedNote}.`,
      data: { awsAssociationId: awsId, adopted: how === 'adopted', allowedPrefixes: prefixes },
    });
    if (how === 'created') await enqueue(tx, 'syncAccount', { awsAccountId: row.awsAccountId, region: env().AWS_REGION }, { startAfterSeconds: 2 });
    return true;
  });
}

type FailedSubject = { kind: 'DX_GATEWAY' | 'VPN_GATEWAY' | 'GATEWAY_ASSOCIATION'; id: string; orgId: string };

const eventPrefix = { DX_GATEWAY: 'dxGateway', VPN_GATEWAY: 'vpnGateway', GATEWAY_ASSOCIATION: 'association' } as const;

/**
 * A create that will not happen: AWS refused it (`refused`), or the sync found nothing tagged for
 * it long after the request (`neverCreated`). Only a row still waiting for its AWS id moves.
 */
export async function markCreateFailed(subject: FailedSubject, reason: string, cause: 'refused' | 'neverCreated'): Promise<boolean> {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const where = { id: subject.id, orgId: subject.orgId, portalStatus: 'CREATING' as const };
    const data = { portalStatus: 'CREATE_FAILED' as const, lastError: reason };
    const updated =
      subject.kind === 'DX_GATEWAY'
        ? await tx.directConnectGateway.updateMany({ where: { ...where, awsGatewayId: null }, data })
        : subject.kind === 'VPN_GATEWAY'
          ? await tx.virtualPrivateGateway.updateMany({ where: { ...where, awsVpnGatewayId: null }, data })
          : await tx.gatewayAssociation.updateMany({ where: { ...where, awsAssociationId: null }, data: { ...data, lastSyncedAt: now } });
    if (updated.count === 0) return false;
    await recordEvent(tx, {
      orgId: subject.orgId,
      subjectType: subject.kind,
      subjectId: subject.id,
      source: cause === 'refused' ? 'AWS' : 'PORTAL',
      actor: cause === 'refused' ? awsActor : systemActor,
      kind: `${eventPrefix[subject.kind]}.createFailed`,
      fromState: 'CREATING',
      toState: 'CREATE_FAILED',
      message: reason,
    });
    return true;
  });
}

/** AWS did not answer a create: say so on the timeline; the sync adopts or fails the row later. */
export async function noteCreateUnconfirmed(subject: FailedSubject, summary: string): Promise<void> {
  const data = { lastError: summary };
  await db().$transaction(async (tx) => {
    if (subject.kind === 'DX_GATEWAY') await tx.directConnectGateway.updateMany({ where: { id: subject.id, orgId: subject.orgId }, data });
    else if (subject.kind === 'VPN_GATEWAY') await tx.virtualPrivateGateway.updateMany({ where: { id: subject.id, orgId: subject.orgId }, data });
    else await tx.gatewayAssociation.updateMany({ where: { id: subject.id, orgId: subject.orgId }, data });
    await recordEvent(tx, {
      orgId: subject.orgId,
      subjectType: subject.kind,
      subjectId: subject.id,
      source: 'PORTAL',
      actor: systemActor,
      kind: `${eventPrefix[subject.kind]}.createUnconfirmed`,
      message: `AWS did not answer (${summary}). The portal keeps checking: if AWS created it, it is adopted here; if nothing appears within ${CREATE_GRACE_MINUTES} minutes, the request is marked failed.`,
    });
  });
}
