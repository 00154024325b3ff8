import 'server-only';
import { DescribeDirectConnectGatewaysCommand, type DirectConnectGateway as AwsDxGateway } from '@aws-sdk/client-direct-connect';
import type { VpnGateway as AwsVpnGateway } from '@aws-sdk/client-ec2';
import type { Logger } from 'pino';
import { collectPages } from '../aws/paginate';
import { hasPortalTag } from '../connections/aws-target';
import { db } from '../db/client';
import type { DxGatewayState, GatewayPortalStatus, VpcAttachmentState, VpnGatewayState } from '../db/generated/client';
import { dxGatewayStateLabels, vpcAttachmentStateLabels, vpnGatewayStateLabels } from '../domain/gateways';
import { awsActor, recordEvents, type EventInput } from '../events/record';
import { currentAttachment, describeRouteTables, describeVpnGateways, dxApi, ec2HasPortalTag, type GatewayAccount } from '../gateways/aws';
import { syncAssociations, trackedAssociationSelect } from '../gateways/association-sync';
import { trackedStatuses, vpnGatewayCoreSelect } from '../gateways/facts';
import { CREATE_GRACE_MINUTES, dxState, markCreateFailed, recordDxGatewayInAws, recordVpnGatewayInAws, vgwState } from '../gateways/record';

/**
 * Brings gateways, their VPC attachments, route propagation and Direct Connect gateway
 * associations in line with AWS for one account: a constant number of Describe calls per
 * (account, Region), one event per real transition, nothing when nothing changed. Every write is
 * guarded on the state it was computed from, so two syncs never record a transition twice.
 */

type Result = { transitions: number };

const neverCreated = (what: string) =>
  `AWS has no ${what} tagged with this request ${CREATE_GRACE_MINUTES} minutes after it was asked for, so it was never created. Nothing needs cleaning up; create it again if you still need it.`;

function createExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > CREATE_GRACE_MINUTES * 60_000;
}

/** Gone in AWS closes the row; deleting seen from outside the portal marks it deleting. */
function portalStatusFor(current: GatewayPortalStatus, state: 'deleting' | 'deleted' | string): GatewayPortalStatus {
  if (state === 'deleted') return 'DELETED';
  if (state === 'deleting' && current === 'ACTIVE') return 'DELETING';
  return current;
}

// ───────────────────────────── virtual private gateways ─────────────────────────────

function trackedVpnGateways(account: GatewayAccount, region: string) {
  return db().virtualPrivateGateway.findMany({
    where: { orgId: account.orgId, awsAccountId: account.id, region, portalStatus: { in: [...trackedStatuses] } },
    select: {
      ...vpnGatewayCoreSelect,
      orgId: true,
      awsAccountId: true,
      createdAt: true,
      propagatingRouteTableIds: true,
    },
  });
}
type VgwRow = Awaited<ReturnType<typeof trackedVpnGateways>>[number];

function vgwStateMessage(row: VgwRow, to: VpnGatewayState, seen: boolean): string {
  if (!seen) return `EC2 no longer lists ${row.awsVpnGatewayId}; it is deleted.`;
  if (to === 'available') return `${row.awsVpnGatewayId} is available: it can be attached to a VPC.`;
  return `EC2 reports ${row.awsVpnGatewayId} ${vpnGatewayStateLabels[to].label.toLowerCase()}: ${vpnGatewayStateLabels[to].help?.toLowerCase() ?? ''}.`;
}

function attachmentMessage(row: VgwRow, next: { vpcId: string; state: VpcAttachmentState }): string {
  switch (next.state) {
    case 'attached':
      return `Attached to ${next.vpcId}: the gateway can now be associated with a Direct Connect gateway and propagate routes.`;
    case 'detached':
      return `Detached from ${next.vpcId}${row.propagatingRouteTableIds.length ? '; route propagation into its route tables has stopped' : ''}.`;
    default:
      return `EC2 reports the attachment to ${next.vpcId} ${vpcAttachmentStateLabels[next.state].label.toLowerCase()}.`;
  }
}

async function applyVgw(row: VgwRow, aws: AwsVpnGateway | undefined): Promise<{ transitions: number; after: VgwRow }> {
  const state: VpnGatewayState = aws ? vgwState(aws.State) : 'deleted';
  // EC2 drops detached attachments from its answer after a while; that is not a new transition.
  const reported = aws ? currentAttachment(aws) : null;
  const attachment = reported ?? (row.vpcId ? { vpcId: row.vpcId, state: 'detached' as const } : null);
  const stateChanged = state !== row.awsState;
  const attachmentChanged = Boolean(aws) && ((attachment?.vpcId ?? null) !== row.vpcId || (attachment?.state ?? null) !== row.attachmentState);
  if (!stateChanged && !attachmentChanged) return { transitions: 0, after: row };

  const now = new Date();
  const portalStatus = portalStatusFor(row.portalStatus, state);
  const detached = attachmentChanged && attachment?.state === 'detached';
  const after: VgwRow = {
    ...row,
    awsState: state,
    portalStatus,
    ...(attachmentChanged ? { vpcId: attachment?.vpcId ?? null, attachmentState: attachment?.state ?? null } : {}),
    ...(detached ? { propagatingRouteTableIds: [] } : {}),
  };
  const events: EventInput[] = [];
  const base = { orgId: row.orgId, subjectType: 'VPN_GATEWAY' as const, subjectId: row.id, source: 'AWS' as const, actor: awsActor };
  if (stateChanged) events.push({ ...base, kind: 'vpnGateway.awsState', fromState: row.awsState, toState: state, message: vgwStateMessage(row, state, Boolean(aws)) });
  if (attachmentChanged && attachment) {
    events.push({ ...base, kind: 'vpnGateway.attachment', fromState: row.attachmentState, toState: attachment.state, message: attachmentMessage(row, attachment), data: { vpcId: attachment.vpcId } });
  }
  const applied = await db().$transaction(async (tx) => {
    const updated = await tx.virtualPrivateGateway.updateMany({
      where: { id: row.id, orgId: row.orgId, awsState: row.awsState, vpcId: row.vpcId, attachmentState: row.attachmentState, portalStatus: row.portalStatus },
      data: {
        awsState: after.awsState,
        portalStatus: after.portalStatus,
        vpcId: after.vpcId,
        attachmentState: after.attachmentState,
        propagatingRouteTableIds: after.propagatingRouteTableIds,
        ...(stateChanged ? { awsStateChangedAt: now } : {}),
        lastSyncedAt: now,
      },
    });
    if (updated.count === 0) return false;
    await recordEvents(tx, events);
    return true;
  });
  return applied ? { transitions: events.length, after } : { transitions: 0, after: row };
}

/** Route propagation changed outside the portal (console, CLI, detach): one event per route table. */
async function syncPropagation(account: GatewayAccount, region: string, rows: VgwRow[]): Promise<number> {
  const attached = rows.filter((r) => r.awsVpnGatewayId && r.vpcId && r.attachmentState === 'attached' && r.portalStatus !== 'DELETED');
  if (attached.length === 0) return 0;
  const tables = await describeRouteTables(
    account,
    region,
    attached.map((r) => r.vpcId ?? ''),
  );
  let transitions = 0;
  for (const row of attached) {
    const now = tables
      .filter((t) => t.VpcId === row.vpcId && t.RouteTableId && (t.PropagatingVgws ?? []).some((p) => p.GatewayId === row.awsVpnGatewayId))
      .map((t) => t.RouteTableId ?? '')
      .sort();
    const before = [...row.propagatingRouteTableIds].sort();
    const added = now.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !now.includes(id));
    if (added.length === 0 && removed.length === 0) continue;
    const base = { orgId: row.orgId, subjectType: 'VPN_GATEWAY' as const, subjectId: row.id, source: 'AWS' as const, actor: awsActor };
    const events: EventInput[] = [
      ...added.map((id) => ({ ...base, kind: 'vpnGateway.propagation', fromState: 'not propagating', toState: 'propagating', message: `EC2 reports route propagation enabled on ${id} (changed outside the portal).`, data: { routeTableId: id } })),
      ...removed.map((id) => ({ ...base, kind: 'vpnGateway.propagation', fromState: 'propagating', toState: 'not propagating', message: `EC2 reports route propagation disabled on ${id} (changed outside the portal).`, data: { routeTableId: id } })),
    ];
    const applied = await db().$transaction(async (tx) => {
      const updated = await tx.virtualPrivateGateway.updateMany({
        where: { id: row.id, orgId: row.orgId, propagatingRouteTableIds: { equals: row.propagatingRouteTableIds } },
        data: { propagatingRouteTableIds: now },
      });
      if (updated.count === 0) return false;
      await recordEvents(tx, events);
      return true;
    });
    if (applied) transitions += events.length;
  }
  return transitions;
}

/**
 * Virtual private gateways of one account in one Region: DescribeVpnGateways (not paginated in
 * the EC2 API: one call), plus one DescribeRouteTables per page for the attached VPCs. Creates
 * whose answer was lost are adopted by their portal tag.
 */
export async function syncVpnGateways(account: GatewayAccount, region: string, log: Logger): Promise<Result> {
  const rows = await trackedVpnGateways(account, region);
  if (rows.length === 0) return { transitions: 0 };
  const vgws = await describeVpnGateways(account, region);
  const byId = new Map(vgws.flatMap((g) => (g.VpnGatewayId ? [[g.VpnGatewayId, g] as const] : [])));
  const now = new Date();
  let transitions = 0;
  const current: VgwRow[] = [];
  for (const row of rows) {
    if (!row.awsVpnGatewayId) {
      const tagged = vgws.find((g) => ec2HasPortalTag(g.Tags, row.id) && g.State !== 'deleted');
      if (tagged && (await recordVpnGatewayInAws(row, tagged, 'adopted'))) {
        transitions++;
        log.info({ vpnGatewayId: row.id, awsVpnGatewayId: tagged.VpnGatewayId }, 'adopted a virtual private gateway whose create answer was lost');
      } else if (!tagged && createExpired(row.createdAt, now) && (await markCreateFailed({ kind: 'VPN_GATEWAY', id: row.id, orgId: row.orgId }, neverCreated('virtual private gateway'), 'neverCreated'))) {
        transitions++;
      }
      continue;
    }
    const result = await applyVgw(row, byId.get(row.awsVpnGatewayId));
    transitions += result.transitions;
    current.push(result.after);
  }
  transitions += await syncPropagation(account, region, current);
  await db().virtualPrivateGateway.updateMany({ where: { id: { in: rows.map((r) => r.id) }, orgId: account.orgId }, data: { lastSyncedAt: new Date() } });
  if (transitions > 0) log.info({ awsAccountId: account.id, region, transitions }, 'virtual private gateway sync recorded transitions');
  return { transitions };
}

// ───────────────────────────── Direct Connect gateways and associations ─────────────────────────────

function trackedDxGateways(account: GatewayAccount) {
  return db().directConnectGateway.findMany({
    where: { orgId: account.orgId, awsAccountId: account.id, portalStatus: { in: [...trackedStatuses] } },
    select: {
      id: true,
      orgId: true,
      awsAccountId: true,
      name: true,
      createdAt: true,
      portalStatus: true,
      awsGatewayId: true,
      awsState: true,
      associations: { where: { portalStatus: { in: [...trackedStatuses] } }, select: trackedAssociationSelect },
    },
  });
}
type DxRow = Awaited<ReturnType<typeof trackedDxGateways>>[number];

function dxStateMessage(row: DxRow, to: DxGatewayState, seen: boolean): string {
  if (!seen) return `AWS no longer lists Direct Connect gateway ${row.awsGatewayId}; it is deleted.`;
  return `AWS reports Direct Connect gateway ${row.awsGatewayId} ${dxGatewayStateLabels[to].label.toLowerCase()}: ${dxGatewayStateLabels[to].help?.toLowerCase() ?? ''}.`;
}

async function applyDx(row: DxRow, aws: AwsDxGateway | undefined): Promise<number> {
  const state: DxGatewayState = aws ? dxState(aws.directConnectGatewayState) : 'deleted';
  if (state === row.awsState) return 0;
  const now = new Date();
  return db().$transaction(async (tx) => {
    const updated = await tx.directConnectGateway.updateMany({
      where: { id: row.id, orgId: row.orgId, awsState: row.awsState, portalStatus: row.portalStatus },
      data: { awsState: state, awsStateChangedAt: now, portalStatus: portalStatusFor(row.portalStatus, state), lastError: aws?.stateChangeError ?? null, lastSyncedAt: now },
    });
    if (updated.count === 0) return 0;
    await recordEvents(tx, [
      { orgId: row.orgId, subjectType: 'DX_GATEWAY', subjectId: row.id, source: 'AWS', actor: awsActor, kind: 'dxGateway.awsState', fromState: row.awsState, toState: state, message: dxStateMessage(row, state, Boolean(aws)) },
    ]);
    return 1;
  });
}

/**
 * The account's Direct Connect gateways (global: synced once, from the portal's Region):
 * DescribeDirectConnectGateways by page, then DescribeDirectConnectGatewayAssociations by page
 * for each gateway AWS still has, since AWS lists associations only per gateway.
 */
export async function syncDxGateways(account: GatewayAccount, log: Logger): Promise<Result> {
  const rows = await trackedDxGateways(account);
  if (rows.length === 0) return { transitions: 0 };
  const client = dxApi(account);
  const gateways = await collectPages(async (nextToken) => {
    const page = await client.send(new DescribeDirectConnectGatewaysCommand({ maxResults: 100, nextToken }));
    return { items: page.directConnectGateways, nextToken: page.nextToken };
  });
  const byId = new Map(gateways.flatMap((g) => (g.directConnectGatewayId ? [[g.directConnectGatewayId, g] as const] : [])));
  const now = new Date();
  let transitions = 0;
  for (const row of rows) {
    if (!row.awsGatewayId) {
      const tagged = gateways.find((g) => hasPortalTag(g.tags, row.id));
      if (tagged && (await recordDxGatewayInAws(row, tagged, 'adopted'))) {
        transitions++;
        log.info({ dxGatewayId: row.id, awsGatewayId: tagged.directConnectGatewayId }, 'adopted a Direct Connect gateway whose create answer was lost');
      } else if (!tagged && createExpired(row.createdAt, now) && (await markCreateFailed({ kind: 'DX_GATEWAY', id: row.id, orgId: row.orgId }, neverCreated('Direct Connect gateway'), 'neverCreated'))) {
        transitions++;
      }
      continue;
    }
    const aws = byId.get(row.awsGatewayId);
    transitions += await applyDx(row, aws);
    // A gateway being deleted has no associations left (AWS refuses to delete one that has any).
    if (aws && aws.directConnectGatewayState !== 'deleted' && aws.directConnectGatewayState !== 'deleting') transitions += await syncAssociations(account, row, log);
  }
  await db().directConnectGateway.updateMany({ where: { id: { in: rows.map((r) => r.id) }, orgId: account.orgId }, data: { lastSyncedAt: new Date() } });
  if (transitions > 0) log.info({ awsAccountId: account.id, transitions }, 'Direct Connect gateway sync recorded transitions');
  return { transitions };
}
