import { z } from 'zod';
import { readAmazonSideAsn } from './asn';
import { GATEWAY_NAME_MAX } from './constants';
import { parseAllowedPrefixes, splitList } from './prefixes';

/**
 * Form ⇄ server-action schemas for gateways. Every output is also a valid input (forms submit
 * the parsed values and the action parses them again).
 */

const required = (message: string) => z.string({ error: message }).trim().min(1, message);

const gatewayName = (what: string) =>
  z
    .string({ error: `Give the ${what} a name.` })
    .trim()
    .min(1, `Give the ${what} a name, e.g. "prod-dx-gateway".`)
    .max(GATEWAY_NAME_MAX, `Keep the name to ${GATEWAY_NAME_MAX} characters or fewer.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'The name cannot contain line breaks, tabs or other control characters.');

/** Empty means the default 64512; accepts the notations `parseAsn` reads. */
export const amazonSideAsnField = z
  .union([z.string(), z.number()], { error: 'Enter the Amazon-side ASN, or leave it empty for 64512.' })
  .optional()
  .transform((value, ctx) => {
    const result = readAmazonSideAsn(value);
    if (result.ok) return result.asn;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

/** AWS Region code such as eu-west-1 or us-gov-west-1. */
export const regionField = z
  .string({ error: 'Choose a Region.' })
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Choose a Region, e.g. eu-west-1.');

export const createDxGatewaySchema = z.object({
  /** The portal's AwsAccount id the gateway is created in. */
  awsAccountId: required('Choose the AWS account the gateway belongs to.'),
  name: gatewayName('Direct Connect gateway'),
  amazonSideAsn: amazonSideAsnField,
});
export type CreateDxGatewayInput = z.input<typeof createDxGatewaySchema>;
export type CreateDxGateway = z.output<typeof createDxGatewaySchema>;

export const createVpnGatewaySchema = z.object({
  awsAccountId: required('Choose the AWS account the gateway belongs to.'),
  name: gatewayName('virtual private gateway'),
  region: regionField,
  amazonSideAsn: amazonSideAsnField,
});
export type CreateVpnGatewayInput = z.input<typeof createVpnGatewaySchema>;
export type CreateVpnGateway = z.output<typeof createVpnGatewaySchema>;

/** EC2 ids: the prefix, then 8 (older resources) or 17 hexadecimal characters. */
const ec2Id = (prefix: string, what: string) =>
  z
    .string({ error: `Choose a ${what}.` })
    .trim()
    .regex(new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`), `A ${what} id looks like ${prefix}-0123456789abcdef0.`);

export const vpcIdField = ec2Id('vpc', 'VPC');
export const routeTableIdField = ec2Id('rtb', 'route table');

export const attachVpnGatewaySchema = z.object({
  /** The portal's VirtualPrivateGateway id. */
  vpnGatewayId: required('Choose a virtual private gateway.'),
  vpcId: vpcIdField,
});
export type AttachVpnGatewayInput = z.input<typeof attachVpnGatewaySchema>;
export type AttachVpnGateway = z.output<typeof attachVpnGatewaySchema>;

/** Textarea text or a list; output is the canonical de-duplicated list, empty = the VPC CIDR. */
export const allowedPrefixesField = z
  .union([z.string(), z.array(z.string())], { error: 'Enter the allowed prefixes, one per line.' })
  .optional()
  .transform((value, ctx) => {
    const { prefixes, errors } = parseAllowedPrefixes(value);
    for (const message of errors) ctx.addIssue({ code: 'custom', message });
    return prefixes;
  });

export const associateGatewaySchema = z.object({
  dxGatewayId: required('Choose a Direct Connect gateway.'),
  vpnGatewayId: required('Choose a virtual private gateway.'),
  allowedPrefixes: allowedPrefixesField,
});
export type AssociateGatewayInput = z.input<typeof associateGatewaySchema>;
export type AssociateGateway = z.output<typeof associateGatewaySchema>;

export const routePropagationSchema = z.object({
  vpnGatewayId: required('Choose a virtual private gateway.'),
  routeTableIds: z
    .union([z.string(), z.array(z.string())], { error: 'Choose at least one route table.' })
    .transform((value) => [...new Set(splitList(value))])
    .pipe(z.array(routeTableIdField).min(1, 'Choose at least one route table.')),
});
export type RoutePropagationInput = z.input<typeof routePropagationSchema>;
export type RoutePropagation = z.output<typeof routePropagationSchema>;
