import { describe, expect, it } from 'vitest';
import { auditQueryString, auditTimeRange, parseAuditFilters, subjectTypeOfAwsId } from './schema';

describe('audit filters', () => {
  it('treat empty fields as no filter', () => {
    expect(parseAuditFilters({ type: '', object: ' ', kind: '', from: '' })).toEqual({ ok: true, filters: {} });
  });

  it('accept every filter at once', () => {
    const parsed = parseAuditFilters(new URLSearchParams('type=CONNECTION&object=dxcon-ab12&actorType=NOC&actor=Jane&kind=connection.approved&from=2026-01-01&to=2026-01-31&org=acme'));
    expect(parsed).toEqual({
      ok: true,
      filters: { type: 'CONNECTION', object: 'dxcon-ab12', actorType: 'NOC', actor: 'Jane', kind: 'connection.approved', from: '2026-01-01', to: '2026-01-31', org: 'acme' },
    });
  });

  it('report every invalid field with its own message', () => {
    const parsed = parseAuditFilters({ type: 'ROUTER', actorType: 'ROBOT', from: '2026-02-30', to: '31/01/2026', kind: 'drop table;', before: "1'; --" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.type).toEqual(['Choose an object type from the list.']);
    expect(parsed.errors.actorType).toEqual(['Choose an actor type from the list.']);
    expect(parsed.errors.from).toEqual(['The from date is not a real calendar day.']);
    expect(parsed.errors.to).toEqual(['Enter the to date as YYYY-MM-DD, e.g. 2026-03-31.']);
    expect(parsed.errors.kind).toEqual(['Choose an event type from the list.']);
    expect(parsed.errors.before?.[0]).toMatch(/page link is not valid/);
    expect(parsed.values.type).toBe('ROUTER');
  });

  it('refuse a range that ends before it starts', () => {
    const parsed = parseAuditFilters({ from: '2026-02-02', to: '2026-02-01' });
    expect(parsed.ok || parsed.errors.to).toEqual(['The “to” date is before the “from” date.']);
  });

  it('need a type for a portal id but not for an AWS id', () => {
    const portal = parseAuditFilters({ object: 'cmabc123' });
    expect(portal.ok || portal.errors.type?.[0]).toMatch(/Choose the object type for a portal id/);
    expect(parseAuditFilters({ object: 'dxvif-fgh123' }).ok).toBe(true);
    expect(subjectTypeOfAwsId('dxcon-ab12')).toBe('CONNECTION');
    expect(subjectTypeOfAwsId('DXLAG-ab12')).toBe('CONNECTION');
    expect(subjectTypeOfAwsId('dxvif-ab12')).toBe('VIRTUAL_INTERFACE');
    expect(subjectTypeOfAwsId('vgw-ab12')).toBe('VPN_GATEWAY');
    expect(subjectTypeOfAwsId('123456789012')).toBe('AWS_ACCOUNT');
    expect(subjectTypeOfAwsId('cmabc123')).toBeUndefined();
  });

  it('read the day range as whole UTC days, both included', () => {
    expect(auditTimeRange({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ gte: new Date('2026-03-01T00:00:00Z'), lt: new Date('2026-03-02T00:00:00Z') });
    expect(auditTimeRange({ to: '2026-12-31' })).toEqual({ lt: new Date('2027-01-01T00:00:00Z') });
    expect(auditTimeRange({})).toEqual({});
  });

  it('build links that keep the filters and replace the cursor', () => {
    expect(auditQueryString({ kind: 'a.b', before: '1_2' }, { after: '3_4' })).toBe('?kind=a.b&after=3_4');
    expect(auditQueryString({})).toBe('');
  });
});
