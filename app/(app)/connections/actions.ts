'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { acceptHostedConnection, decommissionConnection, refreshConnection } from '@/lib/connections/commands';
import { requestConnection } from '@/lib/connections/request';
import { requestConnectionSchema } from '@/lib/domain/connections/schema';

const byId = z.object({ connectionId: z.string().min(1) });

export const requestConnectionAction = authedAction(requestConnectionSchema, { name: 'connection.request', permission: 'connection.request' }, async ({ input, ctx }) => {
  const result = await requestConnection(ctx.actor, input);
  revalidatePath('/connections');
  return result;
});

export const acceptConnectionAction = authedAction(byId, { name: 'connection.accept', permission: 'connection.accept' }, async ({ input, ctx }) => {
  await acceptHostedConnection(ctx.actor, input.connectionId);
  revalidatePath(`/connections/${input.connectionId}`);
  return null;
});

export const refreshConnectionAction = authedAction(byId, { name: 'connection.refresh', permission: 'connection.refresh' }, async ({ input, ctx }) => {
  await refreshConnection(ctx.actor, input.connectionId);
  return null;
});

export const decommissionConnectionAction = authedAction(
  byId.extend({ confirmName: z.string() }),
  { name: 'connection.decommission', permission: 'connection.decommission' },
  async ({ input, ctx }) => {
    await decommissionConnection(ctx.actor, input.connectionId, input.confirmName);
    revalidatePath(`/connections/${input.connectionId}`);
    return null;
  },
);
