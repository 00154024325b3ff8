import 'server-only';
import { DescribeLocationsCommand } from '@aws-sdk/client-direct-connect';
import type { Actor } from '../auth/permissions';
import { directConnect } from '../aws/clients';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { dedicatedBandwidths } from '../domain/connections/bandwidth';
import { logger } from '../log';
import { providerTarget } from './aws-target';

type AwsLocation = { code: string; speeds: string[] };
const cache = new Map<string, { at: number; locations: AwsLocation[] }>();
const TTL_MS = 10 * 60_000;

/** DescribeLocations for a region (the same answer for every account), cached for ten minutes. */
async function awsLocations(region: string): Promise<AwsLocation[]> {
  const hit = cache.get(region);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.locations;
  const response = await directConnect(providerTarget, region).send(new DescribeLocationsCommand({}));
  const locations = (response.locations ?? []).flatMap((l) => (l.locationCode ? [{ code: l.locationCode, speeds: l.availablePortSpeeds ?? [] }] : []));
  cache.set(region, { at: Date.now(), locations });
  return locations;
}

export type CatalogLocation = { id: string; code: string; name: string; hosted: boolean; dedicatedSpeeds: string[] };
export type RequestCatalog = {
  accounts: Array<{ id: string; name: string; accountId: string }>;
  regions: Array<{ region: string; locations: CatalogLocation[] }>;
  awsWarning?: string;
};

/**
 * What the request form offers: the organisation's verified AWS accounts, and the AWS Direct
 * Connect locations (DescribeLocations) where we are present, with the port speeds AWS offers there.
 */
export async function requestCatalog(actor: Actor): Promise<RequestCatalog> {
  const [accounts, ours] = await Promise.all([
    db().awsAccount.findMany({ where: { ...orgScope(actor), status: 'VERIFIED' }, select: { id: true, name: true, accountId: true }, orderBy: { createdAt: 'asc' } }),
    db().location.findMany({
      where: { active: true },
      select: { id: true, code: true, name: true, region: true, interconnects: { where: { active: true }, select: { id: true } } },
      orderBy: [{ region: 'asc' }, { code: 'asc' }],
    }),
  ]);
  // Most locations first: the region most customers want is the default choice.
  const counts = new Map<string, number>();
  for (const l of ours) counts.set(l.region, (counts.get(l.region) ?? 0) + 1);
  const regions = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  let awsWarning: string | undefined;
  const fromAws = new Map<string, Map<string, AwsLocation>>();
  await Promise.all(
    regions.map(async (region) => {
      try {
        fromAws.set(region, new Map((await awsLocations(region)).map((l) => [l.code, l])));
      } catch (error) {
        logger().warn({ err: error, region }, 'DescribeLocations failed');
        awsWarning = 'AWS did not answer, so the locations below come from our own records; AWS still checks the choice when the request is provisioned.';
      }
    }),
  );
  return {
    accounts,
    awsWarning,
    regions: regions.map((region) => ({
      region,
      locations: ours
        .filter((l) => l.region === region)
        .flatMap((l) => {
          const known = fromAws.get(region);
          const aws = known?.get(l.code);
          if (known && !aws) return [];
          const speeds = aws ? dedicatedBandwidths.filter((s) => aws.speeds.includes(s)) : [...dedicatedBandwidths];
          return [{ id: l.id, code: l.code, name: l.name, hosted: l.interconnects.length > 0, dedicatedSpeeds: speeds }];
        }),
    })),
  };
}
