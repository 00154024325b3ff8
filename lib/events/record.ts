import 'server-only';
import type { Tx } from '../db/client';
import type { ActorType, EventSource, Prisma, SubjectType } from '../db/generated/client';
import type { Actor } from '../auth/permissions';
import { isOutboxKind } from '../domain/notifications/catalog';
import { enqueue } from '../jobs/enqueue';

export type EventActor = { type: ActorType; userId?: string; label: string };

export type EventInput = {
  orgId: string | null;
  subjectType: SubjectType;
  subjectId: string;
  /** Set when the event belongs on a connection's timeline. */
  connectionId?: string | null;
  source: EventSource;
  actor: EventActor;
  kind: string;
  fromState?: string | null;
  toState?: string | null;
  message: string;
  data?: Prisma.InputJsonValue;
  occurredAt?: Date;
};

const staffActorType = { NOC: 'NOC', SUPPORT: 'SUPPORT', ADMIN: 'ADMIN' } as const satisfies Record<string, ActorType>;

export function eventActor(actor: Actor): EventActor {
  if (actor.kind === 'customer') return { type: 'USER', userId: actor.userId, label: actor.name };
  return { type: staffActorType[actor.role], userId: actor.userId, label: `${actor.name} (${actor.role})` };
}

export const awsActor: EventActor = { type: 'AWS', label: 'AWS' };
export const systemActor: EventActor = { type: 'SYSTEM', label: 'dx-portal' };

function row(input: EventInput): Prisma.EventCreateManyInput {
  return {
    orgId: input.orgId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    connectionId: input.connectionId ?? null,
    source: input.source,
    actorType: input.actor.type,
    actorUserId: input.actor.userId ?? null,
    actorLabel: input.actor.label,
    kind: input.kind,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    message: input.message,
    data: input.data,
    occurredAt: input.occurredAt,
  };
}

/**
 * Appends events. There is deliberately no update or delete: the event table is append-only.
 * Events that someone must hear about (email, inbox, webhooks) also get an outbox row and wake
 * the dispatcher, in the same transaction: if the change commits, the notice will go out; if it
 * rolls back, nobody is told about something that did not happen.
 */
export async function recordEvents(tx: Tx, inputs: EventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  if (!inputs.some((i) => isOutboxKind(i.kind))) {
    await tx.event.createMany({ data: inputs.map(row) });
    return;
  }
  const created = await tx.event.createManyAndReturn({ data: inputs.map(row), select: { id: true, kind: true } });
  await tx.notificationOutbox.createMany({ data: created.filter((e) => isOutboxKind(e.kind)).map((e) => ({ eventId: e.id })) });
  await enqueue(tx, 'dispatchNotifications', {});
}

export async function recordEvent(tx: Tx, input: EventInput): Promise<void> {
  await recordEvents(tx, [input]);
}

/** The fields every event on a connection's own timeline shares. */
export function connectionSubject(c: { id: string; orgId: string }) {
  return { orgId: c.orgId, subjectType: 'CONNECTION' as const, subjectId: c.id, connectionId: c.id };
}
