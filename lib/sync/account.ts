import 'server-only';
import type { Logger } from 'pino';
import { db } from '../db/client';
import { env } from '../env';
import { trackedStatuses } from '../gateways/facts';
import { enqueue } from '../jobs/enqueue';
import { syncConnections } from './connections';
import { syncDxGateways, syncVpnGateways } from './gateways';
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
  await syncVpnGateways(account, region, log);
  // Direct Connect gateways are global: synced once per account, from the portal's own Region.
  if (region === env().AWS_REGION) await syncDxGateways(account, log);
}

/** Enqueues a sync for every (account, region) that has something the portal tracks in AWS. */
export async function scheduleAllSyncs(): Promise<number> {
  const [connections, vpnGateways, dxGateways] = await Promise.all([
    db().connection.findMany({
      where: { awsConnectionId: { not: null }, portalStatus: { notIn: ['CLOSED', 'REJECTED'] }, awsAccount: { status: 'VERIFIED' } },
      distinct: ['awsAccountId', 'region'],
      select: { awsAccountId: true, region: true },
    }),
    db().virtualPrivateGateway.findMany({
      where: { portalStatus: { in: [...trackedStatuses] }, awsAccount: { status: 'VERIFIED' } },
      distinct: ['awsAccountId', 'region'],
      select: { awsAccountId: true, region: true },
    }),
    db().directConnectGateway.findMany({
      where: { portalStatus: { in: [...trackedStatuses] }, awsAccount: { status: 'VERIFIED' } },
      distinct: ['awsAccountId'],
      select: { awsAccountId: true },
    }),
  ]);
  const byKey = new Map<string, { awsAccountId: string; region: string }>();
  for (const pair of [...connections, ...vpnGateways, ...dxGateways.map((g) => ({ awsAccountId: g.awsAccountId, region: env().AWS_REGION }))]) {
    byKey.set(`${pair.awsAccountId}:${pair.region}`, pair);
  }
  const pairs = [...byKey.values()];
  await db().$transaction(async (tx) => {
    for (const pair of pairs) await enqueue(tx, 'syncAccount', { awsAccountId: pair.awsAccountId, region: pair.region });
  });
  return pairs.length;
}
