import { z } from 'zod';
import { webhookTypeKeys, type WebhookType } from '../domain/notifications/catalog';

/** The one schema of "add a webhook": the form validates with it, the server action re-checks. */
export const createWebhookSchema = z.object({
  url: z.string().trim().min(1, 'Enter the URL that receives the events.').max(2000, 'That URL is too long (2,000 characters at most).').url('Enter a full URL such as https://hooks.example.com/dx-portal.'),
  description: z.string().trim().max(200, 'Keep the description under 200 characters.').optional().or(z.literal('')),
  eventTypes: z
    .array(z.enum(webhookTypeKeys as [WebhookType, ...WebhookType[]], { message: 'That event type does not exist.' }))
    .min(1, 'Choose at least one event type.'),
});

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.string().min(1).max(40) });
export const resendSchema = z.object({ deliveryId: z.string().min(1).max(40) });
