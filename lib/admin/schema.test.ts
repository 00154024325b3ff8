import { describe, expect, it } from 'vitest';
import { changePasswordSchema, createUserSchema, NEW_ORG } from './schema';

const base = { name: 'Dana', email: 'dana@example.com', role: 'NOC', orgId: '', newOrgName: '', password: '' } as const;
const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('createUserSchema', () => {
  it('accepts staff without an organisation and normalises the email', () => {
    expect(createUserSchema.parse({ ...base, email: ' Dana@Example.COM ' }).email).toBe('dana@example.com');
  });

  it('says what is missing, field by field', () => {
    expect(errorsOf(createUserSchema.safeParse({ ...base, name: ' ', email: 'nope', role: '' }))).toEqual({
      name: 'Enter the person’s name.',
      email: 'Enter a valid email address, like name@example.com.',
      role: 'Choose a role.',
    });
  });

  it('needs an organisation for customers, and a name for a new one', () => {
    expect(errorsOf(createUserSchema.safeParse({ ...base, role: 'CUSTOMER_OWNER' }))).toEqual({ orgId: 'Choose the organisation this person belongs to, or create a new one.' });
    expect(errorsOf(createUserSchema.safeParse({ ...base, role: 'CUSTOMER_MEMBER', orgId: NEW_ORG }))).toEqual({ newOrgName: 'Name the new organisation.' });
    expect(createUserSchema.safeParse({ ...base, role: 'CUSTOMER_MEMBER', orgId: NEW_ORG, newOrgName: 'Initech' }).success).toBe(true);
  });

  it('takes an empty password (generate one) or one of at least 12 characters', () => {
    expect(createUserSchema.safeParse({ ...base, password: '' }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, password: '123456789012' }).success).toBe(true);
    expect(errorsOf(createUserSchema.safeParse({ ...base, password: '12345678901' })).password).toMatch(/^Use at least 12 characters/);
  });
});

describe('changePasswordSchema', () => {
  it('wants the new password twice, different from the current one', () => {
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: 'old password!', newPassword: 'new password!', confirmPassword: 'new passw0rd!' }))).toEqual({
      confirmPassword: 'The two new passwords differ. Type the same one twice.',
    });
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: 'same password', newPassword: 'same password', confirmPassword: 'same password' }))).toEqual({
      newPassword: 'Choose a password different from the current one.',
    });
    expect(errorsOf(changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'short', confirmPassword: 'short' }))).toMatchObject({ currentPassword: 'Enter your current password.' });
  });
});
