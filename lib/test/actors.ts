import type { Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { seedUser } from '../db/seed/factories';

type Seeded = Awaited<ReturnType<typeof seedUser>>;

/** The actor a session would resolve for a seeded user (what every use case takes). */
export function actorOf(seeded: Seeded, role: Actor['role'], orgName = 'Test org'): Actor {
  const { user, orgId } = seeded;
  if (role === 'CUSTOMER_OWNER' || role === 'CUSTOMER_MEMBER') {
    if (!orgId) throw new Error('a customer actor needs an organisation');
    return { kind: 'customer', role, userId: user.id, name: user.name, email: user.email, orgId, orgName };
  }
  return { kind: 'staff', role, userId: user.id, name: user.name, email: user.email };
}

/** Seeds a user with the role (a new organisation for customers unless given) and returns their actor. */
export async function seedActor(db: DbClient, role: Actor['role'], options: { orgId?: string } = {}): Promise<Actor> {
  return actorOf(await seedUser(db, { role, orgId: options.orgId }), role);
}
