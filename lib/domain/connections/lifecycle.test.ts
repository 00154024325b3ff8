import { describe, expect, it } from 'vitest';
import { DAY, HOUR, billingStartsAt, canChangePortalStatus, currentStep, loaExpiry, portalStatusForAwsState, type LifecycleFacts } from './lifecycle';

const t0 = new Date('2026-11-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const base: LifecycleFacts = {
  type: 'DEDICATED',
  portalStatus: 'SUBMITTED',
  awsState: null,
  createdAt: t0,
  decidedAt: null,
  rejectionReason: null,
  lastError: null,
  awsStateChangedAt: null,
  loaIssuedAt: null,
  loaExpiresAt: null,
  loaFirstIssuedAt: null,
  portUpAt: null,
  crossConnectStatus: null,
  virtualInterfaceCount: 0,
};

describe('portal status transitions', () => {
  it.each([
    ['SUBMITTED', 'APPROVED', true],
    ['SUBMITTED', 'REJECTED', true],
    ['SUBMITTED', 'PROVISIONING', false],
    ['APPROVED', 'PROVISIONING', true],
    ['PROVISIONING', 'ACTIVE', true],
    ['PROVISIONING_FAILED', 'PROVISIONING', true],
    ['PROVISIONING_FAILED', 'ACTIVE', false],
    ['REJECTED', 'APPROVED', false],
    ['ACTIVE', 'DECOMMISSIONING', true],
    ['DECOMMISSIONING', 'CLOSED', true],
    ['CLOSED', 'ACTIVE', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canChangePortalStatus(from, to)).toBe(ok);
  });

  it('becomes active the first time AWS reports the port available, closed when AWS no longer has it', () => {
    expect(portalStatusForAwsState('PROVISIONING', 'requested')).toBe('PROVISIONING');
    expect(portalStatusForAwsState('PROVISIONING', 'pending')).toBe('PROVISIONING');
    expect(portalStatusForAwsState('PROVISIONING', 'available')).toBe('ACTIVE');
    expect(portalStatusForAwsState('ACTIVE', 'down')).toBe('ACTIVE');
    expect(portalStatusForAwsState('ACTIVE', 'deleted')).toBe('CLOSED');
    expect(portalStatusForAwsState('PROVISIONING', 'rejected')).toBe('CLOSED');
    expect(portalStatusForAwsState('DECOMMISSIONING', 'deleted')).toBe('CLOSED');
    expect(portalStatusForAwsState('CLOSED', 'deleted')).toBe('CLOSED');
  });
});

describe('LOA-CFA and billing dates', () => {
  it('expires 90 days after issue', () => {
    expect(loaExpiry(t0).toISOString()).toBe('2027-01-30T12:00:00.000Z');
  });

  it('billing starts when the port comes up, or 90 days after the first LOA at the latest', () => {
    expect(billingStartsAt({ portUpAt: null, loaFirstIssuedAt: null })).toBeNull();
    expect(billingStartsAt({ portUpAt: null, loaFirstIssuedAt: t0 })).toEqual(at(90 * DAY));
    expect(billingStartsAt({ portUpAt: at(10 * DAY), loaFirstIssuedAt: t0 })).toEqual(at(10 * DAY));
    expect(billingStartsAt({ portUpAt: at(120 * DAY), loaFirstIssuedAt: t0 })).toEqual(at(90 * DAY));
    expect(billingStartsAt({ portUpAt: at(5 * DAY), loaFirstIssuedAt: null })).toEqual(at(5 * DAY));
  });
});

describe('current step', () => {
  it('waits on the NOC for a day after submission, then is overdue', () => {
    const step = currentStep(base, at(HOUR));
    expect(step).toMatchObject({ owner: 'noc', title: 'Waiting for NOC review', overdue: false });
    expect(step.dueAt).toEqual(at(24 * HOUR));
    expect(currentStep(base, at(25 * HOUR)).overdue).toBe(true);
  });

  it('gives AWS 72 hours to review a dedicated port and mentions the 7-day answer window', () => {
    const step = currentStep({ ...base, portalStatus: 'PROVISIONING', awsState: 'requested', awsStateChangedAt: t0 }, at(HOUR));
    expect(step.owner).toBe('aws');
    expect(step.dueAt).toEqual(at(72 * HOUR));
    expect(step.detail).toContain('7 days');
  });

  it('puts the cross-connect on the facility team until the LOA expires, with the billing date', () => {
    const facts = { ...base, portalStatus: 'PROVISIONING' as const, awsState: 'pending' as const, loaIssuedAt: t0, loaExpiresAt: loaExpiry(t0), loaFirstIssuedAt: t0, crossConnectStatus: 'PORT_RESERVED' as const };
    const step = currentStep(facts, at(DAY));
    expect(step.owner).toBe('facility');
    expect(step.dueAt).toEqual(loaExpiry(t0));
    expect(step.detail).toContain('2027-01-30');
    expect(currentStep(facts, at(91 * DAY)).overdue).toBe(true);
    expect(currentStep({ ...facts, crossConnectStatus: 'COMPLETE' }, at(DAY)).owner).toBe('aws');
  });

  it('waits for the LOA when AWS has approved but not yet issued it', () => {
    expect(currentStep({ ...base, portalStatus: 'PROVISIONING', awsState: 'pending' }, t0).title).toBe('Waiting for the LOA-CFA');
  });

  it('asks the customer to accept a hosted connection within 7 days', () => {
    const step = currentStep({ ...base, type: 'HOSTED', portalStatus: 'PROVISIONING', awsState: 'ordering', awsStateChangedAt: t0 }, at(DAY));
    expect(step).toMatchObject({ owner: 'customer', title: 'Accept the hosted connection', overdue: false });
    expect(step.dueAt).toEqual(at(7 * DAY));
  });

  it('says what happened for final and failed states', () => {
    expect(currentStep({ ...base, portalStatus: 'REJECTED', rejectionReason: 'No ports' }, t0)).toMatchObject({ owner: 'none', detail: 'No ports' });
    expect(currentStep({ ...base, portalStatus: 'PROVISIONING_FAILED', lastError: 'DirectConnectClientException: bad' }, t0).detail).toContain('DirectConnectClientException: bad');
    expect(currentStep({ ...base, portalStatus: 'ACTIVE', awsState: 'available' }, t0)).toMatchObject({ owner: 'customer', title: 'Available' });
    expect(currentStep({ ...base, portalStatus: 'ACTIVE', awsState: 'available', virtualInterfaceCount: 2 }, t0)).toMatchObject({
      owner: 'none',
      title: 'In service',
      detail: 'The connection is up and carries 2 virtual interfaces.',
    });
    expect(currentStep({ ...base, portalStatus: 'ACTIVE', awsState: 'down' }, t0).owner).toBe('facility');
    expect(currentStep({ ...base, portalStatus: 'CLOSED', awsState: 'deleted' }, t0).title).toBe('Closed');
  });
});
