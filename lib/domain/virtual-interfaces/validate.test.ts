import { describe, expect, it } from 'vitest';
import { createVifSchema, type CreateVifInput } from './schema';
import { validateVifAgainst, type VifContext } from './validate';

const vif = (input: Partial<CreateVifInput> = {}) =>
  createVifSchema.parse({
    connectionId: 'conn-1',
    type: 'PRIVATE',
    name: 'prod',
    vlan: 101,
    asn: '65000',
    targetKind: 'dxGateway',
    dxGatewayId: 'dxgw-1',
    ...input,
  });

const context = (over: Partial<VifContext> = {}, connection: Partial<VifContext['connection']> = {}): VifContext => ({
  connection: {
    type: 'DEDICATED',
    awsState: 'available',
    region: 'eu-west-1',
    ownerAccountId: '111111111111',
    jumboFrameCapable: true,
    hostedVlan: null,
    ...connection,
  },
  usedVlans: [100],
  existingVifs: [{ type: 'PRIVATE' }],
  usedPeerAddresses: ['169.254.10.1/30', '169.254.10.2/30'],
  dxGateway: { id: 'dxgw-1', name: 'core', amazonSideAsn: 64512, state: 'available', attachedVifTypes: [] },
  vpnGateway: { id: 'vgw-1', name: 'vpc-a', amazonSideAsn: 64513, state: 'available', region: 'eu-west-1' },
  ...over,
});

describe('validateVifAgainst', () => {
  it('passes a sound request with no warnings', () => {
    expect(validateVifAgainst(vif(), context())).toEqual({ ok: true, fieldErrors: {}, warnings: {} });
  });

  it('refuses a VLAN in use and warns about VLAN 1', () => {
    expect(validateVifAgainst(vif({ vlan: 100 }), context()).fieldErrors).toEqual({
      vlan: ['VLAN 100 is already in use on this connection; each virtual interface needs a VLAN of its own. VLAN 101 is free.'],
    });
    expect(validateVifAgainst(vif({ vlan: 1 }), context())).toEqual({
      ok: true,
      fieldErrors: {},
      warnings: { vlan: ['VLAN 1 is usually the native/management VLAN; pick another unless your provider told you to use it.'] },
    });
  });

  it('holds a hosted connection to its VLAN and its single VIF', () => {
    const hosted = (over: Partial<VifContext> = {}) => context({ existingVifs: [], usedVlans: [321], ...over }, { type: 'HOSTED', hostedVlan: 321 });
    expect(validateVifAgainst(vif({ vlan: 321 }), hosted()).ok).toBe(true);
    expect(validateVifAgainst(vif({ vlan: 322 }), hosted()).fieldErrors.vlan).toEqual([
      "This hosted connection's VLAN is fixed at 321 by your provider; the virtual interface must use VLAN 321.",
    ]);
    expect(validateVifAgainst(vif({ vlan: 321 }), hosted({ existingVifs: [{ type: 'PUBLIC' }] })).fieldErrors.type?.[0]).toMatch(/carries exactly one virtual interface/);
    expect(validateVifAgainst(vif({ vlan: 321, type: 'TRANSIT' }), hosted()).ok).toBe(true);
    expect(validateVifAgainst(vif({ vlan: 100 }), context({ existingVifs: [] }, { type: 'HOSTED', hostedVlan: null })).fieldErrors.vlan).toEqual([
      "The provider has not recorded this hosted connection's VLAN yet; try again once the connection shows its VLAN.",
    ]);
  });

  it('applies the connection state and the per-connection quotas', () => {
    expect(validateVifAgainst(vif(), context({}, { awsState: 'ordering' })).fieldErrors).toEqual({
      connectionId: ['Accept the hosted connection first; AWS adds virtual interfaces only to accepted connections.'],
    });
    const full = Array.from({ length: 50 }, () => ({ type: 'PRIVATE' as const }));
    expect(validateVifAgainst(vif(), context({ existingVifs: full })).fieldErrors.type?.[0]).toMatch(/already has 50 private and public/);
    expect(validateVifAgainst(vif(), context({}, { awsState: 'down' })).warnings.connectionId?.[0]).toMatch(/BGP stays down until the link is up/);
  });

  it('refuses peer addresses already used on the connection', () => {
    const input = vif({ addressMode: 'manual', customerAddress: '169.254.10.2/30', amazonAddress: '169.254.10.1/30' });
    expect(validateVifAgainst(input, context()).fieldErrors).toEqual({
      customerAddress: ['169.254.10.2 is already used by another virtual interface on this connection; choose another subnet.'],
      amazonAddress: ['169.254.10.1 is already used by another virtual interface on this connection; choose another subnet.'],
    });
    expect(validateVifAgainst(input, context({ usedPeerAddresses: undefined })).ok).toBe(true);
  });

  it('allows jumbo frames only on jumbo-capable connections', () => {
    expect(validateVifAgainst(vif({ mtu: 9001 }), context()).warnings.mtu?.[0]).toMatch(/Set MTU 9001 on your router/);
    expect(validateVifAgainst(vif({ mtu: 9001 }), context({}, { jumboFrameCapable: false })).fieldErrors.mtu?.[0]).toMatch(/does not support jumbo frames/);
    expect(validateVifAgainst(vif({ mtu: 9001 }), context({}, { jumboFrameCapable: null })).fieldErrors.mtu?.[0]).toMatch(/has not reported yet/);
  });

  it('refuses a customer ASN equal to the gateway ASN', () => {
    expect(validateVifAgainst(vif({ asn: '64512' }), context()).fieldErrors.asn?.[0]).toMatch(/both 64512. The BGP session is eBGP/);
    expect(validateVifAgainst(vif({ asn: '64513', targetKind: 'vpnGateway', vpnGatewayId: 'vgw-1' }), context()).fieldErrors.asn?.[0]).toMatch(/both 64513/);
    expect(validateVifAgainst(vif({ asn: '64512', targetKind: 'vpnGateway', vpnGatewayId: 'vgw-1' }), context()).ok).toBe(true);
  });

  it('checks the chosen gateway', () => {
    expect(validateVifAgainst(vif(), context({ dxGateway: undefined })).fieldErrors).toEqual({
      dxGatewayId: ['That Direct Connect gateway was not found; choose one from the list.'],
    });
    expect(validateVifAgainst(vif({ dxGatewayId: 'other' }), context()).fieldErrors.dxGatewayId).toEqual([
      'That Direct Connect gateway was not found; choose one from the list.',
    ]);
    const busy = context({ dxGateway: { id: 'dxgw-1', amazonSideAsn: 64512, state: 'available', attachedVifTypes: ['TRANSIT'] } });
    expect(validateVifAgainst(vif(), busy).fieldErrors.dxGatewayId?.[0]).toMatch(/already carries transit virtual interfaces/);
    const vgwElsewhere = context({ vpnGateway: { id: 'vgw-1', amazonSideAsn: 64513, state: 'available', region: 'us-east-1' } });
    expect(validateVifAgainst(vif({ targetKind: 'vpnGateway', vpnGatewayId: 'vgw-1' }), vgwElsewhere).fieldErrors.vpnGatewayId?.[0]).toMatch(
      /is in us-east-1, but the connection is in eu-west-1/,
    );
    expect(validateVifAgainst(vif({ targetKind: 'vpnGateway', vpnGatewayId: 'vgw-2' }), context()).fieldErrors.vpnGatewayId?.[0]).toMatch(/not found/);
  });

  it('refuses a hosted VIF for the connection owner\'s own account', () => {
    const input = vif({ owner: 'other', otherAccountId: '111111111111', targetKind: 'none' });
    expect(validateVifAgainst(input, context()).fieldErrors.otherAccountId?.[0]).toMatch(/is the account that owns this connection/);
    expect(validateVifAgainst(vif({ owner: 'other', otherAccountId: '222222222222', targetKind: 'none' }), context({ dxGateway: undefined })).ok).toBe(true);
  });

  it('warns about public VIF verification and address ranges', () => {
    const pub = vif({
      type: 'PUBLIC',
      asn: '3356',
      addressMode: 'manual',
      customerAddress: '8.8.4.2/30',
      amazonAddress: '8.8.4.1/30',
      mtu: '',
      targetKind: 'none',
      routeFilterPrefixes: '2600:1f18::/32',
    });
    const result = validateVifAgainst(pub, context());
    expect(result.ok).toBe(true);
    expect(result.warnings.asn?.[0]).toMatch(/AS 3356 is a public ASN/);
    expect(result.warnings.routeFilterPrefixes).toEqual([
      expect.stringMatching(/None of these prefixes is IPv4/),
      expect.stringMatching(/AWS checks that these prefixes are registered to you/),
    ]);
    const lab = vif({ addressMode: 'manual', customerAddress: '192.0.2.2/30', amazonAddress: '192.0.2.1/30' });
    expect(Object.keys(validateVifAgainst(lab, context()).warnings)).toEqual(['customerAddress', 'amazonAddress']);
  });
});
