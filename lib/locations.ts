import 'server-only';
import { db } from './db/client';

/** The locations where the provider is present (not organisation data: every signed-in role may list them). */
export function activeLocations() {
  return db().location.findMany({ where: { active: true }, select: { id: true, code: true, name: true, region: true }, orderBy: { code: 'asc' } });
}
