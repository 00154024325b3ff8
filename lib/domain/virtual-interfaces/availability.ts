import type { AwsConnectionState, ConnectionType, VifPortalStatus, VifState, VifType } from '@/lib/db/generated/enums';
import {
  MAX_PRIVATE_PUBLIC_VIFS_PER_CONNECTION,
  MAX_TRANSIT_VIFS_PER_CONNECTION,
  MAX_VIFS_PER_CONNECTION,
  vifTypeInfo,
} from './constants';

export type VifTypeOption = { type: VifType; label: string; description: string } & ({ allowed: true } | { allowed: false; reason: string });

/**
 * Whether a VIF still occupies its connection (quota, VLAN, addresses): everything except VIFs
 * AWS reports deleted or rejected and portal requests that failed or finished deleting. VIFs
 * the portal has recorded but AWS has not created yet count, so two requests cannot race.
 */
export function vifCountsOnConnection(vif: { awsState: VifState | null; portalStatus: VifPortalStatus }): boolean {
  if (vif.portalStatus === 'CREATE_FAILED' || vif.portalStatus === 'DELETED') return false;
  return vif.awsState !== 'deleted' && vif.awsState !== 'rejected';
}

/** Why AWS will not take a new VIF on a connection in this state; null when it will. */
export function connectionStateBlocksVifs(state: AwsConnectionState | null): string | null {
  switch (state) {
    case 'available':
    case 'down':
    case 'pending':
      return null;
    case null:
      return 'The connection has not been created in AWS yet; virtual interfaces can be added once it has.';
    case 'ordering':
      return 'Accept the hosted connection first; AWS adds virtual interfaces only to accepted connections.';
    case 'requested':
      return 'AWS is still reviewing this connection; virtual interfaces can be added once it is pending or available.';
    case 'deleting':
    case 'deleted':
      return 'The connection is being deleted, so it cannot take new virtual interfaces.';
    case 'rejected':
      return 'The hosted connection was declined, so it cannot take virtual interfaces.';
    case 'unknown':
      return 'AWS reports the connection state as unknown; try again after the next refresh.';
  }
}

/**
 * Which VIF types a connection can take now, each with a one-sentence explanation and, when
 * not allowed, the reason. Quotas: a hosted connection carries one VIF of any type (transit
 * included, at any speed); a dedicated one up to 50 private/public plus 4 transit, 51 in all.
 * `existingVifs` are the VIFs that still count (see `vifCountsOnConnection`). `bandwidthMbps`
 * does not restrict types under current AWS rules; it is accepted for display and future rules.
 */
export function allowedVifTypes(args: {
  connectionType: ConnectionType;
  connectionState: AwsConnectionState | null;
  existingVifs: readonly { type: VifType }[];
  bandwidthMbps?: number;
}): Record<VifType, VifTypeOption> {
  const blocked = connectionStateBlocksVifs(args.connectionState);
  const total = args.existingVifs.length;
  const transit = args.existingVifs.filter((v) => v.type === 'TRANSIT').length;
  const reasonFor = (type: VifType): string | null => {
    if (blocked) return blocked;
    if (args.connectionType === 'HOSTED') {
      return total >= 1
        ? 'A hosted connection carries exactly one virtual interface, and this one already has it. Request another hosted connection for the next one, or delete the existing interface first.'
        : null;
    }
    if (total >= MAX_VIFS_PER_CONNECTION) return `This connection already has ${total} virtual interfaces, the AWS maximum per dedicated connection (${MAX_VIFS_PER_CONNECTION}).`;
    if (type === 'TRANSIT') {
      return transit >= MAX_TRANSIT_VIFS_PER_CONNECTION
        ? `This connection already has ${transit} transit virtual interfaces, the AWS maximum per dedicated connection (${MAX_TRANSIT_VIFS_PER_CONNECTION}).`
        : null;
    }
    return total - transit >= MAX_PRIVATE_PUBLIC_VIFS_PER_CONNECTION
      ? `This connection already has ${total - transit} private and public virtual interfaces, the AWS maximum per dedicated connection (${MAX_PRIVATE_PUBLIC_VIFS_PER_CONNECTION}).`
      : null;
  };
  const option = (type: VifType): VifTypeOption => {
    const base = { type, label: vifTypeInfo[type].label, description: vifTypeInfo[type].description };
    const reason = reasonFor(type);
    return reason === null ? { ...base, allowed: true } : { ...base, allowed: false, reason };
  };
  return { PRIVATE: option('PRIVATE'), TRANSIT: option('TRANSIT'), PUBLIC: option('PUBLIC') };
}

/** A down connection takes VIFs, but BGP cannot come up until the link does. */
export function connectionStateWarning(state: AwsConnectionState | null): string | null {
  if (state === 'down') return 'The connection is down: you can create the virtual interface now, but BGP stays down until the link is up.';
  if (state === 'pending') return 'The connection is still being set up: you can create the virtual interface now, but BGP comes up only once the link is up.';
  return null;
}
