import { forbidden } from '../errors';
import { can, type Actor } from '../auth/permissions';

/**
 * Tenant scope builders: the single place that decides which organisation's rows a query may
 * touch. Every read, update and delete of an org-owned row puts one of these into its `where`,
 * so a foreign id is simply "not found".
 */

function nonEmpty(value: string, what: string): string {
  // Prisma silently drops `undefined` filters; an empty scope must never widen a query.
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Refusing to build a query scope without ${what}`);
  return value;
}

/** The customer's own organisation. Staff have no organisation and are refused. */
export function orgScope(actor: Actor): { orgId: string } {
  if (actor.kind !== 'customer') throw forbidden('This action is only for members of a customer organisation.');
  return { orgId: nonEmpty(actor.orgId, 'an organisation id') };
}

/**
 * Cross-organisation scope for staff. Named so every unscoped read is visible in a grep;
 * only roles with `staff.readAllOrgs` get it.
 */
export function staffCrossOrgScope(actor: Actor): Record<string, never> {
  if (actor.kind !== 'staff' || !can(actor, 'staff.readAllOrgs')) throw forbidden();
  return {};
}

/** Read scope: customers see their organisation, staff with cross-org read see all. */
export function readScope(actor: Actor): { orgId: string } | Record<string, never> {
  return actor.kind === 'customer' ? orgScope(actor) : staffCrossOrgScope(actor);
}

/** Scope for rows that hang off a connection (cross-connects, events) and carry no orgId. */
export function connectionReadScope(actor: Actor): { connection: { orgId: string } } | Record<string, never> {
  return actor.kind === 'customer' ? { connection: orgScope(actor) } : staffCrossOrgScope(actor);
}
