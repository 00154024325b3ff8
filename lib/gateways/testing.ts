import { EC2Client } from '@aws-sdk/client-ec2';
import type { Actor, Role } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { seedUser } from '../db/seed/factories';
import type { SandboxControl } from '../test/sandbox';
import { customerDirectConnect, seedSandboxCustomer } from '../test/scenario';

/** Test scaffolding for the gateway integration tests (not used by the app). */

export async function actorFor(db: DbClient, role: Role, orgId?: string): Promise<Actor> {
  const { user, orgId: org } = await seedUser(db, { role, orgId });
  if (role === 'CUSTOMER_OWNER' || role === 'CUSTOMER_MEMBER') {
    return { kind: 'customer', role, userId: user.id, name: user.name, email: user.email, orgId: org ?? '', orgName: 'Org' };
  }
  return { kind: 'staff', role, userId: user.id, name: user.name, email: user.email };
}

/** An organisation whose verified AWS account exists in the sandbox (VPCs in us-east-1 and eu-central-1), its owner as an actor, and AWS clients acting as the customer directly. */
export async function gatewayCustomer(db: DbClient, sandbox: SandboxControl) {
  const s = await seedSandboxCustomer(db, sandbox);
  const owner: Actor = { kind: 'customer', role: 'CUSTOMER_OWNER', userId: s.owner.user.id, name: s.owner.user.name, email: s.owner.user.email, orgId: s.orgId, orgName: 'Org' };
  return {
    ...s,
    owner,
    ec2: (region = 'us-east-1') => new EC2Client({ region, credentials: s.credentials, endpoint: process.env.AWS_ENDPOINT_URL, maxAttempts: 3 }),
    dx: (region = 'us-east-1') => customerDirectConnect(s.credentials, region),
  };
}

/** Polls until `check` returns a value: sandbox transitions take tens of milliseconds, never a fixed sleep. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
