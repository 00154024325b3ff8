import 'server-only';
import { DescribeDirectConnectGatewayAssociationsCommand, type DirectConnectGatewayAssociation as AwsAssociation } from '@aws-sdk/client-direct-connect';
import type { Logger } from 'pino';
import { collectPages } from '../aws/paginate';
import { db } from '../db/client';
import type { AssociationState, GatewayPortalStatus } from '../db/generated/client';
import { associationStateLabels } from '../domain/gateways';
import { awsActor, recordEvents } from '../events/record';
import { attempt, dxApi, type GatewayAccount } from './aws';
import { associationState, CREATE_GRACE_MINUTES, markCreateFailed, recordAssociationInAws } from './record';

/**
 * The association part of the Direct Connect gateway sync (lib/sync/gateways.ts): AWS lists
 * associations only per gateway, so this runs once per gateway with paginated calls, adopts
 * creates whose answer was lost by the (gateway, virtual private gateway) pair, records one event
 * per state change and records associations made outside the portal.
 */

export const trackedAssociationSelect = {
  id: true,
  orgId: true,
  createdAt: true,
  portalStatus: true,
  awsAssociationId: true,
  awsState: true,
  stateChangeError: true,
  allowedPrefixes: true,
  vpnGateway: { select: { id: true, name: true, awsVpnGatewayId: true } },
} as const;

export type TrackedAssociation = {
  id: string;
  orgId: string;
  createdAt: Date;
  portalStatus: GatewayPortalStatus;
  awsAssociationId: string | null;
  awsState: AssociationState | null;
  stateChangeError: string | null;
  allowedPrefixes: string[];
  vpnGateway: { id: string; name: string; awsVpnGatewayId: string | null };
};

export type DxWithAssociations = { id: string; orgId: string; name: string; awsGatewayId: string | null; associations: TrackedAssociation[] };

const neverCreated = `AWS has no association of these two gateways ${CREATE_GRACE_MINUTES} minutes after it was asked for, so it was never made. Nothing needs cleaning up; associate them again if you still need it.`;

function createExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > CREATE_GRACE_MINUTES * 60_000;
}

function prefixesOf(aws: AwsAssociation): string[] {
  return (aws.allowedPrefixesToDirectConnectGateway ?? []).flatMap((p) => (p.cidr ? [p.cidr] : []));
}

function vgwIdOf(aws: AwsAssociation): string | undefined {
  return aws.virtualGatewayId ?? aws.associatedGateway?.id;
}

function associationMessage(dx: DxWithAssociations, row: TrackedAssociation, to: AssociationState, aws: AwsAssociation | undefined): string {
  const pair = `"${row.vpnGateway.name}" ↔ "${dx.name}"`;
  if (!aws) return `AWS no longer lists the association ${pair}; it is removed.`;
  if (aws.stateChangeError) return `The association ${pair} is ${to}; AWS reports: ${aws.stateChangeError}`;
  if (to === 'associated') return `${pair} associated: the VPC's allowed prefixes (${prefixesOf(aws).join(', ')}) are advertised over the Direct Connect gateway.`;
  return `The association ${pair} is ${associationStateLabels[to].label.toLowerCase()}: ${associationStateLabels[to].help?.toLowerCase() ?? ''}.`;
}

async function applyAssociation(dx: DxWithAssociations, row: TrackedAssociation, aws: AwsAssociation | undefined): Promise<number> {
  const state: AssociationState = aws ? associationState(aws.associationState) : 'disassociated';
  const prefixes = aws ? prefixesOf(aws) : row.allowedPrefixes;
  const error = aws?.stateChangeError ?? null;
  const stateChanged = state !== row.awsState;
  const prefixesChanged = prefixes.length > 0 && prefixes.join(',') !== row.allowedPrefixes.join(',');
  if (!stateChanged && !prefixesChanged && error === row.stateChangeError) return 0;
  const now = new Date();
  return db().$transaction(async (tx) => {
    const updated = await tx.gatewayAssociation.updateMany({
      where: { id: row.id, orgId: row.orgId, awsState: row.awsState, portalStatus: row.portalStatus },
      data: {
        awsState: state,
        portalStatus: state === 'disassociated' ? 'DELETED' : row.portalStatus,
        stateChangeError: error,
        ...(prefixesChanged ? { allowedPrefixes: prefixes } : {}),
        ...(stateChanged ? { awsStateChangedAt: now } : {}),
        lastSyncedAt: now,
      },
    });
    if (updated.count === 0 || !stateChanged) return 0;
    await recordEvents(tx, [
      {
        orgId: row.orgId,
        subjectType: 'GATEWAY_ASSOCIATION',
        subjectId: row.id,
        source: 'AWS',
        actor: awsActor,
        kind: 'association.awsState',
        fromState: row.awsState,
        toState: state,
        message: associationMessage(dx, row, state, aws),
      },
    ]);
    return 1;
  });
}

/**
 * Associations made outside the portal between one of its Direct Connect gateways and one of the
 * organisation's virtual private gateways are recorded, so the one-gateway rule sees them.
 */
async function recordDiscovered(dx: DxWithAssociations, aws: AwsAssociation): Promise<number> {
  const awsVgwId = vgwIdOf(aws);
  if (!aws.associationId || !awsVgwId) return 0;
  const vgw = await db().virtualPrivateGateway.findFirst({ where: { orgId: dx.orgId, awsVpnGatewayId: awsVgwId }, select: { id: true, name: true } });
  if (!vgw) return 0;
  const state = associationState(aws.associationState);
  return db().$transaction(async (tx) => {
    const known = await tx.gatewayAssociation.findFirst({ where: { orgId: dx.orgId, awsAssociationId: aws.associationId }, select: { id: true } });
    if (known) return 0;
    const created = await tx.gatewayAssociation.create({
      data: { orgId: dx.orgId, dxGatewayId: dx.id, vpnGatewayId: vgw.id, allowedPrefixes: prefixesOf(aws), portalStatus: 'ACTIVE', awsAssociationId: aws.associationId, awsState: state, awsStateChangedAt: new Date(), lastSyncedAt: new Date() },
      select: { id: true },
    });
    await recordEvents(tx, [
      {
        orgId: dx.orgId,
        subjectType: 'GATEWAY_ASSOCIATION',
        subjectId: created.id,
        source: 'AWS',
        actor: awsActor,
        kind: 'association.discovered',
        toState: state,
        message: `Found association ${aws.associationId} of "${vgw.name}" with "${dx.name}" (${state}), made outside the portal.`,
      },
    ]);
    return 1;
  });
}

export async function syncAssociations(account: GatewayAccount, dx: DxWithAssociations, log: Logger): Promise<number> {
  const client = dxApi(account);
  const awsDxId = dx.awsGatewayId ?? '';
  // AWS lists associations only per gateway (or association): one call per page for each gateway.
  const listed = await attempt(() =>
    collectPages(async (nextToken) => {
      const page = await client.send(new DescribeDirectConnectGatewayAssociationsCommand({ directConnectGatewayId: awsDxId, maxResults: 100, nextToken }));
      return { items: page.directConnectGatewayAssociations, nextToken: page.nextToken };
    }),
  );
  if (!listed.ok) {
    // Deleted between listing the gateways and listing its associations: the next sync records it gone.
    if (!listed.retryable && /does not exist/.test(listed.summary)) return 0;
    throw listed.error;
  }
  const all = listed.value;
  const byId = new Map(all.flatMap((a) => (a.associationId ? [[a.associationId, a] as const] : [])));
  const now = new Date();
  let transitions = 0;
  const claimed = new Set(dx.associations.flatMap((a) => (a.awsAssociationId ? [a.awsAssociationId] : [])));
  for (const row of dx.associations) {
    if (!row.awsAssociationId) {
      const found = all.find((a) => vgwIdOf(a) === row.vpnGateway.awsVpnGatewayId && a.associationState !== 'disassociated' && a.associationId && !claimed.has(a.associationId));
      if (found?.associationId) {
        claimed.add(found.associationId);
        const adopted = await recordAssociationInAws({ id: row.id, orgId: row.orgId, awsAccountId: account.id, dxGatewayName: dx.name, vpnGatewayName: row.vpnGateway.name }, found, 'adopted');
        if (adopted) {
          transitions++;
          log.info({ associationId: row.id, awsAssociationId: found.associationId }, 'adopted an association whose create answer was lost');
        }
      } else if (createExpired(row.createdAt, now) && (await markCreateFailed({ kind: 'GATEWAY_ASSOCIATION', id: row.id, orgId: row.orgId }, neverCreated, 'neverCreated'))) {
        transitions++;
      }
      continue;
    }
    transitions += await applyAssociation(dx, row, byId.get(row.awsAssociationId));
  }
  for (const aws of all) {
    if (aws.associationId && !claimed.has(aws.associationId) && aws.associationState !== 'disassociated') transitions += await recordDiscovered(dx, aws);
  }
  return transitions;
}
