import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { roleDescriptions, roleLabels, type Role } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/api-tokens/tokens';
import { emailPreferences } from '@/lib/notifications/inbox';
import { ApiTokens } from './api-tokens';
import { ChangePasswordForm } from './change-password-form';
import { EmailPreferencesForm } from './email-preferences-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requirePermission('account.self', '/account');
  const [preferences, tokens] = await Promise.all([emailPreferences(actor), listApiTokens(actor)]);
  return (
    <>
      <PageHeader title="Your account" description="Who you are signed in as, your password, which emails you get, and your API tokens." />
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
        <Card id="api-tokens">
          <CardHeader>
            <CardTitle>API tokens</CardTitle>
          </CardHeader>
          <CardBody>
            <p className="mb-4 text-sm text-slate-600">
              For Terraform, Ansible or CI: a token acts as you, with no more than your role ({roleLabels[actor.role]}), until it expires or you revoke it. Disabling your account revokes
              them all. The{' '}
              <Link href="/api-reference" className="text-brand-700 hover:underline">API reference</Link> lists every endpoint.
            </p>
            <ApiTokens
              now={new Date().toISOString()}
              tokens={tokens.map((t) => ({
                id: t.id,
                name: t.name,
                hint: t.hint,
                scope: t.scope,
                roleLabel: roleLabels[t.role as Role] ?? t.role,
                expiresAt: t.expiresAt.toISOString(),
                lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
                revokedAt: t.revokedAt?.toISOString() ?? null,
                createdAt: t.createdAt.toISOString(),
              }))}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
