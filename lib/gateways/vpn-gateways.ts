import 'server-only';
import { AttachVpnGatewayCommand, CreateVpnGatewayCommand, DeleteVpnGatewayCommand, DetachVpnGatewayCommand } from '@aws-sdk/client-ec2';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { VpcAttachmentState } from '../db/generated/client';
import { orgScope } from '../db/scope';
import { checkVpnGatewayAttach, checkVpnGatewayDeletable, checkVpnGatewayDetach, type AttachVpnGateway, type CreateVpnGateway } from '../domain/gateways';
import { conflict, invalid } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { attempt, describeVpcs, describeVpnGateways, ec2Api, ec2Name, ec2PortalTags, rejected, unanswered, vpcCidrs } from './aws';
import { attachmentOf } from './facts';
import { loadVpnGateway, requireInAws, requireVerified, usableAccount, type LoadedVpnGateway } from './load';
import { gatewayRegions } from './regions';
import { markCreateFailed, noteCreateUnconfirmed, recordVpnGatewayInAws } from './record';

/**
 * Creates an EC2 virtual private gateway in the customer's account and Region: intent first,
 * tagged with Name and the portal id so a lost answer is adopted by the sync, never duplicated.
 */
export async function createVpnGateway(actor: Actor, input: CreateVpnGateway): Promise<{ id: string }> {
  const scope = orgScope(actor);
  const account = await usableAccount(actor, input.awsAccountId);
  const regions = await gatewayRegions(actor);
  if (!regions.includes(input.region)) {
    throw invalid(`The portal manages gateways in the Regions of our Direct Connect locations and where you already work: ${regions.join(', ')}.`, 'region');
  }
  const inFlight = await db().virtualPrivateGateway.findFirst({
    where: { ...scope, awsAccountId: account.id, region: input.region, name: input.name, portalStatus: 'CREATING' },
    select: { id: true },
  });
  if (inFlight) {
    throw conflict(`A virtual private gateway named "${input.name}" is already being created in ${input.region} and the portal is still confirming it with AWS. It appears in the list as soon as AWS has it; there is no need to ask again.`, 'name');
  }

  const row = await db().$transaction(async (tx) => {
    const created = await tx.virtualPrivateGateway.create({
      data: {
        ...scope,
        awsAccountId: account.id,
        createdById: actor.userId,
        name: input.name,
        region: input.region,
        amazonSideAsn: BigInt(input.amazonSideAsn),
        portalStatus: 'CREATING',
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      orgId: scope.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: created.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'vpnGateway.requested',
      toState: 'CREATING',
      message: `Asked EC2 to create virtual private gateway "${input.name}" (Amazon-side ASN ${input.amazonSideAsn}) in ${input.region}, AWS account ${account.accountId}.`,
    });
    return created;
  });

  const outcome = await attempt(() =>
    ec2Api(account, input.region).send(
      new CreateVpnGatewayCommand({
        Type: 'ipsec.1',
        AmazonSideAsn: input.amazonSideAsn,
        TagSpecifications: [{ ResourceType: 'vpn-gateway', Tags: ec2PortalTags(row.id, scope.orgId, input.name) }],
      }),
    ),
  );
  const subject = { kind: 'VPN_GATEWAY' as const, id: row.id, orgId: scope.orgId };
  if (outcome.ok) {
    const vgw = outcome.value.VpnGateway;
    if (vgw?.VpnGatewayId) {
      await recordVpnGatewayInAws({ id: row.id, orgId: scope.orgId, awsAccountId: account.id, name: input.name, region: input.region }, vgw, 'created');
    }
    return row;
  }
  if (outcome.retryable) {
    await noteCreateUnconfirmed(subject, outcome.summary);
    throw unanswered(outcome, 'create the virtual private gateway', 'Your request is recorded: the portal keeps checking with AWS and shows the gateway in the list if EC2 created it. There is no need to ask again.');
  }
  await markCreateFailed(subject, `EC2 refused to create the gateway: ${outcome.summary}`, 'refused');
  throw rejected(outcome, 'create the virtual private gateway', account);
}

function syncSoon(gw: { awsAccountId: string; region: string }) {
  return db().$transaction((tx) => enqueue(tx, 'syncAccount', { awsAccountId: gw.awsAccountId, region: gw.region }, { startAfterSeconds: 1 }));
}

async function recordAttachmentRequest(
  actor: Actor,
  gw: LoadedVpnGateway,
  next: { vpcId: string | null; state: VpcAttachmentState },
  kind: 'vpnGateway.attachRequested' | 'vpnGateway.detachRequested',
  message: string,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.virtualPrivateGateway.updateMany({
      where: { id: gw.id, ...orgScope(actor), vpcId: gw.vpcId, attachmentState: gw.attachmentState },
      data: { vpcId: next.vpcId, attachmentState: next.state },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind,
      fromState: gw.attachmentState,
      toState: next.state,
      message,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: gw.awsAccountId, region: gw.region }, { startAfterSeconds: 1 });
  });
}

/** AttachVpnGateway, after checking the VPC exists in the gateway's account and Region and is free. */
export async function attachVpnGateway(actor: Actor, input: AttachVpnGateway): Promise<void> {
  const gw = await loadVpnGateway(actor, input.vpnGatewayId);
  requireInAws(gw, gw.awsVpnGatewayId, 'Virtual private gateway');
  requireVerified(gw.awsAccount);
  const awsId = gw.awsVpnGatewayId;

  const lookup = await attempt(() => Promise.all([describeVpcs(gw.awsAccount, gw.region, [input.vpcId]), describeVpnGateways(gw.awsAccount, gw.region, [{ Name: 'attachment.vpc-id', Values: [input.vpcId] }])]));
  if (!lookup.ok) {
    if (lookup.name === 'InvalidVpcID.NotFound') throw invalid(`${input.vpcId} does not exist in AWS account ${gw.awsAccount.accountId} in ${gw.region}.`, 'vpcId');
    if (lookup.retryable) throw unanswered(lookup, `look up ${input.vpcId}`, 'Nothing was changed; try again in a minute.');
    throw rejected(lookup, `look up ${input.vpcId}`, gw.awsAccount);
  }
  const [[vpc], others] = lookup.value;
  if (!vpc?.VpcId) throw invalid(`${input.vpcId} does not exist in AWS account ${gw.awsAccount.accountId} in ${gw.region}.`, 'vpcId');
  const occupant = others.find((o) => o.VpnGatewayId !== awsId && o.VpcAttachments?.some((a) => a.VpcId === vpc.VpcId && a.State !== 'detached'));
  const rule = checkVpnGatewayAttach({
    gateway: { id: awsId, name: gw.name, state: gw.awsState, attachment: attachmentOf(gw) },
    vpc: { id: vpc.VpcId, attachedVpnGatewayId: occupant?.VpnGatewayId ?? null },
  });
  if (!rule.ok) throw conflict(rule.message, 'vpcId');

  const outcome = await attempt(() => ec2Api(gw.awsAccount, gw.region).send(new AttachVpnGatewayCommand({ VpnGatewayId: awsId, VpcId: vpc.VpcId })));
  if (!outcome.ok) {
    if (outcome.retryable) {
      await syncSoon(gw);
      throw unanswered(outcome, `attach the gateway to ${vpc.VpcId}`, 'It may or may not be attaching: the portal keeps checking with AWS and this page shows the outcome.');
    }
    throw rejected(outcome, `attach the gateway to ${vpc.VpcId}`, gw.awsAccount);
  }
  const state = outcome.value.VpcAttachment?.State ?? 'attaching';
  const label = [ec2Name(vpc.Tags), vpcCidrs(vpc).join(', ')].filter(Boolean).join(', ');
  await recordAttachmentRequest(actor, gw, { vpcId: vpc.VpcId, state }, 'vpnGateway.attachRequested', `Attached ${awsId} to ${vpc.VpcId}${label ? ` (${label})` : ''}; EC2 reports the attachment ${state}.`);
}

/** DetachVpnGateway. While associated with a Direct Connect gateway, EC2 takes minutes to finish. */
export async function detachVpnGateway(actor: Actor, id: string): Promise<void> {
  const gw = await loadVpnGateway(actor, id);
  requireInAws(gw, gw.awsVpnGatewayId, 'Virtual private gateway');
  requireVerified(gw.awsAccount);
  const awsId = gw.awsVpnGatewayId;
  const rule = checkVpnGatewayDetach({ gateway: { id: awsId, name: gw.name, attachment: attachmentOf(gw) } });
  if (!rule.ok || !gw.vpcId) throw conflict(rule.ok ? `Virtual private gateway "${gw.name}" is not attached to a VPC.` : rule.message);
  const vpcId = gw.vpcId;

  const outcome = await attempt(() => ec2Api(gw.awsAccount, gw.region).send(new DetachVpnGatewayCommand({ VpnGatewayId: awsId, VpcId: vpcId })));
  if (!outcome.ok) {
    await syncSoon(gw);
    if (outcome.name === 'InvalidVpnGatewayAttachment.NotFound') {
      throw conflict(`EC2 says ${awsId} is no longer attached to ${vpcId}; the portal is checking with AWS and this page updates by itself.`);
    }
    if (outcome.retryable) throw unanswered(outcome, `detach the gateway from ${vpcId}`, 'It may or may not be detaching: the portal keeps checking with AWS and this page shows the outcome.');
    throw rejected(outcome, `detach the gateway from ${vpcId}`, gw.awsAccount);
  }
  const associated = gw.associations.length > 0;
  await recordAttachmentRequest(
    actor,
    gw,
    { vpcId, state: 'detaching' },
    'vpnGateway.detachRequested',
    `Detaching ${awsId} from ${vpcId}.${associated ? ' It is still associated with a Direct Connect gateway, so EC2 takes several minutes to finish, and that VPC is no longer reachable over Direct Connect once detached.' : ''}`,
  );
}

/** DeleteVpnGateway for a detached, unassociated, unused gateway; a request AWS never created is closed. */
export async function deleteVpnGateway(actor: Actor, id: string): Promise<void> {
  const gw = await loadVpnGateway(actor, id);
  if (gw.portalStatus === 'CREATE_FAILED') return closeFailedRequest(actor, gw);
  requireInAws(gw, gw.awsVpnGatewayId, 'Virtual private gateway');
  requireVerified(gw.awsAccount);
  const awsId = gw.awsVpnGatewayId;
  const rule = checkVpnGatewayDeletable({
    id: awsId,
    name: gw.name,
    state: gw.awsState,
    attachment: attachmentOf(gw),
    associationCount: gw.associations.length,
    attachedVifCount: gw._count.virtualInterfaces,
  });
  if (!rule.ok) throw conflict(rule.message);

  const outcome = await attempt(() => ec2Api(gw.awsAccount, gw.region).send(new DeleteVpnGatewayCommand({ VpnGatewayId: awsId })));
  if (!outcome.ok) {
    if (outcome.retryable) {
      await syncSoon(gw);
      throw unanswered(outcome, 'delete the virtual private gateway', 'It may or may not be deleting: the portal keeps checking with AWS and this page shows the outcome.');
    }
    throw rejected(outcome, 'delete the virtual private gateway', gw.awsAccount);
  }
  await db().$transaction(async (tx) => {
    const updated = await tx.virtualPrivateGateway.updateMany({
      where: { id: gw.id, ...orgScope(actor), portalStatus: 'ACTIVE' },
      data: { portalStatus: 'DELETING', awsState: 'deleting', awsStateChangedAt: new Date() },
    });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'vpnGateway.deleteRequested',
      fromState: gw.awsState,
      toState: 'deleting',
      message: `Deleted virtual private gateway ${awsId} in ${gw.region}; EC2 is deleting it.`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: gw.awsAccountId, region: gw.region }, { startAfterSeconds: 2 });
  });
}

async function closeFailedRequest(actor: Actor, gw: { id: string; orgId: string; name: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.virtualPrivateGateway.updateMany({ where: { id: gw.id, ...orgScope(actor), portalStatus: 'CREATE_FAILED' }, data: { portalStatus: 'DELETED' } });
    if (updated.count === 0) return;
    await recordEvent(tx, {
      orgId: gw.orgId,
      subjectType: 'VPN_GATEWAY',
      subjectId: gw.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'vpnGateway.requestClosed',
      fromState: 'CREATE_FAILED',
      toState: 'DELETED',
      message: `Closed the failed request for "${gw.name}"; nothing existed in AWS.`,
    });
  });
}
