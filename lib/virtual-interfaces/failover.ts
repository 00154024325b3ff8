import 'server-only';
import { ListVirtualInterfaceTestHistoryCommand, StartBgpFailoverTestCommand, StopBgpFailoverTestCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { toAppError } from '../aws/errors';
import { collectPages } from '../aws/paginate';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { checkCanStartFailoverTest, checkCanStopFailoverTest } from '../domain/virtual-interfaces';
import { conflict } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { ownVif, readableVif, vifTarget } from './load';

/**
 * BGP failover test: AWS takes the chosen BGP sessions down for the duration, so the customer can
 * prove traffic fails over to their other path. AWS keeps the history.
 */
export async function startFailoverTest(actor: Actor, input: { virtualInterfaceId: string; bgpPeerIds: string[]; durationMinutes: number }) {
  const vif = await ownVif(actor, input.virtualInterfaceId);
  const rule = checkCanStartFailoverTest({ awsState: vif.awsState, peers: vif.bgpPeers });
  if (!rule.ok) throw conflict(rule.message);
  const peers = vif.bgpPeers.filter((p) => input.bgpPeerIds.includes(p.id) && p.awsBgpPeerId);
  if (peers.length === 0) throw conflict('Choose at least one BGP peer of this interface.');
  const { target, region, roleArn } = vifTarget(vif);
  let testId: string | undefined;
  try {
    const response = await directConnect(target, region).send(
      new StartBgpFailoverTestCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId ?? '', bgpPeers: peers.map((p) => p.awsBgpPeerId ?? ''), testDurationInMinutes: input.durationMinutes }),
    );
    testId = response.virtualInterfaceTest?.testId;
  } catch (error) {
    throw toAppError(error, { action: 'start the BGP failover test', roleArn });
  }
  await db().$transaction(async (tx) => {
    await tx.virtualInterface.updateMany({ where: { id: vif.id, ...orgScope(actor) }, data: { awsState: 'testing', awsStateChangedAt: new Date() } });
    await recordEvent(tx, {
      orgId: vif.orgId,
      subjectType: 'VIRTUAL_INTERFACE',
      subjectId: vif.id,
      source: 'AWS',
      actor: eventActor(actor),
      kind: 'vif.failoverStarted',
      fromState: vif.awsState,
      toState: 'testing',
      message: `Started BGP failover test ${testId ?? ''} for ${input.durationMinutes} minutes on ${peers.map((p) => p.addressFamily).join(' and ')} BGP.`,
    });
  });
}

export async function stopFailoverTest(actor: Actor, id: string) {
  const vif = await ownVif(actor, id);
  const rule = checkCanStopFailoverTest(vif);
  if (!rule.ok) throw conflict(rule.message);
  const { target, region, roleArn } = vifTarget(vif);
  try {
    await directConnect(target, region).send(new StopBgpFailoverTestCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId ?? '' }));
  } catch (error) {
    throw toAppError(error, { action: 'stop the BGP failover test', roleArn });
  }
  await db().$transaction(async (tx) => {
    await recordEvent(tx, {
      orgId: vif.orgId,
      subjectType: 'VIRTUAL_INTERFACE',
      subjectId: vif.id,
      source: 'AWS',
      actor: eventActor(actor),
      kind: 'vif.failoverStopped',
      message: 'Stopped the BGP failover test; AWS restores the BGP sessions.',
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: vif.connection.awsAccount.id, region: vif.connection.region }, { startAfterSeconds: 1 });
  });
}

/** The interface's failover tests as AWS records them (newest first). */
export async function failoverHistory(actor: Actor, id: string) {
  const vif = await readableVif(actor, id);
  if (!vif.awsVirtualInterfaceId) return [];
  const { target, region } = vifTarget(vif);
  const client = directConnect(target, region);
  const tests = await collectPages(async (nextToken) => {
    const page = await client.send(new ListVirtualInterfaceTestHistoryCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId ?? undefined, maxResults: 100, nextToken }));
    return { items: page.virtualInterfaceTestHistory, nextToken: page.nextToken };
  });
  return tests
    .map((t) => ({ testId: t.testId ?? '', status: t.status ?? 'unknown', bgpPeers: t.bgpPeers ?? [], startTime: t.startTime ?? null, endTime: t.endTime ?? null, durationMinutes: t.testDurationInMinutes ?? null }))
    .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
}
