import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CodeBlock } from '@/components/code-block';
import { StateBadge } from '@/components/state-badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getAwsAccount } from '@/lib/aws-accounts/queries';
import { permissionsPolicy, trustPolicy } from '@/lib/domain/aws-accounts';
import { awsAccountStatusLabels } from '@/lib/domain/labels';
import { env } from '@/lib/env';
import { VerifyButtons } from './verify-buttons';

export const metadata: Metadata = { title: 'AWS account' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function AwsAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('awsAccount.read', `/aws-accounts/${id}`);
  const account = await getAwsAccount(actor, id);
  if (!account) notFound();
  const roleName = account.roleArn.split('/').pop() ?? '';
  const trust = JSON.stringify(trustPolicy(env().DX_PROVIDER_ACCOUNT_ID, account.externalId), null, 2);
  const policy = JSON.stringify(permissionsPolicy(), null, 2);
  const cli = [
    `cat > dx-portal-trust.json <<'JSON'\n${trust}\nJSON`,
    `cat > dx-portal-policy.json <<'JSON'\n${policy}\nJSON`,
    `aws iam create-role --role-name ${roleName} --assume-role-policy-document file://dx-portal-trust.json`,
    `aws iam put-role-policy --role-name ${roleName} --policy-name dx-portal --policy-document file://dx-portal-policy.json`,
  ].join('\n\n');
  const manage = can(actor, 'awsAccount.manage');
  return (
    <>
      <PageHeader title={account.name} description={<span className="font-mono">{account.accountId}</span>} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Access</CardTitle>
            <StateBadge state={awsAccountStatusLabels[account.status]} />
          </CardHeader>
          <CardBody className="space-y-4">
            <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-600">IAM role</dt>
              <dd className="break-all font-mono">{account.roleArn}</dd>
              <dt className="text-slate-600">External id</dt>
              <dd className="break-all font-mono">{account.externalId}</dd>
              <dt className="text-slate-600">Trusted account</dt>
              <dd className="font-mono">{env().DX_PROVIDER_ACCOUNT_ID} (ours)</dd>
              {account.lastVerifyAt ? (
                <>
                  <dt className="text-slate-600">Last checked</dt>
                  <dd>{dateTime.format(account.lastVerifyAt)} UTC</dd>
                </>
              ) : null}
            </dl>
            {account.status === 'FAILED' && account.lastVerifyError ? (
              <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{account.lastVerifyError}</p>
            ) : null}
            {manage ? <VerifyButtons id={account.id} sandbox={Boolean(env().DX_SANDBOX_CONTROL_URL)} /> : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Create the IAM role in account {account.accountId}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-4 text-sm text-slate-700">
            <p>
              The portal never holds keys to your account. It assumes the role <code className="font-mono">{roleName}</code>, which
              trusts only our AWS account and only with the external id above (this stops anyone else from using our account to
              reach yours). The policy allows exactly the Direct Connect and EC2 calls the portal makes, nothing more. Run these
              commands with an administrator of account {account.accountId}, or create the same role in the IAM console, then press
              Verify.
            </p>
            <CodeBlock label="AWS CLI commands" code={cli} />
            <details className="group">
              <summary className="cursor-pointer font-medium text-brand-700">Trust policy and permissions policy as JSON</summary>
              <div className="mt-3 grid gap-3 lg:grid-cols-2">
                <CodeBlock label="Trust policy" code={trust} />
                <CodeBlock label="Permissions policy" code={policy} />
              </div>
            </details>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
