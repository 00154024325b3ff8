import { UserRound } from 'lucide-react';
import Link from 'next/link';
import { Suspense } from 'react';
import { navigationFor } from '@/lib/auth/navigation';
import { roleLabels, type Actor } from '@/lib/auth/permissions';
import { InboxBell, InboxBellFallback } from './inbox-bell';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export function AppShell({ actor, sandbox, children }: { actor: Actor; sandbox: boolean; children: React.ReactNode }) {
  const items = navigationFor(actor);
  const context = actor.kind === 'customer' ? actor.orgName : 'Provider staff';
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
      <aside className="hidden border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0 flex h-screen flex-col p-4">
          <Link href="/" className="mb-6 flex items-center gap-2 px-3 text-base font-semibold text-slate-900">
            <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">
              DX
            </span>
            dx-portal
          </Link>
          <nav aria-label="Main" className="flex-1">
            <NavLinks items={items} />
          </nav>
          {sandbox ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200">
              Sandbox mode: AWS calls go to the local sandbox, and the portal acts out fibre and router events.
            </p>
          ) : null}
        </div>
      </aside>
      <div className="min-w-0">
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav items={items} />
            <span className="truncate text-sm text-slate-600">{context}</span>
          </div>
          <div className="flex items-center gap-3">
            <Suspense fallback={<InboxBellFallback />}>
              <InboxBell actor={actor} />
            </Suspense>
            <Link href="/account" className="flex items-center gap-2 rounded-md px-2 py-1 text-right text-sm hover:bg-slate-100" title="Your account">
              <UserRound className="size-5 text-slate-600 sm:hidden" aria-hidden />
              <span className="sr-only sm:hidden">Your account</span>
              <span className="hidden sm:block">
                <span className="block font-medium text-slate-900">{actor.name}</span>
                <span className="block text-xs text-slate-600">{roleLabels[actor.role]}</span>
              </span>
            </Link>
            <SignOutButton />
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
