import type { VirtualInterface as AwsVif } from '@aws-sdk/client-direct-connect';
import type { BgpPeerState, BgpStatus, VifState } from '../db/generated/client';
import { toAwsAsnFields, type CreateVif } from '../domain/virtual-interfaces';

/** The fields AWS's New*VirtualInterface(Allocation) structures share, from a validated request. */
export function newVifFields(input: CreateVif, tags: Array<{ key: string; value: string }>) {
  return {
    virtualInterfaceName: input.name,
    vlan: input.vlan,
    ...toAwsAsnFields(input.asn),
    ...(input.mtu !== undefined ? { mtu: input.mtu } : {}),
    ...(input.authKeyMode === 'manual' && input.authKey ? { authKey: input.authKey } : {}),
    ...(input.customerAddress ? { customerAddress: input.customerAddress } : {}),
    ...(input.amazonAddress ? { amazonAddress: input.amazonAddress } : {}),
    addressFamily: input.addressFamily,
    tags,
  };
}

export type PeerRow = {
  awsBgpPeerId: string | null;
  addressFamily: 'ipv4' | 'ipv6';
  asn: bigint;
  customerAddress: string | null;
  amazonAddress: string | null;
  state: BgpPeerState | null;
  bgpStatus: BgpStatus;
  awsDeviceV2: string | null;
};

/** The BGP peers AWS reports on a VIF, as portal rows. */
export function peersOf(vif: AwsVif): PeerRow[] {
  return (vif.bgpPeers ?? []).map((p) => ({
    awsBgpPeerId: p.bgpPeerId ?? null,
    addressFamily: p.addressFamily === 'ipv6' ? 'ipv6' : 'ipv4',
    asn: BigInt(p.asnLong ?? p.asn ?? 0),
    customerAddress: p.customerAddress ?? null,
    amazonAddress: p.amazonAddress ?? null,
    state: (p.bgpPeerState ?? null) as BgpPeerState | null,
    bgpStatus: (p.bgpStatus ?? 'unknown') as BgpStatus,
    awsDeviceV2: p.awsDeviceV2 ?? null,
  }));
}

/** The VIF's own columns as AWS reports them (the first peer of the VIF's family carries the addresses). */
export function vifColumnsOf(vif: AwsVif) {
  const family = vif.addressFamily === 'ipv6' ? 'ipv6' : 'ipv4';
  const peer = vif.bgpPeers?.find((p) => p.addressFamily === family) ?? vif.bgpPeers?.[0];
  return {
    awsVirtualInterfaceId: vif.virtualInterfaceId ?? null,
    awsState: (vif.virtualInterfaceState ?? 'unknown') as VifState,
    amazonSideAsn: vif.amazonSideAsn !== undefined ? BigInt(vif.amazonSideAsn) : null,
    customerAddress: peer?.customerAddress ?? vif.customerAddress ?? null,
    amazonAddress: peer?.amazonAddress ?? vif.amazonAddress ?? null,
    mtu: vif.mtu ?? null,
    jumboFrameCapable: vif.jumboFrameCapable ?? null,
    awsDeviceV2: vif.awsDeviceV2 ?? null,
  };
}

/** The MD5 key AWS holds for the VIF (AWS generates one when none was given). */
export function authKeyOf(vif: AwsVif): string | null {
  const family = vif.addressFamily === 'ipv6' ? 'ipv6' : 'ipv4';
  return vif.bgpPeers?.find((p) => p.addressFamily === family)?.authKey ?? vif.authKey ?? null;
}
