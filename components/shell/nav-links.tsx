'use client';

import { Building2, Cable, Gauge, Inbox, Network, ScrollText, Search, Users, Webhook, Wrench } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavIcon, NavItem } from '@/lib/auth/navigation';
import { cn } from '../ui/cn';

const icons = {
  dashboard: Gauge,
  connections: Cable,
  gateways: Network,
  accounts: Building2,
  queue: Inbox,
  crossConnects: Wrench,
  search: Search,
  users: Users,
  webhooks: Webhook,
  audit: ScrollText,
} satisfies Record<NavIcon, React.ComponentType<{ className?: string }>>;

export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
                active ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
