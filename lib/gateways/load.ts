import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { AwsAccountStatus } from '../db/generated/client';
import { orgScope } from '../db/scope';
import { conflict, invalid, notFound } from '../errors';
import type { GatewayAccount } from './aws';
import { liveAssociationWhere, liveVifWhere, vpnGatewayCoreSelect } from './facts';

/**
 * Scoped loaders for the gateway use cases: every query carries the actor's organisation, so a
 * foreign id is "not found". They return the facts the domain rules need.
 */

const accountSelect = { id: true, orgId: true, accountId: true, roleArn: true, externalId: true, name: true, status: true } as const;

type AccountRow = GatewayAccount & { name: string; status: AwsAccountStatus };

function unverifiedMessage(account: { name: string; accountId: string; status: AwsAccountStatus }): string {
  const why = account.status === 'FAILED' ? 'its last verification failed' : 'it has not been verified yet';
  return `AWS account ${account.name} (${account.accountId}) cannot be used: ${why}, so the portal has not proven it can act in it. Verify it on the AWS accounts page first.`;
}

/** An AWS account of the actor's organisation that the portal may act in, for a create form. */
export async function usableAccount(actor: Actor, awsAccountId: string): Promise<AccountRow> {
  const account = await db().awsAccount.findFirst({ where: { id: awsAccountId, ...orgScope(actor) }, select: accountSelect });
  if (!account) throw invalid('Choose one of your organisation’s AWS accounts.', 'awsAccountId');
  if (account.status !== 'VERIFIED') throw conflict(unverifiedMessage(account), 'awsAccountId');
  return account;
}

/** Refuses to act through a role the portal cannot vouch for (verification failed since). */
export function requireVerified(account: AccountRow): void {
  if (account.status !== 'VERIFIED') throw conflict(unverifiedMessage(account));
}

export async function loadDxGateway(actor: Actor, id: string) {
  const gw = await db().directConnectGateway.findFirst({
    where: { id, ...orgScope(actor) },
    select: {
      id: true,
      orgId: true,
      name: true,
      amazonSideAsn: true,
      portalStatus: true,
      awsGatewayId: true,
      awsState: true,
      awsAccountId: true,
      awsAccount: { select: accountSelect },
      associations: {
        where: liveAssociationWhere,
        select: { id: true, allowedPrefixes: true, vpnGateway: { select: { id: true, name: true, awsVpnGatewayId: true } } },
      },
      virtualInterfaces: { where: liveVifWhere, select: { type: true } },
    },
  });
  if (!gw) throw notFound('That Direct Connect gateway');
  return gw;
}

export type LoadedDxGateway = Awaited<ReturnType<typeof loadDxGateway>>;

export async function loadVpnGateway(actor: Actor, id: string) {
  const gw = await db().virtualPrivateGateway.findFirst({
    where: { id, ...orgScope(actor) },
    select: {
      ...vpnGatewayCoreSelect,
      orgId: true,
      amazonSideAsn: true,
      propagatingRouteTableIds: true,
      awsAccountId: true,
      awsAccount: { select: accountSelect },
      associations: {
        where: liveAssociationWhere,
        select: { id: true, awsState: true, dxGateway: { select: { id: true, name: true } } },
      },
      _count: { select: { virtualInterfaces: { where: liveVifWhere } } },
    },
  });
  if (!gw) throw notFound('That virtual private gateway');
  return gw;
}

export type LoadedVpnGateway = Awaited<ReturnType<typeof loadVpnGateway>>;

/** A gateway the portal has asked for but AWS has not (or never) created cannot be acted on yet. */
export function requireInAws<T extends { portalStatus: string; name: string }>(gw: T, awsId: string | null, what: string): asserts awsId is string {
  if (awsId && (gw.portalStatus === 'ACTIVE' || gw.portalStatus === 'DELETING')) {
    if (gw.portalStatus === 'DELETING') throw conflict(`${what} "${gw.name}" is being deleted.`);
    return;
  }
  if (gw.portalStatus === 'CREATING') throw conflict(`${what} "${gw.name}" is still being created in AWS; wait until it appears with its AWS id.`);
  if (gw.portalStatus === 'DELETED') throw conflict(`${what} "${gw.name}" has been deleted.`);
  throw conflict(`${what} "${gw.name}" was never created in AWS (see its timeline for why).`);
}
