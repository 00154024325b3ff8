import { z } from 'zod';

export const registerAwsAccountSchema = z.object({
  accountId: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12}$/, 'An AWS account id is 12 digits, e.g. 123456789012.')),
  name: z.string().trim().min(2, 'Give the account a name of at least 2 characters, e.g. "Production".').max(80, 'Keep the name to 80 characters or fewer.'),
});

export type RegisterAwsAccountInput = z.input<typeof registerAwsAccountSchema>;

export function roleArnFor(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** Trust policy for the customer's role: only the provider's account, only with this external id. */
export function trustPolicy(providerAccountId: string, externalId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${providerAccountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  };
}

/** Exactly the calls the portal makes in the customer's account, nothing more. */
export const portalActions = {
  directConnect: [
    'directconnect:DescribeLocations',
    'directconnect:CreateConnection',
    'directconnect:DescribeConnections',
    'directconnect:ConfirmConnection',
    'directconnect:DeleteConnection',
    'directconnect:DescribeLoa',
    'directconnect:TagResource',
    'directconnect:DescribeTags',
    'directconnect:CreatePrivateVirtualInterface',
    'directconnect:CreatePublicVirtualInterface',
    'directconnect:CreateTransitVirtualInterface',
    'directconnect:AllocatePrivateVirtualInterface',
    'directconnect:AllocatePublicVirtualInterface',
    'directconnect:AllocateTransitVirtualInterface',
    'directconnect:ConfirmPrivateVirtualInterface',
    'directconnect:ConfirmPublicVirtualInterface',
    'directconnect:ConfirmTransitVirtualInterface',
    'directconnect:DescribeVirtualInterfaces',
    'directconnect:DeleteVirtualInterface',
    'directconnect:UpdateVirtualInterfaceAttributes',
    'directconnect:CreateBGPPeer',
    'directconnect:DeleteBGPPeer',
    'directconnect:DescribeRouterConfiguration',
    'directconnect:StartBgpFailoverTest',
    'directconnect:StopBgpFailoverTest',
    'directconnect:ListVirtualInterfaceTestHistory',
    'directconnect:CreateDirectConnectGateway',
    'directconnect:DescribeDirectConnectGateways',
    'directconnect:DeleteDirectConnectGateway',
    'directconnect:CreateDirectConnectGatewayAssociation',
    'directconnect:DescribeDirectConnectGatewayAssociations',
    'directconnect:DeleteDirectConnectGatewayAssociation',
    'directconnect:DescribeDirectConnectGatewayAttachments',
    'directconnect:DescribeVirtualGateways',
  ],
  ec2: [
    'ec2:DescribeVpcs',
    'ec2:DescribeRouteTables',
    'ec2:DescribeVpnGateways',
    'ec2:CreateVpnGateway',
    'ec2:AttachVpnGateway',
    'ec2:DetachVpnGateway',
    'ec2:DeleteVpnGateway',
    'ec2:EnableVgwRoutePropagation',
    'ec2:DisableVgwRoutePropagation',
    'ec2:CreateTags',
  ],
} as const;

export function permissionsPolicy() {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DirectConnect', Effect: 'Allow', Action: [...portalActions.directConnect], Resource: '*' },
      { Sid: 'VirtualPrivateGateways', Effect: 'Allow', Action: [...portalActions.ec2], Resource: '*' },
    ],
  };
}
