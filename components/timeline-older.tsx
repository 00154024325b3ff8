'use client';

import { useState, useTransition } from 'react';
import type { TimelineEvent, TimelineSubject } from '@/lib/events/timeline';
import type { LoadOlder } from './timeline';
import { TimelineItem } from './timeline';
import { Button } from './ui/button';

/** "Show older events": appends the next page below the ones the server rendered. */
export function OlderEvents({ subject, cursor, loadOlder }: { subject: Pick<TimelineSubject, 'kind' | 'id'>; cursor: string; loadOlder: LoadOlder }) {
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const more = () =>
    start(async () => {
      if (!next) return;
      setError(undefined);
      const result = await loadOlder({ ...subject, cursor: next }).catch(() => null);
      if (!result) setError('The request did not reach the server. Check your connection and try again.');
      else if (!result.ok) setError(result.formError ?? 'The older events could not be loaded.');
      else {
        setEvents((shown) => [...shown, ...result.data.events]);
        setNext(result.data.older);
      }
    });
  return (
    <>
      {events.map((event) => (
        <TimelineItem key={event.id} event={event} />
      ))}
      {next ? (
        <li className="list-none">
          <Button type="button" variant="secondary" size="sm" onClick={more} disabled={pending}>
            {pending ? 'Loading…' : 'Show older events'}
          </Button>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </li>
      ) : (
        <li className="list-none text-xs text-slate-600">That is the whole history.</li>
      )}
    </>
  );
}
