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

/**
 * HEAD for a download route. Next answers HEAD by running GET when a route has no HEAD of its
 * own, so a browser's or download manager's HEAD probe would fetch from AWS and record a second
 * "downloaded" event. This answers from the authorisation alone and records nothing.
 */
export function headOnly(permission: Permission, contentType: string) {
  return async function HEAD(): Promise<Response> {
    const auth = await routeActor(permission);
    if ('response' in auth) return new Response(null, { status: auth.response.status });
    return new Response(null, { headers: { 'content-type': contentType, 'cache-control': 'private, no-store' } });
  };
}
