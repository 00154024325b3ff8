import type { AssociationState, DxGatewayState, VifType, VpcAttachmentState, VpnGatewayState } from '@/lib/db/generated/enums';
import { MAX_DX_GATEWAYS_PER_ACCOUNT, MAX_VGWS_PER_DX_GATEWAY, MAX_VIFS_PER_DX_GATEWAY } from './constants';
import { fail, pass, type RuleResult } from './result';

/**
 * AWS's rules for Direct Connect gateways, virtual private gateways and their associations,
 * checked on facts the caller loads, so the customer reads the rule before AWS refuses.
 * `state: null` means the portal has recorded the gateway but AWS has not created it yet.
 */

/** Names a gateway in messages: its name when known, else its id. */
export type GatewayRef = { id: string; name?: string | null };
const ref = (g: GatewayRef) => (g.name ? `"${g.name}"` : g.id);

export function checkDxGatewayQuota({ existingCount }: { existingCount: number }): RuleResult {
  if (existingCount < MAX_DX_GATEWAYS_PER_ACCOUNT) return pass();
  return fail(
    `This AWS account already has ${existingCount} Direct Connect gateways; AWS allows ${MAX_DX_GATEWAYS_PER_ACCOUNT} per account. ` +
      'Delete one you no longer use, or reuse an existing gateway (one gateway can reach VPCs in every Region).',
  );
}

const dxStateProblem = (g: GatewayRef, state: DxGatewayState | null): string | null => {
  if (state === 'available') return null;
  if (state === null || state === 'pending') return `Direct Connect gateway ${ref(g)} is still being created; wait until it is available.`;
  return `Direct Connect gateway ${ref(g)} is ${state === 'deleting' ? 'being deleted' : 'deleted'}; choose another gateway.`;
};

const vgwStateProblem = (g: GatewayRef, state: VpnGatewayState | null): string | null => {
  if (state === 'available') return null;
  if (state === null || state === 'pending') return `Virtual private gateway ${ref(g)} is still being created; wait until it is available.`;
  return `Virtual private gateway ${ref(g)} is ${state === 'deleting' ? 'being deleted' : 'deleted'}; choose another gateway.`;
};

export type DxGatewayForVif = GatewayRef & { state: DxGatewayState | null; attachedVifTypes: readonly VifType[] };

/**
 * Whether a Direct Connect gateway can take one more VIF of this type: public VIFs never attach
 * to one; at most 30 VIFs; private and transit VIFs are not mixed on one gateway (private VIFs
 * reach VPCs through virtual private gateway associations, transit VIFs through transit gateway
 * associations, and AWS does not let one gateway hold both kinds of association).
 */
export function checkDxGatewayAcceptsVif({ gateway, vifType }: { gateway: DxGatewayForVif; vifType: VifType }): RuleResult {
  if (vifType === 'PUBLIC') return fail('Public virtual interfaces do not attach to a Direct Connect gateway; they reach AWS public endpoints directly.');
  const stateProblem = dxStateProblem(gateway, gateway.state);
  if (stateProblem) return fail(stateProblem);
  if (gateway.attachedVifTypes.length >= MAX_VIFS_PER_DX_GATEWAY) {
    return fail(
      `Direct Connect gateway ${ref(gateway)} already has ${gateway.attachedVifTypes.length} virtual interfaces attached; ` +
        `AWS allows ${MAX_VIFS_PER_DX_GATEWAY} per gateway. Use another Direct Connect gateway.`,
    );
  }
  const other = gateway.attachedVifTypes.find((t) => t !== vifType);
  if (other) {
    const mine = vifType === 'TRANSIT' ? 'transit' : 'private';
    const theirs = other === 'TRANSIT' ? 'transit' : 'private';
    return fail(
      `Direct Connect gateway ${ref(gateway)} already carries ${theirs} virtual interfaces, so it cannot take a ${mine} one: ` +
        'a gateway serves either private virtual interfaces (to virtual private gateways) or transit virtual interfaces (to transit gateways). ' +
        `Use a separate Direct Connect gateway for ${mine} virtual interfaces.`,
    );
  }
  return pass();
}

export type VpnGatewayForVif = GatewayRef & { state: VpnGatewayState | null; region: string };

/** A private VIF attached straight to a virtual private gateway only reaches that gateway's Region. */
export function checkVpnGatewayAcceptsVif({ gateway, connectionRegion }: { gateway: VpnGatewayForVif; connectionRegion: string }): RuleResult {
  const stateProblem = vgwStateProblem(gateway, gateway.state);
  if (stateProblem) return fail(stateProblem);
  if (gateway.region !== connectionRegion) {
    return fail(
      `Virtual private gateway ${ref(gateway)} is in ${gateway.region}, but the connection is in ${connectionRegion}. ` +
        'A virtual interface can attach directly only to a virtual private gateway in its own Region; use a Direct Connect gateway to reach VPCs in other Regions.',
    );
  }
  return pass();
}

export function checkDxGatewayDeletable(facts: GatewayRef & { state: DxGatewayState | null; associationCount: number; attachedVifCount: number }): RuleResult {
  if (facts.state === 'deleting' || facts.state === 'deleted') return fail(`Direct Connect gateway ${ref(facts)} is already ${facts.state}.`);
  if (facts.associationCount > 0) {
    return fail(
      `Direct Connect gateway ${ref(facts)} is still associated with ${plural(facts.associationCount, 'virtual private gateway')}. ` +
        'Remove the associations first; AWS refuses to delete a gateway that has any.',
    );
  }
  if (facts.attachedVifCount > 0) {
    return fail(
      `Direct Connect gateway ${ref(facts)} still has ${plural(facts.attachedVifCount, 'virtual interface')} attached. ` +
        'Delete those virtual interfaces first; AWS refuses to delete a gateway that has any.',
    );
  }
  return pass();
}

export type VpcAttachment = { vpcId: string; state: VpcAttachmentState } | null;

/**
 * EC2 AttachVpnGateway: the gateway must be available and attached nowhere else, and a VPC
 * takes one virtual private gateway at a time.
 */
export function checkVpnGatewayAttach(args: {
  gateway: GatewayRef & { state: VpnGatewayState | null; attachment: VpcAttachment };
  vpc: { id: string; attachedVpnGatewayId?: string | null };
}): RuleResult {
  const { gateway, vpc } = args;
  const stateProblem = vgwStateProblem(gateway, gateway.state);
  if (stateProblem) return fail(stateProblem);
  const current = gateway.attachment;
  if (current && current.state !== 'detached') {
    if (current.vpcId === vpc.id && current.state !== 'detaching') return fail(`Virtual private gateway ${ref(gateway)} is already attached to ${vpc.id}.`);
    if (current.state === 'detaching') {
      return fail(`Virtual private gateway ${ref(gateway)} is still detaching from ${current.vpcId}; wait until it is detached, then attach it again.`);
    }
    return fail(
      `Virtual private gateway ${ref(gateway)} is attached to ${current.vpcId}. A virtual private gateway attaches to one VPC at a time: detach it first, or create another gateway for ${vpc.id}.`,
    );
  }
  if (vpc.attachedVpnGatewayId && vpc.attachedVpnGatewayId !== gateway.id) {
    return fail(`${vpc.id} already has virtual private gateway ${vpc.attachedVpnGatewayId} attached; a VPC can have only one. Detach that one first, or use it instead.`);
  }
  return pass();
}

export function checkVpnGatewayDetach({ gateway }: { gateway: GatewayRef & { attachment: VpcAttachment } }): RuleResult {
  const current = gateway.attachment;
  if (!current || current.state === 'detached') return fail(`Virtual private gateway ${ref(gateway)} is not attached to a VPC.`);
  if (current.state === 'detaching') return fail(`Virtual private gateway ${ref(gateway)} is already detaching from ${current.vpcId}.`);
  return pass();
}

export function checkVpnGatewayDeletable(facts: GatewayRef & {
  state: VpnGatewayState | null;
  attachment: VpcAttachment;
  associationCount: number;
  attachedVifCount: number;
}): RuleResult {
  if (facts.state === 'deleting' || facts.state === 'deleted') return fail(`Virtual private gateway ${ref(facts)} is already ${facts.state}.`);
  if (facts.associationCount > 0) {
    return fail(`Virtual private gateway ${ref(facts)} is associated with a Direct Connect gateway. Remove the association first.`);
  }
  if (facts.attachedVifCount > 0) {
    return fail(`Virtual private gateway ${ref(facts)} still has ${plural(facts.attachedVifCount, 'virtual interface')} attached. Delete them first.`);
  }
  if (facts.attachment && facts.attachment.state !== 'detached') {
    return fail(
      `Virtual private gateway ${ref(facts)} is ${facts.attachment.state} ${facts.attachment.state === 'detaching' ? 'from' : 'to'} ${facts.attachment.vpcId}. ` +
        'EC2 deletes only detached gateways: detach it and wait until the detachment finishes.',
    );
  }
  return pass();
}

/**
 * CreateDirectConnectGatewayAssociation: "The virtual private gateway must be attached to a VPC
 * and must not be associated with another Direct Connect gateway"; 20 per Direct Connect gateway.
 */
export function checkGatewayAssociation(args: {
  dxGateway: GatewayRef & { state: DxGatewayState | null; associationCount: number; attachedVifTypes: readonly VifType[] };
  vpnGateway: GatewayRef & {
    state: VpnGatewayState | null;
    attachment: VpcAttachment;
    /** The Direct Connect gateway it is already associated with (any state but disassociated). */
    associatedDxGateway: GatewayRef | null;
  };
}): RuleResult {
  const { dxGateway: dx, vpnGateway: vgw } = args;
  const problem = dxStateProblem(dx, dx.state) ?? vgwStateProblem(vgw, vgw.state);
  if (problem) return fail(problem);
  if (!vgw.attachment || vgw.attachment.state === 'detached' || vgw.attachment.state === 'detaching') {
    return fail(
      `Virtual private gateway ${ref(vgw)} must be attached to a VPC before it can be associated with a Direct Connect gateway: ` +
        'the association advertises the VPC\'s address range. Attach it to a VPC first.',
    );
  }
  if (vgw.attachment.state === 'attaching') {
    return fail(`Virtual private gateway ${ref(vgw)} is still attaching to ${vgw.attachment.vpcId}; associate it once the attachment is complete.`);
  }
  if (vgw.associatedDxGateway) {
    if (vgw.associatedDxGateway.id === dx.id) return fail(`Virtual private gateway ${ref(vgw)} is already associated with Direct Connect gateway ${ref(dx)}.`);
    return fail(
      `Virtual private gateway ${ref(vgw)} is already associated with Direct Connect gateway ${ref(vgw.associatedDxGateway)}, ` +
        'and a virtual private gateway can be associated with only one Direct Connect gateway. Remove that association first.',
    );
  }
  if (dx.attachedVifTypes.includes('TRANSIT')) {
    return fail(
      `Direct Connect gateway ${ref(dx)} carries transit virtual interfaces, which work with transit gateways; ` +
        'a gateway cannot be associated with both transit gateways and virtual private gateways. Use another Direct Connect gateway.',
    );
  }
  if (dx.associationCount >= MAX_VGWS_PER_DX_GATEWAY) {
    return fail(
      `Direct Connect gateway ${ref(dx)} already has ${dx.associationCount} virtual private gateways associated; ` +
        `AWS allows ${MAX_VGWS_PER_DX_GATEWAY} per Direct Connect gateway and does not raise this limit. Use another Direct Connect gateway.`,
    );
  }
  return pass();
}

/** EnableVgwRoutePropagation: the route table must belong to the VPC the gateway is attached to. */
export function checkRoutePropagation(args: {
  gateway: GatewayRef & { attachment: VpcAttachment };
  routeTables: readonly { id: string; vpcId: string }[];
}): RuleResult {
  const { gateway, routeTables } = args;
  const attachment = gateway.attachment;
  if (!attachment || attachment.state !== 'attached') {
    return fail(`Virtual private gateway ${ref(gateway)} must be attached to a VPC before it can propagate routes into that VPC's route tables.`);
  }
  const foreign = routeTables.filter((t) => t.vpcId !== attachment.vpcId);
  if (foreign.length > 0) {
    const list = foreign.map((t) => `${t.id} (in ${t.vpcId})`).join(', ');
    return fail(
      `Route propagation works only on route tables of ${attachment.vpcId}, the VPC the gateway is attached to; ${list} ${foreign.length === 1 ? 'belongs' : 'belong'} to another VPC.`,
    );
  }
  return pass();
}

/** Whether an association still binds its virtual private gateway (for the one-per-VGW rule). */
export function associationIsLive(state: AssociationState | null): boolean {
  return state !== 'disassociated';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
