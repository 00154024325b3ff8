import { bandwidthMbps } from './bandwidth';

/**
 * The optics AWS uses per dedicated port speed (AWS Direct Connect user guide, "Network
 * requirements": 1000BASE-LX, 10GBASE-LR, 100GBASE-LR4, 400GBASE-LR4, all single-mode) and the
 * average optical power range per lane within which the link works. Numbers from IEEE 802.3:
 * 1000BASE-LX Table 38-7/38-8, 10GBASE-LR Table 52-12/52-13, 100GBASE-LR4 Table 88-7/88-8. For
 * 400GBASE-LR4-10 (100G Lambda MSA) the transmit range is a typical module's datasheet and the
 * receive floor is that minimum less the 6.3 dB maximum channel insertion loss.
 */
export type Optics = {
  name: string;
  lanes: number;
  txMinDbm: number;
  txMaxDbm: number;
  rxMinDbm: number;
  rxMaxDbm: number;
};

const table: Array<{ mbps: number; optics: Optics }> = [
  { mbps: 1_000, optics: { name: '1000BASE-LX', lanes: 1, txMinDbm: -11, txMaxDbm: -3, rxMinDbm: -19, rxMaxDbm: -3 } },
  { mbps: 10_000, optics: { name: '10GBASE-LR', lanes: 1, txMinDbm: -8.2, txMaxDbm: 0.5, rxMinDbm: -14.4, rxMaxDbm: 0.5 } },
  { mbps: 100_000, optics: { name: '100GBASE-LR4', lanes: 4, txMinDbm: -4.3, txMaxDbm: 4.5, rxMinDbm: -10.6, rxMaxDbm: 4.5 } },
  { mbps: 400_000, optics: { name: '400GBASE-LR4-10', lanes: 4, txMinDbm: -2.7, txMaxDbm: 5.1, rxMinDbm: -9, rxMaxDbm: 5.1 } },
];

/** The optics of a dedicated port, or null for speeds that are not a physical port (hosted). */
export function opticsFor(bandwidth: string): Optics | null {
  const mbps = bandwidthMbps(bandwidth);
  return table.find((row) => row.mbps === mbps)?.optics ?? null;
}

export type LightVerdict = 'ok' | 'low' | 'high';

/** Whether a measured average power (dBm) is inside the optics' working range for that direction. */
export function judgeLight(optics: Optics, direction: 'tx' | 'rx', dbm: number): LightVerdict {
  const [min, max] = direction === 'tx' ? [optics.txMinDbm, optics.txMaxDbm] : [optics.rxMinDbm, optics.rxMaxDbm];
  if (dbm < min) return 'low';
  if (dbm > max) return 'high';
  return 'ok';
}

/** "−3.2 dBm" with a real minus sign, one decimal. */
export function formatDbm(dbm: number): string {
  return `${dbm < 0 ? '−' : ''}${Math.abs(dbm).toFixed(1)} dBm`;
}

/** "Rx −3.2 dBm (within 10GBASE-LR range)" for the work order and the timeline. */
export function describeLight(optics: Optics | null, direction: 'tx' | 'rx', dbm: number): string {
  const label = `${direction === 'rx' ? 'Rx' : 'Tx'} ${formatDbm(dbm)}`;
  if (!optics) return label;
  const verdict = judgeLight(optics, direction, dbm);
  const [min, max] = direction === 'tx' ? [optics.txMinDbm, optics.txMaxDbm] : [optics.rxMinDbm, optics.rxMaxDbm];
  if (verdict === 'ok') return `${label} (within ${optics.name} range)`;
  return `${label} (${verdict === 'low' ? 'below' : 'above'} the ${optics.name} range of ${formatDbm(min)} to ${formatDbm(max)})`;
}
