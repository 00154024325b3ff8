import { describe, expect, it } from 'vitest';
import { bgpPeerStateLabels, bgpStatusLabels, vifPortalStatusLabels, vifStateLabels } from './labels';
import { vifTroubleshootingChecklist, type TroubleshootingFacts } from './troubleshooting';
import { applicableVifFields, createVifDefaults } from './wizard';

const facts: TroubleshootingFacts = {
  type: 'PRIVATE',
  vlan: 101,
  addressFamily: 'ipv4',
  customerAddress: '169.254.10.2/30',
  amazonAddress: '169.254.10.1/30',
  asn: 65000,
  amazonSideAsn: 64512,
  authKeySet: true,
  mtu: 1500,
  awsState: 'down',
  bgpStatus: 'down',
  connectionState: 'available',
  routerInterface: 'ens5',
};

describe('vifTroubleshootingChecklist', () => {
  it('lists concrete checks in order for a private VIF', () => {
    const items = vifTroubleshootingChecklist(facts);
    expect(items.map((i) => i.id)).toEqual(['vlan', 'addresses', 'asn', 'md5', 'firewall', 'bgp-settings', 'vpc-path', 'traceroute']);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.vlan?.title).toBe("VLAN tag 101 on the router's subinterface");
    expect(byId.vlan?.detail).toContain('ip -d link show ens5.101');
    expect(byId.addresses?.title).toBe('Addresses: yours 169.254.10.2/30, Amazon 169.254.10.1');
    expect(byId.addresses?.detail).toContain('ping -c 3 169.254.10.1');
    expect(byId.asn?.title).toBe("ASNs: yours 65000, Amazon's 64512");
    expect(byId.asn?.detail).toContain('neighbor 169.254.10.1 remote-as 64512');
    expect(byId.md5?.detail).toMatch(/Reveal the key on this page/);
    expect(byId.firewall?.detail).toMatch(/TCP port 179 between 169\.254\.10\.2 and 169\.254\.10\.1.*iptables\/nftables/);
    expect(byId['vpc-path']?.detail).toMatch(/security group must allow ICMP.*virtual private gateway/);
    expect(byId.traceroute?.detail).toMatch(/169\.254\.10\.1 as the first hop/);
    expect(byId['bgp-settings']?.detail).toMatch(/at most 100 prefixes/);
  });

  it('puts what the router cannot fix first', () => {
    const ids = vifTroubleshootingChecklist({ ...facts, type: 'PUBLIC', awsState: 'verifying', connectionState: 'down' }).map((i) => i.id);
    expect(ids.slice(0, 3)).toEqual(['link', 'verification', 'vlan']);
    expect(ids).not.toContain('vpc-path');
    expect(vifTroubleshootingChecklist({ ...facts, awsState: 'testing' })[0]?.id).toBe('testing');
  });

  it('adapts to missing facts, jumbo MTU, IPv6, transit and an unknown key', () => {
    const items = vifTroubleshootingChecklist({
      ...facts,
      type: 'TRANSIT',
      addressFamily: 'ipv6',
      customerAddress: '2600:1f18::2/125',
      amazonAddress: '2600:1f18::1/125',
      amazonSideAsn: null,
      authKeySet: false,
      mtu: 8500,
      routerInterface: null,
    });
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.addresses?.detail).toContain('ping -6 -c 3 2600:1f18::1');
    expect(byId.vlan?.detail).toContain('eth1.101');
    expect(byId.asn?.title).toBe("ASNs: yours 65000, Amazon's the Amazon-side ASN shown for this interface");
    expect(byId.md5?.detail).toMatch(/AWS generated it/);
    expect(byId.mtu?.title).toBe('Interface MTU 8500');
    expect(byId['vpc-path']?.detail).toMatch(/transit gateway's route table/);
    const unknown = vifTroubleshootingChecklist({ ...facts, customerAddress: null, amazonAddress: null });
    expect(unknown.find((i) => i.id === 'addresses')?.detail).toMatch(/has not reported the peer addresses yet/);
  });
});

describe('labels', () => {
  it('has a label, tone and help for every state', () => {
    for (const map of [vifStateLabels, bgpPeerStateLabels, bgpStatusLabels, vifPortalStatusLabels]) {
      for (const value of Object.values(map)) expect(value.label.length).toBeGreaterThan(0);
    }
    expect(vifStateLabels.down.tone).toBe('danger');
    expect(bgpStatusLabels.up.tone).toBe('success');
  });
});

describe('wizard helpers', () => {
  it('shows only the fields that apply', () => {
    const base = { type: 'PRIVATE', owner: 'self', addressFamily: 'ipv4', addressMode: 'auto', authKeyMode: 'generate', targetKind: 'dxGateway' } as const;
    expect(applicableVifFields(base)).toEqual({
      addressModes: ['auto', 'manual'],
      addresses: false,
      authKey: false,
      mtuOptions: [1500, 9001],
      mtu: true,
      routeFilterPrefixes: false,
      otherAccountId: false,
      targetKinds: ['dxGateway', 'vpnGateway'],
      dxGatewayId: true,
      vpnGatewayId: false,
    });
    expect(applicableVifFields({ ...base, type: 'PUBLIC', targetKind: 'none' })).toMatchObject({
      addressModes: ['manual'],
      addresses: true,
      mtu: false,
      mtuOptions: [],
      routeFilterPrefixes: true,
      targetKinds: ['none'],
      dxGatewayId: false,
    });
    expect(applicableVifFields({ ...base, addressFamily: 'ipv6', addressMode: 'manual' })).toMatchObject({ addressModes: ['auto'], addresses: false });
    expect(applicableVifFields({ ...base, owner: 'other' })).toMatchObject({ otherAccountId: true, targetKinds: ['none'], dxGatewayId: false });
  });
  it('starts the wizard with a suggested or fixed VLAN', () => {
    expect(createVifDefaults({ connectionId: 'c', hostedVlan: null, usedVlans: [100] })).toMatchObject({ connectionId: 'c', vlan: '101', type: 'PRIVATE', mtu: '1500' });
    expect(createVifDefaults({ connectionId: 'c', hostedVlan: 777, usedVlans: [] }).vlan).toBe('777');
  });
});
