import 'server-only';
import { DeleteConnectionCommand } from '@aws-sdk/client-direct-connect';
import { directConnect } from '../aws/clients';
import { awsErrorSummary, isRetryableAwsError } from '../aws/errors';
import { db } from '../db/client';
import type { AwsConnectionState } from '../db/generated/client';
import { awsActor, connectionSubject, recordEvent, systemActor } from '../events/record';
import { customerTarget, providerTarget } from './aws-target';
import type { Attempt } from './provision';

/**
 * Worker job: deletes the connection in AWS (the customer's role for their port, the provider's
 * credentials for a hosted connection it allocated), closes it, records when billing stopped and
 * opens the cease work order for a dedicated port's cross-connect.
 */
export async function runDecommission(connectionId: string, attempt: Attempt): Promise<void> {
  const c = await db().connection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      orgId: true,
      type: true,
      region: true,
      portalStatus: true,
      awsConnectionId: true,
      awsState: true,
      awsDevice: true,
      portUpAt: true,
      interconnect: { select: { region: true } },
      awsAccount: { select: { accountId: true, roleArn: true, externalId: true } },
    },
  });
  if (!c || c.portalStatus !== 'DECOMMISSIONING' || !c.awsConnectionId) return;
  let state: AwsConnectionState = 'deleted';
  try {
    const client = c.type === 'DEDICATED' ? directConnect(customerTarget(c.awsAccount), c.region) : directConnect(providerTarget, c.interconnect?.region ?? c.region);
    const response = await client.send(new DeleteConnectionCommand({ connectionId: c.awsConnectionId }));
    state = (response.connectionState ?? 'deleted') as AwsConnectionState;
  } catch (error) {
    const summary = awsErrorSummary(error);
    const gone = /could not find connection/i.test(summary);
    if (!gone) {
      if (isRetryableAwsError(error) && attempt.retryCount < attempt.retryLimit) throw error;
      const restored = c.portUpAt ? 'ACTIVE' : 'PROVISIONING';
      await db().$transaction(async (tx) => {
        await tx.connection.update({ where: { id: c.id }, data: { portalStatus: restored, lastError: summary, lastErrorAt: new Date() } });
        await recordEvent(tx, {
          ...connectionSubject(c),
          source: 'AWS',
          actor: systemActor,
          kind: 'connection.decommissionFailed',
          fromState: 'DECOMMISSIONING',
          toState: restored,
          message: `AWS did not delete the connection: ${summary}`,
        });
      });
      return;
    }
  }
  const now = new Date();
  await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: c.id, portalStatus: 'DECOMMISSIONING' },
      data: { portalStatus: 'CLOSED', awsState: state, awsStateChangedAt: now, deletedInAwsAt: now, billingStoppedAt: now },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      ...connectionSubject(c),
      source: 'AWS',
      actor: awsActor,
      kind: 'connection.deleted',
      fromState: c.awsState,
      toState: state,
      message: `AWS deleted ${c.awsConnectionId}; port-hour billing stopped at ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
    });
    if (c.type === 'DEDICATED') {
      const order = await tx.crossConnectOrder.create({ data: { connectionId: c.id, kind: 'CEASE', awsDevice: c.awsDevice }, select: { id: true } });
      await recordEvent(tx, {
        orgId: c.orgId,
        subjectType: 'CROSS_CONNECT',
        subjectId: order.id,
        connectionId: c.id,
        source: 'FACILITY',
        actor: systemActor,
        kind: 'crossConnect.ceaseOpened',
        toState: 'OPEN',
        message: 'Cease work order opened: our facility team removes the cross-connect.',
      });
    }
  });
}
