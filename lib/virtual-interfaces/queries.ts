import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { orgScope, readScope } from '../db/scope';
import { timelinePage } from '../events/timeline';
import { vifFacts } from './load';

export async function listVifsForConnection(actor: Actor, connectionId: string) {
  return db().virtualInterface.findMany({
    where: { connectionId, ...readScope(actor), portalStatus: { not: 'CREATE_FAILED' } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      name: true,
      type: true,
      vlan: true,
      addressFamily: true,
      hosted: true,
      portalStatus: true,
      awsState: true,
      awsVirtualInterfaceId: true,
      awsAccount: { select: { accountId: true } },
      bgpPeers: { select: { addressFamily: true, bgpStatus: true } },
    },
  });
}

/** Everything the VIF page shows (never the key itself), or null when the actor may not see it. */
export async function getVifDetail(actor: Actor, id: string) {
  const vif = await db().virtualInterface.findFirst({
    where: { id, ...readScope(actor) },
    select: {
      ...vifFacts,
      jumboFrameCapable: true,
      awsDeviceV2: true,
      routeFilterPrefixes: true,
      hosted: true,
      portalStatus: true,
      awsState: true,
      awsStateChangedAt: true,
      lastSyncedAt: true,
      lastError: true,
      createdAt: true,
      updatedAt: true,
      authKeyCiphertext: true,
      org: { select: { name: true } },
      awsAccount: { select: { id: true, accountId: true, name: true, status: true } },
      connection: { select: { id: true, name: true, type: true, region: true, awsConnectionId: true, awsState: true, location: { select: { code: true, name: true } } } },
      dxGateway: { select: { id: true, name: true, awsGatewayId: true } },
      vpnGateway: { select: { id: true, name: true, awsVpnGatewayId: true } },
      bgpPeers: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, awsBgpPeerId: true, addressFamily: true, asn: true, customerAddress: true, amazonAddress: true, state: true, bgpStatus: true, awsDeviceV2: true, updatedAt: true },
      },
    },
  });
  if (!vif) return null;
  const timeline = await timelinePage({ subjectType: 'VIRTUAL_INTERFACE', subjectId: vif.id, ...readScope(actor) });
  const { authKeyCiphertext, ...rest } = vif;
  return { ...rest, hasAuthKey: Boolean(authKeyCiphertext), timeline };
}

export type VifDetail = NonNullable<Awaited<ReturnType<typeof getVifDetail>>>;

export async function vifVersion(actor: Actor, id: string): Promise<string | null> {
  const row = await db().virtualInterface.findFirst({ where: { id, ...readScope(actor) }, select: { updatedAt: true, bgpPeers: { select: { updatedAt: true } } } });
  if (!row) return null;
  const last = await db().event.findFirst({ where: { subjectType: 'VIRTUAL_INTERFACE', subjectId: id }, orderBy: { id: 'desc' }, select: { id: true } });
  const peers = Math.max(0, ...row.bgpPeers.map((p) => p.updatedAt.getTime()));
  return `${row.updatedAt.getTime()}:${peers}:${last?.id ?? 0}`;
}

/** The owning account's available gateways, to confirm a hosted VIF allocated to it. */
export async function confirmationGateways(actor: Actor, vif: { awsAccount: { id: string }; connection: { region: string } }) {
  const scope = orgScope(actor);
  const [dx, vgw] = await Promise.all([
    db().directConnectGateway.findMany({ where: { ...scope, awsAccountId: vif.awsAccount.id, awsState: 'available' }, select: { id: true, name: true } }),
    db().virtualPrivateGateway.findMany({ where: { ...scope, awsAccountId: vif.awsAccount.id, region: vif.connection.region, awsState: 'available' }, select: { id: true, name: true } }),
  ]);
  return { dx, vgw };
}

/** What API v1 returns for a VIF: every field a client sends, as stored, plus AWS's view. Never the key. */
export const apiVifSelect = {
  id: true,
  connectionId: true,
  awsAccountId: true,
  name: true,
  type: true,
  vlan: true,
  addressFamily: true,
  asn: true,
  amazonSideAsn: true,
  customerAddress: true,
  amazonAddress: true,
  mtu: true,
  routeFilterPrefixes: true,
  hosted: true,
  dxGatewayId: true,
  vpnGatewayId: true,
  portalStatus: true,
  awsState: true,
  awsVirtualInterfaceId: true,
  jumboFrameCapable: true,
  awsDeviceV2: true,
  lastSyncedAt: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
  authKeyCiphertext: true,
  awsAccount: { select: { accountId: true } },
  bgpPeers: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, awsBgpPeerId: true, addressFamily: true, asn: true, customerAddress: true, amazonAddress: true, state: true, bgpStatus: true, awsDeviceV2: true, updatedAt: true },
  },
} satisfies Prisma.VirtualInterfaceSelect;

export type ApiVifRow = Prisma.VirtualInterfaceGetPayload<{ select: typeof apiVifSelect }>;

/** Newest first after a keyset cursor, optionally on one connection; failed creates are left out. */
export async function vifsAfter(actor: Actor, options: { connectionId?: string; after?: { createdAt: Date; id: string }; limit: number }): Promise<{ items: ApiVifRow[]; hasMore: boolean }> {
  const base: Prisma.VirtualInterfaceWhereInput = { ...readScope(actor), portalStatus: { not: 'CREATE_FAILED' }, ...(options.connectionId ? { connectionId: options.connectionId } : {}) };
  const after = options.after;
  const where: Prisma.VirtualInterfaceWhereInput = after ? { AND: [base, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : base;
  const rows = await db().virtualInterface.findMany({ where, select: apiVifSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.limit + 1 });
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

/** One VIF for the API, or null when the actor may not see it. */
export async function vifForApi(actor: Actor, id: string): Promise<ApiVifRow | null> {
  return db().virtualInterface.findFirst({ where: { id, ...readScope(actor) }, select: apiVifSelect });
}
