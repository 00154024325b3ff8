import { describe, expect, it } from 'vitest';
import { createTokenSchema, tokenHint } from '../api-tokens/schema';
import { effectiveTokenRole, generateToken, hashToken, parseToken, tokenMatches } from './api-tokens';

describe('API tokens', () => {
  it('look recognisable, carry their lookup id, and only their hash is kept', () => {
    const { token, lookup, secretHash } = generateToken();
    expect(token).toMatch(/^dxp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseToken(token)).toEqual({ lookup });
    expect(secretHash).toBe(hashToken(token));
    expect(secretHash).not.toContain(token.slice(21));
    expect(tokenMatches(token, secretHash)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, secretHash)).toBe(false);
    expect(tokenHint(lookup)).toBe(`dxp_${lookup}_…`);
    expect(generateToken().token).not.toBe(token);
  });

  it('refuses anything that is not one of ours', () => {
    for (const bad of ['', 'dxp_', 'ghp_0123456789abcdef_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dxp_0123456789ABCDEF_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dxp_0123456789abcdef_short']) {
      expect(parseToken(bad)).toBeNull();
    }
  });

  it('never act with more than the creator had then or has now', () => {
    const owner = { role: 'CUSTOMER_OWNER' as const, orgId: 'org_a' };
    const member = { role: 'CUSTOMER_MEMBER' as const, orgId: 'org_a' };
    expect(effectiveTokenRole('CUSTOMER_OWNER', 'org_a', owner)).toBe('CUSTOMER_OWNER');
    expect(effectiveTokenRole('CUSTOMER_OWNER', 'org_a', member)).toBe('CUSTOMER_MEMBER'); // demoted since
    expect(effectiveTokenRole('CUSTOMER_MEMBER', 'org_a', owner)).toBe('CUSTOMER_MEMBER'); // promoted since: the token keeps its role
    expect(effectiveTokenRole('CUSTOMER_OWNER', 'org_a', { role: 'CUSTOMER_OWNER', orgId: 'org_b' })).toBeNull(); // moved organisation
    expect(effectiveTokenRole('NOC', null, { role: 'NOC', orgId: null })).toBe('NOC');
    expect(effectiveTokenRole('ADMIN', null, { role: 'NOC', orgId: null })).toBeNull();
    expect(effectiveTokenRole('NOC', null, { role: 'CUSTOMER_OWNER', orgId: 'org_a' })).toBeNull();
  });

  it('must expire within 12 months and be named', () => {
    expect(createTokenSchema.parse({ name: ' terraform ', scope: 'WRITE', expiresInDays: '365' })).toEqual({ name: 'terraform', scope: 'WRITE', expiresInDays: 365 });
    const tooLong = createTokenSchema.safeParse({ name: 'ci', scope: 'ADMIN', expiresInDays: 366 });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'name: Name the token in at least 3 characters, e.g. "terraform-prod".',
      'scope: Choose read-only or read and write.',
      'expiresInDays: A token lives at most 365 days (12 months).',
    ]);
  });
});
