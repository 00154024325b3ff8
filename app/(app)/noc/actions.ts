'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { advanceCrossConnectSchema, markTestedSchema, reservePortSchema } from '@/lib/domain/connections/cross-connect';
import { approveSchema, rejectSchema } from '@/lib/domain/connections/schema';
import { advanceCrossConnect, markTested, reservePort } from '@/lib/noc/cross-connects';
import { approveRequest, rejectRequest, retryProvisioning } from '@/lib/noc/decide';
import { approvalChoices } from '@/lib/noc/queue';

export const approveRequestAction = authedAction(approveSchema, { name: 'noc.approve', permission: 'noc.decide' }, async ({ input, ctx }) => {
  const result = await approveRequest(ctx.actor, input);
  revalidatePath('/noc/queue');
  return result;
});

/** What the approval dialog offers for a request's hosted connections: asked when it opens, so the queue itself calls no AWS API. */
export const approvalChoicesAction = authedAction(z.object({ requestGroupId: z.string().min(1).max(100) }), { name: 'noc.approvalChoices', permission: 'noc.decide' }, async ({ input, ctx }) =>
  approvalChoices(ctx.actor, input.requestGroupId),
);

export const rejectRequestAction = authedAction(rejectSchema, { name: 'noc.reject', permission: 'noc.decide' }, async ({ input, ctx }) => {
  const result = await rejectRequest(ctx.actor, input);
  revalidatePath('/noc/queue');
  return result;
});

export const retryProvisioningAction = authedAction(z.object({ connectionId: z.string().min(1) }), { name: 'noc.retry', permission: 'noc.retry' }, async ({ input, ctx }) => {
  await retryProvisioning(ctx.actor, input.connectionId);
  revalidatePath('/noc/queue');
  return null;
});

export const reservePortAction = authedAction(reservePortSchema, { name: 'noc.crossConnect.reserve', permission: 'noc.crossConnect' }, async ({ input, ctx }) => {
  const status = await reservePort(ctx.actor, input);
  revalidatePath('/noc/cross-connects');
  return { status };
});

export const advanceCrossConnectAction = authedAction(advanceCrossConnectSchema, { name: 'noc.crossConnect.advance', permission: 'noc.crossConnect' }, async ({ input, ctx }) => {
  const status = await advanceCrossConnect(ctx.actor, input);
  revalidatePath('/noc/cross-connects');
  return { status };
});

export const markTestedAction = authedAction(markTestedSchema, { name: 'noc.crossConnect.tested', permission: 'noc.crossConnect' }, async ({ input, ctx }) => {
  const status = await markTested(ctx.actor, input);
  revalidatePath('/noc/cross-connects');
  return { status };
});
