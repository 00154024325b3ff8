import type { EventSource } from '@/lib/db/generated/enums';
import type { TimelineEvent, TimelinePage, TimelineSubject } from '@/lib/events/timeline';
import type { ActionResult } from '@/lib/auth/action';
import { OlderEvents } from './timeline-older';
import { Card, CardBody, CardHeader, CardTitle } from './ui/card';
import { cn } from './ui/cn';
import { formatDateTime } from './format';

// The coloured dot on the line and the coloured label say where an event came from; no icon per
// event, as a page of events is the bulk of a detail page's HTML.
const sources = {
  PORTAL: { label: 'Portal', dot: 'bg-brand-600', text: 'text-brand-700' },
  AWS: { label: 'AWS', dot: 'bg-amber-500', text: 'text-amber-800' },
  FACILITY: { label: 'Facility', dot: 'bg-emerald-600', text: 'text-emerald-800' },
} satisfies Record<EventSource, { label: string; dot: string; text: string }>;

/** One event of the timeline joining the portal's workflow, AWS's states and the facility's work. */
export function TimelineItem({ event }: { event: TimelineEvent }) {
  const source = sources[event.source];
  return (
    <li className="relative">
      <span className={cn('absolute -left-[31px] top-1 grid size-4 place-items-center rounded-full ring-4 ring-white', source.dot)} aria-hidden />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <span className={cn('font-semibold', source.text)}>{source.label}</span>
        <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
        <span>by {event.actorLabel}</span>
        {event.fromState || event.toState ? (
          <span className="font-mono text-slate-700">
            {event.fromState ?? '∅'} → {event.toState ?? '∅'}
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-900">{event.message}</p>
    </li>
  );
}

export type LoadOlder = (input: TimelineSubject) => Promise<ActionResult<TimelinePage>>;

/**
 * The timeline in its card, as every detail page shows it: the newest page of events, and the
 * older ones a page at a time on request, so a long history costs what a short one does.
 */
export function TimelineCard({
  page,
  subject,
  loadOlder,
  note = 'Newest first',
}: {
  page: TimelinePage;
  subject?: Pick<TimelineSubject, 'kind' | 'id'>;
  loadOlder?: LoadOlder;
  note?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <span className="text-xs text-slate-600">{note}</span>
      </CardHeader>
      <CardBody>
        {page.events.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has happened yet.</p>
        ) : (
          <ol className="relative space-y-5 border-l border-slate-200 pl-6" aria-label="Timeline">
            {page.events.map((event) => (
              <TimelineItem key={event.id} event={event} />
            ))}
            {page.older && subject && loadOlder ? <OlderEvents subject={subject} cursor={page.older} loadOlder={loadOlder} /> : null}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
