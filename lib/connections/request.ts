import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { bandwidthLabel } from '../domain/connections/bandwidth';
import { resiliencyHelp, type RequestConnection } from '../domain/connections/schema';
import { invalid } from '../errors';
import { eventActor, recordEvents, type EventInput } from '../events/record';

/**
 * Records a customer's request: one connection per port the resiliency level needs, all in one
 * request group that the NOC approves or rejects together. Nothing touches AWS yet.
 */
export async function requestConnection(actor: Actor, input: RequestConnection): Promise<{ requestGroupId: string; connectionIds: string[] }> {
  const scope = orgScope(actor);
  const account = await db().awsAccount.findFirst({ where: { id: input.awsAccountId, ...scope }, select: { id: true, status: true, accountId: true } });
  if (!account) throw invalid('Choose one of your organisation’s AWS accounts.', 'awsAccountId');
  if (account.status !== 'VERIFIED') throw invalid('This AWS account is not verified yet. Verify it on the AWS accounts page first.', 'awsAccountId');

  const locationIds = input.resiliency === 'MAXIMUM' && input.secondLocationId ? [input.locationId, input.secondLocationId] : [input.locationId];
  const locations = await db().location.findMany({
    where: { id: { in: locationIds }, active: true },
    select: { id: true, code: true, region: true, interconnects: { where: { active: true }, select: { id: true } } },
  });
  const byId = new Map(locations.map((l) => [l.id, l]));
  const first = byId.get(input.locationId);
  if (!first) throw invalid('Choose one of the locations listed.', 'locationId');
  if (first.region !== input.region) throw invalid(`${first.code} is in ${first.region}, not ${input.region}.`, 'locationId');
  const second = input.secondLocationId ? byId.get(input.secondLocationId) : undefined;
  if (input.resiliency === 'MAXIMUM') {
    if (!second) throw invalid('Choose one of the locations listed.', 'secondLocationId');
    if (second.region !== input.region) throw invalid(`${second.code} is in ${second.region}; both locations must be in ${input.region}.`, 'secondLocationId');
  }

  const perLocation = input.resiliency === 'DEVELOPMENT' ? 1 : 2;
  if (input.type === 'HOSTED') {
    for (const [field, location] of [['locationId', first], ['secondLocationId', second]] as const) {
      if (!location) continue;
      if (location.interconnects.length === 0)
        throw invalid(`We have no interconnect at ${location.code} for hosted connections. Choose another location or a dedicated port.`, field);
      if (location.interconnects.length < perLocation)
        throw invalid(
          `${resiliencyHelp[input.resiliency].label} needs ${perLocation} of our interconnects at ${location.code} on different AWS devices; we have ${location.interconnects.length}. Choose development resiliency or a dedicated port.`,
          'resiliency',
        );
    }
  }

  const plan = locationIds.flatMap((locationId) => Array.from({ length: perLocation }, () => locationId));
  const requestGroupId = randomUUID();
  const connectionIds = await db().$transaction(async (tx) => {
    const ids: string[] = [];
    const events: EventInput[] = [];
    for (const [index, locationId] of plan.entries()) {
      const suffix = plan.length > 1 ? `-${index + 1}` : '';
      const connection = await tx.connection.create({
        data: {
          ...scope,
          awsAccountId: account.id,
          requestedById: actor.userId,
          requestGroupId,
          resiliency: input.resiliency,
          groupIndex: index + 1,
          name: `${input.name}${suffix}`,
          type: input.type,
          bandwidth: input.bandwidth,
          locationId,
          region: input.region,
          notes: input.notes || null,
        },
        select: { id: true },
      });
      ids.push(connection.id);
      events.push({
        orgId: scope.orgId,
        subjectType: 'CONNECTION',
        subjectId: connection.id,
        connectionId: connection.id,
        source: 'PORTAL',
        actor: eventActor(actor),
        kind: 'connection.requested',
        toState: 'SUBMITTED',
        message: `Requested a ${bandwidthLabel(input.bandwidth)} ${input.type === 'DEDICATED' ? 'dedicated port' : 'hosted connection'} at ${byId.get(locationId)?.code} for AWS account ${account.accountId}${plan.length > 1 ? ` (${index + 1} of ${plan.length}, ${resiliencyHelp[input.resiliency].label.toLowerCase()})` : ''}.`,
      });
    }
    await recordEvents(tx, events);
    await tx.reminder.create({
      data: {
        audience: 'NOC',
        subjectType: 'CONNECTION',
        subjectId: ids[0]!,
        kind: 'request.submitted',
        message: `${actor.kind === 'customer' ? actor.orgName : 'A customer'} requested ${plan.length} connection${plan.length > 1 ? 's' : ''}: ${input.name}.`,
        dedupeKey: `request.submitted:${requestGroupId}`,
      },
    });
    return ids;
  });
  return { requestGroupId, connectionIds };
}
