import 'server-only';
import { loadActor } from '../auth/actor';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db/client';
import { effectiveTokenRole, generateToken, parseToken, tokenMatches } from '../domain/api-tokens';
import { createTokenSchema, tokenHint, type CreateToken } from './schema';
import { forbidden, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';

const DAY = 86_400_000;

export type TokenScope = 'READ' | 'WRITE';

/** The signed-in user's tokens, newest first; only ever their own, never the secret. */
export async function listApiTokens(actor: Actor) {
  if (!can(actor, 'account.self')) throw forbidden();
  const rows = await db().apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, name: true, lookup: true, scope: true, role: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
  return rows.map(({ lookup, ...r }) => ({ ...r, hint: tokenHint(lookup) }));
}

export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];

/** Makes a token for the signed-in user, acting with their current role; the token is returned once. */
export async function createApiToken(actor: Actor, raw: CreateToken, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date }> {
  if (!can(actor, 'account.self')) throw forbidden();
  const input = createTokenSchema.parse(raw);
  const { token, lookup, secretHash } = generateToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY);
  const orgId = actor.kind === 'customer' ? actor.orgId : null;
  const created = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId: actor.userId, name: input.name, lookup, secretHash, scope: input.scope, role: actor.role, orgId, expiresAt }, select: { id: true } });
    await recordEvent(tx, {
      orgId,
      subjectType: 'USER',
      subjectId: actor.userId,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'apiToken.created',
      message: `Created the API token "${input.name}" (${tokenHint(lookup)}, ${input.scope === 'READ' ? 'read-only' : 'read and write'}, expires ${expiresAt.toISOString().slice(0, 10)}).`,
    });
    return row;
  });
  return { id: created.id, token, expiresAt };
}

/** Revokes one of the user's own tokens; someone else's is "not found". */
export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  if (!can(actor, 'account.self')) throw forbidden();
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: actor.userId }, select: { id: true, name: true, lookup: true, revokedAt: true } });
    if (!token) throw notFound('That API token');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, {
      orgId: actor.kind === 'customer' ? actor.orgId : null,
      subjectType: 'USER',
      subjectId: actor.userId,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'apiToken.revoked',
      message: `Revoked the API token "${token.name}" (${tokenHint(token.lookup)}).`,
    });
  });
}

/** Why a bearer token was refused; each is a 401 with its own stable code. */
export type TokenRefusal = 'token_missing' | 'token_malformed' | 'token_unknown' | 'token_expired' | 'token_revoked' | 'token_owner_changed';

export const tokenRefusalMessages: Record<TokenRefusal, string> = {
  token_missing: 'Send an API token: "Authorization: Bearer dxp_…". Create one on your account page.',
  token_malformed: 'That is not an API token of this portal; tokens look like dxp_<16 hex>_<43 characters>.',
  token_unknown: 'That API token does not exist (it may have been deleted, or mistyped).',
  token_expired: 'That API token has expired. Create a new one on your account page.',
  token_revoked: 'That API token was revoked. Create a new one on your account page.',
  token_owner_changed: "The token's user is disabled, or their role or organisation changed since the token was made. Create a new one.",
};

export type TokenAuth = { ok: true; actor: Actor; tokenId: string; scope: TokenScope } | { ok: false; code: TokenRefusal };

/**
 * Turns "Authorization: Bearer …" into the actor the use cases see: the token's user as they are
 * now (disabled users get nothing), acting with no more than the token's role. Two indexed
 * queries; the last-used time is written at most once a minute.
 */
export async function authenticateToken(header: string | null, now = new Date()): Promise<TokenAuth> {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, code: header ? 'token_malformed' : 'token_missing' };
  const raw = match[1]!;
  const parsed = parseToken(raw);
  if (!parsed) return { ok: false, code: 'token_malformed' };
  const token = await db().apiToken.findUnique({
    where: { lookup: parsed.lookup },
    select: { id: true, userId: true, secretHash: true, scope: true, role: true, orgId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || !tokenMatches(raw, token.secretHash)) return { ok: false, code: 'token_unknown' };
  if (token.revokedAt) return { ok: false, code: 'token_revoked' };
  if (token.expiresAt <= now) return { ok: false, code: 'token_expired' };
  // Tokens are not sessions: a password change signs sessions out but leaves tokens working.
  const current = await loadActor(db(), token.userId, now.getTime());
  if (!current) return { ok: false, code: 'token_owner_changed' };
  const role = effectiveTokenRole(token.role, token.orgId, { role: current.role, orgId: current.kind === 'customer' ? current.orgId : null });
  if (!role) return { ok: false, code: 'token_owner_changed' };
  const actor: Actor = current.kind === 'customer' ? { ...current, role: role as 'CUSTOMER_OWNER' | 'CUSTOMER_MEMBER' } : current;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] }, data: { lastUsedAt: now } });
  }
  return { ok: true, actor, tokenId: token.id, scope: token.scope };
}
