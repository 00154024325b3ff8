import type { BgpPeerState, BgpStatus, VifPortalStatus, VifState } from '../../db/generated/enums';
import type { StateLabel } from '../labels';

export const vifStateLabels = {
  confirming: { label: 'Awaiting acceptance', tone: 'waiting', help: 'The owning AWS account must accept this virtual interface and choose its gateway' },
  verifying: { label: 'Verifying', tone: 'waiting', help: 'AWS is checking that you own the public prefixes and ASN; this can take up to 72 hours' },
  pending: { label: 'Pending', tone: 'progress', help: 'AWS is setting up the virtual interface' },
  available: { label: 'Available', tone: 'success', help: 'Ready to carry traffic; check the BGP status below' },
  down: { label: 'Down', tone: 'danger', help: 'BGP is down; work through the troubleshooting checklist' },
  testing: { label: 'Failover test', tone: 'info', help: 'A BGP failover test is holding sessions down on purpose' },
  deleting: { label: 'Deleting', tone: 'progress', help: 'AWS is deleting the virtual interface' },
  deleted: { label: 'Deleted', tone: 'neutral', help: 'Deleted in AWS; it disappears from AWS listings after 15 minutes' },
  rejected: { label: 'Declined', tone: 'neutral', help: 'The owning account declined the virtual interface' },
  unknown: { label: 'Unknown', tone: 'neutral', help: 'AWS did not report a state; it is checked again at the next refresh' },
} satisfies Record<VifState, StateLabel>;

export const bgpPeerStateLabels = {
  verifying: { label: 'Verifying', tone: 'waiting', help: 'AWS is verifying the peer addresses or ASN (public virtual interfaces only)' },
  pending: { label: 'Pending', tone: 'progress', help: 'The BGP peer is being set up' },
  available: { label: 'Available', tone: 'success', help: 'Ready to establish a session with your router' },
  deleting: { label: 'Deleting', tone: 'progress' },
  deleted: { label: 'Deleted', tone: 'neutral' },
} satisfies Record<BgpPeerState, StateLabel>;

export const bgpStatusLabels = {
  up: { label: 'BGP up', tone: 'success', help: 'The session is established; check that routes are being received' },
  down: { label: 'BGP down', tone: 'danger', help: 'No BGP session with your router; see the troubleshooting checklist' },
  unknown: { label: 'BGP unknown', tone: 'neutral', help: 'AWS has not reported the session status yet' },
} satisfies Record<BgpStatus, StateLabel>;

export const vifPortalStatusLabels = {
  REQUESTED: { label: 'Requested', tone: 'waiting', help: 'Recorded; the request to AWS is queued' },
  CREATING: { label: 'Creating', tone: 'progress', help: 'The portal is creating the virtual interface in AWS' },
  CREATE_FAILED: { label: 'Creation failed', tone: 'danger', help: 'AWS did not accept the request; see the timeline for the reason' },
  ACTIVE: { label: 'Active', tone: 'success', help: 'Exists in AWS; its AWS state and BGP status are shown beside it' },
  DELETING: { label: 'Deleting', tone: 'progress', help: 'The portal is deleting the virtual interface in AWS' },
  DELETED: { label: 'Deleted', tone: 'neutral' },
} satisfies Record<VifPortalStatus, StateLabel>;
