import type { AwsConnectionState, ConnectionType, CrossConnectStatus, PortalStatus } from '../../db/generated/enums';

export const DAY = 24 * 60 * 60 * 1000;
export const HOUR = 60 * 60 * 1000;

/** AWS facts this logic relies on (DX user guide): review ≤72 h, LOA valid 90 days, RFI answered within 7 days. */
export const awsReviewHours = 72;
export const loaValidityDays = 90;
export const awsInfoRequestDays = 7;
/** Provider policy: NOC decides within one day; customers accept hosted connections within 7 days. */
export const nocDecisionHours = 24;
export const hostedAcceptanceDays = 7;

/** Which portal status may follow which. Anything else is a bug or a race, and is refused. */
const portalTransitions: Record<PortalStatus, readonly PortalStatus[]> = {
  SUBMITTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['PROVISIONING', 'PROVISIONING_FAILED'],
  PROVISIONING: ['ACTIVE', 'PROVISIONING_FAILED', 'DECOMMISSIONING', 'CLOSED'],
  PROVISIONING_FAILED: ['PROVISIONING'],
  REJECTED: [],
  ACTIVE: ['DECOMMISSIONING', 'CLOSED'],
  DECOMMISSIONING: ['CLOSED'],
  CLOSED: [],
};

export function canChangePortalStatus(from: PortalStatus, to: PortalStatus): boolean {
  return portalTransitions[from].includes(to);
}

/** AWS states after which the connection no longer exists in AWS. */
export const goneAwsStates: readonly AwsConnectionState[] = ['deleted', 'rejected'];

/**
 * Portal status implied by a new AWS state: a connection is active (in service) once AWS first
 * reports it available, and closed once AWS no longer has it.
 */
export function portalStatusForAwsState(current: PortalStatus, aws: AwsConnectionState): PortalStatus {
  if (goneAwsStates.includes(aws)) return canChangePortalStatus(current, 'CLOSED') ? 'CLOSED' : current;
  if (current === 'PROVISIONING' && aws === 'available') return 'ACTIVE';
  return current;
}

export type StepOwner = 'customer' | 'noc' | 'aws' | 'facility' | 'none';

export type CurrentStep = {
  owner: StepOwner;
  title: string;
  detail: string;
  dueAt?: Date;
  overdue: boolean;
};

export type LifecycleFacts = {
  type: ConnectionType;
  portalStatus: PortalStatus;
  awsState: AwsConnectionState | null;
  createdAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
  lastError: string | null;
  /** When AWS first reported the current state */
  awsStateChangedAt: Date | null;
  loaIssuedAt: Date | null;
  loaExpiresAt: Date | null;
  loaFirstIssuedAt: Date | null;
  portUpAt: Date | null;
  crossConnectStatus: CrossConnectStatus | null;
  /** Virtual interfaces on the connection that are not deleted */
  virtualInterfaceCount: number;
};

/** Billing starts when the port first comes up, or 90 days after the first LOA at the latest. */
export function billingStartsAt(facts: Pick<LifecycleFacts, 'portUpAt' | 'loaFirstIssuedAt'>): Date | null {
  const loaLimit = facts.loaFirstIssuedAt ? new Date(facts.loaFirstIssuedAt.getTime() + loaValidityDays * DAY) : null;
  if (facts.portUpAt && loaLimit) return facts.portUpAt < loaLimit ? facts.portUpAt : loaLimit;
  return facts.portUpAt ?? loaLimit;
}

export function loaExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + loaValidityDays * DAY);
}

const step = (owner: StepOwner, title: string, detail: string, now: Date, dueAt?: Date): CurrentStep => ({
  owner,
  title,
  detail,
  dueAt,
  overdue: Boolean(dueAt && dueAt.getTime() < now.getTime()),
});

const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** What happens next, who does it and by when. Pure: the page and the reminders share it. */
export function currentStep(f: LifecycleFacts, now: Date): CurrentStep {
  switch (f.portalStatus) {
    case 'SUBMITTED':
      return step('noc', 'Waiting for NOC review', 'Our NOC checks the request and approves or rejects it.', now, new Date(f.createdAt.getTime() + nocDecisionHours * HOUR));
    case 'REJECTED':
      return step('none', 'Rejected', f.rejectionReason ?? 'The NOC rejected this request.', now);
    case 'APPROVED':
      return step('noc', 'Approved: creating it in AWS', 'The portal is creating the connection in AWS; this normally takes seconds.', now);
    case 'PROVISIONING_FAILED':
      return step('noc', 'Provisioning failed', `AWS did not accept the request${f.lastError ? `: ${f.lastError}` : ''}. Our NOC has been told and will retry or contact you.`, now);
    case 'DECOMMISSIONING':
      return step('aws', 'Being deleted', 'The connection is being deleted in AWS; then the cross-connect is ceased.', now);
    case 'CLOSED':
      return step('none', 'Closed', 'This connection no longer exists in AWS.', now);
    default:
      break;
  }
  const since = f.awsStateChangedAt ?? f.decidedAt ?? f.createdAt;
  switch (f.awsState) {
    case null:
      return step('noc', 'Creating it in AWS', 'The portal is creating the connection in AWS.', now);
    case 'ordering':
      return step(
        'customer',
        'Accept the hosted connection',
        'We allocated the connection to your AWS account. Accept it here or in the AWS console; billing for it starts once accepted.',
        now,
        new Date(since.getTime() + hostedAcceptanceDays * DAY),
      );
    case 'requested':
      return step(
        'aws',
        'AWS is reviewing the request',
        `AWS reviews new ports within ${awsReviewHours} hours. If AWS emails you for more information, answer within ${awsInfoRequestDays} days or AWS deletes the request.`,
        now,
        new Date(since.getTime() + awsReviewHours * HOUR),
      );
    case 'pending': {
      if (f.type === 'HOSTED') return step('aws', 'AWS is bringing the connection up', 'This usually takes a few minutes after acceptance.', now);
      if (!f.loaIssuedAt || !f.loaExpiresAt) return step('aws', 'Waiting for the LOA-CFA', 'AWS has approved the port; the portal fetches the LOA-CFA as soon as AWS issues it.', now);
      const billing = billingStartsAt(f);
      const billingNote = billing ? ` Billing starts when the port comes up, or on ${fmt(billing)} at the latest.` : '';
      if (f.crossConnectStatus === 'COMPLETE')
        return step('aws', 'Waiting for AWS to see the link up', `The cross-connect is complete; AWS marks the port available once it sees light.${billingNote}`, now);
      return step(
        'facility',
        'Cross-connect in progress',
        `Our facility team runs the fibre from your cage to the AWS device. It must be done before the LOA-CFA expires on ${fmt(f.loaExpiresAt)}.${billingNote}`,
        now,
        f.loaExpiresAt,
      );
    }
    case 'available':
      if (f.virtualInterfaceCount > 0)
        return step('none', 'In service', `The connection is up and carries ${f.virtualInterfaceCount === 1 ? 'one virtual interface' : `${f.virtualInterfaceCount} virtual interfaces`}.`, now);
      return step('customer', 'Available', 'The connection is up. Next: create a virtual interface to reach your VPCs.', now);
    case 'down':
      return step('facility', 'The port is down', 'AWS reports no link. Our NOC is checking the cross-connect and optics; you will see updates here.', now);
    case 'deleting':
    case 'deleted':
    case 'rejected':
      return step('none', 'Deleted in AWS', 'AWS no longer has this connection.', now);
    case 'unknown':
      return step('aws', 'State unknown', 'AWS reports the state as unknown; the portal keeps checking.', now);
  }
}
