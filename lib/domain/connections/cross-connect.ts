import { z } from 'zod';
import type { CrossConnectKind, CrossConnectStatus } from '../../db/generated/enums';
import { describeLight, type Optics } from './optics';

/** The next step of a work order, per kind. A cease order only needs the fibre removed. */
export const crossConnectSteps: Record<CrossConnectKind, Partial<Record<CrossConnectStatus, { to: CrossConnectStatus; action: string }>>> = {
  INSTALL: {
    OPEN: { to: 'PORT_RESERVED', action: 'Reserve patch-panel port' },
    PORT_RESERVED: { to: 'PATCHED', action: 'Mark patched' },
    PATCHED: { to: 'TESTED', action: 'Mark tested' },
    TESTED: { to: 'COMPLETE', action: 'Complete' },
  },
  CEASE: {
    OPEN: { to: 'COMPLETE', action: 'Fibre removed: complete' },
  },
};

export function nextCrossConnectStep(kind: CrossConnectKind, status: CrossConnectStatus) {
  return crossConnectSteps[kind][status] ?? null;
}

export const reservePortSchema = z.object({
  orderId: z.string().min(1),
  patchPanel: z
    .string()
    .trim()
    .min(1, 'Enter the patch panel, e.g. "MMR1-PP-04".')
    .max(60, 'Keep the patch panel to 60 characters or fewer.'),
  panelPort: z
    .string()
    .trim()
    .min(1, 'Enter the port on the panel, e.g. "17/18".')
    .max(30, 'Keep the port to 30 characters or fewer.'),
});

export const advanceCrossConnectSchema = z.object({
  orderId: z.string().min(1),
  /** The status the engineer saw; a stale page cannot skip a step. */
  from: z.enum(['OPEN', 'PORT_RESERVED', 'PATCHED', 'TESTED', 'COMPLETE', 'CANCELLED']),
});

/** An optional dBm reading from a text field: empty means "not measured". */
const dbm = (which: string) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace('−', '-').replace(',', '.')) : v),
    z
      .number({ error: `Enter the ${which} light level in dBm, e.g. -3.2.` })
      .finite(`Enter the ${which} light level in dBm, e.g. -3.2.`)
      .min(-40, `A ${which} level below -40 dBm is no light at all: check the meter and the fibre.`)
      .max(10, `A ${which} level above +10 dBm is beyond any optic on these ports: check the meter.`)
      .optional(),
  );

/**
 * Evidence that the patched fibre works: the light levels measured at the customer's end, a test
 * result (e.g. a loopback or OTDR summary), or both. Who tested comes from the session.
 */
const testFields = {
  rxDbm: dbm('receive (Rx)'),
  txDbm: dbm('transmit (Tx)'),
  note: z.string().trim().max(500, 'Keep the test result to 500 characters or fewer.').optional().default(''),
};

function requireEvidence(v: { rxDbm?: number; txDbm?: number; note: string }, ctx: z.RefinementCtx) {
  if (v.rxDbm === undefined && v.txDbm === undefined && !v.note) {
    ctx.addIssue({ code: 'custom', path: ['rxDbm'], message: 'Record the measured light level or describe the test result: one of them is needed as evidence.' });
  }
}

/** The evidence alone (the API names the order in its path). */
export const testResultSchema = z.object(testFields).superRefine(requireEvidence);

export const markTestedSchema = z.object({ orderId: z.string().min(1), ...testFields }).superRefine(requireEvidence);

export type MarkTestedInput = z.input<typeof markTestedSchema>;

/** The recorded evidence in one line: "Rx −3.2 dBm (within 10GBASE-LR range), Tx −2.1 dBm (…). Result: …" */
export function testEvidence(e: { rxDbm: number | null; txDbm: number | null; note: string | null }, optics: Optics | null): string {
  const levels = [e.rxDbm !== null ? describeLight(optics, 'rx', e.rxDbm) : null, e.txDbm !== null ? describeLight(optics, 'tx', e.txDbm) : null].filter(Boolean).join(', ');
  const note = e.note ? `Result: ${e.note}` : '';
  return [levels, note].filter(Boolean).join('. ');
}
