'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { markRead, markReadSchema, preferencesSchema, saveEmailPreferences } from '@/lib/notifications/inbox';
import { dismissNotification } from '@/lib/notifications/queries';

/** Customers dismiss their organisation's notifications, NOC the NOC's (the query scopes it). */
export const dismissNotificationAction = authedAction(z.object({ id: z.string().min(1) }), { name: 'notification.dismiss', permission: 'connection.read' }, async ({ input, ctx }) => {
  await dismissNotification(ctx.actor, input.id);
  revalidatePath('/dashboard');
  revalidatePath('/noc/queue');
  return null;
});

/** A user marks their own notices read: one, or all of them. */
export const markReadAction = authedAction(markReadSchema, { name: 'inbox.markRead', permission: 'account.self' }, async ({ input, ctx }) => {
  await markRead(ctx.actor, input);
  revalidatePath('/notifications');
  return null;
});

export const savePreferencesAction = authedAction(preferencesSchema, { name: 'inbox.preferences', permission: 'account.self' }, async ({ input, ctx }) => {
  await saveEmailPreferences(ctx.actor, input);
  revalidatePath('/account');
  return null;
});
