import { describe, expect, it } from 'vitest';
import { createVifSchema, type CreateVifInput } from './schema';

const fieldErrors = (input: unknown) => {
  const result = createVifSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.') || '_form'] ??= []).push(issue.message);
  return out;
};

/** The form submits parsed values and the action parses them again: the output must be a fixed point. */
const parseTwice = (input: CreateVifInput) => {
  const once = createVifSchema.parse(input);
  expect(createVifSchema.parse(once)).toEqual(once);
  return once;
};

const privateVif: CreateVifInput = {
  connectionId: 'conn-1',
  type: 'PRIVATE',
  name: 'prod-vpc-1',
  vlan: '101',
  addressFamily: 'ipv4',
  asn: '65000',
  addressMode: 'auto',
  customerAddress: '',
  amazonAddress: '',
  authKeyMode: 'generate',
  authKey: '',
  mtu: '1500',
  owner: 'self',
  otherAccountId: '',
  targetKind: 'dxGateway',
  dxGatewayId: 'dxgw-1',
  vpnGatewayId: '',
  routeFilterPrefixes: '',
};

describe('createVifSchema: valid requests round-trip', () => {
  it('private VIF to a Direct Connect gateway, automatic addresses and key', () => {
    expect(parseTwice(privateVif)).toEqual({
      connectionId: 'conn-1',
      type: 'PRIVATE',
      name: 'prod-vpc-1',
      vlan: 101,
      addressFamily: 'ipv4',
      asn: 65000,
      addressMode: 'auto',
      authKeyMode: 'generate',
      mtu: 1500,
      owner: 'self',
      targetKind: 'dxGateway',
      dxGatewayId: 'dxgw-1',
      routeFilterPrefixes: [],
    });
  });

  it('private VIF to a virtual private gateway with manual addresses, key and jumbo MTU', () => {
    expect(
      parseTwice({
        ...privateVif,
        addressMode: 'manual',
        customerAddress: ' 169.254.10.2/30 ',
        amazonAddress: '169.254.10.1/30',
        authKeyMode: 'manual',
        authKey: 'my-Secret.key',
        mtu: 9001,
        targetKind: 'vpnGateway',
        vpnGatewayId: 'vgw-1',
        asn: 'AS4,200,000,001',
      }),
    ).toMatchObject({
      customerAddress: '169.254.10.2/30',
      amazonAddress: '169.254.10.1/30',
      authKey: 'my-Secret.key',
      mtu: 9001,
      targetKind: 'vpnGateway',
      vpnGatewayId: 'vgw-1',
      asn: 4200000001,
    });
  });

  it('transit VIF with MTU 8500 and an asdot ASN', () => {
    expect(parseTwice({ ...privateVif, type: 'TRANSIT', mtu: '8500', asn: '64086.59905' })).toMatchObject({ type: 'TRANSIT', mtu: 8500, asn: 4200000001 });
  });

  it('public VIF with public addresses and prefixes, no MTU, no gateway', () => {
    const vif = parseTwice({
      ...privateVif,
      type: 'PUBLIC',
      asn: '3356',
      addressMode: 'manual',
      customerAddress: '8.8.4.2/30',
      amazonAddress: '8.8.4.1/30',
      mtu: '',
      targetKind: 'none',
      dxGatewayId: 'stale',
      routeFilterPrefixes: '8.8.4.0/24\n8.8.4.0/24\n2600:1F18::/32',
    });
    expect(vif).toMatchObject({ type: 'PUBLIC', routeFilterPrefixes: ['8.8.4.0/24', '2600:1f18::/32'], targetKind: 'none' });
    expect(vif).not.toHaveProperty('mtu');
    expect(vif).not.toHaveProperty('dxGatewayId');
  });

  it('IPv6 VIF with automatic addresses', () => {
    expect(parseTwice({ ...privateVif, addressFamily: 'ipv6' })).toMatchObject({ addressFamily: 'ipv6', addressMode: 'auto' });
  });

  it('hosted VIF for another account: no gateway', () => {
    expect(parseTwice({ ...privateVif, owner: 'other', otherAccountId: '1234 5678 9012', targetKind: 'none' })).toMatchObject({
      owner: 'other',
      otherAccountId: '123456789012',
      targetKind: 'none',
    });
  });

  it('drops values of hidden fields: addresses in auto mode, key in generate mode, the gateway not chosen', () => {
    const vif = parseTwice({ ...privateVif, customerAddress: 'junk', amazonAddress: 'junk', authKey: 'x', vpnGatewayId: 'vgw-9', otherAccountId: 'junk' });
    expect(vif).not.toHaveProperty('customerAddress');
    expect(vif).not.toHaveProperty('authKey');
    expect(vif).not.toHaveProperty('vpnGatewayId');
    expect(vif).not.toHaveProperty('otherAccountId');
  });

  it('infers the modes when an API caller leaves them out', () => {
    const vif = parseTwice({
      connectionId: 'c',
      type: 'PRIVATE',
      name: 'api',
      vlan: 5,
      asn: 65000,
      customerAddress: '169.254.1.2/30',
      amazonAddress: '169.254.1.1/30',
      authKey: 'abcdefgh',
      vpnGatewayId: 'vgw-1',
    });
    expect(vif).toMatchObject({ addressMode: 'manual', authKeyMode: 'manual', targetKind: 'vpnGateway', addressFamily: 'ipv4', owner: 'self', mtu: 1500 });
    expect(fieldErrors({ connectionId: 'c', type: 'PRIVATE', name: 'api', vlan: 5, asn: 65000, dxGatewayId: 'a', vpnGatewayId: 'b' })).toEqual({
      targetKind: ['Choose either a Direct Connect gateway or a virtual private gateway, not both.'],
    });
    expect(fieldErrors({ connectionId: 'c', type: 'PUBLIC', name: 'api', vlan: 5, asn: 65000, addressFamily: 'ipv6', routeFilterPrefixes: ['8.8.8.0/24'] })).toEqual({});
  });
});

describe('createVifSchema: every problem at once', () => {
  it('reports all fields in one pass', () => {
    expect(
      fieldErrors({
        connectionId: '',
        type: 'PUBLIC',
        name: 'Prod VIF',
        vlan: 4095,
        asn: '23456',
        addressMode: 'auto',
        authKeyMode: 'manual',
        authKey: 'abc',
        mtu: '1500',
        owner: 'other',
        otherAccountId: '42',
        targetKind: 'dxGateway',
        routeFilterPrefixes: '10.0.0.0/8\n8.8.8.1/24',
      }),
    ).toEqual({
      connectionId: ['Choose the connection the virtual interface runs on.'],
      name: ['AWS allows lower-case letters, digits and hyphens in virtual interface names; try "prod-vif".'],
      vlan: ['VLAN 4095 is reserved by 802.1Q; use 1 to 4094.'],
      asn: [expect.stringMatching(/AS_TRANS/)],
      addressMode: [expect.stringMatching(/public virtual interface needs public IPv4 peer addresses/)],
      authKey: ['The BGP key must be 6 to 80 characters long; this one has 3.'],
      mtu: ['Public virtual interfaces have no MTU setting (AWS always uses 1500); leave the MTU empty.'],
      otherAccountId: ['An AWS account id is 12 digits, e.g. 123456789012; "42" is not.'],
      targetKind: [expect.stringMatching(/chooses its gateway when it accepts/)],
      routeFilterPrefixes: [expect.stringMatching(/^10\.0\.0\.0\/8 is private space/), '8.8.8.1/24 has host bits set; did you mean 8.8.8.0/24?'],
    });
  });

  it('keeps a type error as the only message of its field and still checks the rest', () => {
    expect(fieldErrors({ type: 'BAD', vlan: true, name: 'ok', asn: '65000', connectionId: 'c' })).toEqual({
      type: ['Choose a private, transit or public virtual interface.'],
      vlan: ['Enter a VLAN ID from 1 to 4094.'],
    });
    expect(fieldErrors({})).toEqual({
      connectionId: ['Choose the connection the virtual interface runs on.'],
      type: ['Choose a private, transit or public virtual interface.'],
      name: [expect.stringMatching(/Give the virtual interface a name/)],
      vlan: ['Enter a VLAN ID from 1 to 4094.'],
      asn: [expect.stringMatching(/Enter your BGP ASN/)],
    });
  });

  it('needs both addresses in manual mode on a private VIF', () => {
    expect(fieldErrors({ ...privateVif, addressMode: 'manual' })).toEqual({
      customerAddress: ['Enter the customer address, e.g. 169.254.10.2/30, or choose automatic addressing to let AWS assign a pair from 169.254.0.0/16.'],
      amazonAddress: ['Enter the Amazon address, e.g. 169.254.10.1/30, or choose automatic addressing to let AWS assign a pair from 169.254.0.0/16.'],
    });
    expect(fieldErrors({ ...privateVif, addressMode: 'manual', customerAddress: '169.254.10.2/30' })).toEqual({
      amazonAddress: [expect.stringMatching(/^Enter the Amazon address too/)],
    });
  });

  it('refuses IPv6 addresses: AWS assigns them', () => {
    expect(fieldErrors({ ...privateVif, addressFamily: 'ipv6', addressMode: 'manual', customerAddress: '2001:db8::2/125' })).toEqual({
      addressMode: ['AWS assigns IPv6 peer addresses itself; choose automatic addressing and leave both addresses empty.'],
      customerAddress: ['AWS assigns IPv6 peer addresses itself; leave both empty.'],
    });
    expect(fieldErrors({ connectionId: 'c', type: 'PRIVATE', name: 'a', vlan: 5, asn: 65000, dxGatewayId: 'd', addressFamily: 'ipv6', amazonAddress: '2001:db8::1/125' })).toEqual({
      addressMode: [expect.stringMatching(/AWS assigns IPv6 peer addresses itself/)],
      amazonAddress: ['AWS assigns IPv6 peer addresses itself; leave both empty.'],
    });
  });

  it('applies the per-type MTU and prefix rules', () => {
    expect(fieldErrors({ ...privateVif, mtu: '8500' }).mtu?.[0]).toMatch(/takes MTU 1500 or 9001/);
    expect(fieldErrors({ ...privateVif, type: 'TRANSIT', mtu: '9001' }).mtu?.[0]).toMatch(/takes MTU 1500 or 8500/);
    expect(fieldErrors({ ...privateVif, routeFilterPrefixes: '8.8.8.0/24' }).routeFilterPrefixes?.[0]).toMatch(/Only public virtual interfaces take route filter prefixes/);
    expect(fieldErrors({ ...privateVif, routeFilterPrefixes: ['', ' '] })).toEqual({});
    expect(
      fieldErrors({ ...privateVif, type: 'PUBLIC', targetKind: 'none', mtu: '', addressMode: 'manual', customerAddress: '8.8.4.2/30', amazonAddress: '8.8.4.1/30' })
        .routeFilterPrefixes?.[0],
    ).toMatch(/needs at least one prefix/);
  });

  it('needs a key in manual mode and checks it', () => {
    expect(fieldErrors({ ...privateVif, authKeyMode: 'manual' })).toEqual({ authKey: ['Enter the BGP MD5 key, or let AWS generate one.'] });
    expect(fieldErrors({ ...privateVif, authKeyMode: 'manual', authKey: 'has space' }).authKey?.[0]).toMatch(/cannot contain spaces/);
    expect(fieldErrors({ ...privateVif, authKeyMode: 'manual', authKey: 'x'.repeat(81) }).authKey?.[0]).toMatch(/this one has 81/);
  });

  it('needs the chosen gateway id', () => {
    expect(fieldErrors({ ...privateVif, dxGatewayId: '' })).toEqual({ dxGatewayId: ['Choose a Direct Connect gateway.'] });
    expect(fieldErrors({ ...privateVif, targetKind: 'none' }).targetKind?.[0]).toMatch(/choose one/);
  });

  it('accepts FormData-style strings', () => {
    expect(createVifSchema.safeParse({ ...privateVif, vlan: '4094', asn: '4294967294', mtu: '9001' }).success).toBe(true);
    expect(fieldErrors({ ...privateVif, vlan: '0' }).vlan?.[0]).toMatch(/VLAN 0 is reserved/);
    expect(fieldErrors({ ...privateVif, vlan: 'ten' }).vlan?.[0]).toMatch(/"ten" is not a VLAN ID/);
  });
});
