import { VLAN_MAX, VLAN_MIN, VLAN_SUGGESTION_START } from './constants';

const RANGE = `${VLAN_MIN} to ${VLAN_MAX}`;

export type VlanRead = { ok: true; vlan: number } | { ok: false; message: string };

/** Reads a VLAN ID from a form value (text or number) and checks the 802.1Q range. */
export function readVlan(input: unknown): VlanRead {
  let vlan: number;
  if (typeof input === 'number') {
    vlan = input;
  } else if (typeof input === 'string' && input.trim() !== '') {
    const text = input.trim();
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `"${text}" is not a VLAN ID; enter a whole number from ${RANGE}.` };
    vlan = Number(text);
  } else {
    return { ok: false, message: `Enter a VLAN ID from ${RANGE}.` };
  }
  if (!Number.isInteger(vlan)) return { ok: false, message: `A VLAN ID is a whole number from ${RANGE}; ${String(input).trim()} is not.` };
  if (vlan === 0) return { ok: false, message: `VLAN 0 is reserved by 802.1Q (it marks priority-tagged frames that carry no VLAN); use ${RANGE}.` };
  if (vlan === 4095) return { ok: false, message: `VLAN 4095 is reserved by 802.1Q; use ${RANGE}.` };
  if (vlan < VLAN_MIN || vlan > VLAN_MAX) return { ok: false, message: `VLAN IDs run from ${RANGE}; ${vlan} is outside that range.` };
  return { ok: true, vlan };
}

/** VLAN 1 works with AWS but is the default native VLAN on most switches, where frames go untagged. */
export function vlanWarning(vlan: number): string | null {
  if (vlan !== 1) return null;
  return 'VLAN 1 is usually the native/management VLAN; pick another unless your provider told you to use it.';
}

/**
 * The lowest free VLAN, looking first in `preferredRange` (default 100–4094), then anywhere in
 * 2–4094. VLAN 1 is never suggested. Null when every VLAN is taken.
 */
export function suggestVlan(used: Iterable<number>, preferredRange: { min: number; max: number } = { min: VLAN_SUGGESTION_START, max: VLAN_MAX }): number | null {
  const taken = new Set(used);
  const scan = (min: number, max: number) => {
    for (let vlan = Math.max(2, Math.ceil(min)); vlan <= Math.min(VLAN_MAX, Math.floor(max)); vlan++) if (!taken.has(vlan)) return vlan;
    return null;
  };
  return scan(preferredRange.min, preferredRange.max) ?? scan(2, VLAN_MAX);
}

/**
 * A hosted connection's VLAN is assigned by the provider and its one VIF must use it; on a
 * dedicated connection every VIF needs a VLAN of its own.
 */
export function checkVlanOnConnection(args: { vlan: number; usedVlans: Iterable<number>; hostedVlan: number | null }): string | null {
  const { vlan, hostedVlan } = args;
  if (hostedVlan !== null) {
    if (vlan === hostedVlan) return null;
    return `This hosted connection's VLAN is fixed at ${hostedVlan} by your provider; the virtual interface must use VLAN ${hostedVlan}.`;
  }
  const used = new Set(args.usedVlans);
  if (!used.has(vlan)) return null;
  const free = suggestVlan(used);
  return (
    `VLAN ${vlan} is already in use on this connection; each virtual interface needs a VLAN of its own.` +
    (free === null ? ' Every VLAN on this connection is taken.' : ` VLAN ${free} is free.`)
  );
}

/** What the wizard shows in the VLAN field: the provider's fixed VLAN, or a suggestion. */
export function vlanChoice(args: { hostedVlan: number | null; usedVlans: Iterable<number> }): { fixed: true; vlan: number } | { fixed: false; suggestion: number | null } {
  if (args.hostedVlan !== null) return { fixed: true, vlan: args.hostedVlan };
  return { fixed: false, suggestion: suggestVlan(args.usedVlans) };
}
