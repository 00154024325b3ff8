/**
 * API tokens: their shape, how they are hashed and which role a token acts with. Pure, so the
 * account page, the API's authentication and the unit tests share one rule.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_PREFIX } from '../api-tokens/schema';
import type { Role } from '../auth/permissions';

const LOOKUP_LENGTH = 16;
const tokenShape = /^dxp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function generateToken(): { token: string; lookup: string; secretHash: string } {
  const lookup = randomBytes(LOOKUP_LENGTH / 2).toString('hex');
  const token = `${TOKEN_PREFIX}${lookup}_${randomBytes(32).toString('base64url')}`;
  return { token, lookup, secretHash: hashToken(token) };
}

/** Tokens carry 256 random bits, so a plain SHA-256 is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The lookup id of a well-formed token, or null for anything else. */
export function parseToken(token: string): { lookup: string } | null {
  const m = tokenShape.exec(token);
  return m ? { lookup: m[1]! } : null;
}

export function tokenMatches(token: string, secretHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The role a token acts with: never more than its creator had when it was made, nor more than
 * they have now. A customer demoted from owner to member keeps a member's token; a token whose
 * creator changed organisation or staff role no longer works (null).
 */
export function effectiveTokenRole(tokenRole: string, tokenOrgId: string | null, current: { role: Role; orgId: string | null }): Role | null {
  const customer = (r: string) => r === 'CUSTOMER_OWNER' || r === 'CUSTOMER_MEMBER';
  if (customer(tokenRole) && customer(current.role)) {
    if (tokenOrgId !== current.orgId) return null;
    return tokenRole === 'CUSTOMER_OWNER' && current.role === 'CUSTOMER_OWNER' ? 'CUSTOMER_OWNER' : 'CUSTOMER_MEMBER';
  }
  return tokenRole === current.role ? current.role : null;
}
