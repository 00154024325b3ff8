import 'server-only';
import type { Actor } from '../auth/permissions';
import { awsErrorName, isRetryableAwsError } from '../aws/errors';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { notFound } from '../errors';
import { logger } from '../log';
import { currentAttachment, describeRouteTables, describeVpcs, describeVpnGateways, ec2Name, vpcCidrs } from './aws';

export type VpcRouteTable = { id: string; name: string | null; main: boolean; propagatingVgwIds: string[] };
export type AccountVpc = {
  vpcId: string;
  name: string | null;
  cidrs: string[];
  isDefault: boolean;
  /** The virtual private gateway attached to it (not detached), if any. */
  attachedVpnGatewayId: string | null;
  routeTables: VpcRouteTable[];
};

export type VpcListing = { ok: true; vpcs: AccountVpc[] } | { ok: false; message: string };

/**
 * The VPCs of one of the organisation's AWS accounts in a Region, through the customer's role,
 * with their IPv4 CIDRs, the virtual private gateway attached to each and their route tables
 * (with the gateways propagating into them). A constant number of calls: DescribeVpcs and
 * DescribeRouteTables by page, one DescribeVpnGateways. AWS trouble is a value: the page still
 * renders, saying what went wrong.
 */
export async function listAccountVpcs(actor: Actor, input: { awsAccountId: string; region: string }): Promise<VpcListing> {
  const account = await db().awsAccount.findFirst({
    where: { id: input.awsAccountId, ...orgScope(actor) },
    select: { id: true, orgId: true, accountId: true, roleArn: true, externalId: true, status: true },
  });
  if (!account) throw notFound('That AWS account');
  if (account.status !== 'VERIFIED') return { ok: false, message: `AWS account ${account.accountId} is not verified, so the portal cannot list its VPCs.` };
  try {
    const [vpcs, vgws] = await Promise.all([describeVpcs(account, input.region), describeVpnGateways(account, input.region)]);
    const tables = await describeRouteTables(
      account,
      input.region,
      vpcs.flatMap((v) => (v.VpcId ? [v.VpcId] : [])),
    );
    const attachedTo = new Map<string, string>();
    for (const vgw of vgws) {
      const attachment = currentAttachment(vgw);
      if (vgw.VpnGatewayId && attachment && attachment.state !== 'detached' && vgw.State !== 'deleted') attachedTo.set(attachment.vpcId, vgw.VpnGatewayId);
    }
    return {
      ok: true,
      vpcs: vpcs.flatMap((vpc) =>
        vpc.VpcId
          ? [
              {
                vpcId: vpc.VpcId,
                name: ec2Name(vpc.Tags),
                cidrs: vpcCidrs(vpc),
                isDefault: vpc.IsDefault ?? false,
                attachedVpnGatewayId: attachedTo.get(vpc.VpcId) ?? null,
                routeTables: tables
                  .filter((t) => t.VpcId === vpc.VpcId && t.RouteTableId)
                  .map((t) => ({
                    id: t.RouteTableId ?? '',
                    name: ec2Name(t.Tags),
                    main: (t.Associations ?? []).some((a) => a.Main),
                    propagatingVgwIds: (t.PropagatingVgws ?? []).flatMap((p) => (p.GatewayId ? [p.GatewayId] : [])),
                  })),
              },
            ]
          : [],
      ),
    };
  } catch (error) {
    logger().warn({ err: error, awsAccountId: account.id, region: input.region }, 'listing VPCs failed');
    const name = awsErrorName(error);
    if (isRetryableAwsError(error)) return { ok: false, message: `AWS did not answer when the portal asked for the VPCs in ${input.region} (${name}). Reload the page in a minute.` };
    return {
      ok: false,
      message: `AWS refused to list the VPCs of account ${account.accountId} in ${input.region} (${name}). Check that the portal's IAM role allows ec2:DescribeVpcs, ec2:DescribeRouteTables and ec2:DescribeVpnGateways.`,
    };
  }
}
