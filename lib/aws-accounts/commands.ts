import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/permissions';
import { toAppError } from '../aws/errors';
import { forgetCustomerCredentials, verifyCustomerRole } from '../aws/clients';
import { physicalWorld } from '../aws/physical-world';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { orgScope } from '../db/scope';
import { roleArnFor, type registerAwsAccountSchema } from '../domain/aws-accounts';
import { env } from '../env';
import { AppError, ErrorCode, conflict, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import type { z } from 'zod';

export async function registerAwsAccount(actor: Actor, input: z.output<typeof registerAwsAccountSchema>) {
  const scope = orgScope(actor);
  const externalId = `dxp-${randomBytes(12).toString('hex')}`;
  try {
    return await db().$transaction(async (tx) => {
      const account = await tx.awsAccount.create({
        data: {
          ...scope,
          accountId: input.accountId,
          name: input.name,
          roleArn: roleArnFor(input.accountId, env().DX_CUSTOMER_ROLE_NAME),
          externalId,
        },
        select: { id: true },
      });
      await recordEvent(tx, {
        orgId: scope.orgId,
        subjectType: 'AWS_ACCOUNT',
        subjectId: account.id,
        source: 'PORTAL',
        actor: eventActor(actor),
        kind: 'awsAccount.registered',
        toState: 'UNVERIFIED',
        message: `Registered AWS account ${input.accountId} (${input.name}).`,
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await db().awsAccount.findFirst({ where: { ...scope, accountId: input.accountId }, select: { id: true, name: true } });
      throw conflict('Your organisation has already registered this AWS account.', 'accountId', { accountId: input.accountId, awsAccountId: existing?.id ?? null, name: existing?.name ?? null });
    }
    throw error;
  }
}

async function findOwn(actor: Actor, id: string) {
  const account = await db().awsAccount.findFirst({
    where: { id, ...orgScope(actor) },
    select: { id: true, orgId: true, accountId: true, roleArn: true, externalId: true, status: true },
  });
  if (!account) throw notFound('That AWS account');
  return account;
}

/** AssumeRole with the external id, then GetCallerIdentity: proves the role is set up right. */
export async function verifyAwsAccount(actor: Actor, id: string): Promise<{ verified: boolean; message: string }> {
  const account = await findOwn(actor, id);
  forgetCustomerCredentials(account);
  let problem: string | null = null;
  try {
    const reported = await verifyCustomerRole(account);
    if (reported !== account.accountId) problem = `The role belongs to account ${reported}, not ${account.accountId}. Check the account id.`;
  } catch (error) {
    const appError = toAppError(error, { action: 'assume the role', roleArn: account.roleArn, accountId: account.accountId });
    if (appError.code === ErrorCode.AwsUnavailable) throw appError;
    problem = appError.message;
  }
  const status = problem ? 'FAILED' : 'VERIFIED';
  await db().$transaction(async (tx) => {
    await tx.awsAccount.updateMany({
      where: { id: account.id, ...orgScope(actor) },
      data: { status, verifiedAt: problem ? null : new Date(), lastVerifyAt: new Date(), lastVerifyError: problem },
    });
    await recordEvent(tx, {
      orgId: account.orgId,
      subjectType: 'AWS_ACCOUNT',
      subjectId: account.id,
      source: 'AWS',
      actor: eventActor(actor),
      kind: problem ? 'awsAccount.verifyFailed' : 'awsAccount.verified',
      fromState: account.status,
      toState: status,
      message: problem ?? `The portal assumed ${account.roleArn} and AWS confirmed account ${account.accountId}.`,
    });
  });
  return problem ? { verified: false, message: problem } : { verified: true, message: 'Verified: the portal can work in this account.' };
}

/** Sandbox only: acts out the customer creating the IAM role in their account, then verifies. */
export async function createRoleInSandbox(actor: Actor, id: string) {
  const world = physicalWorld();
  if (!world) throw new AppError(ErrorCode.Forbidden, 'This only exists in sandbox mode. Create the role in your AWS account instead.');
  const account = await findOwn(actor, id);
  await world.createCustomerRole({
    accountId: account.accountId,
    roleName: account.roleArn.split('/').pop() ?? env().DX_CUSTOMER_ROLE_NAME,
    trustedAccountId: env().DX_PROVIDER_ACCOUNT_ID,
    externalId: account.externalId,
  });
  return verifyAwsAccount(actor, id);
}
