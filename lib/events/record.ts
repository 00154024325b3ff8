import 'server-only';
import type { Tx } from '../db/client';
import type { ActorType, EventSource, Prisma, SubjectType } from '../db/generated/client';
import type { Actor } from '../auth/permissions';

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

/** Appends events. There is deliberately no update or delete: the event table is append-only. */
export async function recordEvents(tx: Tx, inputs: EventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.event.createMany({ data: inputs.map(row) });
}

export async function recordEvent(tx: Tx, input: EventInput): Promise<void> {
  await recordEvents(tx, [input]);
}

/** The fields every event on a connection's own timeline shares. */
export function connectionSubject(c: { id: string; orgId: string }) {
  return { orgId: c.orgId, subjectType: 'CONNECTION' as const, subjectId: c.id, connectionId: c.id };
}
