import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { categories, type Category } from '@/lib/domain/notifications/catalog';
import { inboxPage } from '@/lib/notifications/inbox';
import { markReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

const emailNote = { PENDING: 'Email queued', SENT: 'Emailed', FAILED: 'Email failed', SKIPPED: 'Not emailed (your settings)' } as const;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ older?: string }> }) {
  const actor = await requirePermission('account.self', '/notifications');
  const { older } = await searchParams;
  const page = await inboxPage(actor, older);
  const unread = page.items.some((n) => !n.readAt);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            What changed on your {actor.kind === 'customer' ? 'connections' : 'queues'} and what happens next; each one is also emailed to you unless you turned that category off in{' '}
            <Link href="/account#notifications" className="text-brand-700 hover:underline">your account</Link>.
          </>
        }
        actions={unread ? <ActionButton action={markReadAction.bind(null, { all: '1' })} successMessage="All notifications marked read.">Mark all read</ActionButton> : null}
      />
      {page.invalidCursor ? (
        <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          {page.invalidCursor} Showing the newest notifications.
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState title={page.paged ? 'No older notifications' : 'No notifications yet'}>
          {page.paged ? <Link href="/notifications" className="text-brand-700 hover:underline">Back to the newest</Link> : 'When a request is decided, an LOA-CFA is issued or a BGP session changes, it appears here and in your email.'}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {page.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'p-4' : 'bg-brand-50/40 p-4'} data-unread={n.readAt ? undefined : ''}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {n.readAt ? null : <span className="sr-only">Unread: </span>}
                      <Link href={n.link || '/'} className="hover:underline">{n.title}</Link>
                    </p>
                    <p className="mt-1 text-sm text-slate-700">{n.body}</p>
                    <p className="mt-1 text-sm text-slate-600"><span className="font-medium">Next:</span> {n.nextStep}</p>
                    <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                      <time dateTime={n.createdAt.toISOString()}>{n.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>
                      <Badge tone="neutral">{categories[n.category as Category]?.label ?? n.category}</Badge>
                      <span title={n.emailStatus === 'FAILED' ? (n.emailError ?? undefined) : undefined}>{emailNote[n.emailStatus]}</span>
                    </p>
                  </div>
                  {n.readAt ? null : <ActionButton size="sm" variant="ghost" action={markReadAction.bind(null, { id: n.id })}>Mark read</ActionButton>}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <nav aria-label="Pages" className="mt-3 flex justify-end gap-3 text-sm">
        {page.paged ? <Link href="/notifications" className="font-medium text-brand-700 hover:underline">Newest</Link> : null}
        {page.older ? <Link href={`/notifications?older=${encodeURIComponent(page.older)}`} className="font-medium text-brand-700 hover:underline">Older</Link> : null}
      </nav>
    </>
  );
}
