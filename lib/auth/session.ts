import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import { loadActor } from './actor';
import { authOptions } from './options';
import { can, type Actor, type Permission } from './permissions';

/** The signed-in actor for this request, or null. One database read per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  return userId ? loadActor(db(), userId, session.authTime) : null;
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
