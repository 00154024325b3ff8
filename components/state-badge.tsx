import type { StateLabel } from '@/lib/domain/labels';
import { Badge } from './ui/badge';

export function StateBadge({ state }: { state: StateLabel }) {
  return (
    <Badge tone={state.tone} title={state.help}>
      {state.label}
    </Badge>
  );
}

/** The portal's status and, once AWS has the resource, AWS's own state beside it. */
export function PortalAndAwsState({ portal, aws }: { portal: StateLabel; aws: StateLabel | null }) {
  return (
    <>
      <StateBadge state={portal} />
      {aws ? (
        <span className="inline-flex items-center gap-1">
          <span className="text-xs text-slate-600">AWS:</span>
          <StateBadge state={aws} />
        </span>
      ) : null}
    </>
  );
}
