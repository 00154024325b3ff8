import 'server-only';
import { db, type Tx } from '../db/client';
import { noticesFor, webhookPayload, webhookTypeFor, type EventFacts, type Notice, type SubjectFacts } from '../domain/notifications/catalog';
import { publicUrl } from '../env';
import { enqueue } from '../jobs/enqueue';

/** Outbox rows claimed per transaction. */
const BATCH = 100;

const eventSelect = { id: true, kind: true, orgId: true, subjectType: true, subjectId: true, connectionId: true, fromState: true, toState: true, occurredAt: true, message: true } as const;

/** The connection an event is about: its timeline connection, or the subject itself. */
const connectionOf = (e: EventFacts) => e.connectionId ?? (e.subjectType === 'CONNECTION' ? e.subjectId : null);

/** Everything the catalogue needs to name each event's object: one query per kind of object. */
async function loadFacts(tx: Tx, events: EventFacts[]): Promise<Map<bigint, SubjectFacts>> {
  const connectionIds = [...new Set(events.map(connectionOf).filter((id): id is string => Boolean(id)))];
  const vifIds = [...new Set(events.filter((e) => e.subjectType === 'VIRTUAL_INTERFACE').map((e) => e.subjectId))];
  const orgIds = [...new Set(events.map((e) => e.orgId).filter((id): id is string => Boolean(id)))];
  const dxGatewayIds = events.filter((e) => e.subjectType === 'DX_GATEWAY').map((e) => e.subjectId);
  const vgwIds = events.filter((e) => e.subjectType === 'VPN_GATEWAY').map((e) => e.subjectId);

  const [connections, vifs, orgs, dxGateways, vgws] = await Promise.all([
    connectionIds.length
      ? tx.connection.findMany({
          where: { id: { in: connectionIds } },
          select: {
            id: true, orgId: true, name: true, type: true, awsConnectionId: true, bandwidth: true, groupIndex: true, requestGroupId: true,
            rejectionReason: true, loaExpiresAt: true, createdAt: true, location: { select: { code: true, name: true } }, org: { select: { name: true } },
          },
        })
      : [],
    vifIds.length
      ? tx.virtualInterface.findMany({ where: { id: { in: vifIds } }, select: { id: true, name: true, awsVirtualInterfaceId: true, vlan: true, connection: { select: { name: true } } } })
      : [],
    orgIds.length ? tx.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [],
    dxGatewayIds.length ? tx.directConnectGateway.findMany({ where: { id: { in: dxGatewayIds } }, select: { id: true, name: true, awsGatewayId: true } }) : [],
    vgwIds.length ? tx.virtualPrivateGateway.findMany({ where: { id: { in: vgwIds } }, select: { id: true, name: true, awsVpnGatewayId: true } }) : [],
  ]);
  const gateways = new Map<string, { id: string; name: string; awsId: string | null }>([
    ...dxGateways.map((g) => [g.id, { id: g.id, name: g.name, awsId: g.awsGatewayId }] as const),
    ...vgws.map((g) => [g.id, { id: g.id, name: g.name, awsId: g.awsVpnGatewayId }] as const),
  ]);
  const groups = connections.length
    ? await tx.connection.groupBy({ by: ['requestGroupId'], where: { requestGroupId: { in: [...new Set(connections.map((c) => c.requestGroupId))] } }, _count: { _all: true } })
    : [];
  const groupSize = new Map(groups.map((g) => [g.requestGroupId, g._count._all]));
  const connectionById = new Map(connections.map((c) => [c.id, c]));
  const vifById = new Map(vifs.map((v) => [v.id, v]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));

  const facts = new Map<bigint, SubjectFacts>();
  for (const e of events) {
    const c = connectionById.get(connectionOf(e) ?? '');
    const v = e.subjectType === 'VIRTUAL_INTERFACE' ? vifById.get(e.subjectId) : undefined;
    facts.set(e.id, {
      orgName: orgName.get(e.orgId ?? '') ?? c?.org.name,
      connection: c && {
        id: c.id,
        name: c.name,
        type: c.type,
        awsConnectionId: c.awsConnectionId,
        location: `${c.location.code}, ${c.location.name}`,
        bandwidth: c.bandwidth,
        groupIndex: c.groupIndex,
        groupSize: groupSize.get(c.requestGroupId) ?? 1,
        rejectionReason: c.rejectionReason,
        loaExpiresAt: c.loaExpiresAt,
        createdAt: c.createdAt,
      },
      virtualInterface: v && { id: v.id, name: v.name, awsVirtualInterfaceId: v.awsVirtualInterfaceId, vlan: v.vlan, connectionName: v.connection.name },
      gateway: gateways.get(e.subjectId),
    });
  }
  return facts;
}

export type DispatchResult = { events: number; notifications: number; emails: number; webhooks: number };

/**
 * Worker job: claims undispatched outbox rows (row locks, so two workers never take the same),
 * derives each event's notices, writes one inbox row per recipient and one delivery per webhook
 * endpoint, enqueues their sending, and stamps the rows dispatched, all in one transaction. The
 * unique (event, recipient) keys make a re-run after a crash create nothing twice.
 */
export async function dispatchNotifications(): Promise<DispatchResult> {
  const total: DispatchResult = { events: 0, notifications: 0, emails: 0, webhooks: 0 };
  for (;;) {
    const result = await db().$transaction(dispatchBatch, { timeout: 60_000 });
    if (!result) return total;
    total.events += result.events;
    total.notifications += result.notifications;
    total.emails += result.emails;
    total.webhooks += result.webhooks;
  }
}

async function dispatchBatch(tx: Tx): Promise<DispatchResult | null> {
  const claimed = await tx.$queryRaw<Array<{ eventId: bigint }>>`
    SELECT "eventId" FROM "NotificationOutbox" WHERE "dispatchedAt" IS NULL ORDER BY "eventId" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return null;
  const ids = claimed.map((r) => r.eventId);
  const events = await tx.event.findMany({ where: { id: { in: ids } }, select: eventSelect, orderBy: { id: 'asc' } });
  const facts = await loadFacts(tx, events);

  const notices = events.flatMap((e) => noticesFor(e, facts.get(e.id) ?? {}).map((n) => ({ event: e, notice: n })));
  const orgIds = [...new Set(notices.filter((n) => n.notice.audience === 'ORG').map((n) => n.event.orgId!))];
  const needNoc = notices.some((n) => n.notice.audience === 'NOC');
  const [members, nocUsers] = await Promise.all([
    orgIds.length ? tx.membership.findMany({ where: { orgId: { in: orgIds }, user: { disabledAt: null } }, select: { orgId: true, userId: true } }) : [],
    needNoc ? tx.user.findMany({ where: { staffRole: { in: ['NOC', 'ADMIN'] }, disabledAt: null }, select: { id: true } }) : [],
  ]);
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.orgId, [...(membersOf.get(m.orgId) ?? []), m.userId]);
  const recipients = (e: EventFacts, n: Notice) => (n.audience === 'NOC' ? nocUsers.map((u) => u.id) : (membersOf.get(e.orgId ?? '') ?? []));

  const userIds = [...new Set(notices.flatMap(({ event, notice }) => recipients(event, notice)))];
  const optOuts = userIds.length ? await tx.notificationPreference.findMany({ where: { userId: { in: userIds }, email: false }, select: { userId: true, category: true } }) : [];
  const optedOut = new Set(optOuts.map((o) => `${o.userId}:${o.category}`));

  const rows = notices.flatMap(({ event, notice }) =>
    recipients(event, notice).map((userId) => ({
      userId,
      eventId: event.id,
      category: notice.category,
      title: notice.title,
      body: notice.body,
      nextStep: notice.nextStep,
      link: notice.link,
      emailStatus: optedOut.has(`${userId}:${notice.category}`) ? ('SKIPPED' as const) : ('PENDING' as const),
    })),
  );
  const created = rows.length ? await tx.userNotification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, emailStatus: true } }) : [];
  const emails = created.filter((n) => n.emailStatus === 'PENDING');
  for (const n of emails) await enqueue(tx, 'sendEmail', { notificationId: n.id });

  const hooked = events.flatMap((e) => {
    const type = webhookTypeFor(e);
    return type ? [{ e, type }] : [];
  });
  let deliveries: Array<{ id: string }> = [];
  if (hooked.length) {
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { orgId: { in: [...new Set(hooked.map((h) => h.e.orgId!))] }, disabledAt: null },
      select: { id: true, orgId: true, eventTypes: true },
    });
    const base = publicUrl();
    const data = hooked.flatMap(({ e, type }) => {
      const subscribed = endpoints.filter((ep) => ep.orgId === e.orgId && ep.eventTypes.includes(type));
      if (!subscribed.length) return [];
      const payload = webhookPayload(e, facts.get(e.id) ?? {}, type, base);
      return subscribed.map((ep) => ({ endpointId: ep.id, eventId: e.id, orgId: ep.orgId, type, payload, nextAttemptAt: new Date() }));
    });
    deliveries = data.length ? await tx.webhookDelivery.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } }) : [];
    for (const d of deliveries) await enqueue(tx, 'deliverWebhook', { deliveryId: d.id });
  }

  await tx.notificationOutbox.updateMany({ where: { eventId: { in: ids } }, data: { dispatchedAt: new Date() } });
  return { events: events.length, notifications: created.length, emails: emails.length, webhooks: deliveries.length };
}
