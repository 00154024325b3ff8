import 'server-only';
import { db } from '../db/client';
import type { SubjectType } from '../db/generated/client';
import { DAY, HOUR, awsReviewHours, hostedAcceptanceDays, nocDecisionHours } from '../domain/connections/lifecycle';
import { recordEvent, systemActor } from '../events/record';

type Reminder = {
  orgId: string | null;
  audience: 'ORG' | 'NOC';
  subjectType: SubjectType;
  subjectId: string;
  connectionId: string | null;
  kind: string;
  message: string;
  dueAt?: Date | null;
  dedupeKey: string;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Creates the notification (and a timeline event) once per dedupe key; returns whether it was new. */
async function remind(r: Reminder): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const created = await tx.reminder.createMany({
      data: [{ orgId: r.orgId, audience: r.audience, subjectType: r.subjectType, subjectId: r.subjectId, kind: r.kind, message: r.message, dueAt: r.dueAt ?? null, dedupeKey: r.dedupeKey }],
      skipDuplicates: true,
    });
    if (created.count === 0) return false;
    // NOC reminders are events too (without an organisation, so only staff see them): every
    // email is derived from an event.
    await recordEvent(tx, {
      orgId: r.orgId,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      connectionId: r.connectionId,
      source: 'PORTAL',
      actor: systemActor,
      kind: `reminder.${r.kind}`,
      message: `Reminder: ${r.message}`,
    });
    return true;
  });
}

/**
 * Worker job (hourly): LOA-CFAs expiring in 14 and 3 days, hosted connections not accepted in
 * time, and anything stuck longer than it should be. Each reminder is sent once.
 */
export async function runReminders(now = new Date()): Promise<number> {
  let sent = 0;
  const send = async (r: Reminder) => {
    if (await remind(r)) sent++;
  };

  for (const days of [14, 3]) {
    const expiring = await db().connection.findMany({
      where: {
        type: 'DEDICATED',
        portalStatus: { in: ['PROVISIONING', 'ACTIVE'] },
        awsState: { in: ['pending', 'requested'] },
        loaExpiresAt: { gt: now, lte: new Date(now.getTime() + days * DAY) },
        crossConnects: { none: { kind: 'INSTALL', status: 'COMPLETE' } },
      },
      select: { id: true, orgId: true, name: true, loaExpiresAt: true },
    });
    for (const c of expiring) {
      const expires = day(c.loaExpiresAt!);
      for (const audience of ['ORG', 'NOC'] as const) {
        await send({
          orgId: audience === 'ORG' ? c.orgId : null,
          audience,
          subjectType: 'CONNECTION',
          subjectId: c.id,
          connectionId: audience === 'ORG' ? c.id : null,
          kind: `loaExpiry${days}d`,
          message: `The LOA-CFA for ${c.name} expires on ${expires} and the cross-connect is not complete. Download a fresh LOA-CFA after it expires.`,
          dueAt: c.loaExpiresAt,
          dedupeKey: `loa-expiry-${days}d:${audience}:${c.id}:${expires}`,
        });
      }
    }
  }

  const unaccepted = await db().connection.findMany({
    where: { type: 'HOSTED', awsState: 'ordering', awsStateChangedAt: { lt: new Date(now.getTime() - hostedAcceptanceDays * DAY) } },
    select: { id: true, orgId: true, name: true },
  });
  for (const c of unaccepted) {
    await send({
      orgId: c.orgId,
      audience: 'ORG',
      subjectType: 'CONNECTION',
      subjectId: c.id,
      connectionId: c.id,
      kind: 'hostedAcceptanceOverdue',
      message: `${c.name} has waited more than ${hostedAcceptanceDays} days for acceptance. Accept it so you can create a virtual interface.`,
      dedupeKey: `hosted-acceptance:${c.id}`,
    });
  }

  const stuck = [
    { where: { portalStatus: 'SUBMITTED' as const, createdAt: { lt: new Date(now.getTime() - nocDecisionHours * HOUR) } }, kind: 'stuckSubmitted', text: `has waited more than ${nocDecisionHours} hours for a NOC decision` },
    { where: { portalStatus: { in: ['APPROVED' as const, 'PROVISIONING' as const] }, awsConnectionId: null, decidedAt: { lt: new Date(now.getTime() - HOUR) } }, kind: 'stuckProvisioning', text: 'was approved more than an hour ago but does not exist in AWS yet' },
    { where: { awsState: 'requested' as const, awsStateChangedAt: { lt: new Date(now.getTime() - awsReviewHours * HOUR) } }, kind: 'stuckAwsReview', text: `has been in AWS review for more than ${awsReviewHours} hours` },
    { where: { portalStatus: 'DECOMMISSIONING' as const, updatedAt: { lt: new Date(now.getTime() - HOUR) } }, kind: 'stuckDecommissioning', text: 'has been decommissioning for more than an hour' },
  ];
  for (const s of stuck) {
    const rows = await db().connection.findMany({ where: s.where, select: { id: true, name: true } });
    for (const c of rows) {
      await send({
        orgId: null,
        audience: 'NOC',
        subjectType: 'CONNECTION',
        subjectId: c.id,
        connectionId: null,
        kind: s.kind,
        message: `${c.name} ${s.text}.`,
        dedupeKey: `${s.kind}:${c.id}`,
      });
    }
  }
  return sent;
}
