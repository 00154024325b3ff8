import 'server-only';
import type { Logger } from 'pino';
import { db } from '../db/client';
import { enqueue } from '../jobs/enqueue';
import { syncConnections } from './connections';
import { syncVirtualInterfaces } from './virtual-interfaces';

/** The sync job for one (AWS account, region): connections, then what runs over them. */
export async function syncAccount(awsAccountId: string, region: string, log: Logger): Promise<void> {
  const account = await db().awsAccount.findUnique({
    where: { id: awsAccountId },
    select: { id: true, orgId: true, accountId: true, roleArn: true, externalId: true, status: true },
  });
  if (!account || account.status !== 'VERIFIED') return;
  const { transitions } = await syncConnections(account, region);
  if (transitions > 0) log.info({ awsAccountId, region, transitions }, 'sync recorded transitions');
  await syncVirtualInterfaces(account, region, log);
}

/** Enqueues a sync for every (account, region) that has something the portal tracks in AWS. */
export async function scheduleAllSyncs(): Promise<number> {
  const pairs = await db().connection.findMany({
    where: { awsConnectionId: { not: null }, portalStatus: { notIn: ['CLOSED', 'REJECTED'] }, awsAccount: { status: 'VERIFIED' } },
    distinct: ['awsAccountId', 'region'],
    select: { awsAccountId: true, region: true },
  });
  await db().$transaction(async (tx) => {
    for (const pair of pairs) await enqueue(tx, 'syncAccount', { awsAccountId: pair.awsAccountId, region: pair.region });
  });
  return pairs.length;
}
