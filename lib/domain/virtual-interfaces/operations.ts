import { z } from 'zod';
import type { BgpPeerState, VifPortalStatus, VifState } from '@/lib/db/generated/enums';
import { fail, pass, splitList, type RuleResult } from '@/lib/domain/gateways';
import { FAILOVER_TEST_DEFAULT_MINUTES, FAILOVER_TEST_MAX_MINUTES, FAILOVER_TEST_MIN_MINUTES } from './constants';

const DURATION_MESSAGE = `The test lasts ${FAILOVER_TEST_MIN_MINUTES} to ${FAILOVER_TEST_MAX_MINUTES.toLocaleString('en')} minutes (72 hours).`;

/** StartBgpFailoverTest: which BGP peers to take down, and for how long (default 180 minutes). */
export const bgpFailoverSchema = z.object({
  virtualInterfaceId: z.string({ error: 'Choose a virtual interface.' }).trim().min(1, 'Choose a virtual interface.'),
  bgpPeerIds: z
    .union([z.string(), z.array(z.string())], { error: 'Choose at least one BGP peer to take down.' })
    .transform((value) => [...new Set(splitList(value))])
    .pipe(z.array(z.string()).min(1, 'Choose at least one BGP peer to take down.')),
  durationMinutes: z
    .union([z.string(), z.number()], { error: DURATION_MESSAGE })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) return FAILOVER_TEST_DEFAULT_MINUTES;
      const minutes = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
      if (Number.isInteger(minutes) && minutes >= FAILOVER_TEST_MIN_MINUTES && minutes <= FAILOVER_TEST_MAX_MINUTES) return minutes;
      ctx.addIssue({ code: 'custom', message: `${DURATION_MESSAGE} Enter whole minutes; the default is ${FAILOVER_TEST_DEFAULT_MINUTES}.` });
      return z.NEVER;
    }),
});
export type BgpFailoverInput = z.input<typeof bgpFailoverSchema>;
export type BgpFailover = z.output<typeof bgpFailoverSchema>;

export const FAILOVER_TEST_EXPLANATION =
  'The test puts the chosen BGP sessions in the DOWN state for its duration, so you can check that traffic fails over to your other ' +
  'virtual interfaces without an outage. The interface shows as "testing"; you can stop the test at any time.';

export function checkCanStartFailoverTest(args: { awsState: VifState | null; peers: readonly { state: BgpPeerState | null }[] }): RuleResult {
  if (args.awsState === 'testing') return fail('A failover test is already running on this virtual interface; stop it or wait for it to end.');
  if (args.awsState !== 'available' && args.awsState !== 'down') {
    return fail(`A failover test needs the virtual interface to be available; it is ${args.awsState ?? 'not created in AWS yet'}.`);
  }
  if (!args.peers.some((p) => p.state === 'available')) return fail('The virtual interface has no available BGP peer to test.');
  return pass();
}

export function checkCanStopFailoverTest({ awsState }: { awsState: VifState | null }): RuleResult {
  return awsState === 'testing' ? pass() : fail('No failover test is running on this virtual interface.');
}

export function checkVifDeletable({ awsState, portalStatus }: { awsState: VifState | null; portalStatus: VifPortalStatus }): RuleResult {
  if (portalStatus === 'DELETING' || portalStatus === 'DELETED' || awsState === 'deleting' || awsState === 'deleted') {
    return fail('This virtual interface is already being deleted.');
  }
  if (awsState === null && (portalStatus === 'REQUESTED' || portalStatus === 'CREATING')) {
    return fail('The virtual interface is still being created in AWS; delete it once it shows its AWS state.');
  }
  return pass();
}
