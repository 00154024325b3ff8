import { z } from 'zod';
import { ADDRESS_FAMILIES, VIF_TYPES } from './constants';
import { ADDRESS_MODES, analyseCreateVif, AUTH_KEY_MODES, type CreateVif } from './create-vif';
import { TARGET_KINDS, VIF_OWNERS } from './targets';

const optionalText = z.string({ error: 'Enter text here.' }).optional();
const numberOrText = (message: string) => z.union([z.string(), z.number()], { error: message }).optional();

/** Field types only; every rule is in `analyseCreateVif`, so all problems are reported at once. */
const createVifFields = z.object({
  connectionId: z.string({ error: 'Choose the connection the virtual interface runs on.' }).trim().min(1, 'Choose the connection the virtual interface runs on.'),
  type: z.enum(VIF_TYPES, { error: 'Choose a private, transit or public virtual interface.' }),
  name: optionalText,
  vlan: numberOrText('Enter a VLAN ID from 1 to 4094.'),
  addressFamily: z.enum(ADDRESS_FAMILIES, { error: 'Choose IPv4 or IPv6.' }).optional(),
  asn: numberOrText('Enter your BGP ASN, e.g. 65000.'),
  addressMode: z.enum(ADDRESS_MODES, { error: 'Choose automatic or manual peer addresses.' }).optional(),
  customerAddress: optionalText,
  amazonAddress: optionalText,
  authKeyMode: z.enum(AUTH_KEY_MODES, { error: 'Choose whether AWS generates the BGP key or you enter it.' }).optional(),
  authKey: optionalText,
  mtu: numberOrText('Choose an MTU.'),
  owner: z.enum(VIF_OWNERS, { error: 'Choose who owns the virtual interface.' }).optional(),
  otherAccountId: optionalText,
  targetKind: z.enum(TARGET_KINDS, { error: 'Choose what the virtual interface attaches to.' }).optional(),
  dxGatewayId: optionalText,
  vpnGatewayId: optionalText,
  routeFilterPrefixes: z.union([z.string(), z.array(z.string())], { error: 'Enter the prefixes, one per line.' }).optional(),
});

/**
 * The create-VIF wizard's schema, shared by the form (`zodResolver`) and the server action.
 * Context-free: it checks each value and how the values fit together; rules that need the
 * connection, its VIFs or the chosen gateway are in `validateVifAgainst`. The output
 * (`CreateVif`) is normalised and is itself a valid input, so parsing twice changes nothing.
 */
export const createVifSchema = createVifFields
  .superRefine(
    (value, ctx) => {
      // A field that already failed its type keeps that one message.
      const failed = new Set(ctx.issues.map((issue) => String(issue.path?.[0] ?? '')));
      for (const finding of analyseCreateVif(value).findings) {
        if (finding.severity === 'error' && !failed.has(finding.field)) {
          ctx.addIssue({ code: 'custom', path: [finding.field], message: finding.message });
        }
      }
    },
    { when: () => true },
  )
  .transform((value, ctx): CreateVif => {
    const { value: parsed } = analyseCreateVif(value);
    if (parsed) return parsed;
    ctx.addIssue({ code: 'custom', path: [], message: 'The virtual interface request is not valid.' });
    return z.NEVER;
  });

export type CreateVifInput = z.input<typeof createVifSchema>;
export type { CreateVif };
