'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { dismissNotification } from '@/lib/notifications/queries';

/** Customers dismiss their organisation's notifications, NOC the NOC's (the query scopes it). */
export const dismissNotificationAction = authedAction(z.object({ id: z.string().min(1) }), { name: 'notification.dismiss', permission: 'connection.read' }, async ({ input, ctx }) => {
  await dismissNotification(ctx.actor, input.id);
  revalidatePath('/dashboard');
  revalidatePath('/noc/queue');
  return null;
});
