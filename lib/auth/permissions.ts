/**
 * Roles and what each may do: the one permission map. Actions and pages declare the permission
 * they need; nothing else compares roles. Pure, so the navigation and the unit tests share it.
 */
export const roles = ['CUSTOMER_OWNER', 'CUSTOMER_MEMBER', 'NOC', 'SUPPORT', 'ADMIN'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'account.self',
  'dashboard.view',
  'connection.read',
  'connection.request',
  'connection.accept',
  'connection.refresh',
  'connection.decommission',
  'loa.download',
  'awsAccount.read',
  'awsAccount.manage',
  'vif.read',
  'vif.manage',
  'vif.delete',
  'vif.revealKey',
  'bundle.download',
  'gateway.read',
  'gateway.manage',
  'gateway.delete',
  'noc.queue',
  'noc.decide',
  'noc.crossConnect',
  'noc.retry',
  'webhook.read',
  'webhook.manage',
  'staff.readAllOrgs',
  'audit.read',
  'admin.users',
] as const;
export type Permission = (typeof permissions)[number];

const customerRead: Permission[] = ['account.self', 'dashboard.view', 'connection.read', 'loa.download', 'awsAccount.read', 'vif.read', 'gateway.read', 'webhook.read', 'audit.read'];
const customerWrite: Permission[] = [
  'connection.request',
  'connection.accept',
  'connection.refresh',
  'vif.manage',
  'vif.revealKey',
  'bundle.download',
  'gateway.manage',
];
const staffRead: Permission[] = ['account.self', 'staff.readAllOrgs', 'connection.read', 'loa.download', 'awsAccount.read', 'vif.read', 'gateway.read', 'webhook.read', 'audit.read'];
const nocWork: Permission[] = ['noc.queue', 'noc.decide', 'noc.crossConnect', 'noc.retry', 'connection.refresh'];

export const rolePermissions = {
  CUSTOMER_OWNER: [...customerRead, ...customerWrite, 'awsAccount.manage', 'webhook.manage', 'connection.decommission', 'vif.delete', 'gateway.delete'],
  CUSTOMER_MEMBER: [...customerRead, ...customerWrite],
  NOC: [...staffRead, ...nocWork],
  SUPPORT: [...staffRead],
  ADMIN: [...staffRead, ...nocWork, 'admin.users'],
} satisfies Record<Role, Permission[]>;

const lookup = new Map<Role, ReadonlySet<Permission>>(
  roles.map((role) => [role, new Set<Permission>(rolePermissions[role])]),
);

export function roleCan(role: Role, permission: Permission): boolean {
  return lookup.get(role)?.has(permission) ?? false;
}

export const roleLabels = {
  CUSTOMER_OWNER: 'Owner',
  CUSTOMER_MEMBER: 'Member',
  NOC: 'NOC engineer',
  SUPPORT: 'Support',
  ADMIN: 'Administrator',
} satisfies Record<Role, string>;

export const roleDescriptions = {
  CUSTOMER_OWNER:
    'Everything a member can do, plus register AWS accounts, manage webhooks, decommission connections and delete virtual interfaces and gateways.',
  CUSTOMER_MEMBER:
    'Request connections, accept hosted connections, download LOA-CFAs, create virtual interfaces and gateways, download router bundles.',
  NOC: 'Approve or reject requests, provision them in AWS, run cross-connect work orders, retry failed provisioning.',
  SUPPORT: "Read-only view of every organisation's connections, timelines and gateways; secrets masked.",
  ADMIN: 'NOC work plus user administration: add users, disable and re-enable accounts.',
} satisfies Record<Role, string>;

/** A signed-in person as every use case sees them; built from the database on each request. */
export type Actor =
  | { kind: 'customer'; userId: string; name: string; email: string; role: 'CUSTOMER_OWNER' | 'CUSTOMER_MEMBER'; orgId: string; orgName: string }
  | { kind: 'staff'; userId: string; name: string; email: string; role: 'NOC' | 'SUPPORT' | 'ADMIN' };

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(actor.role, permission);
}
