import 'server-only';
import type { AwsTarget } from '../aws/clients';

/** Calls in a customer's own account go through their role; the provider's own calls use its credentials. */
export function customerTarget(account: { accountId: string; roleArn: string; externalId: string }): AwsTarget {
  return { kind: 'customer', account: { accountId: account.accountId, roleArn: account.roleArn, externalId: account.externalId } };
}

export const providerTarget: AwsTarget = { kind: 'provider' };

/** Tags that tie an AWS resource to the portal record that asked for it (adopted on retry). */
export const PORTAL_TAG = 'dx-portal:id';

export function portalTags(id: string, orgId: string) {
  return [
    { key: PORTAL_TAG, value: id },
    { key: 'dx-portal:org', value: orgId },
  ];
}

export function hasPortalTag(tags: Array<{ key?: string; value?: string }> | undefined, id: string): boolean {
  return Boolean(tags?.some((t) => t.key === PORTAL_TAG && t.value === id));
}
