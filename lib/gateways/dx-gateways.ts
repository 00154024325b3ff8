import 'server-only';
import { CreateDirectConnectGatewayCommand, DeleteDirectConnectGatewayCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { checkDxGatewayDeletable, checkDxGatewayQuota, type CreateDxGateway } from '../domain/gateways';
import { env } from '../env';
import { conflict } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { portalTags } from '../connections/aws-target';
import { attempt, dxApi, rejected, unanswered } from './aws';
import { trackedStatuses } from './facts';
import { loadDxGateway, requireInAws, requireVerified, usableAccount } from './load';
import { dxState, markCreateFailed, noteCreateUnconfirmed, recordDxGatewayInAws } from './record';

/**
 * Creates a Direct Connect gateway in one of the organisation's verified AWS accounts. Intent is
 * recorded first and the gateway is tagged with the portal id, so an answer lost on the way back
 * is adopted by the sync instead of becoming a second gateway.
 */
export async function createDxGateway(actor: Actor, input: CreateDxGateway): Promise<{ id: string }> {
  const scope = orgScope(actor);
  const account = await usableAccount(actor, input.awsAccountId);
  const [inFlight, existingCount] = await Promise.all([
    db().directConnectGateway.findFirst({ where: { ...scope, awsAccountId: account.id, name: input.name, portalStatus: 'CREATING' }, select: { id: true } }),
    db().directConnectGateway.count({ where: { ...scope, awsAccountId: account.id, portalStatus: { in: [...trackedStatuses] } } }),
  ]);
  if (inFlight) {
    throw conflict(`A Direct Connect gateway named "${input.name}" is already being created in this account and the portal is still confirming it with AWS. It appears in the list as soon as AWS has it; there is no need to ask again.`, 'name');
  }
  const quota = checkDxGatewayQuota({ existingCount });
  if (!quota.ok) throw conflict(quota.message, 'awsAccountId');

  const row = await db().$transaction(async (tx) => {
    const created = await tx.directConnectGateway.create({
      data: { ...scope, awsAccountId: account.id, createdById: actor.userId, name: input.name, amazonSideAsn: BigInt(input.amazonSideAsn), portalStatus: 'CREATING' },
      select: { id: true },
    });
    await recordEvent(tx, {
      orgId: scope.orgId,
      subjectType: 'DX_GATEWAY',
      subjectId: created.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'dxGateway.requested',
      toState: 'CREATING',
      message: `Asked AWS to create Direct Connect gateway "${input.name}" (Amazon-side ASN ${input.amazonSideAsn}) in AWS account ${account.accountId}.`,
    });
    return created;
  });

  const outcome = await attempt(() =>
    dxApi(account).send(
      new CreateDirectConnectGatewayCommand({ directConnectGatewayName: input.name, amazonSideAsn: input.amazonSideAsn, tags: portalTags(row.id, scope.orgId) }),
    ),
  );
  const subject = { kind: 'DX_GATEWAY' as const, id: row.id, orgId: scope.orgId };
  if (outcome.ok) {
    const gateway = outcome.value.directConnectGateway;
    if (gateway?.directConnectGatewayId) {
      await recordDxGatewayInAws({ id: row.id, orgId: scope.orgId, awsAccountId: account.id, name: input.name }, gateway, 'created');
    }
    return row;
  }
  if (outcome.retryable) {
    await noteCreateUnconfirmed(subject, outcome.summary);
    throw unanswered(outcome, 'create the Direct Connect gateway', 'Your request is recorded: the portal keeps checking with AWS and shows the gateway in the list if AWS created it. There is no need to ask again.');
  }
  await markCreateFailed(subject, `AWS refused to create the gateway: ${outcome.summary}`, 'refused');
  throw rejected(outcome, 'create the Direct Connect gateway', account);
}

/**
 * Deletes a Direct Connect gateway that nothing uses. Associations and attached virtual
 * interfaces are refused here, with what to remove first, before AWS would refuse.
 * A request AWS never created is simply closed.
 */
export async function deleteDxGateway(actor: Actor, id: string): Promise<void> {
  const gw = await loadDxGateway(actor, id);
  if (gw.portalStatus === 'CREATE_FAILED') return closeFailedRequest(actor, gw);
  requireInAws(gw, gw.awsGatewayId, 'Direct Connect gateway');
  requireVerified(gw.awsAccount);
  const rule = checkDxGatewayDeletable({
    id: gw.id,
    name: gw.name,
    state: gw.awsState,
    associationCount: gw.associations.length,
    attachedVifCount: gw.virtualInterfaces.length,
  });
  if (!rule.ok) throw conflict(rule.message);

  const awsGatewayId = gw.awsGatewayId;
  const outcome = await attempt(() => dxApi(gw.awsAccount).send(new DeleteDirectConnectGatewayCommand({ directConnectGatewayId: awsGatewayId })));
  if (!outcome.ok) {
    if (outcome.retryable) {
      await db().$transaction((tx) => enqueue(tx, 'syncAccount', { awsAccountId: gw.awsAccountId, region: env().AWS_REGION }));
      throw unanswered(outcome, 'delete the Direct Connect gateway', 'It may or may not be deleting: the portal keeps checking with AWS and this page shows the outcome.');
    }
    throw rejected(outcome, 'delete the Direct Connect gateway', gw.awsAccount);
  }
  const next = dxState(outcome.value.directConnectGateway?.directConnectGatewayState ?? 'deleting');
  await db().$transaction(async (tx) => {
    const updated = await tx.directConnectGateway.updateMany({
      where: { id: gw.id, ...orgScope(actor), portalStatus: 'ACTIVE' },
      data: { portalStatus: 'DELETING', awsState: next, awsStateChangedAt: new Date() },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'DX_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'dxGateway.deleteRequested',
      fromState: gw.awsState,
      toState: next,
      message: `Deleted Direct Connect gateway ${awsGatewayId} in AWS; AWS reports it ${next}.`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: gw.awsAccountId, region: env().AWS_REGION }, { startAfterSeconds: 2 });
  });
}

async function closeFailedRequest(actor: Actor, gw: { id: string; orgId: string; name: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.directConnectGateway.updateMany({ where: { id: gw.id, ...orgScope(actor), portalStatus: 'CREATE_FAILED' }, data: { portalStatus: 'DELETED' } });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'DX_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'dxGateway.requestClosed',
      fromState: 'CREATE_FAILED',
      toState: 'DELETED',
      message: `Closed the failed request for "${gw.name}"; nothing existed in AWS.`,
    });
  });
}
