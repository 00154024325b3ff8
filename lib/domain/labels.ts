import type { AwsAccountStatus } from '../db/generated/enums';

/** Plain-language label and badge colour for every state, from one map per enum. */
export type Tone = 'neutral' | 'info' | 'progress' | 'waiting' | 'success' | 'danger';
export type StateLabel = { label: string; tone: Tone; help?: string };

export const awsAccountStatusLabels = {
  UNVERIFIED: { label: 'Not verified', tone: 'waiting', help: 'Create the IAM role shown below, then verify.' },
  VERIFIED: { label: 'Verified', tone: 'success', help: 'The portal can assume the role in this account.' },
  FAILED: { label: 'Verification failed', tone: 'danger', help: 'Fix the role as described, then verify again.' },
} satisfies Record<AwsAccountStatus, StateLabel>;
