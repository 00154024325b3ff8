import 'server-only';
import { DescribeVirtualInterfacesCommand, type VirtualInterface as AwsVif } from '@aws-sdk/client-direct-connect';
import type { Logger } from 'pino';
import { directConnect } from '../aws/clients';
import { collectPages } from '../aws/paginate';
import { customerTarget, hasPortalTag } from '../connections/aws-target';
import { encryptSecret, vifKeyContext } from '../crypto/secrets';
import { db, type Tx } from '../db/client';
import type { VifState } from '../db/generated/client';
import { vifStateLabels } from '../domain/virtual-interfaces';
import { awsActor, recordEvents, systemActor, type EventInput } from '../events/record';
import { authKeyOf, peersOf, vifColumnsOf, type PeerRow } from '../virtual-interfaces/aws-shapes';

type Account = { id: string; orgId: string; accountId: string; roleArn: string; externalId: string };

/** A create whose answer never arrived is given this long to show up in AWS before it is called failed. */
const ADOPTION_WINDOW_MS = 15 * 60_000;

function tracked(account: Account, region: string) {
  return db().virtualInterface.findMany({
    where: {
      OR: [{ awsAccountId: account.id }, { connection: { awsAccountId: account.id } }],
      connection: { region },
      portalStatus: { in: ['CREATING', 'ACTIVE', 'DELETING'] },
    },
    select: {
      id: true,
      orgId: true,
      name: true,
      connectionId: true,
      awsAccountId: true,
      portalStatus: true,
      awsState: true,
      awsVirtualInterfaceId: true,
      createdAt: true,
      amazonSideAsn: true,
      authKeyCiphertext: true,
      bgpPeers: { select: { id: true, awsBgpPeerId: true, addressFamily: true, state: true, bgpStatus: true } },
    },
  });
}
type Row = Awaited<ReturnType<typeof tracked>>[number];

async function describeAll(account: Account, region: string): Promise<AwsVif[]> {
  const client = directConnect(customerTarget(account), region);
  return collectPages(async (nextToken) => {
    const page = await client.send(new DescribeVirtualInterfacesCommand({ maxResults: 100, nextToken }));
    return { items: page.virtualInterfaces, nextToken: page.nextToken };
  });
}

const base = (row: Row) => ({ orgId: row.orgId, subjectType: 'VIRTUAL_INTERFACE' as const, subjectId: row.id, source: 'AWS' as const, actor: awsActor });

function stateMessage(name: string, to: VifState): string {
  if (to === 'available') return `"${name}" is available: BGP is established and it forwards traffic.`;
  if (to === 'down') return `"${name}" is down: AWS sees no established BGP session.`;
  return `AWS reports "${name}" ${vifStateLabels[to].label.toLowerCase()}.`;
}

/** Upserts BGP peers and returns one event per peer whose session went up or down. */
async function syncPeers(tx: Tx, row: Row, peers: PeerRow[]): Promise<EventInput[]> {
  const events: EventInput[] = [];
  const known = new Map(row.bgpPeers.map((p) => [p.awsBgpPeerId, p]));
  for (const peer of peers) {
    const existing = peer.awsBgpPeerId ? known.get(peer.awsBgpPeerId) : undefined;
    if (!existing) {
      await tx.bgpPeer.create({ data: { ...peer, virtualInterfaceId: row.id } });
      continue;
    }
    if (existing.state === peer.state && existing.bgpStatus === peer.bgpStatus) continue;
    await tx.bgpPeer.update({ where: { id: existing.id }, data: { state: peer.state, bgpStatus: peer.bgpStatus, customerAddress: peer.customerAddress, amazonAddress: peer.amazonAddress } });
    if (existing.bgpStatus !== peer.bgpStatus && peer.bgpStatus !== 'unknown') {
      events.push({
        ...base(row),
        kind: 'vif.bgpStatus',
        fromState: existing.bgpStatus,
        toState: peer.bgpStatus,
        message: `${peer.addressFamily === 'ipv6' ? 'IPv6' : 'IPv4'} BGP session with Amazon (${peer.amazonAddress ?? 'AWS'}) is ${peer.bgpStatus === 'up' ? 'established' : 'down'}.`,
      });
    }
  }
  return events;
}

async function applyAws(row: Row, aws: AwsVif, adopted: boolean): Promise<boolean> {
  const columns = vifColumnsOf(aws);
  const key = authKeyOf(aws);
  return db().$transaction(async (tx) => {
    const updated = await tx.virtualInterface.updateMany({
      where: { id: row.id, awsState: row.awsState, portalStatus: row.portalStatus },
      data: {
        ...columns,
        ...(adopted || row.portalStatus === 'CREATING' ? { portalStatus: 'ACTIVE' as const } : {}),
        ...(columns.awsState === 'deleted' ? { portalStatus: 'DELETED' as const } : {}),
        ...(columns.awsState !== row.awsState ? { awsStateChangedAt: new Date() } : {}),
        ...(key && !row.authKeyCiphertext ? { authKeyCiphertext: encryptSecret(key, vifKeyContext(row.id)) } : {}),
        lastSyncedAt: new Date(),
      },
    });
    if (updated.count === 0) return false;
    const events = await syncPeers(tx, row, peersOf(aws));
    if (adopted) {
      events.unshift({
        ...base(row),
        connectionId: row.connectionId,
        kind: 'vif.adopted',
        toState: columns.awsState,
        message: `Found ${columns.awsVirtualInterfaceId} in AWS, created by an earlier request whose answer was lost; the portal now tracks it.`,
      });
    } else if (columns.awsState !== row.awsState) {
      events.unshift({ ...base(row), connectionId: row.connectionId, kind: 'vif.awsState', fromState: row.awsState, toState: columns.awsState, message: stateMessage(row.name, columns.awsState) });
    }
    await recordEvents(tx, events);
    return events.length > 0;
  });
}

/**
 * Brings the account's virtual interfaces in one region in line with AWS: one paginated
 * DescribeVirtualInterfaces, adoption of lost creates (by the portal tag), one event per real
 * change of the interface state or of a BGP session.
 */
export async function syncVirtualInterfaces(account: Account, region: string, log: Logger): Promise<number> {
  const rows = await tracked(account, region);
  if (rows.length === 0) return 0;
  const listed = await describeAll(account, region);
  const byId = new Map(listed.flatMap((v) => (v.virtualInterfaceId ? [[v.virtualInterfaceId, v] as const] : [])));
  let changes = 0;
  for (const row of rows) {
    if (!row.awsVirtualInterfaceId) {
      const found = listed.find((v) => hasPortalTag(v.tags, row.id));
      if (found) {
        if (await applyAws(row, found, true)) changes++;
      } else if (row.awsAccountId === account.id && Date.now() - row.createdAt.getTime() > ADOPTION_WINDOW_MS) {
        await db().$transaction(async (tx) => {
          const marked = await tx.virtualInterface.updateMany({ where: { id: row.id, portalStatus: 'CREATING', awsVirtualInterfaceId: null }, data: { portalStatus: 'CREATE_FAILED' } });
          if (marked.count) {
            await recordEvents(tx, [{ ...base(row), connectionId: row.connectionId, actor: systemActor, kind: 'vif.createFailed', message: `AWS never created "${row.name}"; request it again.` }]);
            changes++;
          }
        });
      }
      continue;
    }
    const aws = byId.get(row.awsVirtualInterfaceId);
    if (aws) {
      if (await applyAws(row, aws, false)) changes++;
      continue;
    }
    // Gone from the owner's own list: AWS finished deleting it (deleted VIFs stay listed for 15 minutes).
    if (row.awsAccountId !== account.id) continue;
    await db().$transaction(async (tx) => {
      const gone = await tx.virtualInterface.updateMany({ where: { id: row.id, awsState: row.awsState }, data: { awsState: 'deleted', portalStatus: 'DELETED', awsStateChangedAt: new Date() } });
      if (gone.count) {
        await recordEvents(tx, [{ ...base(row), connectionId: row.connectionId, kind: 'vif.awsState', fromState: row.awsState, toState: 'deleted', message: `AWS no longer lists "${row.name}"; it is deleted.` }]);
        changes++;
      }
    });
  }
  if (changes) log.info({ account: account.accountId, region, changes }, 'virtual interfaces synced');
  return changes;
}
