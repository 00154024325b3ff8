import 'server-only';
import {
  ConfirmPrivateVirtualInterfaceCommand,
  ConfirmPublicVirtualInterfaceCommand,
  ConfirmTransitVirtualInterfaceCommand,
  DeleteVirtualInterfaceCommand,
  DescribeRouterConfigurationCommand,
} from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { toAppError } from '../aws/errors';
import { customerTarget } from '../connections/aws-target';
import { decryptSecret, vifKeyContext } from '../crypto/secrets';
import { db } from '../db/client';
import type { VifState } from '../db/generated/client';
import { orgScope } from '../db/scope';
import { checkVifDeletable } from '../domain/virtual-interfaces';
import { AppError, ErrorCode, conflict, invalid, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { enqueue } from '../jobs/enqueue';
import { ownVif, vifTarget } from './load';

/** Deletes a VIF in AWS after a typed confirmation; AWS then reports it deleting → deleted. */
export async function deleteVirtualInterface(actor: Actor, id: string, confirmName: string): Promise<void> {
  const vif = await ownVif(actor, id);
  if (confirmName.trim() !== vif.name) throw invalid(`Type the interface's name, ${vif.name}, to confirm.`, 'confirmName');
  const rule = checkVifDeletable(vif);
  if (!rule.ok) throw conflict(rule.message);
  if (!vif.awsVirtualInterfaceId) throw conflict('This virtual interface does not exist in AWS.');
  const { target, region, roleArn } = vifTarget(vif);
  let state: VifState;
  try {
    const response = await directConnect(target, region).send(new DeleteVirtualInterfaceCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId }));
    state = (response.virtualInterfaceState ?? 'deleting') as VifState;
  } catch (error) {
    throw toAppError(error, { action: 'delete the virtual interface', roleArn });
  }
  await db().$transaction(async (tx) => {
    await tx.virtualInterface.updateMany({ where: { id: vif.id, ...orgScope(actor) }, data: { portalStatus: 'DELETING', awsState: state, awsStateChangedAt: new Date() } });
    await recordEvent(tx, {
      orgId: vif.orgId,
      subjectType: 'VIRTUAL_INTERFACE',
      subjectId: vif.id,
      connectionId: vif.connection.id,
      source: 'AWS',
      actor: eventActor(actor),
      kind: 'vif.deleted',
      fromState: vif.awsState,
      toState: state,
      message: `Deleted virtual interface ${vif.awsVirtualInterfaceId} "${vif.name}" (VLAN ${vif.vlan}).`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: vif.connection.awsAccount.id, region: vif.connection.region }, { startAfterSeconds: 2 });
  });
}

/** Shows the BGP MD5 key to a member of the organisation; every reveal is an audit event. */
export async function revealAuthKey(actor: Actor, id: string): Promise<string> {
  const scope = orgScope(actor);
  const row = await db().virtualInterface.findFirst({
    where: { id, ...scope },
    select: { id: true, orgId: true, name: true, authKeyCiphertext: true, connectionId: true },
  });
  if (!row) throw notFound('That virtual interface');
  if (!row.authKeyCiphertext) throw new AppError(ErrorCode.Conflict, 'AWS has not reported a BGP key for this interface yet.');
  const key = decryptSecret(row.authKeyCiphertext, vifKeyContext(row.id));
  await recordEvent(db(), {
    orgId: row.orgId,
    subjectType: 'VIRTUAL_INTERFACE',
    subjectId: row.id,
    source: 'PORTAL',
    actor: eventActor(actor),
    kind: 'vif.keyRevealed',
    message: `Revealed the BGP MD5 key of "${row.name}".`,
  });
  return key;
}

/**
 * The owning account confirms a hosted VIF allocated to it, choosing its gateway (AWS's
 * Confirm*VirtualInterface), through that account's role.
 */
export async function confirmHostedVif(actor: Actor, id: string, choice: { dxGatewayId?: string; vpnGatewayId?: string }): Promise<void> {
  const scope = orgScope(actor);
  const vif = await ownVif(actor, id);
  if (!vif.hosted || vif.awsState !== 'confirming' || !vif.awsVirtualInterfaceId) throw conflict('Only a hosted virtual interface waiting for confirmation can be confirmed.');
  if (vif.awsAccount.status !== 'VERIFIED') throw conflict(`Verify AWS account ${vif.awsAccount.accountId} first, or confirm the interface in that account's AWS console.`);
  const [dx, vgw] = await Promise.all([
    choice.dxGatewayId ? db().directConnectGateway.findFirst({ where: { id: choice.dxGatewayId, ...scope, awsAccountId: vif.awsAccount.id }, select: { id: true, name: true, awsGatewayId: true } }) : null,
    choice.vpnGatewayId
      ? db().virtualPrivateGateway.findFirst({ where: { id: choice.vpnGatewayId, ...scope, awsAccountId: vif.awsAccount.id }, select: { id: true, name: true, awsVpnGatewayId: true, region: true } })
      : null,
  ]);
  if (vif.type === 'PRIVATE' && !dx?.awsGatewayId && !vgw?.awsVpnGatewayId) throw invalid('Choose a Direct Connect gateway or a virtual private gateway of that account.', 'dxGatewayId');
  if (vif.type === 'TRANSIT' && !dx?.awsGatewayId) throw invalid('A transit interface attaches to a Direct Connect gateway of that account.', 'dxGatewayId');
  if (vgw && vgw.region !== vif.connection.region) throw invalid(`The virtual private gateway is in ${vgw.region}; the connection is in ${vif.connection.region}.`, 'vpnGatewayId');
  const client = directConnect(customerTarget(vif.awsAccount), vif.connection.region);
  const virtualInterfaceId = vif.awsVirtualInterfaceId;
  let state: VifState;
  try {
    const response =
      vif.type === 'PUBLIC'
        ? await client.send(new ConfirmPublicVirtualInterfaceCommand({ virtualInterfaceId }))
        : vif.type === 'TRANSIT'
          ? await client.send(new ConfirmTransitVirtualInterfaceCommand({ virtualInterfaceId, directConnectGatewayId: dx?.awsGatewayId ?? undefined }))
          : await client.send(
              new ConfirmPrivateVirtualInterfaceCommand({ virtualInterfaceId, directConnectGatewayId: dx?.awsGatewayId ?? undefined, virtualGatewayId: dx ? undefined : (vgw?.awsVpnGatewayId ?? undefined) }),
            );
    state = (response.virtualInterfaceState ?? 'pending') as VifState;
  } catch (error) {
    throw toAppError(error, { action: 'confirm the virtual interface', roleArn: vif.awsAccount.roleArn });
  }
  await db().$transaction(async (tx) => {
    await tx.virtualInterface.updateMany({
      where: { id: vif.id, ...scope },
      data: { awsState: state, awsStateChangedAt: new Date(), dxGatewayId: dx?.id ?? null, vpnGatewayId: dx ? null : (vgw?.id ?? null) },
    });
    await recordEvent(tx, {
      orgId: vif.orgId,
      subjectType: 'VIRTUAL_INTERFACE',
      subjectId: vif.id,
      connectionId: vif.connection.id,
      source: 'AWS',
      actor: eventActor(actor),
      kind: 'vif.confirmed',
      fromState: 'confirming',
      toState: state,
      message: `AWS account ${vif.awsAccount.accountId} confirmed the hosted interface${dx ? ` on Direct Connect gateway ${dx.name}` : vgw ? ` on virtual private gateway ${vgw.name}` : ''}.`,
    });
    await enqueue(tx, 'syncAccount', { awsAccountId: vif.awsAccount.id, region: vif.connection.region }, { startAfterSeconds: 2 });
  });
}

/** Router types AWS offers sample configurations for (DescribeRouterConfiguration). */
export const awsRouterTypes = [
  { id: 'CiscoSystemsInc-2900SeriesRouters-IOS124', label: 'Cisco 2900 Series, IOS 12.4+' },
  { id: 'JuniperNetworksInc-MMXSeriesRouters-JunOS95', label: 'Juniper M/MX Series, JunOS 9.5+' },
  { id: 'Generic-Generic-VendorAgnostic', label: 'Generic (vendor-agnostic)' },
] as const;

/** AWS's own sample configuration for other routers; it contains the MD5 key, so it is an audited download. */
export async function awsRouterConfiguration(actor: Actor, id: string, routerTypeIdentifier: string): Promise<{ text: string; filename: string }> {
  if (!awsRouterTypes.some((t) => t.id === routerTypeIdentifier)) throw invalid('Choose one of the router types listed.', 'routerTypeIdentifier');
  const vif = await ownVif(actor, id);
  if (!vif.awsVirtualInterfaceId) throw conflict('The interface does not exist in AWS yet.');
  const { target, region, roleArn } = vifTarget(vif);
  let text: string;
  try {
    const response = await directConnect(target, region).send(new DescribeRouterConfigurationCommand({ virtualInterfaceId: vif.awsVirtualInterfaceId, routerTypeIdentifier }));
    text = response.customerRouterConfig ?? '';
  } catch (error) {
    throw toAppError(error, { action: 'fetch the router configuration', roleArn });
  }
  await recordEvent(db(), {
    orgId: vif.orgId,
    subjectType: 'VIRTUAL_INTERFACE',
    subjectId: vif.id,
    source: 'PORTAL',
    actor: eventActor(actor),
    kind: 'vif.routerConfigDownloaded',
    message: `Downloaded AWS's sample router configuration (${routerTypeIdentifier}).`,
  });
  return { text, filename: `${vif.awsVirtualInterfaceId}-${routerTypeIdentifier}.txt` };
}
