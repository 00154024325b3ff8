import { describe, expect, it } from 'vitest';
import { bandwidthLabel, bandwidthMbps, isSubGigabit } from './bandwidth';
import { markTestedSchema } from './cross-connect';
import { approveSchema, rejectSchema, requestConnectionSchema } from './schema';
import { slaTone, suggestFreeVlan } from './vlan';

const valid = { type: 'DEDICATED', name: 'prod-ashburn', awsAccountId: 'a', region: 'us-east-1', locationId: 'l1', bandwidth: '10Gbps', resiliency: 'DEVELOPMENT' } as const;

function issues(input: unknown) {
  const result = requestConnectionSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('request schema', () => {
  it('accepts a complete request and defaults the notes', () => {
    expect(requestConnectionSchema.parse(valid)).toMatchObject({ ...valid, notes: '' });
  });

  it('reports every problem with its field', () => {
    expect(issues({ type: 'DEDICATED', name: 'x', awsAccountId: '', region: '', locationId: '', bandwidth: '', resiliency: 'DEVELOPMENT' })).toEqual({
      name: 'Give the connection a name of at least 3 characters, e.g. "prod-ashburn-1".',
      awsAccountId: 'Choose the AWS account the connection belongs to.',
      region: 'Choose a region.',
      locationId: 'Choose a location.',
      bandwidth: 'Choose a speed.',
    });
  });

  it.each([
    ['DEDICATED', '1Gbps', true],
    ['DEDICATED', '400Gbps', true],
    ['DEDICATED', '500Mbps', false],
    ['DEDICATED', '25Gbps', false],
    ['HOSTED', '50Mbps', true],
    ['HOSTED', '10Gbps', true],
    ['HOSTED', '100Gbps', false],
    ['HOSTED', '40Mbps', false],
  ] as const)('%s at %s allowed: %s', (type, bandwidth, ok) => {
    expect('bandwidth' in issues({ ...valid, type, bandwidth })).toBe(!ok);
  });

  it('needs a distinct second location for maximum resiliency', () => {
    expect(issues({ ...valid, resiliency: 'MAXIMUM' })).toEqual({ secondLocationId: 'Maximum resiliency needs a second location.' });
    expect(issues({ ...valid, resiliency: 'MAXIMUM', secondLocationId: 'l1' })).toEqual({ secondLocationId: 'The second location must differ from the first.' });
    expect(issues({ ...valid, resiliency: 'MAXIMUM', secondLocationId: 'l2' })).toEqual({});
    expect(requestConnectionSchema.parse({ ...valid, secondLocationId: '' }).secondLocationId).toBeUndefined();
  });

  it('refuses names AWS or our staff would choke on', () => {
    expect(issues({ ...valid, name: 'prod;drop' })).toHaveProperty('name');
    expect(issues({ ...valid, name: 'a'.repeat(101) })).toHaveProperty('name');
    expect(issues({ ...valid, name: '  prod ashburn / 1  ' })).toEqual({});
  });

  it('needs a reason of 10+ characters to reject', () => {
    expect(rejectSchema.safeParse({ requestGroupId: 'g', reason: 'no' }).success).toBe(false);
    expect(rejectSchema.safeParse({ requestGroupId: 'g', reason: 'No ports free until March' }).success).toBe(true);
  });

  it('takes VLANs 1–4094 only when approving hosted connections', () => {
    const parse = (vlan: unknown) => approveSchema.safeParse({ requestGroupId: 'g', hosted: [{ connectionId: 'c', interconnectId: 'i', vlan }] });
    expect(parse(0).success).toBe(false);
    expect(parse(4095).success).toBe(false);
    expect(parse(1.5).success).toBe(false);
    expect(parse('101').success).toBe(true);
    expect(parse(4094).success).toBe(true);
  });
});

describe('bandwidth and VLAN helpers', () => {
  it('reads AWS bandwidth strings', () => {
    expect(bandwidthMbps('500Mbps')).toBe(500);
    expect(bandwidthMbps('10Gbps')).toBe(10_000);
    expect(bandwidthMbps('fast')).toBeNaN();
    expect(bandwidthLabel('400Gbps')).toBe('400 Gbps');
    expect(isSubGigabit('500Mbps')).toBe(true);
    expect(isSubGigabit('1Gbps')).toBe(false);
  });

  it('suggests the lowest free VLAN in range', () => {
    expect(suggestFreeVlan([], 100, 200)).toBe(100);
    expect(suggestFreeVlan([100, 101, 103], 100, 200)).toBe(102);
    expect(suggestFreeVlan([4094], 4094, 4094)).toBeNull();
    expect(suggestFreeVlan([], 0, 10)).toBe(1);
  });

  it('colours queue age against the one-day target', () => {
    expect(slaTone(1)).toBe('success');
    expect(slaTone(13)).toBe('waiting');
    expect(slaTone(30)).toBe('danger');
  });
});

describe('cross-connect test evidence', () => {
  it('accepts a light level, a note, or both, with a minus sign typed either way', () => {
    expect(markTestedSchema.parse({ orderId: 'o', rxDbm: '−3.2', txDbm: '-2,5' })).toMatchObject({ rxDbm: -3.2, txDbm: -2.5, note: '' });
    expect(markTestedSchema.parse({ orderId: 'o', rxDbm: '', txDbm: '', note: 'Loopback clean, 0 errors in 10 min' }).rxDbm).toBeUndefined();
  });

  it('refuses a test without any evidence and readings no optic can produce', () => {
    const none = markTestedSchema.safeParse({ orderId: 'o', rxDbm: '', txDbm: '', note: ' ' });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toMatch(/one of them is needed as evidence/);
    expect(markTestedSchema.safeParse({ orderId: 'o', rxDbm: '-55' }).error?.issues[0]?.message).toMatch(/no light at all/);
    expect(markTestedSchema.safeParse({ orderId: 'o', rxDbm: 'abc' }).error?.issues[0]?.message).toMatch(/in dBm/);
  });
});
