import 'server-only';
import { forbidden } from '../errors';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db/client';

export async function staffListUsers(actor: Actor) {
  if (!can(actor, 'admin.users')) throw forbidden();
  return db().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      disabledAt: true,
      lastSignInAt: true,
      memberships: { select: { role: true, org: { select: { name: true } } } },
    },
    orderBy: [{ staffRole: 'asc' }, { email: 'asc' }],
    take: 500,
  });
}
