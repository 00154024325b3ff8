-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('NOC', 'SUPPORT', 'ADMIN');

-- CreateEnum
CREATE TYPE "AwsAccountStatus" AS ENUM ('UNVERIFIED', 'VERIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "ConnectionType" AS ENUM ('DEDICATED', 'HOSTED');

-- CreateEnum
CREATE TYPE "Resiliency" AS ENUM ('DEVELOPMENT', 'HIGH', 'MAXIMUM');

-- CreateEnum
CREATE TYPE "PortalStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'PROVISIONING', 'PROVISIONING_FAILED', 'ACTIVE', 'DECOMMISSIONING', 'CLOSED');

-- CreateEnum
CREATE TYPE "AwsConnectionState" AS ENUM ('ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected', 'unknown');

-- CreateEnum
CREATE TYPE "CrossConnectKind" AS ENUM ('INSTALL', 'CEASE');

-- CreateEnum
CREATE TYPE "CrossConnectStatus" AS ENUM ('OPEN', 'PORT_RESERVED', 'PATCHED', 'TESTED', 'COMPLETE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VifType" AS ENUM ('PRIVATE', 'PUBLIC', 'TRANSIT');

-- CreateEnum
CREATE TYPE "AddressFamily" AS ENUM ('ipv4', 'ipv6');

-- CreateEnum
CREATE TYPE "VifState" AS ENUM ('confirming', 'verifying', 'pending', 'available', 'down', 'testing', 'deleting', 'deleted', 'rejected', 'unknown');

-- CreateEnum
CREATE TYPE "VifPortalStatus" AS ENUM ('REQUESTED', 'CREATING', 'CREATE_FAILED', 'ACTIVE', 'DELETING', 'DELETED');

-- CreateEnum
CREATE TYPE "BgpPeerState" AS ENUM ('verifying', 'pending', 'available', 'deleting', 'deleted');

-- CreateEnum
CREATE TYPE "BgpStatus" AS ENUM ('up', 'down', 'unknown');

-- CreateEnum
CREATE TYPE "DxGatewayState" AS ENUM ('pending', 'available', 'deleting', 'deleted');

-- CreateEnum
CREATE TYPE "GatewayPortalStatus" AS ENUM ('REQUESTED', 'CREATING', 'CREATE_FAILED', 'ACTIVE', 'DELETING', 'DELETED');

-- CreateEnum
CREATE TYPE "VpnGatewayState" AS ENUM ('pending', 'available', 'deleting', 'deleted');

-- CreateEnum
CREATE TYPE "VpcAttachmentState" AS ENUM ('attaching', 'attached', 'detaching', 'detached');

-- CreateEnum
CREATE TYPE "AssociationState" AS ENUM ('associating', 'associated', 'disassociating', 'disassociated', 'updating');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('CONNECTION', 'CROSS_CONNECT', 'VIRTUAL_INTERFACE', 'DX_GATEWAY', 'VPN_GATEWAY', 'GATEWAY_ASSOCIATION', 'AWS_ACCOUNT', 'ORGANISATION', 'USER');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'NOC', 'SUPPORT', 'ADMIN', 'AWS', 'SYSTEM');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('PORTAL', 'AWS', 'FACILITY');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "staffRole" "StaffRole",
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "role" "OrgRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsAccount" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "AwsAccountStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verifiedAt" TIMESTAMP(3),
    "lastVerifyError" TEXT,
    "lastVerifyAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "facility" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interconnect" (
    "id" TEXT NOT NULL,
    "awsInterconnectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "bandwidth" TEXT NOT NULL,
    "vlanMin" INTEGER NOT NULL DEFAULT 100,
    "vlanMax" INTEGER NOT NULL DEFAULT 4094,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interconnect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "awsAccountId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestGroupId" TEXT NOT NULL,
    "resiliency" "Resiliency" NOT NULL DEFAULT 'DEVELOPMENT',
    "groupIndex" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "type" "ConnectionType" NOT NULL,
    "bandwidth" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "notes" TEXT,
    "portalStatus" "PortalStatus" NOT NULL DEFAULT 'SUBMITTED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "interconnectId" TEXT,
    "vlan" INTEGER,
    "awsConnectionId" TEXT,
    "awsState" "AwsConnectionState",
    "awsStateChangedAt" TIMESTAMP(3),
    "awsDevice" TEXT,
    "jumboFrameCapable" BOOLEAN,
    "hasLogicalRedundancy" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "provisionAttempts" INTEGER NOT NULL DEFAULT 0,
    "provisionStartedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "loaIssuedAt" TIMESTAMP(3),
    "loaExpiresAt" TIMESTAMP(3),
    "portUpAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "deletedInAwsAt" TIMESTAMP(3),
    "billingStoppedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossConnectOrder" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "kind" "CrossConnectKind" NOT NULL,
    "status" "CrossConnectStatus" NOT NULL DEFAULT 'OPEN',
    "patchPanel" TEXT,
    "panelPort" TEXT,
    "awsDevice" TEXT,
    "awsPort" TEXT,
    "loaExpiresAt" TIMESTAMP(3),
    "notes" TEXT,
    "reservedById" TEXT,
    "reservedAt" TIMESTAMP(3),
    "patchedById" TEXT,
    "patchedAt" TIMESTAMP(3),
    "testedById" TEXT,
    "testedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrossConnectOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VirtualInterface" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "awsAccountId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "type" "VifType" NOT NULL,
    "vlan" INTEGER NOT NULL,
    "addressFamily" "AddressFamily" NOT NULL,
    "asn" BIGINT NOT NULL,
    "amazonSideAsn" BIGINT,
    "customerAddress" TEXT,
    "amazonAddress" TEXT,
    "authKeyCiphertext" TEXT,
    "mtu" INTEGER,
    "routeFilterPrefixes" TEXT[],
    "hosted" BOOLEAN NOT NULL DEFAULT false,
    "dxGatewayId" TEXT,
    "vpnGatewayId" TEXT,
    "portalStatus" "VifPortalStatus" NOT NULL DEFAULT 'REQUESTED',
    "awsVirtualInterfaceId" TEXT,
    "awsState" "VifState",
    "awsStateChangedAt" TIMESTAMP(3),
    "jumboFrameCapable" BOOLEAN,
    "awsDeviceV2" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "routerSettings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualInterface_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BgpPeer" (
    "id" TEXT NOT NULL,
    "virtualInterfaceId" TEXT NOT NULL,
    "awsBgpPeerId" TEXT,
    "addressFamily" "AddressFamily" NOT NULL,
    "asn" BIGINT NOT NULL,
    "customerAddress" TEXT,
    "amazonAddress" TEXT,
    "state" "BgpPeerState",
    "bgpStatus" "BgpStatus" NOT NULL DEFAULT 'unknown',
    "awsDeviceV2" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BgpPeer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BgpFailoverTest" (
    "id" TEXT NOT NULL,
    "virtualInterfaceId" TEXT NOT NULL,
    "awsTestId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bgpPeers" TEXT[],
    "durationMinutes" INTEGER,
    "startedById" TEXT,
    "startTime" TIMESTAMP(3),
    "endTime" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BgpFailoverTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectConnectGateway" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "awsAccountId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "amazonSideAsn" BIGINT NOT NULL,
    "portalStatus" "GatewayPortalStatus" NOT NULL DEFAULT 'REQUESTED',
    "awsGatewayId" TEXT,
    "awsState" "DxGatewayState",
    "awsStateChangedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectConnectGateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VirtualPrivateGateway" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "awsAccountId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "amazonSideAsn" BIGINT NOT NULL,
    "portalStatus" "GatewayPortalStatus" NOT NULL DEFAULT 'REQUESTED',
    "awsVpnGatewayId" TEXT,
    "awsState" "VpnGatewayState",
    "vpcId" TEXT,
    "attachmentState" "VpcAttachmentState",
    "propagatingRouteTableIds" TEXT[],
    "awsStateChangedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualPrivateGateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayAssociation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "dxGatewayId" TEXT NOT NULL,
    "vpnGatewayId" TEXT NOT NULL,
    "createdById" TEXT,
    "allowedPrefixes" TEXT[],
    "portalStatus" "GatewayPortalStatus" NOT NULL DEFAULT 'REQUESTED',
    "awsAssociationId" TEXT,
    "awsState" "AssociationState",
    "stateChangeError" TEXT,
    "awsStateChangedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayAssociation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "orgId" TEXT,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "connectionId" TEXT,
    "source" "EventSource" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "message" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "orgId" TEXT,
    "audience" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "dedupeKey" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_staffRole_idx" ON "User"("staffRole");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Membership_orgId_role_idx" ON "Membership"("orgId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_orgId_key" ON "Membership"("userId", "orgId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_createdAt_idx" ON "SignInAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_createdAt_idx" ON "SignInAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AwsAccount_externalId_key" ON "AwsAccount"("externalId");

-- CreateIndex
CREATE INDEX "AwsAccount_accountId_idx" ON "AwsAccount"("accountId");

-- CreateIndex
CREATE INDEX "AwsAccount_orgId_status_idx" ON "AwsAccount"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AwsAccount_orgId_accountId_key" ON "AwsAccount"("orgId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Location_code_key" ON "Location"("code");

-- CreateIndex
CREATE INDEX "Location_region_active_idx" ON "Location"("region", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Interconnect_awsInterconnectId_key" ON "Interconnect"("awsInterconnectId");

-- CreateIndex
CREATE INDEX "Interconnect_locationId_active_idx" ON "Interconnect"("locationId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_awsConnectionId_key" ON "Connection"("awsConnectionId");

-- CreateIndex
CREATE INDEX "Connection_orgId_createdAt_idx" ON "Connection"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Connection_orgId_portalStatus_idx" ON "Connection"("orgId", "portalStatus");

-- CreateIndex
CREATE INDEX "Connection_orgId_awsState_idx" ON "Connection"("orgId", "awsState");

-- CreateIndex
CREATE INDEX "Connection_portalStatus_createdAt_idx" ON "Connection"("portalStatus", "createdAt");

-- CreateIndex
CREATE INDEX "Connection_awsAccountId_region_idx" ON "Connection"("awsAccountId", "region");

-- CreateIndex
CREATE INDEX "Connection_requestGroupId_idx" ON "Connection"("requestGroupId");

-- CreateIndex
CREATE INDEX "Connection_interconnectId_vlan_idx" ON "Connection"("interconnectId", "vlan");

-- CreateIndex
CREATE INDEX "Connection_locationId_idx" ON "Connection"("locationId");

-- CreateIndex
CREATE INDEX "Connection_loaExpiresAt_idx" ON "Connection"("loaExpiresAt");

-- CreateIndex
CREATE INDEX "CrossConnectOrder_status_createdAt_idx" ON "CrossConnectOrder"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CrossConnectOrder_connectionId_createdAt_idx" ON "CrossConnectOrder"("connectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualInterface_awsVirtualInterfaceId_key" ON "VirtualInterface"("awsVirtualInterfaceId");

-- CreateIndex
CREATE INDEX "VirtualInterface_orgId_createdAt_idx" ON "VirtualInterface"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "VirtualInterface_connectionId_idx" ON "VirtualInterface"("connectionId");

-- CreateIndex
CREATE INDEX "VirtualInterface_awsAccountId_idx" ON "VirtualInterface"("awsAccountId");

-- CreateIndex
CREATE INDEX "VirtualInterface_dxGatewayId_idx" ON "VirtualInterface"("dxGatewayId");

-- CreateIndex
CREATE INDEX "VirtualInterface_vpnGatewayId_idx" ON "VirtualInterface"("vpnGatewayId");

-- CreateIndex
CREATE UNIQUE INDEX "BgpPeer_awsBgpPeerId_key" ON "BgpPeer"("awsBgpPeerId");

-- CreateIndex
CREATE INDEX "BgpPeer_virtualInterfaceId_idx" ON "BgpPeer"("virtualInterfaceId");

-- CreateIndex
CREATE UNIQUE INDEX "BgpFailoverTest_awsTestId_key" ON "BgpFailoverTest"("awsTestId");

-- CreateIndex
CREATE INDEX "BgpFailoverTest_virtualInterfaceId_createdAt_idx" ON "BgpFailoverTest"("virtualInterfaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectConnectGateway_awsGatewayId_key" ON "DirectConnectGateway"("awsGatewayId");

-- CreateIndex
CREATE INDEX "DirectConnectGateway_orgId_createdAt_idx" ON "DirectConnectGateway"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "DirectConnectGateway_awsAccountId_idx" ON "DirectConnectGateway"("awsAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualPrivateGateway_awsVpnGatewayId_key" ON "VirtualPrivateGateway"("awsVpnGatewayId");

-- CreateIndex
CREATE INDEX "VirtualPrivateGateway_orgId_createdAt_idx" ON "VirtualPrivateGateway"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "VirtualPrivateGateway_awsAccountId_region_idx" ON "VirtualPrivateGateway"("awsAccountId", "region");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayAssociation_awsAssociationId_key" ON "GatewayAssociation"("awsAssociationId");

-- CreateIndex
CREATE INDEX "GatewayAssociation_orgId_createdAt_idx" ON "GatewayAssociation"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "GatewayAssociation_dxGatewayId_idx" ON "GatewayAssociation"("dxGatewayId");

-- CreateIndex
CREATE INDEX "GatewayAssociation_vpnGatewayId_idx" ON "GatewayAssociation"("vpnGatewayId");

-- CreateIndex
CREATE INDEX "Event_subjectType_subjectId_occurredAt_idx" ON "Event"("subjectType", "subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_connectionId_occurredAt_idx" ON "Event"("connectionId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_orgId_occurredAt_idx" ON "Event"("orgId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_kind_occurredAt_idx" ON "Event"("kind", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_orgId_resolvedAt_createdAt_idx" ON "Notification"("orgId", "resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_audience_resolvedAt_createdAt_idx" ON "Notification"("audience", "resolvedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsAccount" ADD CONSTRAINT "AwsAccount_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interconnect" ADD CONSTRAINT "Interconnect_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_awsAccountId_fkey" FOREIGN KEY ("awsAccountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_interconnectId_fkey" FOREIGN KEY ("interconnectId") REFERENCES "Interconnect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossConnectOrder" ADD CONSTRAINT "CrossConnectOrder_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualInterface" ADD CONSTRAINT "VirtualInterface_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualInterface" ADD CONSTRAINT "VirtualInterface_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualInterface" ADD CONSTRAINT "VirtualInterface_awsAccountId_fkey" FOREIGN KEY ("awsAccountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualInterface" ADD CONSTRAINT "VirtualInterface_dxGatewayId_fkey" FOREIGN KEY ("dxGatewayId") REFERENCES "DirectConnectGateway"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualInterface" ADD CONSTRAINT "VirtualInterface_vpnGatewayId_fkey" FOREIGN KEY ("vpnGatewayId") REFERENCES "VirtualPrivateGateway"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BgpPeer" ADD CONSTRAINT "BgpPeer_virtualInterfaceId_fkey" FOREIGN KEY ("virtualInterfaceId") REFERENCES "VirtualInterface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BgpFailoverTest" ADD CONSTRAINT "BgpFailoverTest_virtualInterfaceId_fkey" FOREIGN KEY ("virtualInterfaceId") REFERENCES "VirtualInterface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectConnectGateway" ADD CONSTRAINT "DirectConnectGateway_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectConnectGateway" ADD CONSTRAINT "DirectConnectGateway_awsAccountId_fkey" FOREIGN KEY ("awsAccountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualPrivateGateway" ADD CONSTRAINT "VirtualPrivateGateway_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualPrivateGateway" ADD CONSTRAINT "VirtualPrivateGateway_awsAccountId_fkey" FOREIGN KEY ("awsAccountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssociation" ADD CONSTRAINT "GatewayAssociation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssociation" ADD CONSTRAINT "GatewayAssociation_dxGatewayId_fkey" FOREIGN KEY ("dxGatewayId") REFERENCES "DirectConnectGateway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssociation" ADD CONSTRAINT "GatewayAssociation_vpnGatewayId_fkey" FOREIGN KEY ("vpnGatewayId") REFERENCES "VirtualPrivateGateway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

