import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  process.env.DX_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  process.env.DATABASE_URL ??= 'postgresql://localhost/unused';
  process.env.NEXTAUTH_SECRET ??= 'x'.repeat(40);
  process.env.DX_PROVIDER_ACCOUNT_ID ??= '111111111111';
});

describe('secrets at rest', async () => {
  const { decryptSecret, encryptSecret } = await import('./secrets');

  it('round-trips and never contains the plaintext', () => {
    const sealed = encryptSecret('0xAbCdEf_secret-key', 'vif:1');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('secret');
    expect(decryptSecret(sealed, 'vif:1')).toBe('0xAbCdEf_secret-key');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('same', 'c')).not.toBe(encryptSecret('same', 'c'));
  });

  it('refuses a ciphertext moved to another record or tampered with', () => {
    const sealed = encryptSecret('key', 'vif:1');
    expect(() => decryptSecret(sealed, 'vif:2')).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join(':'), 'vif:1')).toThrow();
    expect(() => decryptSecret('plain', 'vif:1')).toThrow('Unrecognised secret format');
  });
});
