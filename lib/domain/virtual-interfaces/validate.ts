import type { AwsConnectionState, ConnectionType, VifType } from '@/lib/db/generated/enums';
import { checkDxGatewayAcceptsVif, checkVpnGatewayAcceptsVif, type DxGatewayForVif, type VpnGatewayForVif } from '@/lib/domain/gateways';
import { checkAddressesUnused } from './addresses';
import { checkAsnsDiffer } from './asn';
import { allowedVifTypes, connectionStateBlocksVifs, connectionStateWarning } from './availability';
import { AMAZON_PUBLIC_ASN } from './constants';
import { vifWarnings, type CreateVif } from './create-vif';
import { error, messagesBy, warning, type FieldMessages, type Finding } from './findings';
import { checkJumbo } from './mtu';
import { checkOtherAccountDiffers } from './targets';
import { checkVlanOnConnection } from './vlan';

export type DxGatewayFacts = DxGatewayForVif & { amazonSideAsn: number };
export type VpnGatewayFacts = VpnGatewayForVif & { amazonSideAsn: number };

/** What the server (or the page, for the client) knows about the connection and the chosen gateway. */
export type VifContext = {
  connection: {
    type: ConnectionType;
    awsState: AwsConnectionState | null;
    region: string;
    /** 12-digit id of the AWS account that owns the connection. */
    ownerAccountId: string;
    /** From DescribeConnections; null until AWS has reported it. */
    jumboFrameCapable: boolean | null;
    /** Hosted connections: the VLAN the provider assigned. Null for dedicated connections. */
    hostedVlan: number | null;
    bandwidthMbps?: number;
  };
  /** VLANs taken on the connection by VIFs that still count (ignored for hosted connections). */
  usedVlans: Iterable<number>;
  /** The connection's VIFs that still count (`vifCountsOnConnection`). */
  existingVifs: readonly { type: VifType }[];
  /** IPv4 peer addresses (with or without /length) of those VIFs, to refuse duplicates. */
  usedPeerAddresses?: Iterable<string>;
  /** The Direct Connect gateway whose portal id is `input.dxGatewayId`, if the org has it. */
  dxGateway?: DxGatewayFacts;
  /** The virtual private gateway whose portal id is `input.vpnGatewayId`, if the org has it. */
  vpnGateway?: VpnGatewayFacts;
};

export type VifValidation = { ok: boolean; fieldErrors: FieldMessages; warnings: FieldMessages };

/**
 * The rules that need context, plus all warnings, on a request that passed `createVifSchema`.
 * Field errors use the form's field names, so the server action can return them as they are
 * and the form shows each beside its field. `ok` is false when any error was found.
 */
export function validateVifAgainst(input: CreateVif, context: VifContext): VifValidation {
  const findings: Finding[] = [];
  const push = (field: Finding['field'], message: string | null) => {
    if (message) findings.push(error(field, message));
  };
  const { connection } = context;

  const blocked = connectionStateBlocksVifs(connection.awsState);
  if (blocked) {
    push('connectionId', blocked);
  } else {
    const option = allowedVifTypes({
      connectionType: connection.type,
      connectionState: connection.awsState,
      existingVifs: context.existingVifs,
      bandwidthMbps: connection.bandwidthMbps,
    })[input.type];
    if (!option.allowed) push('type', option.reason);
  }

  if (connection.type === 'HOSTED' && connection.hostedVlan === null) {
    push('vlan', "The provider has not recorded this hosted connection's VLAN yet; try again once the connection shows its VLAN.");
  } else {
    const hostedVlan = connection.type === 'HOSTED' ? connection.hostedVlan : null;
    push('vlan', checkVlanOnConnection({ vlan: input.vlan, usedVlans: context.usedVlans, hostedVlan }));
  }
  if (context.usedPeerAddresses && input.customerAddress && input.amazonAddress) {
    findings.push(...checkAddressesUnused({ customerAddress: input.customerAddress, amazonAddress: input.amazonAddress, usedAddresses: context.usedPeerAddresses }));
  }
  push('mtu', checkJumbo(input.mtu, connection.jumboFrameCapable));
  if (input.owner === 'other' && input.otherAccountId) push('otherAccountId', checkOtherAccountDiffers(input.otherAccountId, connection.ownerAccountId));

  let amazonSideAsn: number | null = input.type === 'PUBLIC' ? AMAZON_PUBLIC_ASN : null;
  if (input.owner === 'self' && input.targetKind === 'dxGateway') {
    const gw = context.dxGateway;
    if (!gw || gw.id !== input.dxGatewayId) {
      push('dxGatewayId', 'That Direct Connect gateway was not found; choose one from the list.');
    } else {
      const result = checkDxGatewayAcceptsVif({ gateway: gw, vifType: input.type });
      if (!result.ok) push('dxGatewayId', result.message);
      amazonSideAsn = gw.amazonSideAsn;
    }
  }
  if (input.owner === 'self' && input.targetKind === 'vpnGateway') {
    const gw = context.vpnGateway;
    if (!gw || gw.id !== input.vpnGatewayId) {
      push('vpnGatewayId', 'That virtual private gateway was not found; choose one from the list.');
    } else {
      const result = checkVpnGatewayAcceptsVif({ gateway: gw, connectionRegion: connection.region });
      if (!result.ok) push('vpnGatewayId', result.message);
      amazonSideAsn = gw.amazonSideAsn;
    }
  }
  push('asn', checkAsnsDiffer(input.asn, amazonSideAsn));

  const stateWarning = connectionStateWarning(connection.awsState);
  if (stateWarning) findings.push(warning('connectionId', stateWarning));
  findings.push(...vifWarnings(input));

  const fieldErrors = messagesBy(findings, 'error');
  return { ok: Object.keys(fieldErrors).length === 0, fieldErrors, warnings: messagesBy(findings, 'warning') };
}
