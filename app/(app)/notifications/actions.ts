'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { markRead, markReadSchema, preferencesSchema, saveEmailPreferences } from '@/lib/notifications/inbox';
import { dismissReminder } from '@/lib/notifications/reminders';

/** Customers dismiss their organisation's reminders, NOC the NOC's (the query scopes it). */
export const dismissReminderAction = authedAction(z.object({ id: z.string().min(1) }), { name: 'reminder.dismiss', permission: 'connection.read' }, async ({ input, ctx }) => {
  await dismissReminder(ctx.actor, input.id);
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
