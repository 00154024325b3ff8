import { DirectConnectClient } from '@aws-sdk/client-direct-connect';
import type { DbClient } from '../db/client';
import { seedAwsAccount, seedProviderFootprint, seedUser } from '../db/seed/factories';
import { SandboxControl } from './sandbox';

/**
 * A customer organisation whose AWS account exists in the sandbox with the portal's role, and the
 * provider footprint (locations, interconnects). Shared by integration and browser tests.
 */
export async function seedSandboxCustomer(db: DbClient, sandbox: SandboxControl, options: { role?: 'CUSTOMER_OWNER' | 'CUSTOMER_MEMBER' } = {}) {
  const footprint = await seedProviderFootprint(db);
  const owner = await seedUser(db, { role: options.role ?? 'CUSTOMER_OWNER' });
  const account = await seedAwsAccount(db, { orgId: owner.orgId!, status: 'VERIFIED' });
  const created = await sandbox.createCustomerAccount({ accountId: account.accountId, externalId: account.externalId });
  return { ...footprint, owner, orgId: owner.orgId!, account, credentials: created };
}

/** A Direct Connect client acting as the customer's own account (what the AWS console would show). */
export function customerDirectConnect(credentials: { accessKeyId: string; secretAccessKey: string }, region = 'us-east-1'): DirectConnectClient {
  return new DirectConnectClient({ region, credentials, endpoint: process.env.AWS_ENDPOINT_URL, maxAttempts: 5 });
}
