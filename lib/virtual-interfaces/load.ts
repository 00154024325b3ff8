import 'server-only';
import type { Actor } from '../auth/permissions';
import type { AwsTarget } from '../aws/clients';
import { customerTarget } from '../connections/aws-target';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { orgScope, readScope } from '../db/scope';
import { notFound } from '../errors';

/** The interface's own BGP and addressing facts: what pages, the bundle and AWS calls all need. */
export const vifFacts = {
  id: true,
  orgId: true,
  name: true,
  type: true,
  vlan: true,
  addressFamily: true,
  asn: true,
  amazonSideAsn: true,
  customerAddress: true,
  amazonAddress: true,
  mtu: true,
  awsVirtualInterfaceId: true,
  routerSettings: true,
} satisfies Prisma.VirtualInterfaceSelect;

const select = {
  ...vifFacts,
  hosted: true,
  portalStatus: true,
  awsState: true,
  dxGatewayId: true,
  vpnGatewayId: true,
  awsAccount: { select: { id: true, accountId: true, roleArn: true, externalId: true, status: true } },
  connection: {
    select: {
      id: true,
      name: true,
      region: true,
      type: true,
      awsState: true,
      awsConnectionId: true,
      awsAccount: { select: { id: true, accountId: true, roleArn: true, externalId: true, status: true } },
    },
  },
  bgpPeers: { select: { id: true, awsBgpPeerId: true, addressFamily: true, state: true, bgpStatus: true, customerAddress: true, amazonAddress: true } },
} satisfies Prisma.VirtualInterfaceSelect;

/** A VIF of the actor's organisation (write paths), or "not found". */
export async function ownVif(actor: Actor, id: string) {
  const vif = await db().virtualInterface.findFirst({ where: { id, ...orgScope(actor) }, select });
  if (!vif) throw notFound('That virtual interface');
  return vif;
}

/** A VIF the actor may read (staff across organisations), or "not found". */
export async function readableVif(actor: Actor, id: string) {
  const vif = await db().virtualInterface.findFirst({ where: { id, ...readScope(actor) }, select });
  if (!vif) throw notFound('That virtual interface');
  return vif;
}

/**
 * Whose role to act through: the VIF owner's when the portal can use it, else the connection
 * owner's (which sees interfaces on its connection, e.g. a hosted VIF not yet confirmed).
 */
export function vifTarget(vif: Awaited<ReturnType<typeof ownVif>>): { target: AwsTarget; region: string; roleArn: string } {
  const account = vif.awsAccount.status === 'VERIFIED' ? vif.awsAccount : vif.connection.awsAccount;
  return { target: customerTarget(account), region: vif.connection.region, roleArn: account.roleArn };
}
