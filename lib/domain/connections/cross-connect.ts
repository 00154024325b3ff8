import { z } from 'zod';
import type { CrossConnectKind, CrossConnectStatus } from '../../db/generated/enums';

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
