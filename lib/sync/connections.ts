import 'server-only';
import { DescribeConnectionsCommand, type Connection as AwsConnection } from '@aws-sdk/client-direct-connect';
import { directConnect } from '../aws/clients';
import { collectPages } from '../aws/paginate';
import type { Tx } from '../db/client';
import { db } from '../db/client';
import type { AwsConnectionState, PortalStatus } from '../db/generated/client';
import { awsConnectionStateLabels } from '../domain/connections/labels';
import { goneAwsStates, portalStatusForAwsState } from '../domain/connections/lifecycle';
import { awsActor, connectionSubject, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { customerTarget } from '../connections/aws-target';

type Account = { id: string; orgId: string; accountId: string; roleArn: string; externalId: string };

const trackedSelect = {
  id: true,
  orgId: true,
  type: true,
  name: true,
  awsConnectionId: true,
  awsState: true,
  portalStatus: true,
  portUpAt: true,
  acceptedAt: true,
  loaIssuedAt: true,
  awsAccountId: true,
  region: true,
} as const;

type Tracked = Awaited<ReturnType<typeof tracked>>[number];

function tracked(account: Account, region: string) {
  return db().connection.findMany({
    where: { awsAccountId: account.id, region, awsConnectionId: { not: null }, portalStatus: { notIn: ['CLOSED', 'REJECTED'] } },
    select: trackedSelect,
  });
}

/** All connections AWS lists for the account in the region: one call per page of 100. */
export async function describeAccountConnections(account: Account, region: string): Promise<Map<string, AwsConnection>> {
  const client = directConnect(customerTarget(account), region);
  const all = await collectPages(async (nextToken) => {
    const page = await client.send(new DescribeConnectionsCommand({ maxResults: 100, nextToken }));
    return { items: page.connections, nextToken: page.nextToken };
  });
  return new Map(all.flatMap((c) => (c.connectionId ? [[c.connectionId, c] as const] : [])));
}

function transitionMessage(row: Tracked, from: AwsConnectionState | null, to: AwsConnectionState, aws: AwsConnection | undefined): string {
  const label = awsConnectionStateLabels[to].label.toLowerCase();
  if (!aws) return `AWS no longer lists ${row.awsConnectionId}; treating it as deleted.`;
  // The portal's own Accept moves the state past `ordering` itself, so seeing it here means the
  // customer accepted elsewhere (AWS console, CLI).
  if (row.type === 'HOSTED' && from === 'ordering' && !goneAwsStates.includes(to)) {
    return `The hosted connection was accepted outside the portal (AWS console or CLI); AWS reports it ${label}.`;
  }
  switch (to) {
    case 'pending':
      return row.type === 'HOSTED'
        ? 'AWS is bringing the hosted connection up.'
        : 'AWS approved the port and is issuing the LOA-CFA.';
    case 'available':
      return row.portUpAt ? 'The link is back up.' : 'The link is up: the connection is available.';
    case 'down':
      return 'AWS reports the link down.';
    default:
      return `AWS reports the connection ${label}.`;
  }
}

/** Records one AWS transition, unless another sync already did (the `awsState` guard). */
async function applyTransition(row: Tracked, next: AwsConnectionState, aws: AwsConnection | undefined): Promise<boolean> {
  const now = new Date();
  const portalStatus: PortalStatus = portalStatusForAwsState(row.portalStatus, next);
  return db().$transaction(async (tx: Tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: row.id, awsState: row.awsState },
      data: {
        awsState: next,
        awsStateChangedAt: now,
        portalStatus,
        lastSyncedAt: now,
        ...(next === 'available' && !row.portUpAt ? { portUpAt: now } : {}),
        ...(row.type === 'HOSTED' && row.awsState === 'ordering' && next !== 'ordering' && !row.acceptedAt && !goneAwsStates.includes(next) ? { acceptedAt: now } : {}),
        ...(goneAwsStates.includes(next) ? { deletedInAwsAt: now, billingStoppedAt: now } : {}),
        ...(aws ? { awsDevice: aws.awsDeviceV2 ?? aws.awsDevice ?? undefined, jumboFrameCapable: aws.jumboFrameCapable, hasLogicalRedundancy: aws.hasLogicalRedundancy } : {}),
      },
    });
    if (updated.count === 0) return false;
    await recordEvent(tx, {
      ...connectionSubject(row),
      source: 'AWS',
      actor: awsActor,
      kind: 'connection.awsState',
      fromState: row.awsState,
      toState: next,
      message: transitionMessage(row, row.awsState, next, aws),
    });
    if (portalStatus !== row.portalStatus) {
      await recordEvent(tx, {
        ...connectionSubject(row),
        source: 'PORTAL',
        actor: awsActor,
        kind: 'connection.portalStatus',
        fromState: row.portalStatus,
        toState: portalStatus,
        message: portalStatus === 'CLOSED' ? 'The connection is closed; billing has stopped.' : 'The connection is in service.',
      });
    }
    if (row.type === 'DEDICATED' && next === 'pending' && !row.loaIssuedAt) await enqueue(tx, 'fetchLoa', { connectionId: row.id });
    return true;
  });
}

/**
 * Brings the database in line with what AWS reports for one account in one region: one
 * DescribeConnections call per page, one event per real transition, nothing when nothing changed.
 */
export async function syncConnections(account: Account, region: string): Promise<{ transitions: number }> {
  const rows = await tracked(account, region);
  if (rows.length === 0) return { transitions: 0 };
  const aws = await describeAccountConnections(account, region);
  let transitions = 0;
  for (const row of rows) {
    const current = aws.get(row.awsConnectionId ?? '');
    const next = (current?.connectionState as AwsConnectionState | undefined) ?? 'deleted';
    if (next !== row.awsState && (await applyTransition(row, next, current))) transitions++;
  }
  await db().connection.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { lastSyncedAt: new Date() } });
  return { transitions };
}
