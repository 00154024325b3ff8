import type { Metadata } from 'next';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { roleDescriptions, roleLabels } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { emailPreferences } from '@/lib/notifications/inbox';
import { ChangePasswordForm } from './change-password-form';
import { EmailPreferencesForm } from './email-preferences-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requirePermission('account.self', '/account');
  const preferences = await emailPreferences(actor);
  return (
    <>
      <PageHeader title="Your account" description="Who you are signed in as, your password, and which emails you get." />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
          </CardHeader>
          <CardBody>
            <Facts>
              <Fact label="Name">{actor.name}</Fact>
              <Fact label="Email">{actor.email}</Fact>
              <Fact label="Role">
                {roleLabels[actor.role]}
                {actor.kind === 'customer' ? ` of ${actor.orgName}` : ''}
                <span className="block text-xs text-slate-600">{roleDescriptions[actor.role]}</span>
              </Fact>
            </Facts>
            <p className="mt-4 text-xs text-slate-600">To change your name, email or role, ask {actor.kind === 'customer' ? 'your provider' : 'an administrator'}.</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Change password</CardTitle>
          </CardHeader>
          <CardBody>
            <ChangePasswordForm email={actor.email} />
          </CardBody>
        </Card>
        {preferences.length ? (
          <Card id="notifications">
            <CardHeader>
              <CardTitle>Email notifications</CardTitle>
            </CardHeader>
            <CardBody>
              <p className="mb-4 text-sm text-slate-600">Emails go to {actor.email}. Everything also appears under Notifications in the portal, whatever you choose here.</p>
              <EmailPreferencesForm preferences={preferences} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
