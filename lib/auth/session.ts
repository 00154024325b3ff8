import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import { env } from '../env';
import { loadActor } from './actor';
import { can, type Actor, type Permission } from './permissions';

/** next-auth's session cookie: `__Secure-` prefixed when the app is served over https. */
function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/** The session token, joined if next-auth had to split it into chunks (`name.0`, `name.1`, …). */
async function sessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join('') : undefined;
}

/**
 * The signed-in actor for this request, or null: the session cookie is verified and decrypted
 * exactly as next-auth does (its own `decode`, expiry checked), then one database query loads the
 * user, role and organisation. Once per request (React `cache`). This is what getServerSession
 * would do minus building a whole next-auth request handler on every page view.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionToken();
  if (!token) return null;
  const payload = await decode({ token, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  const userId = payload?.sub;
  return userId ? loadActor(db(), userId, payload.authTime) : null;
});

/** For pages: signed-out visitors go to sign-in and come back afterwards. */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : '/sign-in');
  return actor;
}

/**
 * For pages: a role without the permission sees "not found", exactly like a missing resource,
 * so crafted URLs reveal nothing.
 */
export async function requirePermission(permission: Permission, returnTo?: string): Promise<Actor> {
  const actor = await requireActor(returnTo);
  if (!can(actor, permission)) notFound();
  return actor;
}
