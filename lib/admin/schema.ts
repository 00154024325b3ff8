import { z } from 'zod';
import { roles } from '../auth/permissions';

/** The same rule for an initial password and a changed one. */
export const PASSWORD_MIN_LENGTH = 12;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong, memorable password.`)
  .max(200, 'Use at most 200 characters.');

/** Value of the organisation field that means "create the organisation named in newOrgName". */
export const NEW_ORG = 'new';

export const isCustomerRole = (role: string) => role === 'CUSTOMER_OWNER' || role === 'CUSTOMER_MEMBER';

/** Adding a user (admin form, admin action and the `user:add` command). */
export const createUserSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the person’s name.').max(100, 'Use at most 100 characters.'),
    email: z.string().trim().toLowerCase().min(1, 'Enter an email address.').email('Enter a valid email address, like name@example.com.'),
    role: z.enum(roles, { message: 'Choose a role.' }),
    orgId: z.string().trim().max(64),
    newOrgName: z.string().trim().max(100, 'Use at most 100 characters.'),
    /** Empty: the portal generates one and shows it once. */
    password: z.union([z.literal(''), newPasswordSchema]),
  })
  .superRefine((input, ctx) => {
    if (!isCustomerRole(input.role)) return;
    if (!input.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'Choose the organisation this person belongs to, or create a new one.' });
    else if (input.orgId === NEW_ORG && !input.newOrgName) ctx.addIssue({ code: 'custom', path: ['newOrgName'], message: 'Name the new organisation.' });
  });

export type CreateUserInput = z.input<typeof createUserSchema>;

export const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200, 'That password is too long.'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .superRefine((input, ctx) => {
    if (input.confirmPassword !== input.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords differ. Type the same one twice.' });
    else if (input.newPassword === input.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Choose a password different from the current one.' });
  });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
