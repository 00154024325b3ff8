import { randomBytes } from 'node:crypto';
import type { Role } from '../../auth/permissions';
import { hashPassword } from '../../auth/password';
import type { DbClient, Tx } from '../client';
import type { AwsAccountStatus } from '../generated/client';

/**
 * Factories shared by the demo seed and the tests. Every name is unique by default so tests can
 * run in parallel against one database without cleaning up. They throw on any failure.
 */
type Db = DbClient | Tx;

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery-staple';

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function seedOrg(db: Db, input: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  const name = input.name ?? `Org ${suffix}`;
  const slug = input.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${suffix}`;
  return db.organisation.create({ data: { name, slug } });
}

const passwordHashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  // Hashing is deliberately slow; factories reuse one hash per distinct password.
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

type SeedUserInput = {
  role: Role;
  /** Customer roles: the organisation to join (a new one is created when omitted). */
  orgId?: string;
  email?: string;
  name?: string;
  password?: string;
  disabled?: boolean;
};

export async function seedUser(db: Db, input: SeedUserInput) {
  const suffix = uniqueSuffix();
  const password = input.password ?? DEFAULT_TEST_PASSWORD;
  const isCustomer = input.role === 'CUSTOMER_OWNER' || input.role === 'CUSTOMER_MEMBER';
  const orgId = isCustomer ? (input.orgId ?? (await seedOrg(db)).id) : undefined;
  const user = await db.user.create({
    data: {
      email: (input.email ?? `${input.role.toLowerCase().replace('_', '-')}-${suffix}@test.example`).toLowerCase(),
      name: input.name ?? `${input.role === 'CUSTOMER_OWNER' ? 'Owner' : input.role === 'CUSTOMER_MEMBER' ? 'Member' : input.role} ${suffix}`,
      passwordHash: await cachedHash(password),
      staffRole: isCustomer ? null : (input.role as 'NOC' | 'SUPPORT' | 'ADMIN'),
      disabledAt: input.disabled ? new Date() : null,
      memberships: orgId ? { create: { orgId, role: input.role === 'CUSTOMER_OWNER' ? 'OWNER' : 'MEMBER' } } : undefined,
    },
  });
  return { user, password, orgId: orgId ?? null };
}

export function randomAwsAccountId(): string {
  // Starts with 9 so generated accounts never collide with the sandbox's demo accounts.
  return `9${Array.from({ length: 11 }, () => Math.floor(Math.random() * 10)).join('')}`;
}

export async function seedAwsAccount(
  db: Db,
  input: { orgId: string; accountId?: string; name?: string; status?: AwsAccountStatus; externalId?: string; roleName?: string },
) {
  const accountId = input.accountId ?? randomAwsAccountId();
  const status = input.status ?? 'VERIFIED';
  return db.awsAccount.create({
    data: {
      orgId: input.orgId,
      accountId,
      name: input.name ?? `Account ${accountId}`,
      roleArn: `arn:aws:iam::${accountId}:role/${input.roleName ?? 'DxPortalAccess'}`,
      externalId: input.externalId ?? `dxp-${randomBytes(12).toString('hex')}`,
      status,
      verifiedAt: status === 'VERIFIED' ? new Date() : null,
    },
  });
}

export async function seedLocation(db: Db, input: { code: string; name: string; region: string; facility?: string }) {
  return db.location.upsert({
    where: { code: input.code },
    update: {},
    create: { code: input.code, name: input.name, region: input.region, facility: input.facility },
  });
}

export async function seedInterconnect(
  db: Db,
  input: { awsInterconnectId: string; name: string; locationId: string; region: string; bandwidth?: string; vlanMin?: number; vlanMax?: number },
) {
  return db.interconnect.upsert({
    where: { awsInterconnectId: input.awsInterconnectId },
    update: {},
    create: {
      awsInterconnectId: input.awsInterconnectId,
      name: input.name,
      locationId: input.locationId,
      region: input.region,
      bandwidth: input.bandwidth ?? '10Gbps',
      vlanMin: input.vlanMin ?? 100,
      vlanMax: input.vlanMax ?? 4094,
    },
  });
}

/** The provider's footprint that both the demo and the tests run on (matches the sandbox's seed). */
export async function seedProviderFootprint(db: Db) {
  const eqdc2 = await seedLocation(db, { code: 'EqDC2', name: 'Equinix DC2/DC11, Ashburn, VA', region: 'us-east-1', facility: 'Cage 4, MMR-1' });
  const csva1 = await seedLocation(db, { code: 'CSVA1', name: 'CoreSite VA1, Reston, VA', region: 'us-east-1', facility: 'Suite 120, MMR-A' });
  const eqfa5 = await seedLocation(db, { code: 'EqFA5', name: 'Equinix FR5, Frankfurt', region: 'eu-central-1', facility: 'Cage 12, MMR-2' });
  const icUs = await seedInterconnect(db, {
    awsInterconnectId: 'dxcon-fgprov01',
    name: 'Provider interconnect Ashburn',
    locationId: eqdc2.id,
    region: 'us-east-1',
  });
  const icEu = await seedInterconnect(db, {
    awsInterconnectId: 'dxcon-fgprov02',
    name: 'Provider interconnect Frankfurt',
    locationId: eqfa5.id,
    region: 'eu-central-1',
  });
  return { locations: { eqdc2, csva1, eqfa5 }, interconnects: { icUs, icEu } };
}

/** A connection row as the portal holds it (no AWS behind it): for tests of reads, lists and timelines. */
export async function seedConnection(
  db: Db,
  input: { orgId: string; awsAccountId: string; requestedById: string; locationId: string; name?: string; type?: 'DEDICATED' | 'HOSTED'; bandwidth?: string; portalStatus?: 'SUBMITTED' | 'ACTIVE' | 'PROVISIONING'; awsConnectionId?: string; awsState?: 'requested' | 'pending' | 'available' | 'down' | 'ordering' },
) {
  return db.connection.create({
    data: {
      orgId: input.orgId,
      awsAccountId: input.awsAccountId,
      requestedById: input.requestedById,
      requestGroupId: `rg-${uniqueSuffix()}${uniqueSuffix()}`,
      name: input.name ?? `conn-${uniqueSuffix()}`,
      type: input.type ?? 'DEDICATED',
      bandwidth: input.bandwidth ?? '10Gbps',
      locationId: input.locationId,
      region: 'us-east-1',
      portalStatus: input.portalStatus ?? 'ACTIVE',
      awsConnectionId: input.awsConnectionId,
      awsState: input.awsState,
    },
  });
}
