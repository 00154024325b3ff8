import type { StateLabel } from '@/lib/domain/labels';
import { Badge } from './ui/badge';

export function StateBadge({ state }: { state: StateLabel }) {
  return (
    <Badge tone={state.tone} title={state.help}>
      {state.label}
    </Badge>
  );
}
