import type { VifType } from '@/lib/db/generated/enums';
import { error, type Finding } from './findings';

export const VIF_OWNERS = ['self', 'other'] as const;
export type VifOwner = (typeof VIF_OWNERS)[number];
export const TARGET_KINDS = ['dxGateway', 'vpnGateway', 'none'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** The gateway kinds a VIF can attach to, first one the wizard's default. */
export function targetKindsFor(type: VifType, owner: VifOwner): readonly TargetKind[] {
  if (owner === 'other' || type === 'PUBLIC') return ['none'];
  return type === 'PRIVATE' ? ['dxGateway', 'vpnGateway'] : ['dxGateway'];
}

/**
 * Attachment rules: private → exactly one Direct Connect gateway or virtual private gateway;
 * transit → a Direct Connect gateway; public → none. A VIF for another account (hosted VIF) is
 * allocated without a gateway: its owner picks one when accepting it.
 */
export function checkTarget(args: {
  type: VifType;
  owner: VifOwner;
  targetKind: TargetKind;
  dxGatewayId?: string | null;
  vpnGatewayId?: string | null;
}): Finding[] {
  const { type, owner, targetKind } = args;
  if (owner === 'other') {
    return targetKind === 'none'
      ? []
      : [error('targetKind', 'A virtual interface for another AWS account has no gateway yet: that account chooses its gateway when it accepts the interface.')];
  }
  if (type === 'PUBLIC') {
    return targetKind === 'none'
      ? []
      : [error('targetKind', 'Public virtual interfaces do not attach to a gateway; they reach AWS public endpoints directly.')];
  }
  if (type === 'TRANSIT' && targetKind !== 'dxGateway') {
    return [
      error(
        'targetKind',
        targetKind === 'vpnGateway'
          ? 'A transit virtual interface attaches only to a Direct Connect gateway (associated with your transit gateways), not to a virtual private gateway.'
          : 'Choose the Direct Connect gateway the transit virtual interface attaches to.',
      ),
    ];
  }
  if (targetKind === 'none') {
    return [
      error(
        'targetKind',
        'A private virtual interface attaches to a Direct Connect gateway (VPCs in any Region) or to a virtual private gateway (one VPC in this Region); choose one.',
      ),
    ];
  }
  if (targetKind === 'dxGateway' && !args.dxGatewayId?.trim()) return [error('dxGatewayId', 'Choose a Direct Connect gateway.')];
  if (targetKind === 'vpnGateway' && !args.vpnGatewayId?.trim()) return [error('vpnGatewayId', 'Choose a virtual private gateway.')];
  return [];
}

/** A 12-digit AWS account id; spaces and hyphens as the console prints them are dropped. */
export function normaliseAccountId(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function checkOtherAccountId(text: string | null | undefined): string | null {
  const id = normaliseAccountId(text ?? '');
  if (id === '') return "Enter the 12-digit id of the AWS account that will own the virtual interface.";
  if (!/^\d{12}$/.test(id)) return `An AWS account id is 12 digits, e.g. 123456789012; "${(text ?? '').trim()}" is not.`;
  return null;
}

/** A hosted VIF goes to a different account; for the connection's own account, create it directly. */
export function checkOtherAccountDiffers(otherAccountId: string, connectionOwnerAccountId: string): string | null {
  if (normaliseAccountId(otherAccountId) !== normaliseAccountId(connectionOwnerAccountId)) return null;
  return `${connectionOwnerAccountId} is the account that owns this connection; choose "this account" as the owner instead, or enter the other account's id.`;
}
