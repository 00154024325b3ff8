import type { AssociationState, DxGatewayState, GatewayPortalStatus, VpcAttachmentState, VpnGatewayState } from '../../db/generated/enums';
import type { StateLabel } from '../labels';

export const dxGatewayStateLabels = {
  pending: { label: 'Pending', tone: 'progress', help: 'AWS is creating the Direct Connect gateway' },
  available: { label: 'Available', tone: 'success', help: 'Ready for virtual interfaces and associations' },
  deleting: { label: 'Deleting', tone: 'progress', help: 'AWS is deleting the gateway' },
  deleted: { label: 'Deleted', tone: 'neutral', help: 'The gateway no longer exists in AWS' },
} satisfies Record<DxGatewayState, StateLabel>;

export const vpnGatewayStateLabels = {
  pending: { label: 'Pending', tone: 'progress', help: 'EC2 is creating the virtual private gateway' },
  available: { label: 'Available', tone: 'success', help: 'Ready to attach to a VPC' },
  deleting: { label: 'Deleting', tone: 'progress', help: 'EC2 is deleting the gateway' },
  deleted: { label: 'Deleted', tone: 'neutral', help: 'The gateway no longer exists in EC2' },
} satisfies Record<VpnGatewayState, StateLabel>;

export const vpcAttachmentStateLabels = {
  attaching: { label: 'Attaching', tone: 'progress', help: 'EC2 is attaching the gateway to the VPC' },
  attached: { label: 'Attached', tone: 'success', help: 'Attached; it can now be associated and propagate routes' },
  detaching: {
    label: 'Detaching',
    tone: 'progress',
    help: 'EC2 is detaching the gateway; this takes minutes while it is associated with a Direct Connect gateway',
  },
  detached: { label: 'Detached', tone: 'neutral', help: 'Not attached to any VPC' },
} satisfies Record<VpcAttachmentState, StateLabel>;

export const associationStateLabels = {
  associating: { label: 'Associating', tone: 'progress', help: 'AWS is connecting the gateways; this usually takes a few minutes' },
  associated: { label: 'Associated', tone: 'success', help: "The VPC's prefixes are advertised over the Direct Connect gateway" },
  updating: { label: 'Updating', tone: 'progress', help: 'AWS is applying changed allowed prefixes; other prefixes keep working' },
  disassociating: { label: 'Disassociating', tone: 'progress', help: 'AWS is removing the association; traffic to this VPC stops' },
  disassociated: { label: 'Disassociated', tone: 'neutral', help: 'No longer associated' },
} satisfies Record<AssociationState, StateLabel>;

export const gatewayPortalStatusLabels = {
  REQUESTED: { label: 'Requested', tone: 'waiting', help: 'Recorded; the request to AWS is queued' },
  CREATING: { label: 'Creating', tone: 'progress', help: 'The portal is creating it in AWS' },
  CREATE_FAILED: { label: 'Creation failed', tone: 'danger', help: 'AWS did not accept the request; see the timeline for the reason' },
  ACTIVE: { label: 'Active', tone: 'success', help: 'Exists in AWS; its AWS state is shown beside it' },
  DELETING: { label: 'Deleting', tone: 'progress', help: 'The portal is deleting it in AWS' },
  DELETED: { label: 'Deleted', tone: 'neutral' },
} satisfies Record<GatewayPortalStatus, StateLabel>;
