import 'server-only';
import { CreateDirectConnectGatewayAssociationCommand, DeleteDirectConnectGatewayAssociationCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { checkAllowedPrefixes, checkGatewayAssociation, defaultAllowedPrefixes, type AssociateGateway } from '../domain/gateways';
import { env } from '../env';
import { conflict, invalid, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { attempt, describeVpcs, dxApi, rejected, unanswered, vpcCidrs } from './aws';
import { attachmentOf, liveAssociationWhere } from './facts';
import { loadDxGateway, loadVpnGateway, requireInAws, requireVerified } from './load';
import { associationState, markCreateFailed, noteCreateUnconfirmed, recordAssociationInAws } from './record';

/**
 * Associates a virtual private gateway with a Direct Connect gateway. The rules AWS enforces
 * (attached first, one Direct Connect gateway per virtual private gateway, 20 per Direct Connect
 * gateway, non-overlapping prefixes) are checked first with their explanations; the association
 * row is written before the call, and the sync adopts it by the (Direct Connect gateway, virtual
 * private gateway) pair if AWS's answer is lost.
 */
export async function associateGateways(actor: Actor, input: AssociateGateway): Promise<{ id: string }> {
  const scope = orgScope(actor);
  const [dx, vgw] = await Promise.all([loadDxGateway(actor, input.dxGatewayId), loadVpnGateway(actor, input.vpnGatewayId)]);
  requireInAws(dx, dx.awsGatewayId, 'Direct Connect gateway');
  requireInAws(vgw, vgw.awsVpnGatewayId, 'Virtual private gateway');
  if (dx.awsAccountId !== vgw.awsAccountId) {
    throw conflict(
      `"${vgw.name}" is in AWS account ${vgw.awsAccount.accountId} and "${dx.name}" in ${dx.awsAccount.accountId}. The portal associates gateways of the same AWS account; across accounts AWS needs an association proposal accepted by the other account.`,
      'dxGatewayId',
    );
  }
  requireVerified(vgw.awsAccount);
  const current = vgw.associations[0];
  const rule = checkGatewayAssociation({
    dxGateway: { id: dx.id, name: dx.name, state: dx.awsState, associationCount: dx.associations.length, attachedVifTypes: dx.virtualInterfaces.map((v) => v.type) },
    vpnGateway: { id: vgw.id, name: vgw.name, state: vgw.awsState, attachment: attachmentOf(vgw), associatedDxGateway: current ? current.dxGateway : null },
  });
  if (!rule.ok) throw conflict(rule.message, 'dxGatewayId');

  const vpcId = vgw.vpcId ?? '';
  const vpcs = await attempt(() => describeVpcs(vgw.awsAccount, vgw.region, [vpcId]));
  if (!vpcs.ok) {
    if (vpcs.retryable) throw unanswered(vpcs, `read the address range of ${vpcId}`, 'Nothing was changed; try again in a minute.');
    throw rejected(vpcs, `read the address range of ${vpcId}`, vgw.awsAccount);
  }
  const cidrs = vpcs.value.flatMap(vpcCidrs);
  const prefixes = input.allowedPrefixes.length > 0 ? input.allowedPrefixes : defaultAllowedPrefixes(cidrs);
  const prefixRule = checkAllowedPrefixes({
    prefixes,
    vpcCidrs: cidrs,
    otherAssociations: dx.associations.map((a) => ({ vpnGatewayId: a.vpnGateway.id, label: `"${a.vpnGateway.name}"`, allowedPrefixes: a.allowedPrefixes })),
  });
  if (!prefixRule.ok) throw invalid(prefixRule.message, 'allowedPrefixes');

  const row = await db().$transaction(async (tx) => {
    // One live association per virtual private gateway: serialise concurrent requests on its row.
    await tx.$queryRaw`SELECT id FROM "VirtualPrivateGateway" WHERE id = ${vgw.id} AND "orgId" = ${scope.orgId} FOR UPDATE`;
    const existing = await tx.gatewayAssociation.findFirst({ where: { ...scope, vpnGatewayId: vgw.id, ...liveAssociationWhere }, select: { id: true } });
    if (existing) throw conflict(`"${vgw.name}" was associated with a Direct Connect gateway meanwhile; a virtual private gateway can have only one. Reload the page.`, 'dxGatewayId');
    const created = await tx.gatewayAssociation.create({
      data: { ...scope, dxGatewayId: dx.id, vpnGatewayId: vgw.id, createdById: actor.userId, allowedPrefixes: prefixes, portalStatus: 'CREATING' },
      select: { id: true },
    });
    await recordEvent(tx, {
      orgId: scope.orgId,
      subjectType: 'GATEWAY_ASSOCIATION',
      subjectId: created.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'association.requested',
      toState: 'CREATING',
      message: `Asked AWS to associate virtual private gateway "${vgw.name}" (${vgw.awsVpnGatewayId}, ${vpcId}) with Direct Connect gateway "${dx.name}", allowing ${prefixes.join(', ') || 'the VPC CIDR'}.`,
    });
    return created;
  });

  const awsDxId = dx.awsGatewayId;
  const awsVgwId = vgw.awsVpnGatewayId;
  const outcome = await attempt(() =>
    dxApi(vgw.awsAccount, vgw.region).send(
      new CreateDirectConnectGatewayAssociationCommand({
        directConnectGatewayId: awsDxId,
        gatewayId: awsVgwId,
        ...(prefixes.length ? { addAllowedPrefixesToDirectConnectGateway: prefixes.map((cidr) => ({ cidr })) } : {}),
      }),
    ),
  );
  const subject = { kind: 'GATEWAY_ASSOCIATION' as const, id: row.id, orgId: scope.orgId };
  if (outcome.ok) {
    const association = outcome.value.directConnectGatewayAssociation;
    if (association?.associationId) {
      await recordAssociationInAws({ id: row.id, orgId: scope.orgId, awsAccountId: vgw.awsAccountId, dxGatewayName: dx.name, vpnGatewayName: vgw.name }, association, 'created');
    }
    return row;
  }
  if (outcome.retryable) {
    await noteCreateUnconfirmed(subject, outcome.summary);
    throw unanswered(outcome, 'associate the gateways', 'Your request is recorded: the portal keeps checking with AWS and shows the association here if AWS made it. There is no need to ask again.');
  }
  await markCreateFailed(subject, `AWS refused the association: ${outcome.summary}`, 'refused');
  throw rejected(outcome, 'associate the gateways', vgw.awsAccount);
}

/** DeleteDirectConnectGatewayAssociation: traffic between the VPC and Direct Connect stops. */
export async function disassociateGateways(actor: Actor, associationId: string): Promise<void> {
  const scope = orgScope(actor);
  const association = await db().gatewayAssociation.findFirst({
    where: { id: associationId, ...scope },
    select: {
      id: true,
      orgId: true,
      portalStatus: true,
      awsAssociationId: true,
      awsState: true,
      dxGateway: { select: { name: true } },
      vpnGateway: { select: { name: true, region: true, awsAccountId: true, awsAccount: { select: { id: true, orgId: true, accountId: true, roleArn: true, externalId: true, name: true, status: true } } } },
    },
  });
  if (!association) throw notFound('That association');
  const label = `the association of "${association.vpnGateway.name}" with "${association.dxGateway.name}"`;
  if (association.portalStatus === 'CREATING') throw conflict(`AWS is still creating ${label}; wait until it is associated.`);
  if (!association.awsAssociationId || association.portalStatus !== 'ACTIVE' || association.awsState === 'disassociating' || association.awsState === 'disassociated') {
    throw conflict(`${label[0]?.toUpperCase()}${label.slice(1)} is already being removed or gone.`);
  }
  const account = association.vpnGateway.awsAccount;
  requireVerified(account);
  const awsId = association.awsAssociationId;
  const outcome = await attempt(() => dxApi(account, association.vpnGateway.region).send(new DeleteDirectConnectGatewayAssociationCommand({ associationId: awsId })));
  if (!outcome.ok) {
    if (outcome.retryable) {
      await db().$transaction((tx) => enqueue(tx, 'syncAccount', { awsAccountId: account.id, region: env().AWS_REGION }));
      throw unanswered(outcome, `remove ${label}`, 'It may or may not be disassociating: the portal keeps checking with AWS and this page shows the outcome.');
    }
    throw rejected(outcome, `remove ${label}`, account);
  }
  const next = associationState(outcome.value.directConnectGatewayAssociation?.associationState ?? 'disassociating');
  await db().$transaction(async (tx) => {
    const updated = await tx.gatewayAssociation.updateMany({
      where: { id: association.id, ...scope, portalStatus: 'ACTIVE', awsState: association.awsState },
      data: { portalStatus: 'DELETING', awsState: next, awsStateChangedAt: new Date() },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: association.orgId,
      subjectType: 'GATEWAY_ASSOCIATION',
      subjectId: association.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'association.disassociateRequested',
      fromState: association.awsState,
      toState: next,
      message: `Removing ${label} (${awsId}); AWS reports it ${next}. Traffic between that VPC and Direct Connect stops.`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: account.id, region: env().AWS_REGION }, { startAfterSeconds: 2 });
  });
}
