import type { AwsAccountStatus, DeliveryStatus } from '../db/generated/enums';

/** Plain-language label and badge colour for every state, from one map per enum. */
export type Tone = 'neutral' | 'info' | 'progress' | 'waiting' | 'success' | 'danger';
export type StateLabel = { label: string; tone: Tone; help?: string };

export const awsAccountStatusLabels = {
  UNVERIFIED: { label: 'Not verified', tone: 'waiting', help: 'Create the IAM role shown below, then verify.' },
  VERIFIED: { label: 'Verified', tone: 'success', help: 'The portal can assume the role in this account.' },
  FAILED: { label: 'Verification failed', tone: 'danger', help: 'Fix the role as described, then verify again.' },
} satisfies Record<AwsAccountStatus, StateLabel>;

/** A webhook delivery as its log shows it (SKIPPED is for email only and never reaches a webhook). */
export const webhookDeliveryLabels = {
  PENDING: { label: 'Retrying', tone: 'waiting', help: 'Not delivered yet; the next attempt is scheduled.' },
  SENT: { label: 'Delivered', tone: 'success', help: 'Your endpoint answered with a 2xx status.' },
  FAILED: { label: 'Failed', tone: 'danger', help: 'Every attempt failed, or the endpoint was removed. Resend it once your endpoint is fixed.' },
  SKIPPED: { label: 'Skipped', tone: 'neutral' },
} satisfies Record<DeliveryStatus, StateLabel>;
