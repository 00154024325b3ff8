import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { readScope } from '../db/scope';

const summary = {
  id: true,
  accountId: true,
  name: true,
  roleArn: true,
  status: true,
  verifiedAt: true,
  lastVerifyError: true,
  lastVerifyAt: true,
  createdAt: true,
  org: { select: { id: true, name: true } },
} as const;

export async function listAwsAccounts(actor: Actor) {
  return db().awsAccount.findMany({ where: readScope(actor), select: summary, orderBy: [{ createdAt: 'asc' }] });
}

export type AwsAccountSummary = Awaited<ReturnType<typeof listAwsAccounts>>[number];

/** The account with its external id (not a secret: customers paste it into their trust policy). */
export async function getAwsAccount(actor: Actor, id: string) {
  return db().awsAccount.findFirst({ where: { id, ...readScope(actor) }, select: { ...summary, externalId: true } });
}
