import 'server-only';
import { DescribeHostedConnectionsCommand } from '@aws-sdk/client-direct-connect';
import { forbidden } from '../errors';
import { can, type Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { collectPages } from '../aws/paginate';
import { db, type Tx } from '../db/client';
import { staffCrossOrgScope } from '../db/scope';
import { slaTone, suggestFreeVlan } from '../domain/connections/vlan';
import { providerTarget } from '../connections/aws-target';
import { logger } from '../log';

function requireNoc(actor: Actor) {
  if (!can(actor, 'noc.queue')) throw forbidden();
  return staffCrossOrgScope(actor);
}

/** VLANs held by portal records still in play on each interconnect. */
export async function usedVlansInDb(tx: Tx, interconnectIds: string[]): Promise<Map<string, Set<number>>> {
  const result = new Map<string, Set<number>>(interconnectIds.map((id) => [id, new Set<number>()]));
  if (interconnectIds.length === 0) return result;
  const rows = await tx.connection.findMany({
    where: { interconnectId: { in: interconnectIds }, vlan: { not: null }, portalStatus: { notIn: ['REJECTED', 'CLOSED'] } },
    select: { interconnectId: true, vlan: true },
  });
  for (const row of rows) if (row.interconnectId && row.vlan !== null) result.get(row.interconnectId)?.add(row.vlan);
  return result;
}

/** VLANs AWS lists on each interconnect (hosted connections made outside the portal too). */
export async function usedVlansInAws(interconnectIds: string[]): Promise<Map<string, Set<number>>> {
  const result = new Map<string, Set<number>>(interconnectIds.map((id) => [id, new Set<number>()]));
  if (interconnectIds.length === 0) return result;
  const interconnects = await db().interconnect.findMany({ where: { id: { in: interconnectIds } }, select: { id: true, awsInterconnectId: true, region: true } });
  await Promise.all(
    interconnects.map(async (ic) => {
      try {
        const client = directConnect(providerTarget, ic.region);
        const hosted = await collectPages(async (nextToken) => {
          const page = await client.send(new DescribeHostedConnectionsCommand({ connectionId: ic.awsInterconnectId, maxResults: 100, nextToken }));
          return { items: page.connections, nextToken: page.nextToken };
        });
        for (const h of hosted) if (h.vlan && !['deleted', 'rejected'].includes(h.connectionState ?? '')) result.get(ic.id)?.add(h.vlan);
      } catch (error) {
        // The database view still prevents clashes between portal requests; AWS refuses any other clash on allocation.
        logger().warn({ interconnect: ic.awsInterconnectId, err: error }, 'could not list hosted connections for VLAN suggestions');
      }
    }),
  );
  return result;
}

export function mergeVlanSets(...maps: Array<Map<string, Set<number>>>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const map of maps) for (const [id, set] of map) out.set(id, new Set([...(out.get(id) ?? []), ...set]));
  return out;
}

const queueSelect = {
  id: true,
  requestGroupId: true,
  name: true,
  type: true,
  bandwidth: true,
  region: true,
  resiliency: true,
  notes: true,
  createdAt: true,
  org: { select: { name: true } },
  requestedBy: { select: { name: true } },
  awsAccount: { select: { accountId: true } },
  location: { select: { code: true } },
} as const;

export const nocQueuePageSize = 25;

/**
 * Submitted requests, oldest first, grouped as the customer submitted them, a page of groups at a
 * time: three queries whatever the queue's length, and no AWS call (VLAN suggestions are worked
 * out when the NOC opens the approval dialog, see approvalChoices).
 */
export async function nocQueue(actor: Actor, options: { page?: number; now?: Date } = {}) {
  const scope = requireNoc(actor);
  const page = Math.max(1, options.page ?? 1);
  const where = { ...scope, portalStatus: 'SUBMITTED' as const };
  const [heads, waiting] = await Promise.all([
    db().connection.groupBy({
      by: ['requestGroupId'],
      where,
      _min: { createdAt: true },
      orderBy: [{ _min: { createdAt: 'asc' } }, { requestGroupId: 'asc' }],
      skip: (page - 1) * nocQueuePageSize,
      take: nocQueuePageSize + 1,
    }),
    db().connection.count({ where }),
  ]);
  const ids = heads.slice(0, nocQueuePageSize).map((h) => h.requestGroupId);
  const rows = ids.length
    ? await db().connection.findMany({ where: { ...where, requestGroupId: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { groupIndex: 'asc' }], select: queueSelect })
    : [];
  const now = (options.now ?? new Date()).getTime();
  const groups = new Map<string, { requestGroupId: string; createdAt: Date; ageHours: number; sla: ReturnType<typeof slaTone>; connections: typeof rows }>();
  for (const id of ids) {
    const members = rows.filter((r) => r.requestGroupId === id);
    const first = members[0];
    if (!first) continue;
    const ageHours = (now - first.createdAt.getTime()) / 3_600_000;
    groups.set(id, { requestGroupId: id, createdAt: first.createdAt, ageHours, sla: slaTone(ageHours), connections: members });
  }
  return { groups: [...groups.values()], page, hasMore: heads.length > nocQueuePageSize, waiting };
}

export type HostedApprovalChoice = {
  connectionId: string;
  name: string;
  interconnects: Array<{ id: string; label: string; vlanMin: number; vlanMax: number }>;
  suggestion: { interconnectId: string; vlan: number | null } | null;
};

/**
 * For the approval dialog of one request: each hosted connection's interconnects at its location
 * and the lowest VLAN free on the first of them, counting the portal's own records and what AWS
 * lists on the interconnect (hosted connections made outside the portal too). Connections of one
 * request get different VLANs.
 */
export async function approvalChoices(actor: Actor, requestGroupId: string): Promise<HostedApprovalChoice[]> {
  const scope = requireNoc(actor);
  const rows = await db().connection.findMany({
    where: { ...scope, requestGroupId, portalStatus: 'SUBMITTED', type: 'HOSTED' },
    orderBy: { groupIndex: 'asc' },
    select: {
      id: true,
      name: true,
      location: { select: { code: true, interconnects: { where: { active: true }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, awsInterconnectId: true, vlanMin: true, vlanMax: true } } } },
    },
  });
  const interconnectIds = [...new Set(rows.flatMap((r) => r.location.interconnects.map((i) => i.id)))];
  const [inDb, inAws] = await Promise.all([usedVlansInDb(db(), interconnectIds), usedVlansInAws(interconnectIds)]);
  const taken = mergeVlanSets(inDb, inAws);
  const reserved = new Map<string, Set<number>>();
  return rows.map((row) => {
    let suggestion: HostedApprovalChoice['suggestion'] = null;
    const ic = row.location.interconnects[0];
    if (ic) {
      const used = new Set([...(taken.get(ic.id) ?? []), ...(reserved.get(ic.id) ?? [])]);
      const vlan = suggestFreeVlan(used, ic.vlanMin, ic.vlanMax);
      if (vlan !== null) reserved.set(ic.id, new Set([...(reserved.get(ic.id) ?? []), vlan]));
      suggestion = { interconnectId: ic.id, vlan };
    }
    return {
      connectionId: row.id,
      name: `${row.name} · ${row.location.code}`,
      interconnects: row.location.interconnects.map((i) => ({ id: i.id, label: `${i.awsInterconnectId} (${i.name})`, vlanMin: i.vlanMin, vlanMax: i.vlanMax })),
      suggestion,
    };
  });
}

export type NocQueueGroup = Awaited<ReturnType<typeof nocQueue>>['groups'][number];

/** Requests whose provisioning failed: NOC sees the AWS error and can retry. */
export async function failedProvisioning(actor: Actor) {
  const scope = requireNoc(actor);
  return db().connection.findMany({
    where: { ...scope, portalStatus: 'PROVISIONING_FAILED' },
    orderBy: { lastErrorAt: 'desc' },
    take: 100,
    select: { id: true, name: true, type: true, lastError: true, lastErrorAt: true, provisionAttempts: true, org: { select: { name: true } }, location: { select: { code: true } } },
  });
}
