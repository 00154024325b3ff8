import { randomUUID } from 'node:crypto';
import { CreateConnectionCommand, DirectConnectClient } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
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

/** A customer with a dedicated 10 Gbps port that AWS has created and reviewed (LOA-CFA available), recorded as active. */
export async function seedActiveDedicated(db: DbClient, sandbox: SandboxControl) {
  const s = await seedSandboxCustomer(db, sandbox);
  const client = customerDirectConnect(s.credentials);
  const made = await client.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: 'to-retire' }));
  await sandbox.review(made.connectionId!);
  const connection = await db.connection.create({
    data: {
      orgId: s.orgId,
      awsAccountId: s.account.id,
      requestedById: s.owner.user.id,
      requestGroupId: randomUUID(),
      name: `retire-${randomUUID().slice(0, 6)}`,
      type: 'DEDICATED',
      bandwidth: '10Gbps',
      locationId: s.locations.eqdc2.id,
      region: 'us-east-1',
      portalStatus: 'ACTIVE',
      awsConnectionId: made.connectionId,
      awsState: 'pending',
    },
  });
  const owner: Actor = { kind: 'customer', role: 'CUSTOMER_OWNER', userId: s.owner.user.id, name: s.owner.user.name, email: s.owner.user.email, orgId: s.orgId, orgName: 'x' };
  return { ...s, client, connection, owner };
}
