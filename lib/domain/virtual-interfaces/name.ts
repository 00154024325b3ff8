import { VIF_NAME_MAX } from './constants';

/**
 * Direct Connect documents `virtualInterfaceName` as at most 100 characters of a–z, 0–9 and
 * hyphen. The portal keeps to that documented set, and offers a converted name when it is not met.
 */
export function checkVifName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the virtual interface a name, e.g. "prod-vpc-ashburn".';
  if (trimmed.length > VIF_NAME_MAX) return `Keep the name to ${VIF_NAME_MAX} characters or fewer (AWS limit); this one has ${trimmed.length}.`;
  if (!/^[a-z0-9-]+$/.test(trimmed)) {
    const suggestion = suggestVifName(trimmed);
    return `AWS allows lower-case letters, digits and hyphens in virtual interface names${suggestion ? `; try "${suggestion}"` : ''}.`;
  }
  return null;
}

/** "Prod VPC (Ashburn) #1" → "prod-vpc-ashburn-1"; empty when nothing usable is left. */
export function suggestVifName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, VIF_NAME_MAX)
    .replace(/-+$/, '');
}

/** A starting name for the wizard, e.g. "private-vlan-101". */
export function defaultVifName(args: { type: 'PRIVATE' | 'PUBLIC' | 'TRANSIT'; vlan: number | null; connectionName?: string }): string {
  const base = [args.connectionName ? suggestVifName(args.connectionName) : '', args.type.toLowerCase(), args.vlan === null ? '' : `vlan-${args.vlan}`]
    .filter((p) => p !== '')
    .join('-');
  return base.slice(0, VIF_NAME_MAX).replace(/-+$/, '');
}
