'use server';

import { authedAction } from '@/lib/auth/action';
import { olderTimelineEvents, timelineSubjectSchema } from '@/lib/events/timeline';

/** "Show older events" on any timeline; the query scopes the subject to what the reader may see. */
export const olderEventsAction = authedAction(timelineSubjectSchema, { name: 'timeline.older', permission: 'connection.read' }, async ({ input, ctx }) =>
  olderTimelineEvents(ctx.actor, input),
);
