import type { Metadata } from 'next';
import Link from 'next/link';
import { StateBadge } from '@/components/state-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listAwsAccounts } from '@/lib/aws-accounts/queries';
import { awsAccountStatusLabels } from '@/lib/domain/labels';
import { RegisterAwsAccountForm } from './register-form';

export const metadata: Metadata = { title: 'AWS accounts' };

export default async function AwsAccountsPage() {
  const actor = await requirePermission('awsAccount.read', '/aws-accounts');
  const accounts = await listAwsAccounts(actor);
  return (
    <>
      <PageHeader
        title="AWS accounts"
        description="The AWS accounts your organisation uses with Direct Connect. The portal works in each through an IAM role you control."
      />
      {can(actor, 'awsAccount.manage') ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Register an AWS account</CardTitle>
          </CardHeader>
          <CardBody>
            <RegisterAwsAccountForm />
          </CardBody>
        </Card>
      ) : null}
      {accounts.length === 0 ? (
        <EmptyState title="No AWS accounts registered">
          {actor.role === 'CUSTOMER_OWNER'
            ? 'Register your AWS account id; we will show you the IAM role to create.'
            : 'Ask an owner of your organisation to register an AWS account.'}
        </EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Account id</Th>
              <Th>Status</Th>
              {actor.kind === 'staff' ? <Th>Organisation</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {accounts.map((account) => (
              <tr key={account.id}>
                <Td>
                  <Link className="font-medium text-brand-700 hover:underline" href={`/aws-accounts/${account.id}`}>
                    {account.name}
                  </Link>
                </Td>
                <Td className="font-mono">{account.accountId}</Td>
                <Td>
                  <StateBadge state={awsAccountStatusLabels[account.status]} />
                </Td>
                {actor.kind === 'staff' ? <Td>{account.org.name}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
