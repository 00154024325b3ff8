import 'server-only';
import { randomBytes } from 'node:crypto';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { can, roleLabels, type Actor } from '../auth/permissions';
import { hashPassword, verifyPassword } from '../auth/password';
import { db, type DbClient } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { eventActor, recordEvent, type EventActor } from '../events/record';
import { changePasswordSchema, createUserSchema, isCustomerRole, NEW_ORG, type ChangePasswordInput, type CreateUserInput } from './schema';

export async function staffListUsers(actor: Actor) {
  if (!can(actor, 'admin.users')) throw forbidden();
  return db().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      disabledAt: true,
      lastSignInAt: true,
      memberships: { select: { role: true, org: { select: { name: true } } } },
    },
    orderBy: [{ staffRole: 'asc' }, { email: 'asc' }],
    take: 500,
  });
}

/** Organisations a new customer user can join (admin form). */
export async function staffListOrganisations(actor: Actor) {
  if (!can(actor, 'admin.users')) throw forbidden();
  return db().organisation.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 1000 });
}

/** A password to hand over once: 20 characters from an unambiguous alphabet (about 100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'org'
  );
}

export type CreatedUser = { id: string; email: string; name: string; orgName: string | null; generatedPassword: string | null };

/**
 * Adds a user (and, for a customer, their membership, creating the organisation when asked), with
 * an audit event. Shared by the admin page and the `user:add` command. An empty password means
 * "generate one"; it is returned once and never stored in clear.
 */
export async function insertUser(client: DbClient, raw: CreateUserInput, by: EventActor): Promise<CreatedUser> {
  const input = createUserSchema.parse(raw);
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password || generatedPassword!);
  const customer = isCustomerRole(input.role);
  try {
    return await client.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw conflict('An account with this email address already exists.', 'email');
      }
      let org: { id: string; name: string } | null = null;
      if (customer && input.orgId === NEW_ORG) {
        const base = slugify(input.newOrgName);
        const taken = await tx.organisation.count({ where: { slug: { startsWith: base } } });
        org = await tx.organisation.create({ data: { name: input.newOrgName, slug: taken ? `${base}-${randomBytes(3).toString('hex')}` : base }, select: { id: true, name: true } });
      } else if (customer) {
        org = await tx.organisation.findUnique({ where: { id: input.orgId }, select: { id: true, name: true } });
        if (!org) throw invalid('That organisation no longer exists. Reload the page and choose again.', 'orgId');
      }
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          staffRole: customer ? null : (input.role as 'NOC' | 'SUPPORT' | 'ADMIN'),
          memberships: org ? { create: { orgId: org.id, role: input.role === 'CUSTOMER_OWNER' ? 'OWNER' : 'MEMBER' } } : undefined,
        },
        select: { id: true, email: true, name: true },
      });
      await recordEvent(tx, {
        orgId: org?.id ?? null,
        subjectType: 'USER',
        subjectId: user.id,
        source: 'PORTAL',
        actor: by,
        kind: 'user.created',
        message: `Added ${user.name} <${user.email}> as ${roleLabels[input.role]}${org ? ` of ${org.name}` : ''}.`,
        data: { role: input.role },
      });
      return { ...user, orgName: org?.name ?? null, generatedPassword };
    });
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides. (Any other unique
    // violation, e.g. an organisation slug taken in the same instant, is not the email's fault.)
    if (isUniqueViolation(error) && (await client.user.count({ where: { email: input.email } })) > 0) {
      throw conflict('An account with this email address already exists.', 'email');
    }
    throw error;
  }
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
  if (!can(actor, 'admin.users')) throw forbidden();
  return insertUser(db(), input, eventActor(actor));
}

/**
 * Disabling takes effect on the user's next request (every request re-reads the user) and voids
 * their sessions, so re-enabling the account later does not bring an old session back.
 */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
  if (!can(actor, 'admin.users')) throw forbidden();
  if (disabled && userId === actor.userId) throw invalid('You cannot disable your own account; ask another administrator.');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, disabledAt: true, memberships: { select: { orgId: true }, take: 1 } } });
    if (!user) throw notFound('That user');
    if (Boolean(user.disabledAt) === disabled) return;
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: disabled ? { disabledAt: now, sessionsValidAfter: now } : { disabledAt: null } });
    // Disabling revokes the user's API tokens for good: re-enabling does not bring them back.
    const revoked = disabled ? (await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count : 0;
    await recordEvent(tx, {
      orgId: user.memberships[0]?.orgId ?? null,
      subjectType: 'USER',
      subjectId: user.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: disabled ? 'user.disabled' : 'user.enabled',
      fromState: disabled ? 'enabled' : 'disabled',
      toState: disabled ? 'disabled' : 'enabled',
      message: `${disabled ? 'Disabled' : 'Re-enabled'} the account of ${user.name} <${user.email}>${revoked ? ` and revoked ${revoked === 1 ? 'its API token' : `its ${revoked} API tokens`}` : ''}.`,
    });
  });
}

/**
 * Any signed-in user changes their own password after proving they know the current one. Every
 * session of the account, this one included, ends; the form signs this browser in again.
 */
export async function changeOwnPassword(actor: Actor, raw: ChangePasswordInput): Promise<void> {
  const input = changePasswordSchema.parse(raw);
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { id: true, passwordHash: true } });
  if (!user) throw notFound('Your account');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw invalid('That is not your current password.', 'currentPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionsValidAfter: new Date() } });
    await recordEvent(tx, {
      orgId: actor.kind === 'customer' ? actor.orgId : null,
      subjectType: 'USER',
      subjectId: user.id,
      source: 'PORTAL',
      actor: eventActor(actor),
      kind: 'user.passwordChanged',
      message: 'Changed their password.',
    });
  });
}
