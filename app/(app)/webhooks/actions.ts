'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { createWebhook, removeWebhook, resendDelivery } from '@/lib/webhooks/endpoints';
import { createWebhookSchema, resendSchema, webhookIdSchema } from '@/lib/webhooks/schema';

/** Owners only (the action's permission and the use case both check); the secret is returned once. */
export const createWebhookAction = authedAction(createWebhookSchema, { name: 'webhook.create', permission: 'webhook.manage' }, async ({ input, ctx }) => {
  const created = await createWebhook(ctx.actor, input);
  revalidatePath('/webhooks');
  return created;
});

export const removeWebhookAction = authedAction(webhookIdSchema, { name: 'webhook.remove', permission: 'webhook.manage' }, async ({ input, ctx }) => {
  await removeWebhook(ctx.actor, input.id);
  revalidatePath('/webhooks');
  revalidatePath(`/webhooks/${input.id}`);
  return null;
});

export const resendDeliveryAction = authedAction(resendSchema, { name: 'webhook.resend', permission: 'webhook.manage' }, async ({ input, ctx }) => {
  await resendDelivery(ctx.actor, input.deliveryId);
  revalidatePath('/webhooks', 'layout');
  return null;
});
