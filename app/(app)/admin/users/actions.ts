'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { createUserSchema, userIdSchema } from '@/lib/admin/schema';
import { createUser, setUserDisabled } from '@/lib/admin/users';

export const createUserAction = authedAction(createUserSchema, { name: 'admin.createUser', permission: 'admin.users' }, async ({ input, ctx }) => {
  const created = await createUser(ctx.actor, input);
  revalidatePath('/admin/users');
  // The generated password goes back to the admin who asked, once; it is not logged or stored.
  return created;
});

export const disableUserAction = authedAction(userIdSchema, { name: 'admin.disableUser', permission: 'admin.users' }, async ({ input, ctx }) => {
  await setUserDisabled(ctx.actor, input.userId, true);
  revalidatePath('/admin/users');
  return null;
});

export const enableUserAction = authedAction(userIdSchema, { name: 'admin.enableUser', permission: 'admin.users' }, async ({ input, ctx }) => {
  await setUserDisabled(ctx.actor, input.userId, false);
  revalidatePath('/admin/users');
  return null;
});
