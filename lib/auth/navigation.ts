import { can, type Actor, type Permission } from './permissions';

export type NavItem = { href: string; label: string; icon: NavIcon };
export type NavIcon = 'dashboard' | 'connections' | 'gateways' | 'accounts' | 'queue' | 'crossConnects' | 'search' | 'users' | 'webhooks' | 'audit';

/** `audience: 'all'` items are for customers and staff alike (their permission still decides). */
const items: Array<NavItem & { permission: Permission; audience: Actor['kind'] | 'all' }> = [
  { href: '/dashboard', label: 'Dashboard', icon: 'dashboard', permission: 'dashboard.view', audience: 'customer' },
  { href: '/connections', label: 'Connections', icon: 'connections', permission: 'connection.read', audience: 'customer' },
  { href: '/gateways', label: 'Gateways', icon: 'gateways', permission: 'gateway.read', audience: 'customer' },
  { href: '/aws-accounts', label: 'AWS accounts', icon: 'accounts', permission: 'awsAccount.read', audience: 'customer' },
  { href: '/noc/queue', label: 'Request queue', icon: 'queue', permission: 'noc.queue', audience: 'staff' },
  { href: '/noc/cross-connects', label: 'Cross-connects', icon: 'crossConnects', permission: 'noc.crossConnect', audience: 'staff' },
  { href: '/support/connections', label: 'All connections', icon: 'search', permission: 'staff.readAllOrgs', audience: 'staff' },
  { href: '/admin/users', label: 'Users', icon: 'users', permission: 'admin.users', audience: 'staff' },
  { href: '/webhooks', label: 'Webhooks', icon: 'webhooks', permission: 'webhook.read', audience: 'all' },
  { href: '/audit', label: 'Audit log', icon: 'audit', permission: 'audit.read', audience: 'all' },
];

/** The navigation a role sees, in order. */
export function navigationFor(actor: Actor): NavItem[] {
  return items
    .filter((item) => (item.audience === 'all' || item.audience === actor.kind) && can(actor, item.permission))
    .map(({ href, label, icon }) => ({ href, label, icon }));
}

/** Where a role lands after signing in. */
export function homeFor(actor: Actor): string {
  return navigationFor(actor)[0]?.href ?? '/';
}
