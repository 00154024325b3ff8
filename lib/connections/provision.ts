import 'server-only';
import {
  AllocateHostedConnectionCommand,
  CreateConnectionCommand,
  DescribeConnectionsCommand,
  DescribeHostedConnectionsCommand,
  type Connection as AwsConnection,
} from '@aws-sdk/client-direct-connect';
import type { Logger } from 'pino';
import { directConnect } from '../aws/clients';
import { awsErrorSummary, isRetryableAwsError } from '../aws/errors';
import { collectPages } from '../aws/paginate';
import { db } from '../db/client';
import type { AwsConnectionState } from '../db/generated/client';
import { bandwidthLabel } from '../domain/connections/bandwidth';
import { env } from '../env';
import { awsActor, connectionSubject, recordEvent, systemActor } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { customerTarget, hasPortalTag, portalTags, providerTarget } from './aws-target';

export type Attempt = { retryCount: number; retryLimit: number };

const provisionSelect = {
  id: true,
  orgId: true,
  name: true,
  type: true,
  bandwidth: true,
  region: true,
  vlan: true,
  portalStatus: true,
  awsConnectionId: true,
  provisionAttempts: true,
  awsAccountId: true,
  awsAccount: { select: { accountId: true, roleArn: true, externalId: true } },
  location: { select: { code: true } },
  interconnect: { select: { awsInterconnectId: true, region: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(connectionId: string) {
  return db().connection.findUnique({ where: { id: connectionId }, select: provisionSelect });
}

/** An AWS connection this portal record already created (tagged with its id), if any. */
async function findExisting(c: Row): Promise<AwsConnection | undefined> {
  if (c.type === 'DEDICATED') {
    const client = directConnect(customerTarget(c.awsAccount), c.region);
    const all = await collectPages(async (nextToken) => {
      const page = await client.send(new DescribeConnectionsCommand({ maxResults: 100, nextToken }));
      return { items: page.connections, nextToken: page.nextToken };
    });
    return all.find((x) => hasPortalTag(x.tags, c.id));
  }
  const interconnect = c.interconnect;
  if (!interconnect) throw new Error('Hosted connection has no interconnect');
  const client = directConnect(providerTarget, interconnect.region);
  const all = await collectPages(async (nextToken) => {
    const page = await client.send(new DescribeHostedConnectionsCommand({ connectionId: interconnect.awsInterconnectId, maxResults: 100, nextToken }));
    return { items: page.connections, nextToken: page.nextToken };
  });
  return all.find((x) => hasPortalTag(x.tags, c.id));
}

async function create(c: Row): Promise<AwsConnection> {
  const tags = portalTags(c.id, c.orgId);
  if (c.type === 'DEDICATED') {
    return directConnect(customerTarget(c.awsAccount), c.region).send(
      new CreateConnectionCommand({
        location: c.location.code,
        bandwidth: c.bandwidth,
        connectionName: c.name,
        providerName: env().DX_PROVIDER_NAME,
        tags,
      }),
    );
  }
  if (!c.interconnect || c.vlan === null) throw new Error('Hosted connection was approved without an interconnect and VLAN');
  return directConnect(providerTarget, c.interconnect.region).send(
    new AllocateHostedConnectionCommand({
      connectionId: c.interconnect.awsInterconnectId,
      ownerAccount: c.awsAccount.accountId,
      bandwidth: c.bandwidth,
      connectionName: c.name,
      vlan: c.vlan,
      tags,
    }),
  );
}

/**
 * Creates the connection in AWS exactly once. Intent is written before the call; a retry first
 * looks for an AWS connection tagged with this record's id and adopts it, so a crash between
 * AWS creating the connection and us storing its id never yields a second port.
 */
export async function provisionConnection(connectionId: string, attempt: Attempt, log: Logger): Promise<void> {
  const c = await load(connectionId);
  if (!c || c.awsConnectionId) return;
  if (c.portalStatus !== 'APPROVED' && c.portalStatus !== 'PROVISIONING') return;

  const started = await db().connection.updateMany({
    where: { id: c.id, portalStatus: { in: ['APPROVED', 'PROVISIONING'] }, awsConnectionId: null },
    data: { portalStatus: 'PROVISIONING', provisionAttempts: { increment: 1 }, provisionStartedAt: new Date() },
  });
  if (started.count === 0) return;
  if (c.portalStatus === 'APPROVED') {
    await recordEvent(db(), {
      ...connectionSubject(c),
      source: 'PORTAL',
      actor: systemActor,
      kind: 'connection.provisioning',
      fromState: 'APPROVED',
      toState: 'PROVISIONING',
      message: c.type === 'DEDICATED' ? `Creating the port in AWS account ${c.awsAccount.accountId}.` : `Allocating the hosted connection on ${c.interconnect?.awsInterconnectId} (VLAN ${c.vlan}).`,
    });
  }

  try {
    const existing = await findExisting(c);
    const aws = existing ?? (await create(c));
    if (!aws.connectionId) throw new Error('AWS returned no connection id');
    await recordCreated(c, aws, Boolean(existing));
    log.info({ connectionId: c.id, awsConnectionId: aws.connectionId, adopted: Boolean(existing) }, 'connection provisioned');
  } catch (error) {
    const summary = awsErrorSummary(error);
    const final = !isRetryableAwsError(error) || attempt.retryCount >= attempt.retryLimit;
    log.warn({ connectionId: c.id, error: summary, final, retryCount: attempt.retryCount }, 'provisioning attempt failed');
    if (!final) {
      await db().connection.update({ where: { id: c.id }, data: { lastError: summary, lastErrorAt: new Date() } });
      throw error;
    }
    await markFailed(c, summary);
  }
}

async function recordCreated(c: Row, aws: AwsConnection, adopted: boolean): Promise<void> {
  const state = (aws.connectionState ?? 'unknown') as AwsConnectionState;
  await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: c.id, awsConnectionId: null },
      data: {
        awsConnectionId: aws.connectionId,
        awsState: state,
        awsStateChangedAt: new Date(),
        awsDevice: aws.awsDeviceV2 ?? aws.awsDevice ?? null,
        jumboFrameCapable: aws.jumboFrameCapable ?? null,
        hasLogicalRedundancy: aws.hasLogicalRedundancy ?? null,
        lastError: null,
        lastErrorAt: null,
      },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      ...connectionSubject(c),
      source: 'AWS',
      actor: awsActor,
      kind: 'connection.created',
      toState: state,
      message: `${adopted ? 'Found' : 'AWS created'} ${aws.connectionId} (${bandwidthLabel(c.bandwidth)} at ${c.location.code})${adopted ? ' from an earlier attempt and adopted it' : ''}; AWS state ${state}.`,
      data: { awsConnectionId: aws.connectionId ?? null, adopted },
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: c.awsAccountId, region: c.region }, { startAfterSeconds: 2 });
  });
}

async function markFailed(c: Row, summary: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: c.id, portalStatus: 'PROVISIONING', awsConnectionId: null },
      data: { portalStatus: 'PROVISIONING_FAILED', lastError: summary, lastErrorAt: new Date() },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      ...connectionSubject(c),
      source: 'AWS',
      actor: systemActor,
      kind: 'connection.provisioningFailed',
      fromState: 'PROVISIONING',
      toState: 'PROVISIONING_FAILED',
      message: `Provisioning failed: ${summary}`,
    });
    await tx.reminder.upsert({
      where: { dedupeKey: `provisioning.failed:${c.id}:${c.provisionAttempts}` },
      update: {},
      create: {
        audience: 'NOC',
        subjectType: 'CONNECTION',
        subjectId: c.id,
        kind: 'provisioning.failed',
        message: `Provisioning ${c.name} failed: ${summary}`,
        dedupeKey: `provisioning.failed:${c.id}:${c.provisionAttempts}`,
      },
    });
  });
}
