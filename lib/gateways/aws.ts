import 'server-only';
import {
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  DescribeVpnGatewaysCommand,
  type Filter,
  type RouteTable,
  type Tag as Ec2Tag,
  type Vpc,
  type VpnGateway,
} from '@aws-sdk/client-ec2';
import { directConnect, ec2 } from '../aws/clients';
import { awsErrorName, awsErrorSummary, isRetryableAwsError } from '../aws/errors';
import { collectPages } from '../aws/paginate';
import { customerTarget, hasPortalTag, portalTags } from '../connections/aws-target';
import { env } from '../env';
import { AppError, ErrorCode } from '../errors';

/** What the portal needs to act in a customer's account through their role. */
export type GatewayAccount = { id: string; orgId: string; accountId: string; roleArn: string; externalId: string };

/**
 * Direct Connect gateways are global: the portal manages them through one Region, the portal's
 * own. Associations are created in the virtual private gateway's Region, where AWS looks the
 * gateway up (a VGW in another Region "does not exist" to the API).
 */
export function dxApi(account: GatewayAccount, region = env().AWS_REGION) {
  return directConnect(customerTarget(account), region);
}

export function ec2Api(account: GatewayAccount, region: string) {
  return ec2(customerTarget(account), region);
}

/** The portal tags in EC2's spelling (Key/Value). */
export function ec2PortalTags(id: string, orgId: string, name: string): Ec2Tag[] {
  return [{ Key: 'Name', Value: name }, ...portalTags(id, orgId).map((t) => ({ Key: t.key, Value: t.value }))];
}

export function ec2HasPortalTag(tags: Ec2Tag[] | undefined, id: string): boolean {
  return hasPortalTag(
    tags?.map((t) => ({ key: t.Key, value: t.Value })),
    id,
  );
}

export function ec2Name(tags: Ec2Tag[] | undefined): string | null {
  return tags?.find((t) => t.Key === 'Name')?.Value ?? null;
}

/** An AWS call's outcome as a value, so use cases decide what a failure means for their rows. */
export type AwsOutcome<T> = { ok: true; value: T } | { ok: false; retryable: boolean; summary: string; name: string; error: unknown };

export async function attempt<T>(call: () => Promise<T>): Promise<AwsOutcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, retryable: isRetryableAwsError(error), summary: awsErrorSummary(error), name: awsErrorName(error), error };
  }
}

const accessDenied = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthFailure']);

/**
 * The message a customer sees when AWS refused (4xx): AWS's own words, plus what to check when
 * it is the role that was refused.
 */
export function rejected(outcome: Extract<AwsOutcome<unknown>, { ok: false }>, action: string, account: GatewayAccount, field?: string): AppError {
  if (accessDenied.has(outcome.name)) {
    return new AppError(
      ErrorCode.AwsRejected,
      `AWS refused the IAM role ${account.roleArn} permission to ${action}. Check that the role's policy allows this call (the AWS account page lists every permission the portal needs).`,
      { cause: outcome.error, field },
    );
  }
  return new AppError(ErrorCode.AwsRejected, `AWS rejected the request to ${action}: ${outcome.summary}`, { cause: outcome.error, field });
}

/**
 * Throttling, 5xx or no answer even after the SDK's own retries: AWS may or may not have acted.
 * The portal keeps checking (the sync adopts or records what AWS did), so asking again is not needed.
 */
export function unanswered(outcome: Extract<AwsOutcome<unknown>, { ok: false }>, action: string, followUp: string): AppError {
  return new AppError(
    ErrorCode.AwsUnavailable,
    `AWS did not answer while trying to ${action} (${outcome.name}), even after retrying. ${followUp}`,
    { cause: outcome.error },
  );
}

/** Every VPC of the account in the Region: one call per page of up to 1000. */
export async function describeVpcs(account: GatewayAccount, region: string, vpcIds?: string[]): Promise<Vpc[]> {
  const client = ec2Api(account, region);
  if (vpcIds) {
    // EC2 refuses MaxResults together with VpcIds.
    if (vpcIds.length === 0) return [];
    return (await client.send(new DescribeVpcsCommand({ VpcIds: vpcIds }))).Vpcs ?? [];
  }
  return collectPages(async (NextToken) => {
    const page = await client.send(new DescribeVpcsCommand({ MaxResults: 1000, NextToken }));
    return { items: page.Vpcs, nextToken: page.NextToken };
  });
}

/** Route tables of the given VPCs, with the VGWs propagating into each: one call per page of 100. */
export async function describeRouteTables(account: GatewayAccount, region: string, vpcIds: string[]): Promise<RouteTable[]> {
  if (vpcIds.length === 0) return [];
  const client = ec2Api(account, region);
  const Filters: Filter[] = [{ Name: 'vpc-id', Values: [...new Set(vpcIds)] }];
  return collectPages(async (NextToken) => {
    const page = await client.send(new DescribeRouteTablesCommand({ Filters, MaxResults: 100, NextToken }));
    return { items: page.RouteTables, nextToken: page.NextToken };
  });
}

/** Every VGW of the account in the Region. DescribeVpnGateways has no paging: one call. */
export async function describeVpnGateways(account: GatewayAccount, region: string, filters?: Filter[]): Promise<VpnGateway[]> {
  return (await ec2Api(account, region).send(new DescribeVpnGatewaysCommand({ Filters: filters }))).VpnGateways ?? [];
}

/** The IPv4 CIDR blocks of a VPC that are in use (the primary one first). */
export function vpcCidrs(vpc: Vpc): string[] {
  const out = new Set<string>();
  if (vpc.CidrBlock) out.add(vpc.CidrBlock);
  for (const a of vpc.CidrBlockAssociationSet ?? []) {
    if (a.CidrBlock && (a.CidrBlockState?.State === 'associated' || a.CidrBlockState?.State === undefined)) out.add(a.CidrBlock);
  }
  return [...out];
}

/** The attachment EC2 reports for a VGW: the one not detached, else the last detached one. */
export function currentAttachment(vgw: VpnGateway): { vpcId: string; state: 'attaching' | 'attached' | 'detaching' | 'detached' } | null {
  const attachments = (vgw.VpcAttachments ?? []).filter((a) => a.VpcId && a.State);
  const live = attachments.find((a) => a.State !== 'detached') ?? attachments.at(-1);
  return live?.VpcId && live.State ? { vpcId: live.VpcId, state: live.State } : null;
}
