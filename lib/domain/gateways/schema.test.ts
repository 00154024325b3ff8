import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { associateGatewaySchema, attachVpnGatewaySchema, createDxGatewaySchema, createVpnGatewaySchema, routePropagationSchema } from './schema';

const errors = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.') || '_form'] ??= []).push(issue.message);
  return out;
};

/** Forms submit the parsed values and the action parses them again: output must be valid input. */
const roundTrip = <S extends z.ZodType>(schema: S, input: z.input<S>) => {
  const once = schema.parse(input);
  expect(schema.parse(once)).toEqual(once);
  return once;
};

describe('createDxGatewaySchema', () => {
  it('defaults the Amazon-side ASN to 64512', () => {
    expect(roundTrip(createDxGatewaySchema, { awsAccountId: 'acc', name: ' core ', amazonSideAsn: '' })).toEqual({
      awsAccountId: 'acc',
      name: 'core',
      amazonSideAsn: 64512,
    });
    expect(roundTrip(createDxGatewaySchema, { awsAccountId: 'acc', name: 'core' }).amazonSideAsn).toBe(64512);
  });
  it('reads 4-byte private ASNs and refuses public ones', () => {
    expect(roundTrip(createDxGatewaySchema, { awsAccountId: 'acc', name: 'core', amazonSideAsn: '4200000001' }).amazonSideAsn).toBe(4200000001);
    expect(errors(createDxGatewaySchema, { awsAccountId: 'acc', name: 'core', amazonSideAsn: '7224' }).amazonSideAsn?.[0]).toMatch(/only private ASNs/);
    expect(errors(createDxGatewaySchema, { awsAccountId: 'acc', name: 'core', amazonSideAsn: 65535 }).amazonSideAsn?.[0]).toMatch(/only private ASNs/);
  });
  it('reports every field at once', () => {
    expect(errors(createDxGatewaySchema, { awsAccountId: '', name: '', amazonSideAsn: 'abc' })).toEqual({
      awsAccountId: ['Choose the AWS account the gateway belongs to.'],
      name: ['Give the Direct Connect gateway a name, e.g. "prod-dx-gateway".'],
      amazonSideAsn: [expect.stringMatching(/not an AS number/)],
    });
  });
  it('limits names to 100 printable characters', () => {
    expect(errors(createDxGatewaySchema, { awsAccountId: 'a', name: 'x'.repeat(100) })).toEqual({});
    expect(errors(createDxGatewaySchema, { awsAccountId: 'a', name: 'x'.repeat(101) }).name).toEqual(['Keep the name to 100 characters or fewer.']);
    expect(errors(createDxGatewaySchema, { awsAccountId: 'a', name: 'a\tb' }).name?.[0]).toMatch(/control characters/);
  });
});

describe('createVpnGatewaySchema', () => {
  it('needs a Region code', () => {
    expect(roundTrip(createVpnGatewaySchema, { awsAccountId: 'a', name: 'vgw', region: 'us-gov-west-1' }).region).toBe('us-gov-west-1');
    expect(errors(createVpnGatewaySchema, { awsAccountId: 'a', name: 'vgw', region: 'Ireland' }).region).toEqual(['Choose a Region, e.g. eu-west-1.']);
    expect(errors(createVpnGatewaySchema, { awsAccountId: 'a', name: 'vgw' }).region).toEqual(['Choose a Region.']);
  });
});

describe('attachVpnGatewaySchema', () => {
  it.each(['vpc-0123456789abcdef0', 'vpc-1a2b3c4d'])('accepts %s', (vpcId) => {
    expect(roundTrip(attachVpnGatewaySchema, { vpnGatewayId: 'g', vpcId }).vpcId).toBe(vpcId);
  });
  it.each(['vpc-123', 'vpc-0123456789ABCDEF0', 'subnet-1a2b3c4d', ''])('refuses %j', (vpcId) => {
    expect(errors(attachVpnGatewaySchema, { vpnGatewayId: 'g', vpcId }).vpcId).toEqual(['A VPC id looks like vpc-0123456789abcdef0.']);
  });
});

describe('associateGatewaySchema', () => {
  it('turns the textarea into a list; empty means the VPC CIDR', () => {
    expect(roundTrip(associateGatewaySchema, { dxGatewayId: 'd', vpnGatewayId: 'v', allowedPrefixes: '10.0.0.0/16\n10.1.0.0/16\n' }).allowedPrefixes).toEqual([
      '10.0.0.0/16',
      '10.1.0.0/16',
    ]);
    expect(roundTrip(associateGatewaySchema, { dxGatewayId: 'd', vpnGatewayId: 'v', allowedPrefixes: '' }).allowedPrefixes).toEqual([]);
    expect(roundTrip(associateGatewaySchema, { dxGatewayId: 'd', vpnGatewayId: 'v' }).allowedPrefixes).toEqual([]);
  });
  it('lists every bad prefix', () => {
    expect(errors(associateGatewaySchema, { dxGatewayId: 'd', vpnGatewayId: 'v', allowedPrefixes: '10.0.0.1/16 fe80::/10' }).allowedPrefixes).toHaveLength(2);
  });
});

describe('routePropagationSchema', () => {
  it('takes a list or text, de-duplicated', () => {
    expect(roundTrip(routePropagationSchema, { vpnGatewayId: 'v', routeTableIds: ['rtb-0123456789abcdef0', 'rtb-0123456789abcdef0'] }).routeTableIds).toEqual([
      'rtb-0123456789abcdef0',
    ]);
    expect(roundTrip(routePropagationSchema, { vpnGatewayId: 'v', routeTableIds: 'rtb-1a2b3c4d,rtb-0123456789abcdef0' }).routeTableIds).toHaveLength(2);
  });
  it('needs at least one valid id', () => {
    expect(errors(routePropagationSchema, { vpnGatewayId: 'v', routeTableIds: [] }).routeTableIds).toEqual(['Choose at least one route table.']);
    expect(errors(routePropagationSchema, { vpnGatewayId: 'v', routeTableIds: ['rtb-x'] })['routeTableIds.0']).toEqual([
      'A route table id looks like rtb-0123456789abcdef0.',
    ]);
  });
});
