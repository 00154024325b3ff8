import type { GatewayPortalStatus } from '@/lib/db/generated/enums';
import { gatewayPortalStatusLabels } from '@/lib/domain/gateways';
import type { StateLabel } from '@/lib/domain/labels';
import { StateBadge } from '../state-badge';

/**
 * A gateway's state: AWS's when AWS has the resource, with the portal's own status beside it
 * while the portal is still creating, deleting or has given up.
 */
export function GatewayStatus<S extends string>({ portalStatus, awsState, labels }: { portalStatus: GatewayPortalStatus; awsState: S | null; labels: Record<S, StateLabel> }) {
  const showPortal = portalStatus !== 'ACTIVE' && !(portalStatus === 'DELETING' && awsState) && !(portalStatus === 'DELETED' && awsState === 'deleted');
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {awsState ? <StateBadge state={labels[awsState]} /> : null}
      {showPortal || !awsState ? <StateBadge state={gatewayPortalStatusLabels[portalStatus]} /> : null}
    </span>
  );
}
