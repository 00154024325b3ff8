import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { staffListUsers } from '@/lib/admin/users';
import { roleLabels } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Users' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function UsersPage() {
  const actor = await requirePermission('admin.users', '/admin/users');
  const users = await staffListUsers(actor);
  return (
    <>
      <PageHeader title="Users" description="Everyone who can sign in, with their role." />
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Last sign-in (UTC)</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id}>
              <Td className="font-medium">{user.name}</Td>
              <Td>{user.email}</Td>
              <Td>
                {user.staffRole
                  ? roleLabels[user.staffRole]
                  : user.memberships.map((m) => `${m.role === 'OWNER' ? 'Owner' : 'Member'} · ${m.org.name}`).join(', ')}
                {user.disabledAt ? (
                  <Badge tone="danger" className="ml-2">
                    Disabled
                  </Badge>
                ) : null}
              </Td>
              <Td>{user.lastSignInAt ? dateTime.format(user.lastSignInAt) : 'Never'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
