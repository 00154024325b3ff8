import * as connections from './connections.js';
import type { DxHandler } from './context.js';
import * as failover from './failover.js';
import * as gateways from './gateways.js';
import * as interconnects from './interconnects.js';
import { describeRouterConfiguration } from './router-config.js';
import * as tags from './tags.js';
import * as vifOps from './vif-ops.js';
import * as vifs from './vifs.js';

/**
 * Every Direct Connect operation the sandbox implements (`X-Amz-Target: OvertureService.<name>`).
 * Anything else — including model operations not listed here (LAGs, MACsec, proposals) — is
 * answered with `UnknownOperationException`, never silently.
 */
export const DX_OPERATIONS: Record<string, DxHandler> = {
  DescribeLocations: connections.describeLocations,
  CreateConnection: connections.createConnection,
  DescribeConnections: connections.describeConnections,
  UpdateConnection: connections.updateConnection,
  DeleteConnection: connections.deleteConnection,
  ConfirmConnection: connections.confirmConnection,
  DescribeLoa: connections.describeLoa,
  DescribeConnectionLoa: connections.describeConnectionLoa,
  DescribeInterconnects: interconnects.describeInterconnects,
  DescribeInterconnectLoa: interconnects.describeInterconnectLoa,
  AllocateHostedConnection: interconnects.allocateHostedConnection,
  AllocateConnectionOnInterconnect: interconnects.allocateConnectionOnInterconnect,
  DescribeHostedConnections: interconnects.describeHostedConnections,
  DescribeConnectionsOnInterconnect: interconnects.describeConnectionsOnInterconnect,
  DescribeCustomerMetadata: interconnects.describeCustomerMetadata,
  CreatePrivateVirtualInterface: vifs.createPrivateVirtualInterface,
  CreatePublicVirtualInterface: vifs.createPublicVirtualInterface,
  CreateTransitVirtualInterface: vifs.createTransitVirtualInterface,
  AllocatePrivateVirtualInterface: vifs.allocatePrivateVirtualInterface,
  AllocatePublicVirtualInterface: vifs.allocatePublicVirtualInterface,
  AllocateTransitVirtualInterface: vifs.allocateTransitVirtualInterface,
  ConfirmPrivateVirtualInterface: vifs.confirmPrivateVirtualInterface,
  ConfirmPublicVirtualInterface: vifs.confirmPublicVirtualInterface,
  ConfirmTransitVirtualInterface: vifs.confirmTransitVirtualInterface,
  DescribeVirtualInterfaces: vifOps.describeVirtualInterfaces,
  DeleteVirtualInterface: vifOps.deleteVirtualInterface,
  UpdateVirtualInterfaceAttributes: vifOps.updateVirtualInterfaceAttributes,
  CreateBGPPeer: vifOps.createBgpPeer,
  DeleteBGPPeer: vifOps.deleteBgpPeer,
  DescribeRouterConfiguration: describeRouterConfiguration,
  StartBgpFailoverTest: failover.startBgpFailoverTest,
  StopBgpFailoverTest: failover.stopBgpFailoverTest,
  ListVirtualInterfaceTestHistory: failover.listVirtualInterfaceTestHistory,
  CreateDirectConnectGateway: gateways.createDirectConnectGateway,
  DescribeDirectConnectGateways: gateways.describeDirectConnectGateways,
  UpdateDirectConnectGateway: gateways.updateDirectConnectGateway,
  DeleteDirectConnectGateway: gateways.deleteDirectConnectGateway,
  CreateDirectConnectGatewayAssociation: gateways.createDirectConnectGatewayAssociation,
  DescribeDirectConnectGatewayAssociations: gateways.describeDirectConnectGatewayAssociations,
  UpdateDirectConnectGatewayAssociation: gateways.updateDirectConnectGatewayAssociation,
  DeleteDirectConnectGatewayAssociation: gateways.deleteDirectConnectGatewayAssociation,
  DescribeDirectConnectGatewayAttachments: gateways.describeDirectConnectGatewayAttachments,
  DescribeVirtualGateways: gateways.describeVirtualGateways,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  DescribeTags: tags.describeTags,
};
