/**
 * The one state an API client polls on: where a connection is, and whose move it is. Pure, so the
 * API, its OpenAPI document and the unit tests agree. Long operations answer 202 with one of the
 * `awaiting_*` states; a client waits (or listens to a webhook) until the state is terminal.
 */
import type { AwsConnectionState, ConnectionType, CrossConnectStatus, PortalStatus } from '../../db/generated/enums';

export const apiConnectionStates = [
  'awaiting_noc',
  'awaiting_aws',
  'awaiting_cross_connect',
  'awaiting_customer_acceptance',
  'available',
  'down',
  'provisioning_failed',
  'rejected',
  'decommissioning',
  'deleted',
  'unknown',
] as const;
export type ApiConnectionState = (typeof apiConnectionStates)[number];

export type StateFacts = {
  type: ConnectionType;
  portalStatus: PortalStatus;
  awsState: AwsConnectionState | null;
  crossConnectStatus: CrossConnectStatus | null;
  /** Whether AWS has issued the LOA-CFA (dedicated ports wait for it before the fibre). */
  loaIssued: boolean;
};

export function apiConnectionState(f: StateFacts): ApiConnectionState {
  switch (f.portalStatus) {
    case 'SUBMITTED':
      return 'awaiting_noc';
    case 'REJECTED':
      return 'rejected';
    case 'PROVISIONING_FAILED':
      return 'provisioning_failed';
    case 'DECOMMISSIONING':
      return 'decommissioning';
    case 'CLOSED':
      return 'deleted';
    default:
      break;
  }
  switch (f.awsState) {
    case null:
    case 'requested':
      return 'awaiting_aws';
    case 'ordering':
      return 'awaiting_customer_acceptance';
    case 'pending':
      // A dedicated port waits for AWS's LOA-CFA, then for the fibre until its install order is
      // complete, then for AWS to see light.
      return f.type === 'DEDICATED' && f.loaIssued && f.crossConnectStatus !== 'COMPLETE' ? 'awaiting_cross_connect' : 'awaiting_aws';
    case 'available':
      return 'available';
    case 'down':
      return 'down';
    case 'deleting':
      return 'decommissioning';
    case 'deleted':
    case 'rejected':
      return 'deleted';
    default:
      return 'unknown';
  }
}
