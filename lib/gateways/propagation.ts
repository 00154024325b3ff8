import 'server-only';
import { DescribeRouteTablesCommand, DisableVgwRoutePropagationCommand, EnableVgwRoutePropagationCommand } from '@aws-sdk/client-ec2';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { checkRoutePropagation, type RoutePropagation } from '../domain/gateways';
import { AppError, conflict, invalid } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { attempt, ec2Api, ec2Name, rejected, unanswered } from './aws';
import { attachmentOf } from './facts';
import { loadVpnGateway, requireInAws, requireVerified } from './load';

export type PropagationResult = { changed: string[]; unchanged: string[] };

/**
 * Enables or disables VGW route propagation on the chosen route tables of the attached VPC.
 * Tables already in the wanted state are left alone (no call, no event); each change is one
 * event. If EC2 fails part-way, what did change is recorded and the error says which.
 */
export async function setRoutePropagation(actor: Actor, input: RoutePropagation, enable: boolean): Promise<PropagationResult> {
  const gw = await loadVpnGateway(actor, input.vpnGatewayId);
  requireInAws(gw, gw.awsVpnGatewayId, 'Virtual private gateway');
  requireVerified(gw.awsAccount);
  const awsId = gw.awsVpnGatewayId;
  const client = ec2Api(gw.awsAccount, gw.region);

  const lookup = await attempt(() => client.send(new DescribeRouteTablesCommand({ RouteTableIds: input.routeTableIds })));
  if (!lookup.ok) {
    if (lookup.name === 'InvalidRouteTableID.NotFound') throw invalid(`${lookup.summary.replace(/^[^:]*: /, '')}. Choose route tables of ${gw.vpcId ?? 'the attached VPC'}.`, 'routeTableIds');
    if (lookup.retryable) throw unanswered(lookup, 'read the route tables', 'Nothing was changed; try again in a minute.');
    throw rejected(lookup, 'read the route tables', gw.awsAccount);
  }
  const tables = (lookup.value.RouteTables ?? []).flatMap((t) => (t.RouteTableId && t.VpcId ? [{ id: t.RouteTableId, vpcId: t.VpcId, name: ec2Name(t.Tags), propagating: (t.PropagatingVgws ?? []).some((p) => p.GatewayId === awsId) }] : []));
  const rule = checkRoutePropagation({ gateway: { id: awsId, name: gw.name, attachment: attachmentOf(gw) }, routeTables: tables });
  if (!rule.ok) throw conflict(rule.message, 'routeTableIds');

  const changed: string[] = [];
  const unchanged: string[] = [];
  let failure: AppError | null = null;
  for (const table of tables) {
    if (table.propagating === enable) {
      unchanged.push(table.id);
      continue;
    }
    const outcome = await attempt(() =>
      client.send(enable ? new EnableVgwRoutePropagationCommand({ GatewayId: awsId, RouteTableId: table.id }) : new DisableVgwRoutePropagationCommand({ GatewayId: awsId, RouteTableId: table.id })),
    );
    const action = `${enable ? 'enable' : 'disable'} route propagation on ${table.id}`;
    if (!outcome.ok) {
      failure = outcome.retryable ? unanswered(outcome, action, 'Check the route table below; try again for the ones not yet changed.') : rejected(outcome, action, gw.awsAccount);
      break;
    }
    changed.push(table.id);
    await recordChange(actor, gw, table, enable);
  }
  if (failure) {
    const done = changed.length ? ` It was ${enable ? 'enabled' : 'disabled'} on ${changed.join(', ')} before that.` : '';
    throw new AppError(failure.code, `${failure.message}${done}`, { cause: failure });
  }
  return { changed, unchanged };
}

async function recordChange(
  actor: Actor,
  gw: { id: string; orgId: string; awsVpnGatewayId: string | null },
  table: { id: string; vpcId: string; name: string | null },
  enable: boolean,
): Promise<void> {
  const label = table.name ? `${table.id} (${table.name})` : table.id;
  await db().$transaction(async (tx) => {
    // Read-modify-write under a row lock: two tables changed at once must both be kept.
    const [row] = await tx.$queryRaw<Array<{ propagatingRouteTableIds: string[] }>>`SELECT "propagatingRouteTableIds" FROM "VirtualPrivateGateway" WHERE id = ${gw.id} AND "orgId" = ${gw.orgId} FOR UPDATE`;
    const current = new Set(row?.propagatingRouteTableIds ?? []);
    if (enable) current.add(table.id);
    else current.delete(table.id);
    await tx.virtualPrivateGateway.updateMany({ where: { id: gw.id, ...orgScope(actor) }, data: { propagatingRouteTableIds: [...current].sort() } });
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: enable ? 'vpnGateway.propagationEnabled' : 'vpnGateway.propagationDisabled',
      fromState: enable ? 'not propagating' : 'propagating',
      toState: enable ? 'propagating' : 'not propagating',
      message: enable
        ? `Route propagation enabled on ${label}: routes learned over Direct Connect now appear in it.`
        : `Route propagation disabled on ${label}: routes learned over Direct Connect are withdrawn from it.`,
      data: { routeTableId: table.id, vpcId: table.vpcId },
    });
  });
}
