import { AlarmClock } from 'lucide-react';
import Link from 'next/link';
import type { ActionResult } from '@/lib/auth/action';
import type { OpenReminder } from '@/lib/notifications/reminders';
import { ActionButton } from './forms/action-button';
import { formatDateTime } from './format';
import { Card, CardBody, CardHeader, CardTitle } from './ui/card';

const hrefFor = (n: OpenReminder) => (n.subjectType === 'CONNECTION' ? `/connections/${n.subjectId}` : n.subjectType === 'VIRTUAL_INTERFACE' ? `/virtual-interfaces/${n.subjectId}` : null);

/** Open reminders the worker raised (LOA expiry, acceptance overdue, stuck requests, failures): a shared to-do until dismissed. What each person was told is the inbox (header bell). */
export function RemindersCard({ items, dismiss }: { items: OpenReminder[]; dismiss: (input: { id: string }) => Promise<ActionResult<null>> }) {
  if (items.length === 0) return null;
  return (
    <Card aria-labelledby="reminders-title">
      <CardHeader>
        <CardTitle id="reminders-title" className="flex items-center gap-2">
          <AlarmClock className="size-4" aria-hidden />
          Reminders and alerts
        </CardTitle>
      </CardHeader>
      <CardBody>
        <ul className="divide-y divide-slate-100">
          {items.map((n) => {
            const href = hrefFor(n);
            return (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm">
                <div className="min-w-0">
                  {href ? (
                    <Link href={href} className="font-medium text-brand-700 hover:underline">
                      {n.message}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{n.message}</span>
                  )}
                  <div className="text-xs text-slate-600">
                    {formatDateTime(n.createdAt)}
                    {n.dueAt ? ` · due ${formatDateTime(n.dueAt)}` : ''}
                  </div>
                </div>
                <ActionButton action={dismiss.bind(null, { id: n.id })} size="sm" variant="ghost" pendingLabel="…">
                  Dismiss
                </ActionButton>
              </li>
            );
          })}
        </ul>
      </CardBody>
    </Card>
  );
}
