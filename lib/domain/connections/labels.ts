import type { AwsConnectionState, CrossConnectKind, CrossConnectStatus, PortalStatus, Resiliency } from '../../db/generated/enums';
import type { StateLabel } from '../labels';
import type { StepOwner } from './lifecycle';

export const portalStatusLabels = {
  SUBMITTED: { label: 'Submitted', tone: 'waiting', help: 'Waiting for NOC review' },
  APPROVED: { label: 'Approved', tone: 'progress', help: 'Approved; being created in AWS' },
  REJECTED: { label: 'Rejected', tone: 'danger' },
  PROVISIONING: { label: 'Provisioning', tone: 'progress', help: 'Being created in AWS and brought up' },
  PROVISIONING_FAILED: { label: 'Provisioning failed', tone: 'danger', help: 'AWS did not accept the request; the NOC is on it' },
  ACTIVE: { label: 'Active', tone: 'success', help: 'In service: AWS has reported it available' },
  DECOMMISSIONING: { label: 'Decommissioning', tone: 'progress' },
  CLOSED: { label: 'Closed', tone: 'neutral' },
} satisfies Record<PortalStatus, StateLabel>;

export const awsConnectionStateLabels = {
  ordering: { label: 'Ordering', tone: 'waiting', help: 'Hosted connection waiting for acceptance' },
  requested: { label: 'Requested', tone: 'waiting', help: 'AWS is reviewing the request' },
  pending: { label: 'Pending', tone: 'progress', help: 'Approved by AWS; waiting for the link' },
  available: { label: 'Available', tone: 'success', help: 'The link is up' },
  down: { label: 'Down', tone: 'danger', help: 'The link is down' },
  deleting: { label: 'Deleting', tone: 'progress' },
  deleted: { label: 'Deleted', tone: 'neutral' },
  rejected: { label: 'Rejected', tone: 'neutral', help: 'Hosted connection declined' },
  unknown: { label: 'Unknown', tone: 'neutral' },
} satisfies Record<AwsConnectionState, StateLabel>;

export const crossConnectStatusLabels = {
  OPEN: { label: 'Open', tone: 'waiting', help: 'Reserve a patch-panel port' },
  PORT_RESERVED: { label: 'Port reserved', tone: 'progress', help: 'Run and patch the fibre' },
  PATCHED: { label: 'Patched', tone: 'progress', help: 'Test light levels' },
  TESTED: { label: 'Tested', tone: 'progress', help: 'Close the work order' },
  COMPLETE: { label: 'Complete', tone: 'success' },
  CANCELLED: { label: 'Cancelled', tone: 'neutral' },
} satisfies Record<CrossConnectStatus, StateLabel>;

export const crossConnectKindLabels = {
  INSTALL: 'Install',
  CEASE: 'Cease',
} satisfies Record<CrossConnectKind, string>;

export const resiliencyLabels = {
  DEVELOPMENT: 'Development',
  HIGH: 'High',
  MAXIMUM: 'Maximum',
} satisfies Record<Resiliency, string>;

const stepOwnerLabels = {
  customer: { customer: 'You', staff: 'Customer' },
  noc: { customer: 'Our NOC', staff: 'NOC' },
  aws: { customer: 'AWS', staff: 'AWS' },
  facility: { customer: 'Our facility team', staff: 'Facility team' },
  none: { customer: '—', staff: '—' },
} satisfies Record<StepOwner, Record<'customer' | 'staff', string>>;

/** Who owns the current step, worded for the reader: "You" to a customer is "Customer" to staff. */
export function stepOwnerLabel(owner: StepOwner, reader: 'customer' | 'staff'): string {
  return stepOwnerLabels[owner][reader];
}
