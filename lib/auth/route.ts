import 'server-only';
import { can, type Actor, type Permission } from './permissions';
import { getActor } from './session';

/**
 * For route handlers (downloads): authorise before doing anything. Signed-out → 401; missing
 * permission → 404, the same answer as a resource of another organisation.
 */
export async function routeActor(permission: Permission): Promise<{ actor: Actor } | { response: Response }> {
  const actor = await getActor();
  if (!actor) return { response: Response.json({ error: 'Sign in to continue.' }, { status: 401 }) };
  if (!can(actor, permission)) return { response: Response.json({ error: 'Not found.' }, { status: 404 }) };
  return { actor };
}
