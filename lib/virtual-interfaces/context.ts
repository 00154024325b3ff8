import 'server-only';
import { DescribeVirtualInterfacesCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { collectPages } from '../aws/paginate';
import { customerTarget } from '../connections/aws-target';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { bandwidthMbps } from '../domain/connections/bandwidth';
import { vifCountsOnConnection, type DxGatewayFacts, type VifContext, type VpnGatewayFacts } from '../domain/virtual-interfaces';
import { logger } from '../log';

const connectionSelect = {
  id: true,
  orgId: true,
  name: true,
  type: true,
  region: true,
  bandwidth: true,
  vlan: true,
  awsState: true,
  awsConnectionId: true,
  jumboFrameCapable: true,
  awsAccountId: true,
  awsAccount: { select: { id: true, accountId: true, name: true, roleArn: true, externalId: true, status: true } },
  location: { select: { code: true } },
} as const;

/**
 * Everything the VIF wizard and its server action need to judge a request on one connection:
 * the connection, the VIFs that occupy it (portal records plus what AWS lists, so VLANs and
 * addresses taken outside the portal count too), and the organisation's gateways and accounts.
 */
export async function vifWizardContext(actor: Actor, connectionId: string) {
  const scope = orgScope(actor);
  const connection = await db().connection.findFirst({ where: { id: connectionId, ...scope }, select: connectionSelect });
  if (!connection) return null;

  const [vifs, dxGateways, vpnGateways, accounts] = await Promise.all([
    db().virtualInterface.findMany({
      where: { connectionId: connection.id, ...scope },
      select: { id: true, name: true, type: true, vlan: true, awsState: true, portalStatus: true, customerAddress: true, amazonAddress: true, awsVirtualInterfaceId: true },
    }),
    db().directConnectGateway.findMany({
      where: { ...scope, portalStatus: { in: ['ACTIVE', 'CREATING'] } },
      select: {
        id: true,
        name: true,
        awsGatewayId: true,
        awsState: true,
        amazonSideAsn: true,
        awsAccountId: true,
        virtualInterfaces: { select: { type: true, awsState: true, portalStatus: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    db().virtualPrivateGateway.findMany({
      where: { ...scope, portalStatus: { in: ['ACTIVE', 'CREATING'] } },
      select: { id: true, name: true, awsVpnGatewayId: true, awsState: true, amazonSideAsn: true, region: true, awsAccountId: true, vpcId: true, attachmentState: true },
      orderBy: { createdAt: 'asc' },
    }),
    db().awsAccount.findMany({ where: scope, select: { id: true, accountId: true, name: true, status: true }, orderBy: { createdAt: 'asc' } }),
  ]);

  const counting = vifs.filter(vifCountsOnConnection);
  const usedVlans = new Set(counting.map((v) => v.vlan));
  /** Who holds each VLAN, so a clash can name the interface (a VIF made outside the portal has no portal id). */
  const vlanHolders = new Map<number, { id: string | null; name: string; awsVirtualInterfaceId: string | null }>(
    counting.map((v) => [v.vlan, { id: v.id, name: v.name, awsVirtualInterfaceId: v.awsVirtualInterfaceId }]),
  );
  const usedPeerAddresses = new Set(counting.flatMap((v) => [v.customerAddress, v.amazonAddress].filter((a): a is string => Boolean(a))));
  const known = new Set(vifs.map((v) => v.awsVirtualInterfaceId).filter(Boolean));
  const outside: Array<{ type: 'PRIVATE' | 'PUBLIC' | 'TRANSIT' }> = [];
  if (connection.awsConnectionId && connection.awsAccount.status === 'VERIFIED') {
    try {
      const client = directConnect(customerTarget(connection.awsAccount), connection.region);
      const listed = await collectPages(async (nextToken) => {
        const page = await client.send(new DescribeVirtualInterfacesCommand({ connectionId: connection.awsConnectionId ?? undefined, maxResults: 100, nextToken }));
        return { items: page.virtualInterfaces, nextToken: page.nextToken };
      });
      for (const v of listed) {
        if (!v.virtualInterfaceId || known.has(v.virtualInterfaceId) || ['deleted', 'rejected'].includes(v.virtualInterfaceState ?? '')) continue;
        if (v.vlan) {
          usedVlans.add(v.vlan);
          if (!vlanHolders.has(v.vlan)) vlanHolders.set(v.vlan, { id: null, name: v.virtualInterfaceName ?? '', awsVirtualInterfaceId: v.virtualInterfaceId });
        }
        for (const peer of v.bgpPeers ?? []) for (const a of [peer.customerAddress, peer.amazonAddress]) if (a) usedPeerAddresses.add(a);
        outside.push({ type: v.virtualInterfaceType === 'transit' ? 'TRANSIT' : v.virtualInterfaceType === 'public' ? 'PUBLIC' : 'PRIVATE' });
      }
    } catch (error) {
      // The portal's own records still guard VLANs and quotas; AWS refuses any remaining clash.
      logger().warn({ err: error, connectionId }, 'DescribeVirtualInterfaces failed while preparing the VIF wizard');
    }
  }

  const dx: Array<DxGatewayFacts & { awsGatewayId: string | null; awsAccountId: string }> = dxGateways.map((g) => ({
    id: g.id,
    name: g.name,
    state: g.awsState,
    amazonSideAsn: Number(g.amazonSideAsn),
    attachedVifTypes: g.virtualInterfaces.filter(vifCountsOnConnection).map((v) => v.type),
    awsGatewayId: g.awsGatewayId,
    awsAccountId: g.awsAccountId,
  }));
  const vgw: Array<VpnGatewayFacts & { awsVpnGatewayId: string | null; awsAccountId: string; vpcId: string | null; attached: boolean }> = vpnGateways.map((g) => ({
    id: g.id,
    name: g.name,
    state: g.awsState,
    region: g.region,
    amazonSideAsn: Number(g.amazonSideAsn),
    awsVpnGatewayId: g.awsVpnGatewayId,
    awsAccountId: g.awsAccountId,
    vpcId: g.vpcId,
    attached: g.attachmentState === 'attached',
  }));

  const base: Omit<VifContext, 'dxGateway' | 'vpnGateway'> = {
    connection: {
      type: connection.type,
      awsState: connection.awsState,
      region: connection.region,
      ownerAccountId: connection.awsAccount.accountId,
      jumboFrameCapable: connection.jumboFrameCapable,
      hostedVlan: connection.type === 'HOSTED' ? connection.vlan : null,
      bandwidthMbps: bandwidthMbps(connection.bandwidth),
    },
    usedVlans: [...usedVlans],
    existingVifs: [...counting.map((v) => ({ type: v.type })), ...outside],
    usedPeerAddresses: [...usedPeerAddresses],
  };
  return { connection, base, vlanHolders, dxGateways: dx, vpnGateways: vgw, accounts };
}

export type VifWizardContext = NonNullable<Awaited<ReturnType<typeof vifWizardContext>>>;
