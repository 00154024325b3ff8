import { describe, expect, it } from 'vitest';
import { checkAmazonSideAsn, readAmazonSideAsn } from './asn';
import {
  associationIsLive,
  checkDxGatewayAcceptsVif,
  checkDxGatewayDeletable,
  checkDxGatewayQuota,
  checkGatewayAssociation,
  checkRoutePropagation,
  checkVpnGatewayAcceptsVif,
  checkVpnGatewayAttach,
  checkVpnGatewayDeletable,
  checkVpnGatewayDetach,
} from './rules';
import { firstFailure, fail, pass, type RuleResult } from './result';

const message = (r: RuleResult) => (r.ok ? null : r.message);

describe('Amazon-side ASN', () => {
  it.each([64512, 65534, 4200000000, 4294967294])('accepts private AS %d', (asn) => {
    expect(checkAmazonSideAsn(asn)).toBeNull();
  });
  it.each([1, 7224, 64511, 65535, 4199999999, 4294967295, 0])('refuses AS %d with the ranges', (asn) => {
    expect(checkAmazonSideAsn(asn)).toBe(
      `AS ${asn} cannot be the Amazon-side ASN: AWS accepts only private ASNs here, 64512–65534 or 4200000000–4294967294 (default 64512).`,
    );
  });
  it('refuses fractions', () => {
    expect(checkAmazonSideAsn(64512.5)).toMatch(/whole number/);
  });
  it('defaults empty input to 64512 and reads notations', () => {
    expect(readAmazonSideAsn(undefined)).toEqual({ ok: true, asn: 64512 });
    expect(readAmazonSideAsn('  ')).toEqual({ ok: true, asn: 64512 });
    expect(readAmazonSideAsn(null)).toEqual({ ok: true, asn: 64512 });
    expect(readAmazonSideAsn('AS65000')).toEqual({ ok: true, asn: 65000 });
    expect(readAmazonSideAsn('64086.59904')).toEqual({ ok: true, asn: 4200000000 });
    expect(readAmazonSideAsn('4,200,000,000')).toEqual({ ok: true, asn: 4200000000 });
    expect(readAmazonSideAsn('7224')).toMatchObject({ ok: false, message: expect.stringMatching(/only private ASNs/) });
    expect(readAmazonSideAsn('x')).toMatchObject({ ok: false, message: expect.stringMatching(/not an AS number/) });
  });
});

describe('result helpers', () => {
  it('returns the first failure', () => {
    expect(firstFailure(pass(), fail('a'), fail('b'))).toEqual({ ok: false, message: 'a' });
    expect(firstFailure(pass(), pass())).toEqual({ ok: true });
    expect(firstFailure()).toEqual({ ok: true });
  });
});

describe('Direct Connect gateway quota', () => {
  it('allows up to 200 per account', () => {
    expect(checkDxGatewayQuota({ existingCount: 0 }).ok).toBe(true);
    expect(checkDxGatewayQuota({ existingCount: 199 }).ok).toBe(true);
    expect(message(checkDxGatewayQuota({ existingCount: 200 }))).toMatch(/already has 200 Direct Connect gateways; AWS allows 200 per account/);
  });
});

describe('checkDxGatewayAcceptsVif', () => {
  const gw = (attachedVifTypes: ('PRIVATE' | 'TRANSIT')[], state: 'available' | 'pending' | 'deleting' | 'deleted' | null = 'available') => ({
    id: 'dxgw-1',
    name: 'core',
    state,
    attachedVifTypes,
  });
  it('takes a private VIF on an empty available gateway', () => {
    expect(checkDxGatewayAcceptsVif({ gateway: gw([]), vifType: 'PRIVATE' }).ok).toBe(true);
    expect(checkDxGatewayAcceptsVif({ gateway: gw([]), vifType: 'TRANSIT' }).ok).toBe(true);
  });
  it('refuses public VIFs', () => {
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw([]), vifType: 'PUBLIC' }))).toMatch(/Public virtual interfaces do not attach/);
  });
  it('explains gateway states', () => {
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw([], null), vifType: 'PRIVATE' }))).toMatch(/"core" is still being created/);
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw([], 'pending'), vifType: 'PRIVATE' }))).toMatch(/still being created/);
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw([], 'deleting'), vifType: 'PRIVATE' }))).toMatch(/being deleted; choose another/);
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw([], 'deleted'), vifType: 'PRIVATE' }))).toMatch(/is deleted; choose another/);
  });
  it('allows 30 VIFs per gateway', () => {
    expect(checkDxGatewayAcceptsVif({ gateway: gw(Array(29).fill('PRIVATE')), vifType: 'PRIVATE' }).ok).toBe(true);
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw(Array(30).fill('PRIVATE')), vifType: 'PRIVATE' }))).toMatch(
      /already has 30 virtual interfaces attached; AWS allows 30 per gateway/,
    );
  });
  it('does not mix private and transit VIFs', () => {
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw(['TRANSIT']), vifType: 'PRIVATE' }))).toMatch(
      /already carries transit virtual interfaces, so it cannot take a private one/,
    );
    expect(message(checkDxGatewayAcceptsVif({ gateway: gw(['PRIVATE']), vifType: 'TRANSIT' }))).toMatch(/cannot take a transit one/);
    expect(checkDxGatewayAcceptsVif({ gateway: gw(['TRANSIT']), vifType: 'TRANSIT' }).ok).toBe(true);
  });
});

describe('checkVpnGatewayAcceptsVif', () => {
  it('needs an available gateway in the connection Region', () => {
    const gateway = { id: 'vgw-1', state: 'available' as const, region: 'eu-west-1' };
    expect(checkVpnGatewayAcceptsVif({ gateway, connectionRegion: 'eu-west-1' }).ok).toBe(true);
    expect(message(checkVpnGatewayAcceptsVif({ gateway, connectionRegion: 'us-east-1' }))).toMatch(
      /vgw-1 is in eu-west-1, but the connection is in us-east-1.*use a Direct Connect gateway/,
    );
    expect(message(checkVpnGatewayAcceptsVif({ gateway: { ...gateway, state: 'pending' }, connectionRegion: 'eu-west-1' }))).toMatch(
      /still being created/,
    );
  });
});

describe('checkDxGatewayDeletable', () => {
  const base = { id: 'dxgw-1', state: 'available' as const, associationCount: 0, attachedVifCount: 0 };
  it('deletes a free gateway', () => expect(checkDxGatewayDeletable(base).ok).toBe(true));
  it('refuses while associations or VIFs remain', () => {
    expect(message(checkDxGatewayDeletable({ ...base, associationCount: 2 }))).toMatch(/associated with 2 virtual private gateways. Remove the associations first/);
    expect(message(checkDxGatewayDeletable({ ...base, attachedVifCount: 1 }))).toMatch(/still has 1 virtual interface attached/);
    expect(message(checkDxGatewayDeletable({ ...base, state: 'deleting' }))).toMatch(/already deleting/);
  });
});

describe('checkVpnGatewayAttach', () => {
  const gateway = (attachment: { vpcId: string; state: 'attaching' | 'attached' | 'detaching' | 'detached' } | null, state: 'available' | 'pending' = 'available') => ({
    id: 'vgw-1',
    state,
    attachment,
  });
  const vpc = { id: 'vpc-0123456789abcdef0' };
  it('attaches a free gateway to a VPC without one', () => {
    expect(checkVpnGatewayAttach({ gateway: gateway(null), vpc }).ok).toBe(true);
    expect(checkVpnGatewayAttach({ gateway: gateway({ vpcId: 'vpc-old', state: 'detached' }), vpc }).ok).toBe(true);
  });
  it('refuses a second attachment and busy states', () => {
    expect(message(checkVpnGatewayAttach({ gateway: gateway({ vpcId: 'vpc-other', state: 'attached' }), vpc }))).toMatch(
      /attached to vpc-other. A virtual private gateway attaches to one VPC at a time/,
    );
    expect(message(checkVpnGatewayAttach({ gateway: gateway({ vpcId: vpc.id, state: 'attached' }), vpc }))).toMatch(/already attached to vpc-0123/);
    expect(message(checkVpnGatewayAttach({ gateway: gateway({ vpcId: vpc.id, state: 'detaching' }), vpc }))).toMatch(/still detaching/);
    expect(message(checkVpnGatewayAttach({ gateway: gateway(null, 'pending'), vpc }))).toMatch(/still being created/);
  });
  it('refuses a VPC that already has another gateway', () => {
    expect(message(checkVpnGatewayAttach({ gateway: gateway(null), vpc: { ...vpc, attachedVpnGatewayId: 'vgw-9' } }))).toMatch(
      /already has virtual private gateway vgw-9 attached; a VPC can have only one/,
    );
  });
});

describe('checkVpnGatewayDetach / Deletable', () => {
  it('detaches only an attached gateway', () => {
    expect(checkVpnGatewayDetach({ gateway: { id: 'vgw-1', attachment: { vpcId: 'vpc-1', state: 'attached' } } }).ok).toBe(true);
    expect(message(checkVpnGatewayDetach({ gateway: { id: 'vgw-1', attachment: null } }))).toMatch(/not attached/);
    expect(message(checkVpnGatewayDetach({ gateway: { id: 'vgw-1', attachment: { vpcId: 'vpc-1', state: 'detaching' } } }))).toMatch(/already detaching/);
  });
  const base = { id: 'vgw-1', state: 'available' as const, attachment: null, associationCount: 0, attachedVifCount: 0 };
  it('deletes only detached, unassociated gateways without VIFs', () => {
    expect(checkVpnGatewayDeletable(base).ok).toBe(true);
    expect(message(checkVpnGatewayDeletable({ ...base, attachment: { vpcId: 'vpc-1', state: 'attached' } }))).toMatch(
      /is attached to vpc-1. EC2 deletes only detached gateways/,
    );
    expect(message(checkVpnGatewayDeletable({ ...base, attachment: { vpcId: 'vpc-1', state: 'detaching' } }))).toMatch(/is detaching from vpc-1/);
    expect(message(checkVpnGatewayDeletable({ ...base, associationCount: 1 }))).toMatch(/Remove the association first/);
    expect(message(checkVpnGatewayDeletable({ ...base, attachedVifCount: 2 }))).toMatch(/2 virtual interfaces attached/);
  });
});

describe('checkGatewayAssociation', () => {
  const dx = { id: 'dxgw-1', name: 'core', state: 'available' as const, associationCount: 0, attachedVifTypes: [] as ('PRIVATE' | 'TRANSIT')[] };
  const vgw = {
    id: 'vgw-1',
    state: 'available' as const,
    attachment: { vpcId: 'vpc-1', state: 'attached' as const } as { vpcId: string; state: 'attaching' | 'attached' | 'detaching' | 'detached' } | null,
    associatedDxGateway: null as { id: string; name?: string } | null,
  };
  it('associates an attached, unassociated gateway', () => {
    expect(checkGatewayAssociation({ dxGateway: dx, vpnGateway: vgw }).ok).toBe(true);
  });
  it('needs the VGW attached to a VPC first', () => {
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, attachment: null } }))).toMatch(
      /must be attached to a VPC before it can be associated/,
    );
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, attachment: { vpcId: 'vpc-1', state: 'detaching' } } }))).toMatch(
      /must be attached to a VPC/,
    );
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, attachment: { vpcId: 'vpc-1', state: 'attaching' } } }))).toMatch(
      /still attaching to vpc-1/,
    );
  });
  it('allows one Direct Connect gateway per VGW', () => {
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, associatedDxGateway: { id: 'dxgw-2', name: 'edge' } } }))).toMatch(
      /already associated with Direct Connect gateway "edge", and a virtual private gateway can be associated with only one/,
    );
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, associatedDxGateway: { id: 'dxgw-1' } } }))).toMatch(
      /already associated with Direct Connect gateway "core"\.$/,
    );
  });
  it('allows 20 VGWs per Direct Connect gateway', () => {
    expect(checkGatewayAssociation({ dxGateway: { ...dx, associationCount: 19 }, vpnGateway: vgw }).ok).toBe(true);
    expect(message(checkGatewayAssociation({ dxGateway: { ...dx, associationCount: 20 }, vpnGateway: vgw }))).toMatch(
      /already has 20 virtual private gateways associated; AWS allows 20/,
    );
  });
  it('refuses a gateway that carries transit VIFs, and gateways that are not available', () => {
    expect(message(checkGatewayAssociation({ dxGateway: { ...dx, attachedVifTypes: ['TRANSIT'] }, vpnGateway: vgw }))).toMatch(/carries transit virtual interfaces/);
    expect(message(checkGatewayAssociation({ dxGateway: { ...dx, state: 'pending' }, vpnGateway: vgw }))).toMatch(/"core" is still being created/);
    expect(message(checkGatewayAssociation({ dxGateway: dx, vpnGateway: { ...vgw, state: 'deleting' } }))).toMatch(/vgw-1 is being deleted/);
  });
  it('treats only disassociated associations as gone', () => {
    expect(associationIsLive('disassociated')).toBe(false);
    expect(associationIsLive(null)).toBe(true);
    expect(associationIsLive('disassociating')).toBe(true);
  });
});

describe('checkRoutePropagation', () => {
  const gateway = { id: 'vgw-1', attachment: { vpcId: 'vpc-1', state: 'attached' as const } };
  it('propagates into route tables of the attached VPC only', () => {
    expect(checkRoutePropagation({ gateway, routeTables: [{ id: 'rtb-1', vpcId: 'vpc-1' }] }).ok).toBe(true);
    expect(message(checkRoutePropagation({ gateway, routeTables: [{ id: 'rtb-1', vpcId: 'vpc-1' }, { id: 'rtb-2', vpcId: 'vpc-2' }] }))).toBe(
      'Route propagation works only on route tables of vpc-1, the VPC the gateway is attached to; rtb-2 (in vpc-2) belongs to another VPC.',
    );
    expect(message(checkRoutePropagation({ gateway: { id: 'vgw-1', attachment: null }, routeTables: [] }))).toMatch(/must be attached to a VPC/);
  });
});
