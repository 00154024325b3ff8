import type { QueryParams, XmlValue } from '../protocols/query-xml.js';
import type { RouteTable, Vpc } from '../state/types.js';
import { checkDryRun, type Ec2Context, ec2Error, ec2Paginate, matchesFilters, tagSet } from './common.js';
import { ownedVgw } from './vpn-gateways.js';

export function ownedVpc(ctx: Ec2Context, id: string): Vpc {
  const vpc = ctx.state.vpcs[id];
  if (!vpc || vpc.ownerAccount !== ctx.caller.accountId || vpc.region !== ctx.region) {
    throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  }
  return vpc;
}

function ownedRouteTable(ctx: Ec2Context, id: string): RouteTable {
  const rt = ctx.state.routeTables[id];
  if (!rt || rt.ownerAccount !== ctx.caller.accountId || rt.region !== ctx.region) {
    throw ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
  }
  return rt;
}

function renderVpc(vpc: Vpc): XmlValue {
  return {
    vpcId: vpc.id,
    ownerId: vpc.ownerAccount,
    state: 'available',
    cidrBlock: vpc.cidrBlock,
    dhcpOptionsId: vpc.dhcpOptionsId,
    instanceTenancy: 'default',
    isDefault: false,
    cidrBlockAssociationSet: [{ associationId: vpc.cidrAssociationId, cidrBlock: vpc.cidrBlock, cidrBlockState: { state: 'associated' } }],
    tagSet: tagSet(vpc.tags),
  };
}

export function describeVpcs(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  checkDryRun(params);
  const ids = params.list('VpcId');
  if (ids.length > 0 && params.get('MaxResults') !== undefined) {
    throw ec2Error('InvalidParameterCombination', 'The parameter vpcIds cannot be used with the parameter maxResults');
  }
  const filters = params.filters();
  let vpcs = Object.values(ctx.state.vpcs).filter((v) => v.ownerAccount === ctx.caller.accountId && v.region === ctx.region);
  if (ids.length > 0) {
    for (const id of ids) ownedVpc(ctx, id);
    vpcs = vpcs.filter((v) => ids.includes(v.id));
  }
  vpcs = vpcs.filter((v) =>
    matchesFilters(filters, v.tags, (name) => {
      switch (name) {
        case 'vpc-id':
          return [v.id];
        case 'state':
          return ['available'];
        case 'cidr':
        case 'cidr-block-association.cidr-block':
          return [v.cidrBlock];
        case 'cidr-block-association.association-id':
          return [v.cidrAssociationId];
        case 'cidr-block-association.state':
          return ['associated'];
        case 'dhcp-options-id':
          return [v.dhcpOptionsId];
        case 'is-default':
          return ['false'];
        case 'owner-id':
          return [v.ownerAccount];
        default:
          return undefined;
      }
    }),
  );
  const { page, nextToken } = ec2Paginate(vpcs.sort((a, b) => a.seq - b.seq), params, 'DescribeVpcs', 5, 1000);
  return { vpcSet: page.map(renderVpc), nextToken };
}

function renderRouteTable(ctx: Ec2Context, rt: RouteTable): XmlValue {
  const vpc = ctx.state.vpcs[rt.vpcId];
  return {
    routeTableId: rt.id,
    vpcId: rt.vpcId,
    ownerId: rt.ownerAccount,
    routeSet: vpc ? [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }] : [],
    associationSet: rt.main && rt.associationId
      ? [{ routeTableAssociationId: rt.associationId, routeTableId: rt.id, main: true, associationState: { state: 'associated' } }]
      : [],
    propagatingVgwSet: rt.propagatingVgws.map((gatewayId) => ({ gatewayId })),
    tagSet: tagSet(rt.tags),
  };
}

export function describeRouteTables(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  checkDryRun(params);
  const ids = params.list('RouteTableId');
  const filters = params.filters();
  let tables = Object.values(ctx.state.routeTables).filter((r) => r.ownerAccount === ctx.caller.accountId && r.region === ctx.region);
  if (ids.length > 0) {
    for (const id of ids) ownedRouteTable(ctx, id);
    tables = tables.filter((r) => ids.includes(r.id));
  }
  tables = tables.filter((r) =>
    matchesFilters(filters, r.tags, (name) => {
      switch (name) {
        case 'route-table-id':
          return [r.id];
        case 'vpc-id':
          return [r.vpcId];
        case 'owner-id':
          return [r.ownerAccount];
        case 'association.main':
          return r.main ? ['true'] : [];
        case 'association.route-table-association-id':
          return r.associationId ? [r.associationId] : [];
        case 'association.route-table-id':
          return r.main ? [r.id] : [];
        case 'route.gateway-id':
          return ['local'];
        case 'route.destination-cidr-block':
          return [ctx.state.vpcs[r.vpcId]?.cidrBlock ?? ''];
        default:
          return undefined;
      }
    }),
  );
  const { page, nextToken } = ec2Paginate(tables.sort((a, b) => a.seq - b.seq), params, 'DescribeRouteTables', 5, 100);
  return { routeTableSet: page.map((r) => renderRouteTable(ctx, r)), nextToken };
}

/** The VGW must be attached to the route table's VPC (EC2 model doc). */
export function enableVgwRoutePropagation(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const vgw = ownedVgw(ctx, params.required('GatewayId'));
  const rt = ownedRouteTable(ctx, params.required('RouteTableId'));
  checkDryRun(params);
  const attached = vgw.attachments.some((a) => a.vpcId === rt.vpcId && a.state === 'attached');
  if (!attached) throw ec2Error('Gateway.NotAttached', `The gateway ${vgw.id} is not attached to ${rt.vpcId}, the VPC of route table ${rt.id}.`);
  if (!rt.propagatingVgws.includes(vgw.id)) rt.propagatingVgws.push(vgw.id);
  return { return: true };
}

export function disableVgwRoutePropagation(ctx: Ec2Context, params: QueryParams): Record<string, XmlValue> {
  const gatewayId = params.required('GatewayId');
  const rt = ownedRouteTable(ctx, params.required('RouteTableId'));
  checkDryRun(params);
  ownedVgw(ctx, gatewayId);
  rt.propagatingVgws = rt.propagatingVgws.filter((id) => id !== gatewayId);
  return { return: true };
}
