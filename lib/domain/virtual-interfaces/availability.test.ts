import { describe, expect, it } from 'vitest';
import type { AwsConnectionState, VifType } from '@/lib/db/generated/enums';
import { allowedVifTypes, connectionStateBlocksVifs, connectionStateWarning, vifCountsOnConnection } from './availability';
import { checkOtherAccountDiffers, checkOtherAccountId, checkTarget, targetKindsFor } from './targets';

const vifs = (counts: Partial<Record<VifType, number>>) =>
  (Object.entries(counts) as [VifType, number][]).flatMap(([type, n]) => Array.from({ length: n }, () => ({ type })));
const allowed = (args: Parameters<typeof allowedVifTypes>[0]) => {
  const r = allowedVifTypes(args);
  return { PRIVATE: r.PRIVATE.allowed, TRANSIT: r.TRANSIT.allowed, PUBLIC: r.PUBLIC.allowed };
};
const reason = (args: Parameters<typeof allowedVifTypes>[0], type: VifType) => {
  const option = allowedVifTypes(args)[type];
  return option.allowed ? null : option.reason;
};

describe('allowedVifTypes', () => {
  it('offers every type on an empty connection, with explanations', () => {
    const r = allowedVifTypes({ connectionType: 'DEDICATED', connectionState: 'available', existingVifs: [] });
    expect(r.PRIVATE).toEqual({
      type: 'PRIVATE',
      label: 'Private',
      description: expect.stringMatching(/through a Direct Connect gateway .* or a virtual private gateway/),
      allowed: true,
    });
    expect(r.TRANSIT.description).toMatch(/transit gateways, through a Direct Connect gateway/);
    expect(r.PUBLIC.description).toMatch(/public endpoints .* public peer addresses and prefixes that you own/);
  });

  it('allows one VIF of any type on a hosted connection, transit at any speed', () => {
    expect(allowed({ connectionType: 'HOSTED', connectionState: 'available', existingVifs: [], bandwidthMbps: 50 })).toEqual({ PRIVATE: true, TRANSIT: true, PUBLIC: true });
    const full = { connectionType: 'HOSTED' as const, connectionState: 'available' as const, existingVifs: vifs({ PRIVATE: 1 }), bandwidthMbps: 10000 };
    expect(allowed(full)).toEqual({ PRIVATE: false, TRANSIT: false, PUBLIC: false });
    expect(reason(full, 'TRANSIT')).toBe(
      'A hosted connection carries exactly one virtual interface, and this one already has it. Request another hosted connection for the next one, or delete the existing interface first.',
    );
  });

  it('allows 50 private and public VIFs per dedicated connection', () => {
    const at49 = { connectionType: 'DEDICATED' as const, connectionState: 'available' as const, existingVifs: vifs({ PRIVATE: 30, PUBLIC: 19 }) };
    expect(allowed(at49)).toEqual({ PRIVATE: true, TRANSIT: true, PUBLIC: true });
    const at50 = { ...at49, existingVifs: vifs({ PRIVATE: 30, PUBLIC: 20 }) };
    expect(allowed(at50)).toEqual({ PRIVATE: false, TRANSIT: true, PUBLIC: false });
    expect(reason(at50, 'PUBLIC')).toBe('This connection already has 50 private and public virtual interfaces, the AWS maximum per dedicated connection (50).');
  });

  it('allows 4 transit VIFs per dedicated connection', () => {
    const at3 = { connectionType: 'DEDICATED' as const, connectionState: 'available' as const, existingVifs: vifs({ TRANSIT: 3 }) };
    expect(allowed(at3).TRANSIT).toBe(true);
    const at4 = { ...at3, existingVifs: vifs({ TRANSIT: 4 }) };
    expect(allowed(at4)).toEqual({ PRIVATE: true, TRANSIT: false, PUBLIC: true });
    expect(reason(at4, 'TRANSIT')).toBe('This connection already has 4 transit virtual interfaces, the AWS maximum per dedicated connection (4).');
  });

  it('caps a dedicated connection at 51 VIFs in all', () => {
    const at51 = { connectionType: 'DEDICATED' as const, connectionState: 'available' as const, existingVifs: vifs({ PRIVATE: 50, TRANSIT: 1 }) };
    expect(allowed(at51)).toEqual({ PRIVATE: false, TRANSIT: false, PUBLIC: false });
    expect(reason(at51, 'TRANSIT')).toBe('This connection already has 51 virtual interfaces, the AWS maximum per dedicated connection (51).');
    const at50 = { ...at51, existingVifs: vifs({ PRIVATE: 47, TRANSIT: 3 }) };
    expect(allowed(at50)).toEqual({ PRIVATE: true, TRANSIT: true, PUBLIC: true });
    const transitFull = { ...at51, existingVifs: vifs({ PRIVATE: 46, TRANSIT: 4 }) };
    expect(allowed(transitFull)).toEqual({ PRIVATE: true, TRANSIT: false, PUBLIC: true });
  });

  it.each([
    [null, /has not been created in AWS yet/],
    ['ordering', /Accept the hosted connection first/],
    ['requested', /AWS is still reviewing this connection/],
    ['deleting', /being deleted/],
    ['deleted', /being deleted/],
    ['rejected', /declined/],
    ['unknown', /unknown; try again/],
  ] as const)('offers nothing on a connection in state %s', (state, message) => {
    const args = { connectionType: 'DEDICATED' as const, connectionState: state, existingVifs: [] };
    expect(allowed(args)).toEqual({ PRIVATE: false, TRANSIT: false, PUBLIC: false });
    expect(reason(args, 'PRIVATE')).toMatch(message);
    expect(connectionStateBlocksVifs(state)).toMatch(message);
  });

  it.each(['available', 'down', 'pending'] as AwsConnectionState[])('accepts VIFs on a %s connection', (state) => {
    expect(connectionStateBlocksVifs(state)).toBeNull();
  });

  it('warns that BGP waits for the link on down or pending connections', () => {
    expect(connectionStateWarning('down')).toMatch(/BGP stays down until the link is up/);
    expect(connectionStateWarning('pending')).toMatch(/BGP comes up only once the link is up/);
    expect(connectionStateWarning('available')).toBeNull();
  });
});

describe('vifCountsOnConnection', () => {
  it.each([
    [{ awsState: null, portalStatus: 'REQUESTED' }, true],
    [{ awsState: null, portalStatus: 'CREATING' }, true],
    [{ awsState: null, portalStatus: 'CREATE_FAILED' }, false],
    [{ awsState: 'available', portalStatus: 'ACTIVE' }, true],
    [{ awsState: 'confirming', portalStatus: 'ACTIVE' }, true],
    [{ awsState: 'deleting', portalStatus: 'DELETING' }, true],
    [{ awsState: 'deleted', portalStatus: 'DELETING' }, false],
    [{ awsState: 'rejected', portalStatus: 'ACTIVE' }, false],
    [{ awsState: 'deleted', portalStatus: 'DELETED' }, false],
  ] as const)('%j counts: %s', (vif, counts) => {
    expect(vifCountsOnConnection(vif)).toBe(counts);
  });
});

describe('checkTarget', () => {
  const base = { owner: 'self' as const, dxGatewayId: 'dx', vpnGatewayId: 'vgw' };
  it('private VIF: exactly one of a Direct Connect gateway or a virtual private gateway', () => {
    expect(checkTarget({ ...base, type: 'PRIVATE', targetKind: 'dxGateway' })).toEqual([]);
    expect(checkTarget({ ...base, type: 'PRIVATE', targetKind: 'vpnGateway' })).toEqual([]);
    expect(checkTarget({ ...base, type: 'PRIVATE', targetKind: 'none' })[0]?.message).toMatch(/attaches to a Direct Connect gateway .* or to a virtual private gateway/);
    expect(checkTarget({ type: 'PRIVATE', owner: 'self', targetKind: 'dxGateway', dxGatewayId: ' ' })).toEqual([
      { field: 'dxGatewayId', severity: 'error', message: 'Choose a Direct Connect gateway.' },
    ]);
    expect(checkTarget({ type: 'PRIVATE', owner: 'self', targetKind: 'vpnGateway' })).toEqual([
      { field: 'vpnGatewayId', severity: 'error', message: 'Choose a virtual private gateway.' },
    ]);
  });
  it('transit VIF: a Direct Connect gateway only', () => {
    expect(checkTarget({ ...base, type: 'TRANSIT', targetKind: 'dxGateway' })).toEqual([]);
    expect(checkTarget({ ...base, type: 'TRANSIT', targetKind: 'vpnGateway' })[0]?.message).toMatch(/attaches only to a Direct Connect gateway/);
    expect(checkTarget({ ...base, type: 'TRANSIT', targetKind: 'none' })[0]?.message).toBe('Choose the Direct Connect gateway the transit virtual interface attaches to.');
  });
  it('public VIF: no gateway', () => {
    expect(checkTarget({ ...base, type: 'PUBLIC', targetKind: 'none' })).toEqual([]);
    expect(checkTarget({ ...base, type: 'PUBLIC', targetKind: 'dxGateway' })[0]?.message).toMatch(/do not attach to a gateway/);
  });
  it('hosted VIF for another account: no gateway, the owner chooses it on acceptance', () => {
    expect(checkTarget({ ...base, owner: 'other', type: 'PRIVATE', targetKind: 'none' })).toEqual([]);
    expect(checkTarget({ ...base, owner: 'other', type: 'TRANSIT', targetKind: 'dxGateway' })[0]?.message).toMatch(/chooses its gateway when it accepts/);
  });
  it('lists the target kinds per type and owner', () => {
    expect(targetKindsFor('PRIVATE', 'self')).toEqual(['dxGateway', 'vpnGateway']);
    expect(targetKindsFor('TRANSIT', 'self')).toEqual(['dxGateway']);
    expect(targetKindsFor('PUBLIC', 'self')).toEqual(['none']);
    expect(targetKindsFor('PRIVATE', 'other')).toEqual(['none']);
  });
});

describe('other account', () => {
  it('needs 12 digits', () => {
    expect(checkOtherAccountId('1234-5678-9012')).toBeNull();
    expect(checkOtherAccountId(' 123456789012 ')).toBeNull();
    expect(checkOtherAccountId('')).toBe('Enter the 12-digit id of the AWS account that will own the virtual interface.');
    expect(checkOtherAccountId('12345678901')).toBe('An AWS account id is 12 digits, e.g. 123456789012; "12345678901" is not.');
    expect(checkOtherAccountId('1234567890123')).toMatch(/12 digits/);
    expect(checkOtherAccountId('12345678901a')).toMatch(/12 digits/);
  });
  it('must differ from the connection owner', () => {
    expect(checkOtherAccountDiffers('123456789012', '210987654321')).toBeNull();
    expect(checkOtherAccountDiffers('1234-5678-9012', '123456789012')).toBe(
      '123456789012 is the account that owns this connection; choose "this account" as the owner instead, or enter the other account\'s id.',
    );
  });
});
