import { vifActive } from '../directconnect/lifecycle.js';
import { isPrivateAsn } from '../directconnect/rules.js';
import type { QueryParams, XmlValue } from '../protocols/query-xml.js';
import type { Delays, Scheduler } from '../state/clock.js';
import { ec2Id } from '../state/ids.js';
import type { State, VpnGateway } from '../state/types.js';
import { checkDryRun, type Ec2Context, ec2Error, matchesFilters, tagSet } from './common.js';
import { ownedVpc } from './vpcs.js';

/** Default EC2 quota: virtual private gateways per Region. */
export const MAX_VGWS_PER_REGION = 5;

function renderVgw(vgw: VpnGateway): XmlValue {
  return {
    vpnGatewayId: vgw.id,
    state: vgw.state,
    type: vgw.type,
    availabilityZone: vgw.availabilityZone,
    attachments: vgw.attachments.map((a) => ({ vpcId: a.vpcId, state: a.state })),
    amazonSideAsn: vgw.amazonSideAsn,
    tagSet: tagSet(vgw.tags),
  };
}

export function ownedVgw(ctx: Ec2Context, id: string): VpnGateway {
  const vgw = ctx.state.vpnGateways[id];
  if (!vgw || vgw.ownerAccount !== ctx.caller.accountId || vgw.region !== ctx.region) {
    throw ec2Error('InvalidVpnGatewayID.NotFound', `The vpnGateway ID '${id}' does not exist`);
  }
  return vgw;
}

export function createVpnGateway(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const type = params.required('Type');
  if (type !== 'ipsec.1') throw ec2Error('InvalidParameterValue', `Invalid value '${type}' for type. Valid values: ipsec.1`);
  const asnText = params.get('AmazonSideAsn');
  const asn = asnText === undefined ? 64512 : Number(asnText);
  if (!Number.isInteger(asn) || !isPrivateAsn(asn)) {
    throw ec2Error('InvalidParameterValue', `The Amazon side ASN ${asnText ?? ''} is not valid. A 16-bit ASN must be in the 64512 to 65534 range; a 32-bit ASN in the 4200000000 to 4294967294 range.`);
  }
  const az = params.get('AvailabilityZone');
  if (az !== undefined && !(az.startsWith(ctx.region) && /^[a-z]$/.test(az.slice(ctx.region.length)))) {
    throw ec2Error('InvalidParameterValue', `Invalid availability zone: [${az}]`);
  }
  const tags = params.tagSpecifications().flatMap((spec) => {
    if (spec.resourceType !== 'vpn-gateway') throw ec2Error('InvalidParameterValue', `'${spec.resourceType}' is not a valid taggable resource type for this operation.`);
    return spec.tags;
  });
  checkDryRun(params);
  const live = Object.values(ctx.state.vpnGateways).filter((g) => g.ownerAccount === ctx.caller.accountId && g.region === ctx.region && g.state !== 'deleted');
  if (live.length >= MAX_VGWS_PER_REGION) {
    throw ec2Error('VpnGatewayLimitExceeded', `You have reached the maximum number of virtual private gateways (${MAX_VGWS_PER_REGION}) in ${ctx.region}.`);
  }
  ctx.state.seq += 1;
  const vgw: VpnGateway = {
    id: ec2Id('vgw'),
    seq: ctx.state.seq,
    ownerAccount: ctx.caller.accountId,
    region: ctx.region,
    type: 'ipsec.1',
    amazonSideAsn: asn,
    ...(az ? { availabilityZone: az } : {}),
    state: 'pending',
    attachments: [],
    tags,
  };
  ctx.state.vpnGateways[vgw.id] = vgw;
  ctx.scheduler.schedule('vgw.available', vgw.id, ctx.delays.vgw);
  return { vpnGateway: renderVgw(vgw) };
}

export function describeVpnGateways(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  checkDryRun(params);
  const ids = params.list('VpnGatewayId');
  const filters = params.filters();
  let vgws = Object.values(ctx.state.vpnGateways).filter((g) => g.ownerAccount === ctx.caller.accountId && g.region === ctx.region);
  if (ids.length > 0) {
    for (const id of ids) ownedVgw(ctx, id);
    vgws = vgws.filter((g) => ids.includes(g.id));
  }
  vgws = vgws.filter((g) =>
    matchesFilters(filters, g.tags, (name) => {
      switch (name) {
        case 'vpn-gateway-id':
          return [g.id];
        case 'state':
          return [g.state];
        case 'type':
          return [g.type];
        case 'attachment.vpc-id':
          return g.attachments.map((a) => a.vpcId);
        case 'attachment.state':
          return g.attachments.map((a) => a.state);
        case 'amazon-side-asn':
          return [String(g.amazonSideAsn)];
        case 'availability-zone':
          return g.availabilityZone ? [g.availabilityZone] : [];
        default:
          return undefined;
      }
    }),
  );
  return { vpnGatewaySet: vgws.sort((a, b) => a.seq - b.seq).map(renderVgw) };
}

export function attachVpnGateway(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const vpcId = params.required('VpcId');
  const vgw = ownedVgw(ctx, params.required('VpnGatewayId'));
  const vpc = ownedVpc(ctx, vpcId);
  checkDryRun(params);
  if (vgw.state !== 'available') throw ec2Error('InvalidVpnGatewayState', `The virtual private gateway ${vgw.id} is not in an available state (state ${vgw.state}).`);
  const current = vgw.attachments.find((a) => a.state !== 'detached');
  if (current) {
    if (current.vpcId === vpc.id && (current.state === 'attached' || current.state === 'attaching')) {
      throw ec2Error('VpnGatewayAttachmentLimitExceeded', `The virtual private gateway ${vgw.id} is already attached to ${vpc.id}.`);
    }
    throw ec2Error('VpnGatewayAttachmentLimitExceeded', `The virtual private gateway ${vgw.id} is already attached to ${current.vpcId} (state ${current.state}); a virtual private gateway attaches to one VPC at a time.`);
  }
  const taken = Object.values(ctx.state.vpnGateways).find((g) => g.id !== vgw.id && g.attachments.some((a) => a.vpcId === vpc.id && a.state !== 'detached'));
  if (taken) throw ec2Error('InvalidVpcState', `The specified VPC ${vpc.id} already has a virtual private gateway attached to it (${taken.id}).`);
  vgw.attachments = [{ vpcId: vpc.id, state: 'attaching' }];
  ctx.scheduler.schedule('vgw.attached', vgw.id, ctx.delays.vgw, vpc.id);
  return { attachment: { vpcId: vpc.id, state: 'attaching' } };
}

/** Detaching takes much longer while the VGW is associated with a DX gateway (§3.1 quirk). */
export function detachVpnGateway(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const vpcId = params.required('VpcId');
  const vgw = ownedVgw(ctx, params.required('VpnGatewayId'));
  checkDryRun(params);
  const att = vgw.attachments.find((a) => a.vpcId === vpcId && (a.state === 'attached' || a.state === 'attaching'));
  if (!att) {
    throw ec2Error('InvalidVpnGatewayAttachment.NotFound', `The attachment with vpn gateway ID '${vgw.id}' and vpc ID '${vpcId}' does not exist`);
  }
  att.state = 'detaching';
  ctx.scheduler.cancel('vgw.attached', vgw.id);
  const associated = Object.values(ctx.state.associations).some((a) => a.virtualGatewayId === vgw.id && a.state !== 'disassociated');
  ctx.scheduler.schedule('vgw.detached', vgw.id, associated ? ctx.delays.detachWhileAssociated : ctx.delays.vgw, vpcId);
  return { return: true };
}

export function deleteVpnGateway(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const vgw = ownedVgw(ctx, params.required('VpnGatewayId'));
  checkDryRun(params);
  if (vgw.state === 'deleting' || vgw.state === 'deleted') throw ec2Error('IncorrectState', `The vpnGateway '${vgw.id}' is in state ${vgw.state}.`);
  const att = vgw.attachments.find((a) => a.state !== 'detached');
  if (att) {
    throw ec2Error('IncorrectState', `The vpnGateway '${vgw.id}' is attached to ${att.vpcId} (state ${att.state}); detach it from the VPC before deleting it.`);
  }
  const assoc = Object.values(ctx.state.associations).find((a) => a.virtualGatewayId === vgw.id && a.state !== 'disassociated');
  if (assoc) throw ec2Error('IncorrectState', `The vpnGateway '${vgw.id}' is associated with Direct Connect gateway ${assoc.directConnectGatewayId}.`);
  const vif = Object.values(ctx.state.vifs).find((v) => v.virtualGatewayId === vgw.id && vifActive(v));
  if (vif) throw ec2Error('IncorrectState', `The vpnGateway '${vgw.id}' is in use by Direct Connect virtual interface ${vif.id}.`);
  vgw.state = 'deleting';
  ctx.scheduler.schedule('vgw.deleted', vgw.id, ctx.delays.deletion);
  return { return: true };
}

/** VGW transitions AWS performs on its own. */
export function registerEc2Timers(scheduler: Scheduler, getState: () => State, delays: Delays): void {
  const vgw = (id: string) => getState().vpnGateways[id];
  scheduler.on('vgw.available', (t) => {
    const g = vgw(t.target);
    if (g?.state === 'pending') g.state = 'available';
  });
  scheduler.on('vgw.attached', (t) => {
    const att = vgw(t.target)?.attachments.find((a) => a.vpcId === t.sub && a.state === 'attaching');
    if (att) att.state = 'attached';
  });
  scheduler.on('vgw.detached', (t) => {
    const att = vgw(t.target)?.attachments.find((a) => a.vpcId === t.sub && a.state === 'detaching');
    if (!att) return;
    att.state = 'detached';
    for (const rt of Object.values(getState().routeTables)) {
      if (rt.vpcId === t.sub) rt.propagatingVgws = rt.propagatingVgws.filter((id) => id !== t.target);
    }
  });
  scheduler.on('vgw.deleted', (t) => {
    const g = vgw(t.target);
    if (g?.state !== 'deleting') return;
    g.state = 'deleted';
    g.deletedAt = scheduler.now();
    scheduler.schedule('vgw.purge', g.id, delays.deletedRetention);
  });
  scheduler.on('vgw.purge', (t) => {
    if (vgw(t.target)?.state === 'deleted') delete getState().vpnGateways[t.target];
  });
}
