import { Building2, Cloud, MonitorSmartphone } from 'lucide-react';
import type { EventSource } from '@/lib/db/generated/enums';
import { Card, CardBody, CardHeader, CardTitle } from './ui/card';
import { cn } from './ui/cn';
import { formatDateTime } from './format';

export type TimelineEvent = {
  id: string;
  occurredAt: Date;
  source: EventSource;
  actorLabel: string;
  kind: string;
  fromState: string | null;
  toState: string | null;
  message: string;
};

const sources = {
  PORTAL: { label: 'Portal', icon: MonitorSmartphone, dot: 'bg-brand-600', text: 'text-brand-700' },
  AWS: { label: 'AWS', icon: Cloud, dot: 'bg-amber-500', text: 'text-amber-800' },
  FACILITY: { label: 'Facility', icon: Building2, dot: 'bg-emerald-600', text: 'text-emerald-800' },
} satisfies Record<EventSource, { label: string; icon: React.ComponentType<{ className?: string }>; dot: string; text: string }>;

/** One timeline joining the portal's workflow, AWS's states and the facility's cross-connect work. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-6" aria-label="Timeline">
      {[...events].reverse().map((event) => {
        const source = sources[event.source];
        const Icon = source.icon;
        return (
          <li key={event.id} className="relative">
            <span className={cn('absolute -left-[31px] top-1 grid size-4 place-items-center rounded-full ring-4 ring-white', source.dot)} aria-hidden />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
              <span className={cn('inline-flex items-center gap-1 font-semibold', source.text)}>
                <Icon className="size-3.5" aria-hidden />
                {source.label}
              </span>
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
      })}
    </ol>
  );
}

/** The timeline in its card, as every detail page shows it. */
export function TimelineCard({ events, note = 'Newest first' }: { events: TimelineEvent[]; note?: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <span className="text-xs text-slate-600">{note}</span>
      </CardHeader>
      <CardBody>
        <Timeline events={events} />
      </CardBody>
    </Card>
  );
}
