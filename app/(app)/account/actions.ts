'use server';

import { revalidatePath } from 'next/cache';
import { createTokenSchema, revokeTokenSchema } from '@/lib/api-tokens/schema';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/tokens';
import { authedAction } from '@/lib/auth/action';
import { changePasswordSchema } from '@/lib/admin/schema';
import { changeOwnPassword } from '@/lib/admin/users';

export const changePasswordAction = authedAction(changePasswordSchema, { name: 'account.changePassword', permission: 'account.self' }, async ({ input, ctx }) => {
  await changeOwnPassword(ctx.actor, input);
  return null;
});

/** The token is returned once, to the form that shows it; only its hash is stored. */
export const createApiTokenAction = authedAction(createTokenSchema, { name: 'apiToken.create', permission: 'account.self' }, async ({ input, ctx }) => {
  const created = await createApiToken(ctx.actor, input);
  revalidatePath('/account');
  return { token: created.token, expiresAt: created.expiresAt.toISOString() };
});

export const revokeApiTokenAction = authedAction(revokeTokenSchema, { name: 'apiToken.revoke', permission: 'account.self' }, async ({ input, ctx }) => {
  await revokeApiToken(ctx.actor, input.id);
  revalidatePath('/account');
  return null;
});
