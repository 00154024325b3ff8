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

/** Submitted requests, oldest first, grouped as the customer submitted them. */
export async function nocQueue(actor: Actor) {
  const scope = requireNoc(actor);
  const rows = await db().connection.findMany({
    where: { ...scope, portalStatus: 'SUBMITTED' },
    orderBy: [{ createdAt: 'asc' }, { groupIndex: 'asc' }],
    take: 200,
    select: {
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
      location: { select: { id: true, code: true, name: true, interconnects: { where: { active: true }, select: { id: true, name: true, awsInterconnectId: true, vlanMin: true, vlanMax: true } } } },
    },
  });
  const interconnectIds = [...new Set(rows.flatMap((r) => (r.type === 'HOSTED' ? r.location.interconnects.map((i) => i.id) : [])))];
  const taken = mergeVlanSets(await usedVlansInDb(db(), interconnectIds), await usedVlansInAws(interconnectIds));
  const now = Date.now();
  const groups = new Map<string, { requestGroupId: string; createdAt: Date; ageHours: number; sla: ReturnType<typeof slaTone>; connections: Array<(typeof rows)[number] & { suggestion: { interconnectId: string; vlan: number | null } | null }> }>();
  const reserved = new Map<string, Set<number>>();
  for (const row of rows) {
    let suggestion: { interconnectId: string; vlan: number | null } | null = null;
    const ic = row.type === 'HOSTED' ? row.location.interconnects[0] : undefined;
    if (ic) {
      const used = new Set([...(taken.get(ic.id) ?? []), ...(reserved.get(ic.id) ?? [])]);
      const vlan = suggestFreeVlan(used, ic.vlanMin, ic.vlanMax);
      if (vlan !== null) reserved.set(ic.id, new Set([...(reserved.get(ic.id) ?? []), vlan]));
      suggestion = { interconnectId: ic.id, vlan };
    }
    const ageHours = (now - row.createdAt.getTime()) / 3_600_000;
    const group = groups.get(row.requestGroupId) ?? { requestGroupId: row.requestGroupId, createdAt: row.createdAt, ageHours, sla: slaTone(ageHours), connections: [] };
    group.connections.push({ ...row, suggestion });
    groups.set(row.requestGroupId, group);
  }
  return [...groups.values()];
}

export type NocQueueGroup = Awaited<ReturnType<typeof nocQueue>>[number];

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
