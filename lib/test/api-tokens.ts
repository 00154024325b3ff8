import type { Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { generateToken } from '../domain/api-tokens';

/**
 * Seeds an API token for the actor, as createApiToken stores it (hash, role, organisation), for
 * tests that run outside the app's server code (the browser tests). Returns the token.
 */
export async function createApiTokenForTest(db: DbClient, actor: Actor, scope: 'READ' | 'WRITE', days = 30): Promise<string> {
  const { token, lookup, secretHash } = generateToken();
  await db.apiToken.create({
    data: { userId: actor.userId, name: `test-${lookup.slice(0, 6)}`, lookup, secretHash, scope, role: actor.role, orgId: actor.kind === 'customer' ? actor.orgId : null, expiresAt: new Date(Date.now() + days * 86_400_000) },
  });
  return token;
}
