'use server';

import { authedAction } from '@/lib/auth/action';
import { changePasswordSchema } from '@/lib/admin/schema';
import { changeOwnPassword } from '@/lib/admin/users';

export const changePasswordAction = authedAction(changePasswordSchema, { name: 'account.changePassword', permission: 'account.self' }, async ({ input, ctx }) => {
  await changeOwnPassword(ctx.actor, input);
  return null;
});
