import 'server-only';
import { z } from 'zod';
import { registerAwsAccount, verifyAwsAccount } from '../../aws-accounts/commands';
import { getAwsAccount } from '../../aws-accounts/queries';
import type { Actor } from '../../auth/permissions';
import { registerAwsAccountSchema } from '../../domain/aws-accounts';
import { notFound } from '../../errors';
import { conflictResponse, idParam, notFoundResponse, op, type ApiOperation } from './contract';
import { awsAccountResource, toAwsAccountResource } from './resources';

const tag = 'AWS accounts';

const awsAccountDetail = awsAccountResource
  .extend({ externalId: z.string().describe('Put it in the trust policy of the role the portal assumes (sts:ExternalId); not a secret.') })
  .meta({ id: 'AwsAccountDetail' });

async function detail(actor: Actor, id: string) {
  const a = await getAwsAccount(actor, id);
  if (!a) throw notFound('That AWS account');
  return { ...toAwsAccountResource(a), externalId: a.externalId };
}

export const accountOperations: ApiOperation[] = [
  op({
    id: 'getAwsAccount',
    method: 'GET',
    path: '/aws-accounts/{id}',
    tag,
    summary: 'One AWS account, with the external id for its trust policy',
    permission: 'awsAccount.read',
    write: false,
    params: idParam('AWS account'),
    responses: { 200: { description: 'The account.', schema: awsAccountDetail }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await detail(actor, params.id) }),
  }),
  op({
    id: 'registerAwsAccount',
    method: 'POST',
    path: '/aws-accounts',
    tag,
    summary: 'Register an AWS account (owners only)',
    description: 'Answers 201 with status UNVERIFIED and the roleArn and externalId to set up; then POST /aws-accounts/{id}/verify.',
    permission: 'awsAccount.manage',
    write: true,
    body: registerAwsAccountSchema,
    responses: { 201: { description: 'Registered.', schema: awsAccountDetail }, 409: conflictResponse('Your organisation already registered this account (conflict.awsAccountId names it).') },
    run: async ({ actor, body }) => {
      const { id } = await registerAwsAccount(actor, body);
      return { status: 201, body: await detail(actor, id) };
    },
  }),
  op({
    id: 'verifyAwsAccount',
    method: 'POST',
    path: '/aws-accounts/{id}/verify',
    tag,
    summary: 'Check that the portal can assume the role in the account (owners only)',
    description: 'Answers 200 either way: verified false carries what AWS said (the role is missing, the external id differs, …).',
    permission: 'awsAccount.manage',
    write: true,
    params: idParam('AWS account'),
    responses: {
      200: { description: 'The outcome and the account as it now is.', schema: z.object({ verified: z.boolean(), message: z.string(), account: awsAccountDetail }).meta({ id: 'AwsAccountVerification' }) },
      404: notFoundResponse,
    },
    run: async ({ actor, params }) => {
      const outcome = await verifyAwsAccount(actor, params.id);
      return { status: 200, body: { ...outcome, account: await detail(actor, params.id) } };
    },
  }),
];
