/** The lowest VLAN in [min, max] that is not in use, or null when the range is full. */
export function suggestFreeVlan(used: Iterable<number>, min = 100, max = 4094): number | null {
  const taken = new Set(used);
  for (let vlan = Math.max(1, min); vlan <= Math.min(4094, max); vlan++) if (!taken.has(vlan)) return vlan;
  return null;
}

/** Age-based colour of a queued request against the NOC's one-day decision target. */
export function slaTone(ageHours: number): 'success' | 'waiting' | 'danger' {
  if (ageHours < 12) return 'success';
  if (ageHours < 24) return 'waiting';
  return 'danger';
}
