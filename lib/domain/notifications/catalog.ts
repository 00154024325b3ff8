/**
 * What people are told about each recorded event: pure, so the dispatcher, the mailer, the
 * webhook sender and the tests share one rule. Every notification is derived from an event; no
 * caller writes a notification beside the event.
 */
import { HOUR, nocDecisionHours } from '../connections/lifecycle';

export const categories = {
  requests: { audience: 'ORG', label: 'Requests', help: 'Your connection requests are approved or rejected.' },
  loa: { audience: 'ORG', label: 'LOA-CFA', help: 'An LOA-CFA is issued, or expires in 14 or 3 days before the cross-connect is done.' },
  connections: { audience: 'ORG', label: 'Connections', help: 'A connection becomes available, a hosted connection waits for your acceptance, a decommission is done.' },
  virtualInterfaces: { audience: 'ORG', label: 'Virtual interfaces and BGP', help: 'A virtual interface becomes available, or its BGP session goes down or comes back up.' },
  nocRequests: { audience: 'NOC', label: 'New and overdue requests', help: 'A customer requests connections, or a request waits longer than the decision SLA.' },
  nocCrossConnects: { audience: 'NOC', label: 'Cross-connect orders', help: 'AWS issues an LOA-CFA and a cross-connect work order opens.' },
  nocProvisioning: { audience: 'NOC', label: 'Provisioning failures', help: 'Creating a connection in AWS failed after its retries.' },
} as const satisfies Record<string, { audience: 'ORG' | 'NOC'; label: string; help: string }>;

export type Category = keyof typeof categories;
export type Audience = 'ORG' | 'NOC';

export const categoryKeys = Object.keys(categories) as Category[];
export const categoriesFor = (audience: Audience): Category[] => categoryKeys.filter((c) => categories[c].audience === audience);

/** The event as the catalogue sees it (a row of Event). */
export type EventFacts = {
  id: bigint;
  kind: string;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  connectionId: string | null;
  fromState: string | null;
  toState: string | null;
  occurredAt: Date;
  message: string;
};

/** What the dispatcher loaded about the event's subject, in one query per subject type. */
export type SubjectFacts = {
  orgName?: string;
  connection?: {
    id: string;
    name: string;
    type: 'DEDICATED' | 'HOSTED';
    awsConnectionId: string | null;
    location: string;
    bandwidth: string;
    groupIndex: number;
    groupSize: number;
    rejectionReason: string | null;
    loaExpiresAt: Date | null;
    createdAt: Date;
  };
  virtualInterface?: { id: string; name: string; awsVirtualInterfaceId: string | null; vlan: number; connectionName: string };
  gateway?: { id: string; name: string; awsId: string | null };
};

export type Notice = {
  category: Category;
  audience: Audience;
  title: string;
  body: string;
  nextStep: string;
  /** Path inside the portal, without origin. */
  link: string;
};

/**
 * Event kinds the outbox must carry (for people or for webhooks); anything else is never looked
 * at again. Cheap on purpose: recordEvents calls it for every event.
 */
const interesting = new Set([
  'connection.requested',
  'connection.approved',
  'connection.rejected',
  'connection.awsState',
  'connection.deleted',
  'connection.provisioningFailed',
  'crossConnect.opened',
  'reminder.loaExpiry14d',
  'reminder.loaExpiry3d',
  'reminder.hostedAcceptanceOverdue',
  'reminder.stuckSubmitted',
  'vif.created',
  'vif.awsState',
  'vif.bgpStatus',
  'vif.deleted',
  'dxGateway.awsState',
  'vpnGateway.awsState',
  'association.awsState',
]);

export function isOutboxKind(kind: string): boolean {
  return interesting.has(kind);
}

/** Public webhook event types: stable names receivers subscribe to, independent of internal kinds. */
export const webhookTypes = {
  'connection.requested': 'A connection was requested.',
  'connection.approved': 'The NOC approved a connection request.',
  'connection.rejected': 'The NOC rejected a connection request (with the reason).',
  'connection.state_changed': "AWS reports a new connection state (e.g. pending, available, ordering, down).",
  'connection.decommissioned': 'AWS deleted a decommissioned connection; billing stopped.',
  'loa.issued': 'AWS issued an LOA-CFA and a cross-connect work order opened.',
  'loa.expiring': 'An LOA-CFA expires in 14 or 3 days and the cross-connect is not complete.',
  'vif.requested': 'A virtual interface was requested in AWS.',
  'vif.state_changed': 'AWS reports a new virtual interface state.',
  'vif.bgp_changed': 'A BGP session of a virtual interface went up or down.',
  'vif.deleted': 'A virtual interface was deleted.',
  'gateway.state_changed': 'A Direct Connect gateway, virtual private gateway or association changed state.',
} as const;

export type WebhookType = keyof typeof webhookTypes;
export const webhookTypeKeys = Object.keys(webhookTypes) as WebhookType[];

const webhookKinds: Record<string, WebhookType> = {
  'connection.requested': 'connection.requested',
  'connection.approved': 'connection.approved',
  'connection.rejected': 'connection.rejected',
  'connection.awsState': 'connection.state_changed',
  'connection.deleted': 'connection.decommissioned',
  'crossConnect.opened': 'loa.issued',
  'reminder.loaExpiry14d': 'loa.expiring',
  'reminder.loaExpiry3d': 'loa.expiring',
  'vif.created': 'vif.requested',
  'vif.awsState': 'vif.state_changed',
  'vif.bgpStatus': 'vif.bgp_changed',
  'vif.deleted': 'vif.deleted',
  'dxGateway.awsState': 'gateway.state_changed',
  'vpnGateway.awsState': 'gateway.state_changed',
  'association.awsState': 'gateway.state_changed',
};

/** The webhook type of an organisation's event, or null when receivers are not told about it. */
export function webhookTypeFor(event: Pick<EventFacts, 'kind' | 'orgId'>): WebhookType | null {
  if (!event.orgId) return null;
  return webhookKinds[event.kind] ?? null;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const date = (d: Date) => d.toISOString().slice(0, 10);

function connectionLabel(c: NonNullable<SubjectFacts['connection']>): string {
  return c.awsConnectionId ? `${c.name} (${c.awsConnectionId}, ${c.location})` : `${c.name} (${c.location})`;
}

function vifLabel(v: NonNullable<SubjectFacts['virtualInterface']>): string {
  return `${v.name} (${v.awsVirtualInterfaceId ?? 'not yet in AWS'}, VLAN ${v.vlan} on ${v.connectionName})`;
}

/** A request of several connections is told once, on its first connection's event. */
const groupSummary = (c: NonNullable<SubjectFacts['connection']>) =>
  c.groupSize > 1 ? `${c.groupSize} connections named ${c.name.replace(/ \(\d+\)$|-\d+$/, '')}…` : connectionLabel(c);

/**
 * The notices an event produces: zero, one for the organisation, one for the NOC, or both.
 * Returns [] whenever the facts needed to name the object are missing: a notice never says less
 * than what it is about.
 */
export function noticesFor(event: EventFacts, facts: SubjectFacts): Notice[] {
  const c = facts.connection;
  const v = facts.virtualInterface;
  const connectionLink = c ? `/connections/${c.id}` : '';
  const notices: Notice[] = [];
  const org = (n: Omit<Notice, 'audience'>) => event.orgId && notices.push({ ...n, audience: 'ORG' });
  const noc = (n: Omit<Notice, 'audience'>) => notices.push({ ...n, audience: 'NOC' });

  switch (event.kind) {
    case 'connection.requested':
      if (!c || c.groupIndex !== 1) break;
      noc({
        category: 'nocRequests',
        title: `New request from ${facts.orgName ?? 'a customer'}: ${c.name}`,
        body: `${facts.orgName ?? 'A customer'} requested ${c.groupSize > 1 ? `${c.groupSize} connections` : 'a connection'}: ${c.bandwidth} ${c.type === 'DEDICATED' ? 'dedicated port' : 'hosted connection'}${c.groupSize > 1 ? 's' : ''} at ${c.location}, named ${c.name}.`,
        nextStep: `Approve or reject it in the NOC queue by ${utc(new Date(c.createdAt.getTime() + nocDecisionHours * HOUR))} (the ${nocDecisionHours}-hour decision SLA).`,
        link: '/noc/queue',
      });
      break;
    case 'connection.approved':
      if (!c || c.groupIndex !== 1) break;
      org({
        category: 'requests',
        title: `Request approved: ${c.name}`,
        body: `Our NOC approved your request for ${groupSummary(c)}.`,
        nextStep: c.type === 'DEDICATED'
          ? 'We now create it in AWS. When AWS issues the LOA-CFA you get another email, and our facility team builds the cross-connect.'
          : 'We now create the hosted connection in AWS. It then waits for you to accept it in the portal.',
        link: connectionLink,
      });
      break;
    case 'connection.rejected':
      if (!c || c.groupIndex !== 1) break;
      org({
        category: 'requests',
        title: `Request rejected: ${c.name}`,
        body: `Our NOC rejected your request for ${groupSummary(c)}. Reason: ${c.rejectionReason ?? event.message.replace(/^Rejected: /, '')}`,
        nextStep: 'Nothing was created in AWS and nothing is billed. Change what the reason names and request it again, or reply to your account manager.',
        link: connectionLink,
      });
      break;
    case 'crossConnect.opened':
      if (!c) break;
      org({
        category: 'loa',
        title: `LOA-CFA issued: ${c.name}`,
        body: `AWS issued the LOA-CFA for ${connectionLabel(c)}${c.loaExpiresAt ? `; it is valid until ${date(c.loaExpiresAt)}` : ''}.`,
        nextStep: 'Our facility team builds the cross-connect to the AWS device named on it. You can download the LOA-CFA from the connection page; you do not need to send it anywhere.',
        link: connectionLink,
      });
      noc({
        category: 'nocCrossConnects',
        title: `Cross-connect order opened: ${c.name} at ${c.location}`,
        body: `AWS issued the LOA-CFA for ${facts.orgName ?? 'a customer'}'s ${connectionLabel(c)}${c.loaExpiresAt ? `, valid until ${date(c.loaExpiresAt)}` : ''}. A cross-connect work order is open.`,
        nextStep: 'Reserve the patch-panel port, patch and test the fibre, and complete the order before the LOA-CFA expires.',
        link: `/noc/cross-connects/${event.subjectId}`,
      });
      break;
    case 'connection.awsState':
      if (!c) break;
      if (event.toState === 'available') {
        org({
          category: 'connections',
          title: `Connection available: ${c.name}`,
          body: `AWS reports ${connectionLabel(c)} as available: the port is up.`,
          nextStep: 'Create a virtual interface on it to reach your VPCs or AWS public services.',
          link: connectionLink,
        });
      } else if (event.toState === 'ordering' && c.type === 'HOSTED') {
        org({
          category: 'connections',
          title: `Hosted connection waiting for your acceptance: ${c.name}`,
          body: `${connectionLabel(c)} exists in your AWS account and waits for you to accept it.`,
          nextStep: 'Accept it on its page in the portal. AWS bills the hosted connection from acceptance.',
          link: connectionLink,
        });
      }
      break;
    case 'reminder.hostedAcceptanceOverdue':
      if (!c) break;
      org({
        category: 'connections',
        title: `Still waiting for your acceptance: ${c.name}`,
        body: event.message.replace(/^Reminder: /, ''),
        nextStep: 'Accept it on its page in the portal, or ask us to cancel it.',
        link: connectionLink,
      });
      break;
    case 'connection.deleted':
      if (!c) break;
      org({
        category: 'connections',
        title: `Decommission done: ${c.name}`,
        body: `AWS deleted ${connectionLabel(c)}. Port-hour billing for it has stopped.`,
        nextStep: c.type === 'DEDICATED' ? 'Our facility team removes the cross-connect; there is nothing more for you to do.' : 'There is nothing more for you to do.',
        link: connectionLink,
      });
      break;
    case 'reminder.loaExpiry14d':
    case 'reminder.loaExpiry3d':
      if (!c) break;
      org({
        category: 'loa',
        title: `LOA-CFA expires in ${event.kind.endsWith('14d') ? 14 : 3} days: ${c.name}`,
        body: `The LOA-CFA for ${connectionLabel(c)} expires${c.loaExpiresAt ? ` on ${date(c.loaExpiresAt)}` : ' soon'} and the cross-connect is not complete yet.`,
        nextStep: 'Our facility team is working on the cross-connect. If the LOA-CFA expires first, download a fresh one from the connection page. AWS bills the port from the time it comes up, or 90 days after the first LOA-CFA at the latest.',
        link: connectionLink,
      });
      break;
    case 'reminder.stuckSubmitted':
      if (!c) break;
      noc({
        category: 'nocRequests',
        title: `Request overdue: ${c.name}`,
        body: `${facts.orgName ?? 'A customer'}'s request ${c.name} has waited more than ${nocDecisionHours} hours for a decision (requested ${utc(c.createdAt)}).`,
        nextStep: 'Approve or reject it in the NOC queue now.',
        link: '/noc/queue',
      });
      break;
    case 'connection.provisioningFailed':
      if (!c) break;
      noc({
        category: 'nocProvisioning',
        title: `Provisioning failed: ${c.name}`,
        body: `Creating ${facts.orgName ?? 'a customer'}'s ${connectionLabel(c)} in AWS failed after its retries. ${event.message}`,
        nextStep: 'Fix the cause named above, then press "Retry provisioning" on the connection; the job adopts anything AWS already created.',
        link: connectionLink,
      });
      break;
    case 'vif.awsState':
      if (!v || event.toState !== 'available') break;
      org({
        category: 'virtualInterfaces',
        title: `Virtual interface available: ${v.name}`,
        body: `AWS reports ${vifLabel(v)} as available.`,
        nextStep: 'Download the router bundle from its page and load it on your router; BGP comes up when both sides are configured.',
        link: `/virtual-interfaces/${v.id}`,
      });
      break;
    case 'vif.bgpStatus':
      if (!v || (event.toState !== 'up' && event.toState !== 'down')) break;
      org({
        category: 'virtualInterfaces',
        title: `BGP ${event.toState === 'up' ? 'up' : 'down'}: ${v.name}`,
        body: `${event.message} Virtual interface ${vifLabel(v)}.`,
        nextStep: event.toState === 'up'
          ? 'Routes are exchanged again. Nothing to do.'
          : "Check your router's BGP session (neighbor address, ASN, MD5 key) and the link. The virtual interface page shows the session and its history.",
        link: `/virtual-interfaces/${v.id}`,
      });
      break;
  }
  return notices;
}

const objectTypes: Record<string, string> = {
  CONNECTION: 'connection',
  CROSS_CONNECT: 'connection',
  VIRTUAL_INTERFACE: 'virtual_interface',
  DX_GATEWAY: 'dx_gateway',
  VPN_GATEWAY: 'vpn_gateway',
  GATEWAY_ASSOCIATION: 'gateway_association',
};

/** The object a webhook is about: ids a client stored, AWS ids, names and states. */
export type WebhookObject = { type: string; id: string; awsId: string | null; name: string | null };

/**
 * The body of a webhook delivery (schema version 1). Fields are only ever added, never renamed
 * or removed; `id` is stable per event, so a receiver can also deduplicate on it.
 */
export type WebhookPayload = {
  schemaVersion: 1;
  id: string;
  type: WebhookType;
  occurredAt: string;
  organisationId: string;
  object: WebhookObject;
  connection: { id: string; awsId: string | null; name: string } | null;
  fromState: string | null;
  toState: string | null;
  message: string;
  url: string;
};

export function webhookPayload(event: EventFacts, facts: SubjectFacts, type: WebhookType, baseUrl: string): WebhookPayload {
  const c = facts.connection;
  const v = facts.virtualInterface;
  const g = facts.gateway;
  const objectType = objectTypes[event.subjectType] ?? event.subjectType.toLowerCase();
  const object: WebhookObject =
    objectType === 'connection' && c
      ? { type: 'connection', id: c.id, awsId: c.awsConnectionId, name: c.name }
      : objectType === 'virtual_interface' && v
        ? { type: 'virtual_interface', id: v.id, awsId: v.awsVirtualInterfaceId, name: v.name }
        : { type: objectType, id: event.subjectId, awsId: g?.awsId ?? null, name: g?.name ?? null };
  const path =
    object.type === 'connection' ? `/connections/${object.id}`
      : object.type === 'virtual_interface' ? `/virtual-interfaces/${object.id}`
        : object.type === 'dx_gateway' ? `/gateways/dx/${object.id}`
          : object.type === 'vpn_gateway' ? `/gateways/vgw/${object.id}`
            : c ? `/connections/${c.id}` : '/gateways';
  return {
    schemaVersion: 1,
    id: `evt_${event.id}`,
    type,
    occurredAt: event.occurredAt.toISOString(),
    organisationId: event.orgId ?? '',
    object,
    connection: c ? { id: c.id, awsId: c.awsConnectionId, name: c.name } : null,
    fromState: event.fromState,
    toState: event.toState,
    message: event.message,
    url: `${baseUrl}${path}`,
  };
}
