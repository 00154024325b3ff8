import { describe, expect, it } from 'vitest';
import { categoriesFor, isOutboxKind, noticesFor, webhookPayload, webhookTypeFor, type EventFacts, type SubjectFacts } from './catalog';

const event = (over: Partial<EventFacts>): EventFacts => ({
  id: 42n,
  kind: 'connection.awsState',
  orgId: 'org_1',
  subjectType: 'CONNECTION',
  subjectId: 'con_1',
  connectionId: 'con_1',
  fromState: 'pending',
  toState: 'available',
  occurredAt: new Date('2026-12-06T10:00:00Z'),
  message: 'AWS reports available.',
  ...over,
});

const connection: NonNullable<SubjectFacts['connection']> = {
  id: 'con_1',
  name: 'fra-core-1',
  type: 'DEDICATED',
  awsConnectionId: 'dxcon-fgabc123',
  location: 'EqDC2',
  bandwidth: '10Gbps',
  groupIndex: 1,
  groupSize: 1,
  rejectionReason: null,
  loaExpiresAt: new Date('2027-03-06T00:00:00Z'),
  createdAt: new Date('2026-12-06T08:00:00Z'),
};
const facts: SubjectFacts = { orgName: 'Acme Colo', connection };

describe('who hears about an event', () => {
  it('tells the organisation a connection is available, naming it, its dxcon id, location and the next step', () => {
    const [notice, ...rest] = noticesFor(event({}), facts);
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ audience: 'ORG', category: 'connections', link: '/connections/con_1' });
    expect(notice!.body).toContain('fra-core-1 (dxcon-fgabc123, EqDC2)');
    expect(notice!.nextStep).toMatch(/virtual interface/);
  });

  it('tells the NOC of a new request with its SLA due time, and the customer nothing', () => {
    const notices = noticesFor(event({ kind: 'connection.requested', fromState: null, toState: 'SUBMITTED' }), facts);
    expect(notices.map((n) => n.audience)).toEqual(['NOC']);
    expect(notices[0]!.nextStep).toMatch(/by 2026-12-0\d \d\d:\d\d UTC/);
  });

  it('carries the rejection reason to the customer', () => {
    const notices = noticesFor(event({ kind: 'connection.rejected', toState: 'REJECTED' }), { ...facts, connection: { ...connection, rejectionReason: 'Port capacity at EqDC2 is exhausted until January.' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('Reason: Port capacity at EqDC2 is exhausted until January.');
  });

  it('tells both the customer and the NOC when an LOA-CFA is issued', () => {
    const notices = noticesFor(event({ kind: 'crossConnect.opened', subjectType: 'CROSS_CONNECT', subjectId: 'xc_1' }), facts);
    expect(notices.map((n) => [n.audience, n.category])).toEqual([['ORG', 'loa'], ['NOC', 'nocCrossConnects']]);
    expect(notices[0]!.body).toContain('valid until 2027-03-06');
    expect(notices[1]!.link).toBe('/noc/cross-connects/xc_1');
  });

  it('tells a multi-connection request once, on its first connection', () => {
    const second = { ...facts, connection: { ...connection, name: 'fra-core-2', groupIndex: 2, groupSize: 2 } };
    expect(noticesFor(event({ kind: 'connection.approved', toState: 'APPROVED' }), second)).toEqual([]);
  });

  it('says nothing when it cannot name the object, or for states nobody waits for', () => {
    expect(noticesFor(event({}), { orgName: 'Acme Colo' })).toEqual([]);
    expect(noticesFor(event({ toState: 'pending' }), facts)).toEqual([]);
    expect(noticesFor(event({ kind: 'connection.bundleDownloaded' }), facts)).toEqual([]);
  });

  it('keeps customer and NOC categories apart', () => {
    expect(categoriesFor('ORG')).toEqual(['requests', 'loa', 'connections', 'virtualInterfaces']);
    expect(categoriesFor('NOC')).toEqual(['nocRequests', 'nocCrossConnects', 'nocProvisioning']);
  });
});

describe('webhook payload', () => {
  it('maps internal kinds to stable public types, only for organisation events', () => {
    expect(webhookTypeFor({ kind: 'connection.awsState', orgId: 'org_1' })).toBe('connection.state_changed');
    expect(webhookTypeFor({ kind: 'reminder.loaExpiry3d', orgId: 'org_1' })).toBe('loa.expiring');
    expect(webhookTypeFor({ kind: 'connection.awsState', orgId: null })).toBeNull();
    expect(webhookTypeFor({ kind: 'reminder.stuckSubmitted', orgId: 'org_1' })).toBeNull();
    expect(isOutboxKind('connection.awsState')).toBe(true);
    expect(isOutboxKind('loa.downloaded')).toBe(false);
  });

  it('names the object by portal id, AWS id and name, with states and a link', () => {
    const body = webhookPayload(event({}), facts, 'connection.state_changed', 'https://portal.example.net');
    expect(body).toEqual({
      schemaVersion: 1,
      id: 'evt_42',
      type: 'connection.state_changed',
      occurredAt: '2026-12-06T10:00:00.000Z',
      organisationId: 'org_1',
      object: { type: 'connection', id: 'con_1', awsId: 'dxcon-fgabc123', name: 'fra-core-1' },
      connection: { id: 'con_1', awsId: 'dxcon-fgabc123', name: 'fra-core-1' },
      fromState: 'pending',
      toState: 'available',
      message: 'AWS reports available.',
      url: 'https://portal.example.net/connections/con_1',
    });
  });
});

describe('every event the issue lists reaches its audience', () => {
  const vif: NonNullable<SubjectFacts['virtualInterface']> = { id: 'vif_1', name: 'prod-private', awsVirtualInterfaceId: 'dxvif-ffabc123', vlan: 101, connectionName: 'fra-core-1' };
  const hosted = { ...connection, type: 'HOSTED' as const };
  const cases: Array<{ what: string; e: Partial<EventFacts>; f?: SubjectFacts; audience: 'ORG' | 'NOC'; category: string; title: string }> = [
    { what: 'a hosted connection waits for acceptance', e: { fromState: null, toState: 'ordering' }, f: { ...facts, connection: hosted }, audience: 'ORG', category: 'connections', title: 'Hosted connection waiting for your acceptance: fra-core-1' },
    { what: 'acceptance is overdue', e: { kind: 'reminder.hostedAcceptanceOverdue', message: 'Reminder: fra-core-1 has waited more than 7 days.' }, audience: 'ORG', category: 'connections', title: 'Still waiting for your acceptance: fra-core-1' },
    { what: 'the LOA-CFA expires in 14 days', e: { kind: 'reminder.loaExpiry14d' }, audience: 'ORG', category: 'loa', title: 'LOA-CFA expires in 14 days: fra-core-1' },
    { what: 'the LOA-CFA expires in 3 days', e: { kind: 'reminder.loaExpiry3d' }, audience: 'ORG', category: 'loa', title: 'LOA-CFA expires in 3 days: fra-core-1' },
    { what: 'a decommission is done', e: { kind: 'connection.deleted', toState: 'deleted' }, audience: 'ORG', category: 'connections', title: 'Decommission done: fra-core-1' },
    { what: 'a request is overdue', e: { kind: 'reminder.stuckSubmitted', orgId: null }, audience: 'NOC', category: 'nocRequests', title: 'Request overdue: fra-core-1' },
    { what: 'provisioning failed after its retries', e: { kind: 'connection.provisioningFailed', message: 'AWS said: DirectConnectClientException.' }, audience: 'NOC', category: 'nocProvisioning', title: 'Provisioning failed: fra-core-1' },
    { what: 'a virtual interface is available', e: { kind: 'vif.awsState', subjectType: 'VIRTUAL_INTERFACE', subjectId: 'vif_1', toState: 'available' }, f: { ...facts, virtualInterface: vif }, audience: 'ORG', category: 'virtualInterfaces', title: 'Virtual interface available: prod-private' },
    { what: 'BGP goes down', e: { kind: 'vif.bgpStatus', subjectType: 'VIRTUAL_INTERFACE', subjectId: 'vif_1', fromState: 'up', toState: 'down', message: 'BGP went down.' }, f: { ...facts, virtualInterface: vif }, audience: 'ORG', category: 'virtualInterfaces', title: 'BGP down: prod-private' },
    { what: 'BGP comes back up', e: { kind: 'vif.bgpStatus', subjectType: 'VIRTUAL_INTERFACE', subjectId: 'vif_1', fromState: 'down', toState: 'up', message: 'BGP is up.' }, f: { ...facts, virtualInterface: vif }, audience: 'ORG', category: 'virtualInterfaces', title: 'BGP up: prod-private' },
  ];
  for (const c of cases) {
    it(`${c.what}: ${c.audience} hears it once, with a link and a next step`, () => {
      const notices = noticesFor(event(c.e), c.f ?? facts);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ audience: c.audience, category: c.category, title: c.title });
      expect(notices[0]!.link).toMatch(/^\/(connections|virtual-interfaces|noc)\//);
      expect(notices[0]!.nextStep.length).toBeGreaterThan(10);
    });
  }

  it('a virtual interface that is only pending, or BGP in an unknown state, tells nobody', () => {
    const f = { ...facts, virtualInterface: vif };
    expect(noticesFor(event({ kind: 'vif.awsState', subjectType: 'VIRTUAL_INTERFACE', toState: 'pending' }), f)).toEqual([]);
    expect(noticesFor(event({ kind: 'vif.bgpStatus', subjectType: 'VIRTUAL_INTERFACE', toState: 'unknown' }), f)).toEqual([]);
  });
});
