import type { Ec2Handler } from './common.js';
import { describeRouteTables, describeVpcs, disableVgwRoutePropagation, enableVgwRoutePropagation } from './vpcs.js';
import { attachVpnGateway, createVpnGateway, deleteVpnGateway, describeVpnGateways, detachVpnGateway } from './vpn-gateways.js';

/** EC2 actions (query protocol, Version=2016-11-15) the sandbox implements; others are `InvalidAction`. */
export const EC2_OPERATIONS: Record<string, Ec2Handler> = {
  CreateVpnGateway: createVpnGateway,
  DescribeVpnGateways: describeVpnGateways,
  AttachVpnGateway: attachVpnGateway,
  DetachVpnGateway: detachVpnGateway,
  DeleteVpnGateway: deleteVpnGateway,
  DescribeVpcs: describeVpcs,
  DescribeRouteTables: describeRouteTables,
  EnableVgwRoutePropagation: enableVgwRoutePropagation,
  DisableVgwRoutePropagation: disableVgwRoutePropagation,
};
