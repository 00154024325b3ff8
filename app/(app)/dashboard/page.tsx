import { AlertTriangle, ArrowRight, CircleCheck, Hand } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/components/format';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listAwsAccounts } from '@/lib/aws-accounts/queries';
import { customerAttention } from '@/lib/connections/attention';
import { openReminders } from '@/lib/notifications/reminders';
import { RemindersCard } from '@/components/reminders';
import { dismissReminderAction } from '../notifications/actions';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requirePermission('dashboard.view', '/dashboard');
  const [accounts, attention, notifications] = await Promise.all([listAwsAccounts(actor), customerAttention(actor), openReminders(actor, 10)]);
  const mayRequest = can(actor, 'connection.request');
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(' ')[0]}`}
        description="What needs your attention first, then everything else."
        actions={
          mayRequest && accounts.some((a) => a.status === 'VERIFIED') ? (
            <Button asChild>
              <Link href="/connections/new">Request a connection</Link>
            </Button>
          ) : null
        }
      />
      {accounts.length === 0 ? (
        <EmptyState
          title="Connect an AWS account to get started"
          action={
            <Button asChild>
              <Link href="/aws-accounts">Set up an AWS account</Link>
            </Button>
          }
        >
          The portal works in your AWS account through an IAM role you create. Register the account, create the role we show you, and
          verify it; then you can request Direct Connect connections.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-3">
            <Card>
              <CardBody>
                <p className="text-sm text-slate-600">Active connections</p>
                <p className="mt-1 text-2xl font-semibold">{attention.active}</p>
              </CardBody>
            </Card>
            <Card>
              <CardBody>
                <p className="text-sm text-slate-600">In progress</p>
                <p className="mt-1 text-2xl font-semibold">{attention.inProgress}</p>
              </CardBody>
            </Card>
            <Card>
              <CardBody>
                <p className="text-sm text-slate-600">Problems</p>
                <p className="mt-1 text-2xl font-semibold">{attention.problems}</p>
              </CardBody>
            </Card>
          </div>
          <RemindersCard items={notifications} dismiss={dismissReminderAction} />
          <section aria-labelledby="attention-heading">
            <h2 id="attention-heading" className="mb-3 text-base font-semibold text-slate-900">
              Needs attention
            </h2>
            {attention.items.length === 0 && attention.active + attention.inProgress === 0 ? (
              <EmptyState
                title="No open connections"
                action={
                  mayRequest && accounts.some((a) => a.status === 'VERIFIED') ? (
                    <Button asChild>
                      <Link href="/connections/new">Request your first connection</Link>
                    </Button>
                  ) : null
                }
              >
                Request a dedicated port or a hosted connection at one of our locations. We review it, provision it in AWS and arrange
                the cross-connect; you follow every step here.
              </EmptyState>
            ) : attention.items.length === 0 ? (
              <EmptyState
                title="Nothing needs your attention"
                action={
                  <Button asChild variant="secondary">
                    <Link href="/connections">See all connections</Link>
                  </Button>
                }
              >
                Everything is either running or waiting on us or AWS. You will see it here when something needs you.
              </EmptyState>
            ) : (
              <ul className="space-y-2">
                {attention.items.map((item) => {
                  const Icon = item.severity === 'problem' ? AlertTriangle : item.severity === 'action' ? Hand : CircleCheck;
                  return (
                    <li key={`${item.href}-${item.title}`}>
                      <Link
                        href={item.href}
                        className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50/40"
                      >
                        <Icon className={item.severity === 'problem' ? 'mt-0.5 size-5 text-red-700' : 'mt-0.5 size-5 text-brand-700'} aria-hidden />
                        <span className="min-w-0 flex-1">
                          <span className="block font-medium text-slate-900">{item.title}</span>
                          <span className="block text-sm text-slate-600">{item.detail}</span>
                          {item.dueAt ? <span className="mt-1 block text-xs font-medium text-slate-700">Due by {formatDateTime(item.dueAt)}</span> : null}
                        </span>
                        <ArrowRight className="mt-0.5 size-4 text-slate-400" aria-hidden />
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
            {attention.more ? (
              <p className="mt-3 text-sm text-slate-600">
                These are the {attention.items.length} most urgent.{' '}
                <Link href="/connections?awsState=down" className="font-medium text-brand-700 hover:underline">
                  Ports that are down
                </Link>{' '}
                and{' '}
                <Link href="/connections?view=open" className="font-medium text-brand-700 hover:underline">
                  open requests
                </Link>{' '}
                are listed in full under Connections.
              </p>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
