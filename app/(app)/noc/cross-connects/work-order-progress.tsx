import { formatDateTime } from '@/components/format';
import { testEvidence } from '@/lib/domain/connections/cross-connect';
import type { Optics } from '@/lib/domain/connections/optics';

type Order = {
  createdAt: Date;
  reservedAt: Date | null;
  reservedBy: string | null;
  patchedAt: Date | null;
  patchedBy: string | null;
  testedAt: Date | null;
  testedBy: string | null;
  testRxDbm: number | null;
  testTxDbm: number | null;
  testNote: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  optics: Optics | null;
};

/** Each step of a work order with when and by whom; the test step with its evidence. */
export function WorkOrderProgress({ order: o }: { order: Order }) {
  const by = (name: string | null) => (name ? ` by ${name}` : '');
  const evidence = testEvidence({ rxDbm: o.testRxDbm, txDbm: o.testTxDbm, note: o.testNote }, o.optics);
  return (
    <ul className="space-y-0.5">
      <li>Opened {formatDateTime(o.createdAt)}</li>
      {o.reservedAt ? <li>Reserved {formatDateTime(o.reservedAt)}{by(o.reservedBy)}</li> : null}
      {o.patchedAt ? <li>Patched {formatDateTime(o.patchedAt)}{by(o.patchedBy)}</li> : null}
      {o.testedAt ? (
        <li>
          Tested {formatDateTime(o.testedAt)}
          {by(o.testedBy)}
          {evidence ? <span className="block text-slate-900">{evidence}</span> : null}
        </li>
      ) : null}
      {o.completedAt ? <li>Completed {formatDateTime(o.completedAt)}{by(o.completedBy)}</li> : null}
    </ul>
  );
}
