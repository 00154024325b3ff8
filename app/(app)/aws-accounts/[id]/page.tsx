import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StateBadge } from '@/components/state-badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/session';
import { getAwsAccount } from '@/lib/aws-accounts/queries';
import { awsAccountStatusLabels } from '@/lib/domain/labels';

export const metadata: Metadata = { title: 'AWS account' };

export default async function AwsAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('awsAccount.read', `/aws-accounts/${id}`);
  const account = await getAwsAccount(actor, id);
  if (!account) notFound();
  return (
    <>
      <PageHeader title={account.name} description={<span className="font-mono">{account.accountId}</span>} />
      <Card>
        <CardHeader>
          <CardTitle>Access</CardTitle>
          <StateBadge state={awsAccountStatusLabels[account.status]} />
        </CardHeader>
        <CardBody>
          <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">IAM role</dt>
            <dd className="break-all font-mono">{account.roleArn}</dd>
            <dt className="text-slate-600">External id</dt>
            <dd className="break-all font-mono">{account.externalId}</dd>
          </dl>
        </CardBody>
      </Card>
    </>
  );
}
