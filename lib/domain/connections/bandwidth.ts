/** Port speeds AWS offers for dedicated connections (the wire strings AWS uses). */
export const dedicatedBandwidths = ['1Gbps', '10Gbps', '100Gbps', '400Gbps'] as const;
/** Hosted connection speeds a partner may allocate, 50 Mbps to 10 Gbps. */
export const hostedBandwidths = ['50Mbps', '100Mbps', '200Mbps', '300Mbps', '400Mbps', '500Mbps', '1Gbps', '2Gbps', '5Gbps', '10Gbps'] as const;

export type DedicatedBandwidth = (typeof dedicatedBandwidths)[number];
export type HostedBandwidth = (typeof hostedBandwidths)[number];

export function bandwidthMbps(bandwidth: string): number {
  const match = /^(\d+)(Mbps|Gbps)$/.exec(bandwidth);
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] === 'Gbps' ? 1000 : 1);
}

/** "10Gbps" → "10 Gbps" */
export function bandwidthLabel(bandwidth: string): string {
  return bandwidth.replace(/(\d)(Mbps|Gbps)$/, '$1 $2');
}

/** Hosted connections below 1 Gbps carry exactly one virtual interface. */
export function isSubGigabit(bandwidth: string): boolean {
  return bandwidthMbps(bandwidth) < 1000;
}
