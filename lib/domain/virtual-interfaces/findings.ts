/**
 * A rule's verdict on one form field. Errors block the request; warnings are shown beside the
 * field and the customer may go ahead.
 */
export type Severity = 'error' | 'warning';

/** Field names of the create-VIF form, which are also the keys of its field-error maps. */
export type VifField =
  | 'connectionId'
  | 'type'
  | 'name'
  | 'vlan'
  | 'addressFamily'
  | 'asn'
  | 'addressMode'
  | 'customerAddress'
  | 'amazonAddress'
  | 'authKeyMode'
  | 'authKey'
  | 'mtu'
  | 'owner'
  | 'otherAccountId'
  | 'targetKind'
  | 'dxGatewayId'
  | 'vpnGatewayId'
  | 'routeFilterPrefixes';

export type Finding = { field: VifField; severity: Severity; message: string };

export type FieldMessages = Partial<Record<VifField, string[]>>;

export const error = (field: VifField, message: string): Finding => ({ field, severity: 'error', message });
export const warning = (field: VifField, message: string): Finding => ({ field, severity: 'warning', message });

/** Groups findings of one severity by field, in order, without repeating a message. */
export function messagesBy(findings: readonly Finding[], severity: Severity): FieldMessages {
  const out: FieldMessages = {};
  for (const f of findings) {
    if (f.severity !== severity) continue;
    const list = (out[f.field] ??= []);
    if (!list.includes(f.message)) list.push(f.message);
  }
  return out;
}
