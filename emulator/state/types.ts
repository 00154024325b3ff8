/**
 * The sandbox's whole world as plain JSON (snapshotted to SANDBOX_STATE_FILE).
 * Externally visible AWS states are mostly *derived* at render time from the phases and
 * physical facts stored here (see directconnect/lifecycle.ts), so they can never disagree.
 */

export type Tag = { key: string; value?: string };

export type Role = { roleName: string; trustedAccountId: string; externalId: string; maxSessionDuration: number };

export type Account = {
  accountId: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** IAM user name the permanent keys belong to (for ARNs in STS answers and error texts). */
  userName: string;
  /** An authorized Direct Connect partner (may allocate hosted connections and VIFs). */
  partner: boolean;
  roles: Record<string, Role>;
};

export type TempCredential = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  expiresAt: number;
};

export type LocationSeed = {
  region: string;
  locationCode: string;
  locationName: string;
  availablePortSpeeds: string[];
  availableMacSecPortSpeeds: string[];
  availableProviders: string[];
  /** Whether devices at this location offer a second BGP peer per address family. */
  logicalRedundancy: boolean;
};

export type ConnectionKind = 'dedicated' | 'hosted' | 'interconnect';

/**
 * Lifecycle phase of a connection-like resource. Link state (available/down) is derived from
 * the cross-connect (`patched`) for dedicated connections and interconnects, and from the parent
 * interconnect for hosted connections.
 */
export type ConnectionPhase =
  | 'ordering' // hosted, not yet confirmed by the owner
  | 'requested' // dedicated/interconnect, AWS review not finished
  | 'pending' // reviewed (LOA available) / hosted confirmed and provisioning
  | 'provisioned' // link state now follows the physical world
  | 'deleted'
  | 'rejected';

export type Connection = {
  id: string;
  kind: ConnectionKind;
  seq: number;
  ownerAccount: string;
  name: string;
  region: string;
  location: string;
  bandwidth: string;
  phase: ConnectionPhase;
  /** The physical link (cross-connect) is up; meaningful once `provisioned`. */
  linkUp: boolean;
  vlan?: number;
  parentId?: string;
  partnerAccount?: string;
  providerName?: string;
  awsDevice: string;
  awsLogicalDeviceId: string;
  port: string;
  logicalRedundancy: boolean;
  macSecCapable: boolean;
  encryptionMode?: string;
  loaIssueTime?: number;
  createdAt: number;
  deletedAt?: number;
  tags: Tag[];
};

export type VifType = 'private' | 'public' | 'transit';

export type VifPhase = 'confirming' | 'verifying' | 'pending' | 'provisioned' | 'deleting' | 'deleted' | 'rejected';

export type PeerPhase = 'verifying' | 'pending' | 'available' | 'deleting' | 'deleted';

export type BgpPeer = {
  id: string;
  addressFamily: 'ipv4' | 'ipv6';
  asnLong: number;
  authKey: string;
  amazonAddress: string;
  customerAddress: string;
  phase: PeerPhase;
  /** The customer router's session is up (driven by the control API). */
  routerUp: boolean;
};

export type Vif = {
  id: string;
  seq: number;
  type: VifType;
  ownerAccount: string;
  /** The account that called Allocate* (hosted VIF); absent for Create*. */
  allocatedBy?: string;
  connectionId: string;
  region: string;
  location: string;
  name: string;
  vlan: number;
  asnLong: number;
  amazonSideAsn?: number;
  authKey: string;
  amazonAddress: string;
  customerAddress: string;
  addressFamily: 'ipv4' | 'ipv6';
  mtu: number;
  phase: VifPhase;
  virtualGatewayId?: string;
  directConnectGatewayId?: string;
  routeFilterPrefixes: string[];
  peers: BgpPeer[];
  siteLinkEnabled: boolean;
  activeTestId?: string;
  createdAt: number;
  deletedAt?: number;
  tags: Tag[];
};

export type FailoverTest = {
  testId: string;
  seq: number;
  virtualInterfaceId: string;
  ownerAccount: string;
  region: string;
  bgpPeers: string[];
  status: 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
  testDurationInMinutes: number;
  startTime: number;
  endTime?: number;
};

export type DxGateway = {
  id: string;
  seq: number;
  name: string;
  ownerAccount: string;
  amazonSideAsn: number;
  state: 'pending' | 'available' | 'deleting' | 'deleted';
  tags: Tag[];
};

export type AssociationState = 'associating' | 'associated' | 'disassociating' | 'disassociated' | 'updating';

export type Association = {
  id: string;
  seq: number;
  directConnectGatewayId: string;
  dxGatewayOwnerAccount: string;
  virtualGatewayId: string;
  virtualGatewayOwnerAccount: string;
  virtualGatewayRegion: string;
  state: AssociationState;
  allowedPrefixes: string[];
  /** Prefix set being applied while `updating`. */
  pendingPrefixes?: string[];
  stateChangeError?: string;
};

export type VpcAttachmentState = 'attaching' | 'attached' | 'detaching' | 'detached';

export type VpnGateway = {
  id: string;
  seq: number;
  ownerAccount: string;
  region: string;
  type: 'ipsec.1';
  amazonSideAsn: number;
  availabilityZone?: string;
  state: 'pending' | 'available' | 'deleting' | 'deleted';
  attachments: { vpcId: string; state: VpcAttachmentState }[];
  deletedAt?: number;
  tags: Tag[];
};

export type Vpc = {
  id: string;
  seq: number;
  ownerAccount: string;
  region: string;
  cidrBlock: string;
  cidrAssociationId: string;
  dhcpOptionsId: string;
  tags: Tag[];
};

export type RouteTable = {
  id: string;
  seq: number;
  ownerAccount: string;
  region: string;
  vpcId: string;
  main: boolean;
  associationId?: string;
  propagatingVgws: string[];
  tags: Tag[];
};

export type TimerKind =
  | 'connection.reviewed'
  | 'connection.provisioned'
  | 'connection.purge'
  | 'vif.verified'
  | 'vif.provisioned'
  | 'vif.deleted'
  | 'vif.purge'
  | 'peer.provisioned'
  | 'peer.deleted'
  | 'failover.end'
  | 'dxgw.deleted'
  | 'assoc.settled'
  | 'assoc.purge'
  | 'vgw.available'
  | 'vgw.attached'
  | 'vgw.detached'
  | 'vgw.deleted'
  | 'vgw.purge';

/** A transition AWS performs on its own, due at a sandbox-clock time. */
export type Timer = { id: number; kind: TimerKind; target: string; sub?: string; dueAt: number };

export type State = {
  version: 1;
  clockOffsetMs: number;
  seq: number;
  accounts: Record<string, Account>;
  tempCredentials: Record<string, TempCredential>;
  connections: Record<string, Connection>;
  vifs: Record<string, Vif>;
  failoverTests: Record<string, FailoverTest>;
  dxGateways: Record<string, DxGateway>;
  associations: Record<string, Association>;
  vpnGateways: Record<string, VpnGateway>;
  vpcs: Record<string, Vpc>;
  routeTables: Record<string, RouteTable>;
  timers: Timer[];
};
