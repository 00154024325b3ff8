import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { readScope } from '../db/scope';
import { checkDxGatewayDeletable, checkGatewayAssociation, checkRoutePropagation, checkVpnGatewayDeletable, checkVpnGatewayDetach, type RuleResult } from '../domain/gateways';
import { asnNumber, attachmentOf, liveAssociationWhere, liveVifWhere, trackedStatuses, vpnGatewayCoreSelect } from './facts';
import { gatewayEventsWhere, lastEventId, timelinePage } from '../events/timeline';

/**
 * Everything a gateway page shows, with each action's rule already evaluated so the page can
 * disable a button and say why before the customer meets AWS's refusal. Null when the actor may
 * not see the gateway (another organisation's id looks exactly like a missing one).
 */

const problem = (r: RuleResult): string | null => (r.ok ? null : r.message);

const accountSelect = { id: true, name: true, accountId: true, status: true } as const;

function accountProblem(account: { name: string; accountId: string; status: string }): string | null {
  if (account.status === 'VERIFIED') return null;
  return `AWS account ${account.name} (${account.accountId}) is not verified, so the portal cannot act in it. Verify it on the AWS accounts page to manage this gateway.`;
}

function pendingProblem(gw: { portalStatus: string; name: string }, what: string): string | null {
  if (gw.portalStatus === 'ACTIVE') return null;
  if (gw.portalStatus === 'CREATING') return `${what} "${gw.name}" is still being created in AWS.`;
  if (gw.portalStatus === 'DELETING') return `${what} "${gw.name}" is being deleted.`;
  if (gw.portalStatus === 'DELETED') return `${what} "${gw.name}" has been deleted.`;
  return `${what} "${gw.name}" was never created in AWS.`;
}

export async function getDxGateway(actor: Actor, id: string) {
  const gw = await db().directConnectGateway.findFirst({
    where: { id, ...readScope(actor) },
    select: {
      id: true,
      orgId: true,
      name: true,
      amazonSideAsn: true,
      portalStatus: true,
      awsGatewayId: true,
      awsState: true,
      awsStateChangedAt: true,
      lastSyncedAt: true,
      lastError: true,
      createdAt: true,
      awsAccount: { select: accountSelect },
      org: { select: { name: true } },
      associations: {
        where: { portalStatus: { in: [...trackedStatuses] } },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          portalStatus: true,
          awsState: true,
          awsAssociationId: true,
          allowedPrefixes: true,
          stateChangeError: true,
          vpnGateway: { select: { id: true, name: true, region: true, vpcId: true, awsVpnGatewayId: true } },
        },
      },
      virtualInterfaces: {
        where: liveVifWhere,
        orderBy: { createdAt: 'asc' },
        select: { id: true, name: true, type: true, awsState: true, awsVirtualInterfaceId: true, connection: { select: { id: true, name: true } } },
      },
    },
  });
  if (!gw) return null;
  const timeline = await timelinePage(await gatewayEventsWhere('dxGateway', gw.id, { orgId: gw.orgId }));
  const liveAssociations = gw.associations.filter((a) => a.awsState !== 'disassociated');
  const deleteBlock =
    accountProblem(gw.awsAccount) ??
    (gw.portalStatus === 'CREATE_FAILED'
      ? null
      : (pendingProblem(gw, 'Direct Connect gateway') ??
        problem(checkDxGatewayDeletable({ id: gw.id, name: gw.name, state: gw.awsState, associationCount: liveAssociations.length, attachedVifCount: gw.virtualInterfaces.length }))));
  return {
    ...gw,
    amazonSideAsn: asnNumber(gw.amazonSideAsn),
    timeline,
    rules: { accountBlock: accountProblem(gw.awsAccount), deleteBlock },
  };
}

export type DxGatewayDetail = NonNullable<Awaited<ReturnType<typeof getDxGateway>>>;

export async function getVpnGateway(actor: Actor, id: string) {
  const gw = await db().virtualPrivateGateway.findFirst({
    where: { id, ...readScope(actor) },
    select: {
      ...vpnGatewayCoreSelect,
      orgId: true,
      amazonSideAsn: true,
      propagatingRouteTableIds: true,
      lastSyncedAt: true,
      lastError: true,
      createdAt: true,
      awsAccountId: true,
      awsAccount: { select: accountSelect },
      org: { select: { name: true } },
      associations: {
        where: liveAssociationWhere,
        select: {
          id: true,
          portalStatus: true,
          awsState: true,
          awsAssociationId: true,
          allowedPrefixes: true,
          stateChangeError: true,
          dxGateway: { select: { id: true, name: true, awsGatewayId: true } },
        },
      },
      _count: { select: { virtualInterfaces: { where: liveVifWhere } } },
    },
  });
  if (!gw) return null;
  const [timeline, candidates] = await Promise.all([
    gatewayEventsWhere('vpnGateway', gw.id, { orgId: gw.orgId }).then((where) => timelinePage(where)),
    db().directConnectGateway.findMany({
      where: { orgId: gw.orgId, awsAccountId: gw.awsAccountId, portalStatus: { in: [...trackedStatuses] } },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        name: true,
        awsGatewayId: true,
        awsState: true,
        _count: { select: { associations: { where: liveAssociationWhere } } },
        virtualInterfaces: { where: liveVifWhere, select: { type: true } },
      },
    }),
  ]);
  const association = gw.associations[0] ?? null;
  const attachment = attachmentOf(gw);
  const vgwFacts = {
    id: gw.id,
    name: gw.name,
    state: gw.awsState,
    attachment,
    associatedDxGateway: association ? association.dxGateway : null,
  };
  const accountBlock = accountProblem(gw.awsAccount);
  const notReady = pendingProblem(gw, 'Virtual private gateway');
  // The gateway's own side of the association rules, judged against a Direct Connect gateway
  // that passes all of its own checks: attached first, one Direct Connect gateway per VGW.
  const associationBlock =
    accountBlock ??
    notReady ??
    problem(checkGatewayAssociation({ dxGateway: { id: '', state: 'available', associationCount: 0, attachedVifTypes: [] }, vpnGateway: vgwFacts }));
  const dxChoices = candidates.map((dx) => ({
    id: dx.id,
    name: dx.name,
    awsGatewayId: dx.awsGatewayId,
    awsState: dx.awsState,
    disabledReason: problem(
        checkGatewayAssociation({
          dxGateway: { id: dx.id, name: dx.name, state: dx.awsState, associationCount: dx._count.associations, attachedVifTypes: dx.virtualInterfaces.map((v) => v.type) },
          vpnGateway: vgwFacts,
        }),
    ),
  }));
  const attachBlock =
    accountBlock ??
    notReady ??
    (gw.awsState === 'available' ? null : `Virtual private gateway "${gw.name}" is ${gw.awsState ?? 'not created yet'}; it can be attached once it is available.`);
  const rules = {
    accountBlock,
    attachBlock,
    detachBlock: accountBlock ?? notReady ?? problem(checkVpnGatewayDetach({ gateway: { id: gw.id, name: gw.name, attachment } })),
    associationBlock,
    propagationBlock: accountBlock ?? notReady ?? problem(checkRoutePropagation({ gateway: { id: gw.id, name: gw.name, attachment }, routeTables: [] })),
    deleteBlock:
      accountBlock ??
      (gw.portalStatus === 'CREATE_FAILED'
        ? null
        : (notReady ??
          problem(
            checkVpnGatewayDeletable({ id: gw.id, name: gw.name, state: gw.awsState, attachment, associationCount: gw.associations.length, attachedVifCount: gw._count.virtualInterfaces }),
          ))),
  };
  return {
    ...gw,
    amazonSideAsn: asnNumber(gw.amazonSideAsn),
    association,
    attachedVifCount: gw._count.virtualInterfaces,
    timeline,
    dxChoices,
    rules,
  };
}

export type VpnGatewayDetail = NonNullable<Awaited<ReturnType<typeof getVpnGateway>>>;

/** Every change a gateway page shows writes an event (its own or its associations'), so the newest event id is the page's version. */
async function version(kind: 'dxGateway' | 'vpnGateway', gw: { id: string; orgId: string; _count: { associations: number } }): Promise<string> {
  return `${gw._count.associations}:${await lastEventId(await gatewayEventsWhere(kind, gw.id, { orgId: gw.orgId }))}`;
}

/** A cheap fingerprint of what the Direct Connect gateway page shows, for live refresh. */
export async function dxGatewayVersion(actor: Actor, id: string): Promise<string | null> {
  const gw = await db().directConnectGateway.findFirst({ where: { id, ...readScope(actor) }, select: { id: true, orgId: true, _count: { select: { associations: true } } } });
  if (!gw) return null;
  return version('dxGateway', gw);
}

export async function vpnGatewayVersion(actor: Actor, id: string): Promise<string | null> {
  const gw = await db().virtualPrivateGateway.findFirst({ where: { id, ...readScope(actor) }, select: { id: true, orgId: true, _count: { select: { associations: true } } } });
  if (!gw) return null;
  return version('vpnGateway', gw);
}
