import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { readScope } from '../db/scope';
import { env } from '../env';

/**
 * Regions where the portal offers virtual private gateways: those of our Direct Connect locations,
 * plus any Region the organisation already works in (connections, gateways). The portal's own
 * Region first, then alphabetical.
 */
export async function gatewayRegions(actor: Actor): Promise<string[]> {
  const scope = readScope(actor);
  const [locations, connections, gateways] = await Promise.all([
    db().location.findMany({ where: { active: true }, distinct: ['region'], select: { region: true } }),
    db().connection.findMany({ where: scope, distinct: ['region'], select: { region: true } }),
    db().virtualPrivateGateway.findMany({ where: scope, distinct: ['region'], select: { region: true } }),
  ]);
  const home = env().AWS_REGION;
  const all = new Set([...locations, ...connections, ...gateways].map((r) => r.region));
  return [...all].sort((a, b) => Number(b === home) - Number(a === home) || a.localeCompare(b));
}
