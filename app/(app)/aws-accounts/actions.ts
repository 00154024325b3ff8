'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { createRoleInSandbox, registerAwsAccount, verifyAwsAccount } from '@/lib/aws-accounts/commands';
import { registerAwsAccountSchema } from '@/lib/domain/aws-accounts';

const byId = z.object({ id: z.string().min(1) });

export const registerAwsAccountAction = authedAction(registerAwsAccountSchema, { name: 'awsAccount.register', permission: 'awsAccount.manage' }, async ({ input, ctx }) => {
  const account = await registerAwsAccount(ctx.actor, input);
  revalidatePath('/aws-accounts');
  return { id: account.id };
});

export const verifyAwsAccountAction = authedAction(byId, { name: 'awsAccount.verify', permission: 'awsAccount.manage' }, async ({ input, ctx }) => {
  const result = await verifyAwsAccount(ctx.actor, input.id);
  revalidatePath(`/aws-accounts/${input.id}`);
  return result;
});

export const createSandboxRoleAction = authedAction(byId, { name: 'awsAccount.sandboxRole', permission: 'awsAccount.manage' }, async ({ input, ctx }) => {
  const result = await createRoleInSandbox(ctx.actor, input.id);
  revalidatePath(`/aws-accounts/${input.id}`);
  return result;
});
