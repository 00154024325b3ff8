/**
 * The one state an API client polls on for a virtual interface: where it is and whose move it is.
 * Pure, so the API, its OpenAPI document and the unit tests agree. BGP is reported beside it
 * (a VIF can be available with its BGP session down).
 */
import type { VifPortalStatus, VifState } from '../../db/generated/enums';

export const apiVifStates = [
  'awaiting_aws',
  'awaiting_owner_confirmation',
  'available',
  'down',
  'testing',
  'create_failed',
  'rejected',
  'deleting',
  'deleted',
  'unknown',
] as const;
export type ApiVifState = (typeof apiVifStates)[number];

export function apiVifState(f: { portalStatus: VifPortalStatus; awsState: VifState | null }): ApiVifState {
  if (f.portalStatus === 'CREATE_FAILED') return 'create_failed';
  if (f.portalStatus === 'DELETED' || f.awsState === 'deleted') return 'deleted';
  if (f.portalStatus === 'DELETING' || f.awsState === 'deleting') return 'deleting';
  if (f.portalStatus === 'REQUESTED' || f.portalStatus === 'CREATING') return 'awaiting_aws';
  switch (f.awsState) {
    case 'confirming':
      return 'awaiting_owner_confirmation';
    case 'verifying':
    case 'pending':
    case null:
      return 'awaiting_aws';
    case 'available':
      return 'available';
    case 'down':
      return 'down';
    case 'testing':
      return 'testing';
    case 'rejected':
      return 'rejected';
    default:
      return 'unknown';
  }
}
