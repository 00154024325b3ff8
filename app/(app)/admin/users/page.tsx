import type { Metadata } from 'next';
import { ActionButton } from '@/components/forms/action-button';
import { formatDateTime } from '@/components/format';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { staffListOrganisations, staffListUsers } from '@/lib/admin/users';
import { mailHealth } from '@/lib/notifications/mail-health';
import { roleLabels } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { disableUserAction, enableUserAction } from './actions';
import { AddUserDialog } from './add-user-dialog';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePermission('admin.users', '/admin/users');
  const [users, organisations, mail] = await Promise.all([staffListUsers(actor), staffListOrganisations(actor), mailHealth(actor)]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in, with their role. Disabling an account signs its user out at once and keeps its history."
        actions={<AddUserDialog organisations={organisations} />}
      />
      {mail.configProblem || mail.failedLastDay > 0 ? (
        <section role="alert" aria-labelledby="mail-health-title" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <h2 id="mail-health-title" className="font-semibold">Email is not going out</h2>
          {mail.configProblem ? <p className="mt-1">{mail.configProblem}</p> : null}
          {mail.failedLastDay > 0 ? (
            <p className="mt-1">
              {mail.failedLastDay === 1 ? '1 email' : `${mail.failedLastDay} emails`} could not be sent in the last 24 hours. People still see these notifications in
              their portal inbox.
            </p>
          ) : null}
          {mail.lastFailure && mail.lastFailure.error !== mail.configProblem ? (
            <p className="mt-1">
              Last failure, {formatDateTime(mail.lastFailure.at)}: <span className="break-words font-mono text-xs">{mail.lastFailure.error}</span>
            </p>
          ) : null}
        </section>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th className="hidden md:table-cell">Last sign-in</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} className={user.disabledAt ? 'bg-slate-50 text-slate-500' : undefined}>
              <Td className="align-middle font-medium">{user.name}</Td>
              <Td className="break-all align-middle">{user.email}</Td>
              <Td className="align-middle">
                {user.staffRole
                  ? roleLabels[user.staffRole]
                  : user.memberships.map((m) => `${m.role === 'OWNER' ? 'Owner' : 'Member'} · ${m.org.name}`).join(', ')}
                {user.disabledAt ? (
                  <Badge tone="danger" className="ml-2">
                    Disabled
                  </Badge>
                ) : null}
              </Td>
              <Td className="hidden align-middle md:table-cell">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</Td>
              <Td className="text-right align-middle">
                {user.id === actor.userId ? (
                  <span className="text-xs text-slate-500">You</span>
                ) : user.disabledAt ? (
                  <ActionButton action={enableUserAction.bind(null, { userId: user.id })} size="sm" pendingLabel="Enabling…" successMessage={`${user.name} can sign in again.`}>
                    Enable
                  </ActionButton>
                ) : (
                  <ActionButton action={disableUserAction.bind(null, { userId: user.id })} size="sm" pendingLabel="Disabling…" successMessage={`${user.name} is signed out and cannot sign in.`}>
                    Disable
                  </ActionButton>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
