import { describe, expect, it } from 'vitest';
import { bgpFailoverSchema, checkCanStartFailoverTest, checkCanStopFailoverTest, checkVifDeletable } from './operations';

const errors = (input: unknown) => {
  const result = bgpFailoverSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('bgpFailoverSchema', () => {
  it('defaults to 180 minutes and round-trips', () => {
    const once = bgpFailoverSchema.parse({ virtualInterfaceId: 'vif-1', bgpPeerIds: ['p1', 'p1', 'p2'] });
    expect(once).toEqual({ virtualInterfaceId: 'vif-1', bgpPeerIds: ['p1', 'p2'], durationMinutes: 180 });
    expect(bgpFailoverSchema.parse(once)).toEqual(once);
    expect(bgpFailoverSchema.parse({ virtualInterfaceId: 'v', bgpPeerIds: 'p1', durationMinutes: '' }).durationMinutes).toBe(180);
  });
  it.each([
    [1, 1],
    ['4320', 4320],
    [' 60 ', 60],
  ])('accepts %j minutes', (durationMinutes, minutes) => {
    expect(bgpFailoverSchema.parse({ virtualInterfaceId: 'v', bgpPeerIds: ['p'], durationMinutes }).durationMinutes).toBe(minutes);
  });
  it.each([0, 4321, 1.5, '90.5', 'abc', -1])('refuses %j minutes', (durationMinutes) => {
    expect(errors({ virtualInterfaceId: 'v', bgpPeerIds: ['p'], durationMinutes })).toEqual([
      ['durationMinutes', 'The test lasts 1 to 4,320 minutes (72 hours). Enter whole minutes; the default is 180.'],
    ]);
  });
  it('needs a VIF and at least one peer', () => {
    expect(errors({ virtualInterfaceId: '', bgpPeerIds: [] })).toEqual([
      ['virtualInterfaceId', 'Choose a virtual interface.'],
      ['bgpPeerIds', 'Choose at least one BGP peer to take down.'],
    ]);
  });
});

describe('failover test guards', () => {
  const peers = [{ state: 'available' as const }];
  it('starts on an available or down VIF with an available peer', () => {
    expect(checkCanStartFailoverTest({ awsState: 'available', peers }).ok).toBe(true);
    expect(checkCanStartFailoverTest({ awsState: 'down', peers }).ok).toBe(true);
    expect(checkCanStartFailoverTest({ awsState: 'testing', peers })).toEqual({
      ok: false,
      message: 'A failover test is already running on this virtual interface; stop it or wait for it to end.',
    });
    expect(checkCanStartFailoverTest({ awsState: 'pending', peers })).toEqual({ ok: false, message: 'A failover test needs the virtual interface to be available; it is pending.' });
    expect(checkCanStartFailoverTest({ awsState: null, peers })).toMatchObject({ ok: false, message: expect.stringMatching(/not created in AWS yet/) });
    expect(checkCanStartFailoverTest({ awsState: 'available', peers: [{ state: 'pending' }] })).toMatchObject({ ok: false });
  });
  it('stops only a running test', () => {
    expect(checkCanStopFailoverTest({ awsState: 'testing' }).ok).toBe(true);
    expect(checkCanStopFailoverTest({ awsState: 'available' })).toEqual({ ok: false, message: 'No failover test is running on this virtual interface.' });
  });
});

describe('checkVifDeletable', () => {
  it('deletes once AWS has it, not twice', () => {
    expect(checkVifDeletable({ awsState: 'available', portalStatus: 'ACTIVE' }).ok).toBe(true);
    expect(checkVifDeletable({ awsState: 'confirming', portalStatus: 'ACTIVE' }).ok).toBe(true);
    expect(checkVifDeletable({ awsState: null, portalStatus: 'CREATE_FAILED' }).ok).toBe(true);
    expect(checkVifDeletable({ awsState: 'deleting', portalStatus: 'ACTIVE' })).toEqual({ ok: false, message: 'This virtual interface is already being deleted.' });
    expect(checkVifDeletable({ awsState: 'available', portalStatus: 'DELETING' }).ok).toBe(false);
    expect(checkVifDeletable({ awsState: null, portalStatus: 'CREATING' })).toMatchObject({ ok: false, message: expect.stringMatching(/still being created/) });
  });
});
