import type { AddressFamilyValue } from './constants';
import type { VifType } from '@/lib/db/generated/enums';
import { MTU_OPTIONS } from './constants';
import type { AddressMode, AuthKeyMode } from './create-vif';
import type { CreateVifInput } from './schema';
import { targetKindsFor, type TargetKind, type VifOwner } from './targets';
import { vlanChoice } from './vlan';

/**
 * Which wizard fields apply to the current choices. Fields that do not apply must be cleared
 * (the schema refuses an MTU on a public VIF and prefixes on a private one), so the wizard
 * hides and resets them together.
 */
export function applicableVifFields(values: {
  type: VifType;
  owner: VifOwner;
  addressFamily: AddressFamilyValue;
  addressMode: AddressMode;
  authKeyMode: AuthKeyMode;
  targetKind: TargetKind;
}) {
  const targetKinds = targetKindsFor(values.type, values.owner);
  const ipv4 = values.addressFamily === 'ipv4';
  return {
    /** Only IPv4 has a choice; public IPv4 is always manual, IPv6 always automatic. */
    addressModes: (!ipv4 ? ['auto'] : values.type === 'PUBLIC' ? ['manual'] : ['auto', 'manual']) satisfies AddressMode[],
    addresses: ipv4 && (values.addressMode === 'manual' || values.type === 'PUBLIC'),
    authKey: values.authKeyMode === 'manual',
    mtuOptions: MTU_OPTIONS[values.type],
    mtu: values.type !== 'PUBLIC',
    routeFilterPrefixes: values.type === 'PUBLIC',
    otherAccountId: values.owner === 'other',
    targetKinds,
    dxGatewayId: values.targetKind === 'dxGateway' && targetKinds.includes('dxGateway'),
    vpnGatewayId: values.targetKind === 'vpnGateway' && targetKinds.includes('vpnGateway'),
  };
}

/** Starting values for the wizard on a connection: VLAN fixed (hosted) or suggested. */
export function createVifDefaults(args: { connectionId: string; hostedVlan: number | null; usedVlans: Iterable<number> }): Required<CreateVifInput> {
  const choice = vlanChoice(args);
  const vlan = choice.fixed ? choice.vlan : choice.suggestion;
  return {
    connectionId: args.connectionId,
    type: 'PRIVATE',
    name: '',
    vlan: vlan === null ? '' : String(vlan),
    addressFamily: 'ipv4',
    asn: '',
    addressMode: 'auto',
    customerAddress: '',
    amazonAddress: '',
    authKeyMode: 'generate',
    authKey: '',
    mtu: '1500',
    owner: 'self',
    otherAccountId: '',
    targetKind: 'dxGateway',
    dxGatewayId: '',
    vpnGatewayId: '',
    routeFilterPrefixes: '',
  };
}
