import { Bell } from 'lucide-react';
import Link from 'next/link';
import type { Actor } from '@/lib/auth/permissions';
import { unreadCount } from '@/lib/notifications/inbox';

/** The header's link to the inbox, with the signed-in user's unread count. */
export async function InboxBell({ actor }: { actor: Actor }) {
  const unread = await unreadCount(actor);
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread > 99 ? 'more than 99' : unread} unread`;
  return (
    <Link href="/notifications" className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900" title={label} aria-label={label}>
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span aria-hidden className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

export function InboxBellFallback() {
  return (
    <Link href="/notifications" className="rounded-md p-2 text-slate-600 hover:bg-slate-100" aria-label="Notifications">
      <Bell className="size-5" aria-hidden />
    </Link>
  );
}
