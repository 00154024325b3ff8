import 'server-only';
import { ConfirmConnectionCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { toAppError } from '../aws/errors';
import { db } from '../db/client';
import type { AwsConnectionState } from '../db/generated/client';
import { orgScope, readScope } from '../db/scope';
import { AppError, ErrorCode, conflict, notFound } from '../errors';
import { connectionSubject, eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { customerTarget } from './aws-target';

/** Accepts a hosted connection: ConfirmConnection through the customer's own role. */
export async function acceptHostedConnection(actor: Actor, connectionId: string): Promise<void> {
  const c = await db().connection.findFirst({
    where: { id: connectionId, ...orgScope(actor) },
    select: {
      id: true,
      orgId: true,
      type: true,
      region: true,
      awsConnectionId: true,
      awsState: true,
      awsAccountId: true,
      awsAccount: { select: { accountId: true, roleArn: true, externalId: true } },
    },
  });
  if (!c) throw notFound('That connection');
  if (c.type !== 'HOSTED' || !c.awsConnectionId) throw conflict('Only hosted connections allocated in AWS can be accepted.');
  if (c.awsState !== 'ordering') throw conflict('This connection has already been accepted.');
  let state: AwsConnectionState;
  try {
    const response = await directConnect(customerTarget(c.awsAccount), c.region).send(new ConfirmConnectionCommand({ connectionId: c.awsConnectionId }));
    state = (response.connectionState ?? 'pending') as AwsConnectionState;
  } catch (error) {
    throw toAppError(error, { action: 'accept the hosted connection', roleArn: c.awsAccount.roleArn });
  }
  await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: c.id, awsState: 'ordering' },
      data: { awsState: state, awsStateChangedAt: new Date(), acceptedAt: new Date() },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      ...connectionSubject(c),
      source: 'AWS',
      actor: eventActor(actor),
      kind: 'connection.accepted',
      fromState: 'ordering',
      toState: state,
      message: `Accepted the hosted connection ${c.awsConnectionId} in AWS account ${c.awsAccount.accountId}.`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: c.awsAccountId, region: c.region }, { startAfterSeconds: 1 });
  });
}

/**
 * Starts decommissioning: refused while virtual interfaces remain (AWS refuses too). The worker
 * deletes the connection in AWS, opens the cease work order and records when billing stopped.
 */
export async function decommissionConnection(actor: Actor, connectionId: string, confirmName: string): Promise<void> {
  const scope = orgScope(actor);
  const c = await db().connection.findFirst({
    where: { id: connectionId, ...scope },
    select: { id: true, name: true, portalStatus: true, awsConnectionId: true, _count: { select: { virtualInterfaces: { where: { portalStatus: { not: 'DELETED' } } } } } },
  });
  if (!c) throw notFound('That connection');
  if (confirmName.trim() !== c.name) throw new AppError(ErrorCode.Invalid, `Type the connection's name, ${c.name}, to confirm.`, { field: 'confirmName' });
  if (!['ACTIVE', 'PROVISIONING'].includes(c.portalStatus) || !c.awsConnectionId)
    throw conflict('Only connections that exist in AWS can be decommissioned. A request that is not provisioned yet can be withdrawn by asking the NOC.');
  if (c._count.virtualInterfaces > 0)
    throw conflict(`Delete this connection's ${c._count.virtualInterfaces} virtual interface${c._count.virtualInterfaces > 1 ? 's' : ''} first: AWS refuses to delete a connection that still has virtual interfaces.`);
  await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: c.id, ...scope, portalStatus: { in: ['ACTIVE', 'PROVISIONING'] } },
      data: { portalStatus: 'DECOMMISSIONING' },
    });
    if (updated.count === 0) throw conflict('The connection changed meanwhile; reload and try again.');
    await recordEvent(tx, {
      orgId: scope.orgId,
      subjectType: 'CONNECTION',
      subjectId: c.id,
      connectionId: c.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'connection.decommissionRequested',
      fromState: c.portalStatus,
      toState: 'DECOMMISSIONING',
      message: 'Decommissioning requested: the connection will be deleted in AWS and the cross-connect ceased.',
    });
    await enqueue(tx, 'decommissionConnection', { connectionId: c.id });
  });
}

/** "Refresh": asks the worker to sync this connection's account and region now. */
export async function refreshConnection(actor: Actor, connectionId: string): Promise<void> {
  const c = await db().connection.findFirst({ where: { id: connectionId, ...readScope(actor) }, select: { awsAccountId: true, region: true } });
  if (!c) throw notFound('That connection');
  await db().$transaction((tx) => enqueue(tx, 'syncAccount', { awsAccountId: c.awsAccountId, region: c.region }));
}
