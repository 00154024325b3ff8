import { describe, expect, it } from 'vitest';
import { connectionReadScope, orgScope, readScope, staffCrossOrgScope } from '../db/scope';
import { homeFor, navigationFor } from './navigation';
import { can, permissions, roleCan, rolePermissions, roles, type Actor } from './permissions';

const owner: Actor = { kind: 'customer', userId: 'u1', name: 'O', email: 'o@x', role: 'CUSTOMER_OWNER', orgId: 'org-a', orgName: 'A' };
const member: Actor = { ...owner, role: 'CUSTOMER_MEMBER' };
const noc: Actor = { kind: 'staff', userId: 'u2', name: 'N', email: 'n@x', role: 'NOC' };
const support: Actor = { ...noc, role: 'SUPPORT' };
const admin: Actor = { ...noc, role: 'ADMIN' };

describe('permission map', () => {
  it('grants every permission to at least one role and only known permissions', () => {
    const granted = new Set(roles.flatMap((r) => rolePermissions[r]));
    expect([...granted].sort()).toEqual([...permissions].sort());
  });

  it.each([
    ['CUSTOMER_OWNER', 'awsAccount.manage', true],
    ['CUSTOMER_MEMBER', 'awsAccount.manage', false],
    ['CUSTOMER_MEMBER', 'connection.request', true],
    ['CUSTOMER_MEMBER', 'connection.decommission', false],
    ['CUSTOMER_OWNER', 'connection.decommission', true],
    ['CUSTOMER_OWNER', 'noc.decide', false],
    ['NOC', 'noc.decide', true],
    ['NOC', 'connection.request', false],
    ['NOC', 'vif.revealKey', false],
    ['SUPPORT', 'connection.read', true],
    ['SUPPORT', 'loa.download', true],
    ['SUPPORT', 'noc.decide', false],
    ['SUPPORT', 'vif.revealKey', false],
    ['SUPPORT', 'bundle.download', false],
    ['ADMIN', 'admin.users', true],
    ['NOC', 'admin.users', false],
    ['SUPPORT', 'admin.users', false],
    ['CUSTOMER_OWNER', 'admin.users', false],
  ] as const)('%s %s → %s', (role, permission, expected) => {
    expect(roleCan(role, permission)).toBe(expected);
  });

  it('every role may read its audit log', () => {
    for (const role of roles) expect(roleCan(role, 'audit.read')).toBe(true);
  });

  it('support can change nothing but its own password', () => {
    const writes = rolePermissions.SUPPORT.filter((p) => !/\.(read|view)$|^loa\.download$|^staff\.readAllOrgs$|^account\.self$/.test(p));
    expect(writes).toEqual([]);
  });

  it('every role may manage its own account', () => {
    for (const role of roles) expect(roleCan(role, 'account.self')).toBe(true);
  });

  it('only organisation members may see secrets', () => {
    for (const role of roles) {
      const isCustomer = role.startsWith('CUSTOMER_');
      expect(roleCan(role, 'vif.revealKey')).toBe(isCustomer);
      expect(roleCan(role, 'bundle.download')).toBe(isCustomer);
    }
  });
});

describe('scope builders', () => {
  it('scopes customers to their organisation', () => {
    expect(orgScope(owner)).toEqual({ orgId: 'org-a' });
    expect(readScope(member)).toEqual({ orgId: 'org-a' });
    expect(connectionReadScope(owner)).toEqual({ connection: { orgId: 'org-a' } });
  });

  it('refuses an empty organisation id instead of widening the query', () => {
    expect(() => orgScope({ ...owner, orgId: '' })).toThrow(/without an organisation id/);
    expect(() => orgScope({ ...owner, orgId: '  ' })).toThrow();
  });

  it('gives staff an explicit cross-organisation scope', () => {
    expect(readScope(noc)).toEqual({});
    expect(readScope(support)).toEqual({});
    expect(staffCrossOrgScope(admin)).toEqual({});
  });

  it('refuses org scope to staff and cross-org scope to customers', () => {
    expect(() => orgScope(noc)).toThrow(/customer organisation/);
    expect(() => staffCrossOrgScope(owner)).toThrow(/permission/);
  });

  it('can() reads the same map', () => {
    expect(can(owner, 'vif.delete')).toBe(true);
    expect(can(member, 'vif.delete')).toBe(false);
  });
});

describe('navigation', () => {
  it.each([
    [owner, ['Dashboard', 'Connections', 'Gateways', 'AWS accounts', 'Webhooks', 'Audit log']],
    [member, ['Dashboard', 'Connections', 'Gateways', 'AWS accounts', 'Webhooks', 'Audit log']],
    [noc, ['Request queue', 'Cross-connects', 'All connections', 'Webhooks', 'Audit log']],
    [support, ['All connections', 'Webhooks', 'Audit log']],
    [admin, ['Request queue', 'Cross-connects', 'All connections', 'Users', 'Webhooks', 'Audit log']],
  ] as const)('%o sees the right items', (actor, labels) => {
    expect(navigationFor(actor).map((i) => i.label)).toEqual(labels);
  });

  it('lands each role on its first item', () => {
    expect(homeFor(owner)).toBe('/dashboard');
    expect(homeFor(noc)).toBe('/noc/queue');
    expect(homeFor(support)).toBe('/support/connections');
  });
});
