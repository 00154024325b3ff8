import 'server-only';
import type { DbClient, Tx } from '../db/client';
import type { Actor } from './permissions';

/**
 * Builds the actor for a user id from the database: staff role, or the organisation membership
 * (the oldest one if a person belongs to several). Disabled or unknown users get null, and so
 * does a session that signed in (`authTime`, ms) before the user's sessions were revoked.
 */
export async function loadActor(db: DbClient | Tx, userId: string, authTime?: number): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      disabledAt: true,
      sessionsValidAfter: true,
      memberships: {
        select: { role: true, org: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
        take: 1,
      },
    },
  });
  if (!user || user.disabledAt) return null;
  if (user.sessionsValidAfter && (authTime ?? 0) <= user.sessionsValidAfter.getTime()) return null;
  const base = { userId: user.id, name: user.name, email: user.email };
  if (user.staffRole) return { kind: 'staff', ...base, role: user.staffRole };
  const membership = user.memberships[0];
  if (!membership) return null;
  return {
    kind: 'customer',
    ...base,
    role: membership.role === 'OWNER' ? 'CUSTOMER_OWNER' : 'CUSTOMER_MEMBER',
    orgId: membership.org.id,
    orgName: membership.org.name,
  };
}
