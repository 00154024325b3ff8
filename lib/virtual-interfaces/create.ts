import 'server-only';
import {
  AllocatePrivateVirtualInterfaceCommand,
  AllocatePublicVirtualInterfaceCommand,
  AllocateTransitVirtualInterfaceCommand,
  CreatePrivateVirtualInterfaceCommand,
  CreatePublicVirtualInterfaceCommand,
  CreateTransitVirtualInterfaceCommand,
  type VirtualInterface as AwsVif,
} from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { isRetryableAwsError, toAppError } from '../aws/errors';
import { customerTarget, portalTags } from '../connections/aws-target';
import { encryptSecret, vifKeyContext } from '../crypto/secrets';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { validateVifAgainst, vifTypeInfo, type CreateVif } from '../domain/virtual-interfaces';
import { AppError, ErrorCode, invalid, notFound } from '../errors';
import { eventActor, recordEvents } from '../events/record';
import { authKeyOf, newVifFields, peersOf, vifColumnsOf } from './aws-shapes';
import { vifWizardContext, type VifWizardContext } from './context';

type Plan = { vifAccountId: string; dxGatewayId: string | null; vpnGatewayId: string | null; call: (id: string, orgId: string) => Promise<AwsVif> };

/** Chooses the AWS call: Create* in the connection's account, or Allocate* for another account. */
function plan(ctx: VifWizardContext, input: CreateVif): Plan {
  const { connection } = ctx;
  const client = directConnect(customerTarget(connection.awsAccount), connection.region);
  const connectionId = connection.awsConnectionId ?? '';
  if (input.owner === 'other') {
    const owner = ctx.accounts.find((a) => a.accountId === input.otherAccountId);
    if (!owner) throw invalid('Register that AWS account on the AWS accounts page first; the portal then tracks the interface for it.', 'otherAccountId');
    return {
      vifAccountId: owner.id,
      dxGatewayId: null,
      vpnGatewayId: null,
      call: (id, orgId) => {
        const fields = newVifFields(input, portalTags(id, orgId));
        const ownerAccount = owner.accountId;
        if (input.type === 'PUBLIC')
          return client.send(new AllocatePublicVirtualInterfaceCommand({ connectionId, ownerAccount, newPublicVirtualInterfaceAllocation: { ...fields, routeFilterPrefixes: input.routeFilterPrefixes.map((cidr) => ({ cidr })) } }));
        // Transit calls wrap the interface in `virtualInterface`; the others return it directly.
        if (input.type === 'TRANSIT')
          return client.send(new AllocateTransitVirtualInterfaceCommand({ connectionId, ownerAccount, newTransitVirtualInterfaceAllocation: fields })).then((r) => r.virtualInterface ?? {});
        return client.send(new AllocatePrivateVirtualInterfaceCommand({ connectionId, ownerAccount, newPrivateVirtualInterfaceAllocation: fields }));
      },
    };
  }
  const dx = input.targetKind === 'dxGateway' ? ctx.dxGateways.find((g) => g.id === input.dxGatewayId) : undefined;
  const vgw = input.targetKind === 'vpnGateway' ? ctx.vpnGateways.find((g) => g.id === input.vpnGatewayId) : undefined;
  return {
    vifAccountId: connection.awsAccountId,
    dxGatewayId: dx?.id ?? null,
    vpnGatewayId: vgw?.id ?? null,
    call: (id, orgId) => {
      const fields = newVifFields(input, portalTags(id, orgId));
      if (input.type === 'PUBLIC')
        return client.send(new CreatePublicVirtualInterfaceCommand({ connectionId, newPublicVirtualInterface: { ...fields, routeFilterPrefixes: input.routeFilterPrefixes.map((cidr) => ({ cidr })) } }));
      if (input.type === 'TRANSIT')
        return client
          .send(new CreateTransitVirtualInterfaceCommand({ connectionId, newTransitVirtualInterface: { ...fields, directConnectGatewayId: dx?.awsGatewayId ?? undefined } }))
          .then((r) => r.virtualInterface ?? {});
      return client.send(
        new CreatePrivateVirtualInterfaceCommand({
          connectionId,
          newPrivateVirtualInterface: { ...fields, directConnectGatewayId: dx?.awsGatewayId ?? undefined, virtualGatewayId: vgw?.awsVpnGatewayId ?? undefined },
        }),
      );
    },
  };
}

/**
 * Creates a virtual interface. The full validation runs first (the same rules the wizard shows);
 * the portal records its intent before calling AWS and tags the interface with the record's id,
 * so an answer lost on the way back is adopted by the next sync instead of becoming a duplicate.
 */
export async function createVirtualInterface(actor: Actor, input: CreateVif): Promise<{ id: string; warnings: Partial<Record<string, string[]>> }> {
  const scope = orgScope(actor);
  const ctx = await vifWizardContext(actor, input.connectionId);
  if (!ctx) throw notFound('That connection');
  if (ctx.connection.awsAccount.status !== 'VERIFIED') throw new AppError(ErrorCode.Conflict, 'The connection’s AWS account is not verified; verify it on the AWS accounts page first.');
  const ownerAccountId = ctx.connection.awsAccountId;
  const dxGateway = ctx.dxGateways.find((g) => g.id === input.dxGatewayId && g.awsAccountId === ownerAccountId);
  const vpnGateway = ctx.vpnGateways.find((g) => g.id === input.vpnGatewayId && g.awsAccountId === ownerAccountId);
  const check = validateVifAgainst(input, { ...ctx.base, dxGateway, vpnGateway });
  if (!check.ok) {
    // A VLAN another interface holds is a conflict with that interface, named for API clients.
    const holder = ctx.base.connection.hostedVlan === null && check.fieldErrors.vlan ? ctx.vlanHolders.get(input.vlan) : undefined;
    if (holder) throw new AppError(ErrorCode.Conflict, check.fieldErrors.vlan![0]!, { fieldErrors: check.fieldErrors, conflict: { field: 'vlan', vlan: input.vlan, virtualInterface: holder } });
    throw new AppError(ErrorCode.Invalid, 'Check the highlighted fields.', { fieldErrors: check.fieldErrors });
  }
  if (dxGateway && !dxGateway.awsGatewayId) throw invalid('That Direct Connect gateway is still being created; wait until it is available.', 'dxGatewayId');
  if (vpnGateway && !vpnGateway.awsVpnGatewayId) throw invalid('That virtual private gateway is still being created; wait until it is available.', 'vpnGatewayId');
  const how = plan(ctx, input);

  const intent = await db().virtualInterface.create({
    data: {
      ...scope,
      connectionId: ctx.connection.id,
      awsAccountId: how.vifAccountId,
      createdById: actor.userId,
      name: input.name,
      type: input.type,
      vlan: input.vlan,
      addressFamily: input.addressFamily,
      asn: BigInt(input.asn),
      customerAddress: input.customerAddress ?? null,
      amazonAddress: input.amazonAddress ?? null,
      mtu: input.mtu ?? null,
      routeFilterPrefixes: input.routeFilterPrefixes,
      hosted: input.owner === 'other',
      dxGatewayId: how.dxGatewayId,
      vpnGatewayId: how.vpnGatewayId,
      portalStatus: 'CREATING',
    },
    select: { id: true },
  });

  let aws: AwsVif;
  try {
    aws = await how.call(intent.id, scope.orgId);
  } catch (error) {
    if (isRetryableAwsError(error)) {
      await db().virtualInterface.update({ where: { id: intent.id }, data: { lastError: 'AWS did not answer the create request', lastErrorAt: new Date() } });
      throw new AppError(ErrorCode.AwsUnavailable, 'AWS did not answer in time. If it created the interface, the portal finds it within a minute and it appears on the connection page; otherwise try again.');
    }
    // AWS refused: nothing exists there, so the intent goes too and the form shows AWS's reason.
    await db().virtualInterface.delete({ where: { id: intent.id } });
    throw toAppError(error, { action: 'create the virtual interface', roleArn: ctx.connection.awsAccount.roleArn });
  }

  const columns = vifColumnsOf(aws);
  const key = authKeyOf(aws);
  const peers = peersOf(aws);
  await db().$transaction(async (tx) => {
    await tx.virtualInterface.update({
      where: { id: intent.id },
      data: {
        ...columns,
        authKeyCiphertext: key ? encryptSecret(key, vifKeyContext(intent.id)) : null,
        portalStatus: 'ACTIVE',
        awsStateChangedAt: new Date(),
        lastSyncedAt: new Date(),
        bgpPeers: { create: peers },
      },
    });
    const info = vifTypeInfo[input.type];
    const target = dxGateway ? ` to Direct Connect gateway ${dxGateway.name}` : vpnGateway ? ` to virtual private gateway ${vpnGateway.name}` : '';
    const owner = input.owner === 'other' ? ` for AWS account ${input.otherAccountId} (it must confirm the interface)` : '';
    await recordEvents(tx, [
      {
        orgId: scope.orgId,
        subjectType: 'VIRTUAL_INTERFACE',
        subjectId: intent.id,
        connectionId: ctx.connection.id,
        source: 'AWS',
        actor: eventActor(actor),
        kind: 'vif.created',
        toState: columns.awsState,
        message: `${input.owner === 'other' ? 'Allocated' : 'Created'} ${info.label.toLowerCase()} ${columns.awsVirtualInterfaceId} "${input.name}" on VLAN ${input.vlan}${target}${owner}; AWS state ${columns.awsState}.`,
      },
    ]);
  });
  return { id: intent.id, warnings: check.warnings };
}
