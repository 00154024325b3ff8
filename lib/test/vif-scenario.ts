import { randomUUID } from 'node:crypto';
import { CreateConnectionCommand, CreateDirectConnectGatewayCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import type { SandboxControl } from './sandbox';
import { customerDirectConnect, seedSandboxCustomer } from './scenario';

type Customer = Awaited<ReturnType<typeof seedSandboxCustomer>>;

/** An available dedicated connection of the customer, real in the sandbox and recorded in the portal. */
export async function provisionAvailableConnection(db: DbClient, sandbox: SandboxControl, s: Customer) {
  const client = customerDirectConnect(s.credentials);
  const made = await client.send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '10Gbps', connectionName: `vif-test-${randomUUID().slice(0, 6)}` }));
  await sandbox.review(made.connectionId!);
  await sandbox.crossConnect(made.connectionId!, 'patched');
  const connection = await db.connection.create({
    data: {
      orgId: s.orgId,
      awsAccountId: s.account.id,
      requestedById: s.owner.user.id,
      requestGroupId: randomUUID(),
      name: `conn-${randomUUID().slice(0, 6)}`,
      type: 'DEDICATED',
      bandwidth: '10Gbps',
      locationId: s.locations.eqdc2.id,
      region: 'us-east-1',
      portalStatus: 'ACTIVE',
      awsConnectionId: made.connectionId,
      awsState: 'available',
      jumboFrameCapable: true,
    },
  });
  return { client, connection };
}

/**
 * An organisation with an available dedicated connection and a Direct Connect gateway, both real
 * in the sandbox and recorded in the portal: the starting point for virtual interface tests.
 */
export async function seedAvailableConnection(db: DbClient, sandbox: SandboxControl, options: { gatewayAsn?: number } = {}) {
  const s = await seedSandboxCustomer(db, sandbox);
  const { client, connection } = await provisionAvailableConnection(db, sandbox, s);
  const gwAsn = options.gatewayAsn ?? 64512;
  const gw = await client.send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'vif-tests', amazonSideAsn: gwAsn }));
  const dxGateway = await db.directConnectGateway.create({
    data: {
      orgId: s.orgId,
      awsAccountId: s.account.id,
      name: 'vif-tests',
      amazonSideAsn: BigInt(gwAsn),
      portalStatus: 'ACTIVE',
      awsGatewayId: gw.directConnectGateway?.directConnectGatewayId,
      awsState: 'available',
    },
  });
  const owner: Actor = { kind: 'customer', role: 'CUSTOMER_OWNER', userId: s.owner.user.id, name: s.owner.user.name, email: s.owner.user.email, orgId: s.orgId, orgName: 'Org' };
  return { ...s, client, connection, dxGateway, owner };
}
