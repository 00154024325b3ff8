import 'server-only';
import type { z } from 'zod';
import type { Actor } from '../auth/permissions';
import { db, type Tx } from '../db/client';
import { staffCrossOrgScope } from '../db/scope';
import type { approveSchema, rejectSchema } from '../domain/connections/schema';
import { AppError, ErrorCode, conflict, notFound } from '../errors';
import { connectionSubject, eventActor, recordEvents } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { mergeVlanSets, usedVlansInAws, usedVlansInDb } from './queue';

type ApproveInput = z.output<typeof approveSchema>;
type RejectInput = z.output<typeof rejectSchema>;

async function submittedGroup(tx: Tx, actor: Actor, requestGroupId: string) {
  const rows = await tx.connection.findMany({
    where: { requestGroupId, ...staffCrossOrgScope(actor) },
    select: { id: true, orgId: true, name: true, type: true, portalStatus: true, locationId: true },
    orderBy: { groupIndex: 'asc' },
  });
  if (rows.length === 0) throw notFound('That request');
  if (rows.some((r) => r.portalStatus !== 'SUBMITTED')) throw conflict('This request has already been decided.');
  return rows;
}

/** Validates interconnect and VLAN choices for hosted connections; errors name the connection. */
async function checkHostedChoices(tx: Tx, rows: Awaited<ReturnType<typeof submittedGroup>>, input: ApproveInput, inAws: Map<string, Set<number>>) {
  const hosted = rows.filter((r) => r.type === 'HOSTED');
  const choices = new Map(input.hosted.map((h) => [h.connectionId, h]));
  if (hosted.length === 0) return choices;
  const interconnectIds = [...new Set(input.hosted.map((h) => h.interconnectId))];
  // Row locks serialise approvals on the same interconnects, so two NOC engineers cannot hand out one VLAN twice.
  if (interconnectIds.length > 0) await tx.$queryRawUnsafe(`SELECT id FROM "Interconnect" WHERE id = ANY($1::text[]) FOR UPDATE`, interconnectIds);
  const interconnects = new Map(
    (await tx.interconnect.findMany({ where: { id: { in: interconnectIds }, active: true }, select: { id: true, locationId: true, vlanMin: true, vlanMax: true, awsInterconnectId: true } })).map((i) => [i.id, i]),
  );
  const taken = mergeVlanSets(await usedVlansInDb(tx, interconnectIds), inAws);
  const inThisApproval = new Map<string, number>();
  for (const [index, row] of hosted.entries()) {
    const field = (name: string) => `hosted.${index}.${name}`;
    const choice = choices.get(row.id);
    if (!choice) throw new AppError(ErrorCode.Invalid, `Choose an interconnect and VLAN for ${row.name}.`, { field: field('vlan') });
    const ic = interconnects.get(choice.interconnectId);
    if (!ic || ic.locationId !== row.locationId) throw new AppError(ErrorCode.Invalid, `Choose one of our interconnects at ${row.name}'s location.`, { field: field('interconnectId') });
    if (choice.vlan < ic.vlanMin || choice.vlan > ic.vlanMax)
      throw new AppError(ErrorCode.Invalid, `VLANs on ${ic.awsInterconnectId} run from ${ic.vlanMin} to ${ic.vlanMax}.`, { field: field('vlan') });
    const key = `${ic.id}:${choice.vlan}`;
    if (taken.get(ic.id)?.has(choice.vlan) || inThisApproval.has(key))
      throw new AppError(ErrorCode.Conflict, `VLAN ${choice.vlan} is already in use on ${ic.awsInterconnectId}. Pick another.`, { field: field('vlan') });
    inThisApproval.set(key, choice.vlan);
  }
  return choices;
}

/**
 * Approves a request group: new status, interconnect and VLAN for hosted connections, and the
 * provisioning jobs are written in one transaction. Nothing is half-approved.
 */
export async function approveRequest(actor: Actor, input: ApproveInput): Promise<{ approved: number }> {
  // AWS is asked before the transaction: no AWS call while holding row locks.
  const inAws = await usedVlansInAws([...new Set(input.hosted.map((h) => h.interconnectId))]);
  return db().$transaction(
    async (tx) => {
      const rows = await submittedGroup(tx, actor, input.requestGroupId);
      const choices = await checkHostedChoices(tx, rows, input, inAws);
      const now = new Date();
      for (const row of rows) {
        const choice = row.type === 'HOSTED' ? choices.get(row.id) : undefined;
        const updated = await tx.connection.updateMany({
          where: { id: row.id, portalStatus: 'SUBMITTED' },
          data: { portalStatus: 'APPROVED', decidedById: actor.userId, decidedAt: now, interconnectId: choice?.interconnectId, vlan: choice?.vlan },
        });
        if (updated.count === 0) throw conflict('This request has already been decided.');
        await enqueue(tx, 'provisionConnection', { connectionId: row.id });
      }
      await recordEvents(
        tx,
        rows.map((row) => ({
          ...connectionSubject(row),
          source: 'PORTAL' as const,
          actor: eventActor(actor),
          kind: 'connection.approved',
          fromState: 'SUBMITTED',
          toState: 'APPROVED',
          message: row.type === 'HOSTED' ? `Approved: hosted connection on VLAN ${choices.get(row.id)?.vlan}.` : 'Approved: the port will be created in your AWS account.',
        })),
      );
      await tx.reminder.updateMany({ where: { dedupeKey: `request.submitted:${input.requestGroupId}`, resolvedAt: null }, data: { resolvedAt: now } });
      return { approved: rows.length };
    },
    { timeout: 30_000 },
  );
}

export async function rejectRequest(actor: Actor, input: RejectInput): Promise<{ rejected: number }> {
  return db().$transaction(async (tx) => {
    const rows = await submittedGroup(tx, actor, input.requestGroupId);
    const now = new Date();
    const updated = await tx.connection.updateMany({
      where: { requestGroupId: input.requestGroupId, portalStatus: 'SUBMITTED' },
      data: { portalStatus: 'REJECTED', decidedById: actor.userId, decidedAt: now, rejectionReason: input.reason },
    });
    if (updated.count !== rows.length) throw conflict('This request has already been decided.');
    await recordEvents(
      tx,
      rows.map((row) => ({
        ...connectionSubject(row),
        source: 'PORTAL' as const,
        actor: eventActor(actor),
        kind: 'connection.rejected',
        fromState: 'SUBMITTED',
        toState: 'REJECTED',
        message: `Rejected: ${input.reason}`,
      })),
    );
    await tx.reminder.updateMany({ where: { dedupeKey: `request.submitted:${input.requestGroupId}`, resolvedAt: null }, data: { resolvedAt: now } });
    const first = rows[0];
    if (first) {
      await tx.reminder.create({
        data: {
          orgId: first.orgId,
          audience: 'ORG',
          subjectType: 'CONNECTION',
          subjectId: first.id,
          kind: 'request.rejected',
          message: `Your request ${first.name} was rejected: ${input.reason}`,
          dedupeKey: `request.rejected:${input.requestGroupId}`,
        },
      });
    }
    return { rejected: rows.length };
  });
}

/** Puts a failed request back on the provisioning queue (the job adopts anything AWS already made). */
export async function retryProvisioning(actor: Actor, connectionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const c = await tx.connection.findFirst({ where: { id: connectionId, ...staffCrossOrgScope(actor) }, select: { id: true, orgId: true, portalStatus: true } });
    if (!c) throw notFound('That connection');
    if (c.portalStatus !== 'PROVISIONING_FAILED') throw conflict('Only requests whose provisioning failed can be retried.');
    await tx.connection.update({ where: { id: c.id }, data: { portalStatus: 'PROVISIONING' } });
    await recordEvents(tx, [
      {
        ...connectionSubject(c),
        source: 'PORTAL',
        actor: eventActor(actor),
        kind: 'connection.retry',
        fromState: 'PROVISIONING_FAILED',
        toState: 'PROVISIONING',
        message: 'NOC retried provisioning.',
      },
    ]);
    await tx.reminder.updateMany({ where: { subjectId: c.id, kind: 'provisioning.failed', resolvedAt: null }, data: { resolvedAt: new Date() } });
    await enqueue(tx, 'provisionConnection', { connectionId: c.id });
  });
}
