import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { readScope } from '../db/scope';

export async function countConnections(actor: Actor): Promise<number> {
  return db().connection.count({ where: readScope(actor) });
}
