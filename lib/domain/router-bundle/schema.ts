import { z } from 'zod';
import {
  asnField,
  authKeyField,
  hostAddressField,
  hostnameField,
  interfaceAddressField,
  interfaceNameField,
  prefixField,
  vifIdField,
  typeError,
  vlanField,
} from './fields';
import { checkRouterBundle } from './rules';

/**
 * Input of the router server bundle: a virtual interface (from AWS / the database) plus the
 * customer's router-server settings. The same JSON is the input of `npm run router-bundle`.
 *
 * Optional additions to the issue's shape (all documented in the bundle README):
 * - `router.backendAddress`: the router server's own address on the backend network, used in the
 *   backend servers' gateway snippets (a placeholder is printed when it is absent);
 * - `options.bfd`: BFD on the session (off by default; graceful restart is then disabled, as AWS
 *   advises against combining them).
 */

export const VIF_TYPES = ['private', 'public', 'transit'] as const;
export const ADDRESS_FAMILIES = ['ipv4', 'ipv6'] as const;
export const SERVER_OS = ['debian', 'ubuntu', 'rhel'] as const;

export type VifType = (typeof VIF_TYPES)[number];
export type AddressFamily = (typeof ADDRESS_FAMILIES)[number];
export type ServerOs = (typeof SERVER_OS)[number];

export const vifSchema = z.strictObject({
  id: vifIdField,
  type: z.enum(VIF_TYPES, { error: typeError('type', 'one of private, public, transit') }),
  vlan: vlanField,
  addressFamily: z.enum(ADDRESS_FAMILIES, { error: typeError('addressFamily', 'ipv4 or ipv6') }),
  customerAddress: interfaceAddressField,
  amazonAddress: interfaceAddressField,
  asn: asnField,
  amazonSideAsn: asnField,
  authKey: authKeyField,
  mtu: z.number({ error: typeError('MTU', 'a number') }).int({ error: 'MTU must be a whole number' }),
}, { error: typeError('vif', 'an object') });

export const routerSchema = z.strictObject({
  hostname: hostnameField,
  interface: interfaceNameField,
  tagVlan: z.boolean({ error: typeError('tagVlan', 'true or false') }),
  backendInterface: interfaceNameField,
  backendNetworks: z
    .array(prefixField, { error: typeError('backendNetworks', 'a list of prefixes') })
    .min(1, { error: 'at least one backend network is required: it is what BGP advertises to AWS' }),
  os: z.enum(SERVER_OS, { error: typeError('os', 'one of debian, ubuntu, rhel') }),
  backendAddress: hostAddressField.optional(),
}, { error: typeError('router', 'an object') });

export const optionsSchema = z.strictObject({
  advertiseDefaultRoute: z.boolean({ error: typeError('advertiseDefaultRoute', 'true or false') }).default(false),
  acceptedPrefixes: z.array(prefixField, { error: typeError('acceptedPrefixes', 'a list of prefixes') }).default([]),
  bfd: z.boolean({ error: typeError('bfd', 'true or false') }).default(false),
}, { error: typeError('options', 'an object') });

/** Router-server settings as remembered per VIF (what the VIF page form edits). */
export const routerSettingsSchema = z.strictObject({
  router: routerSchema,
  options: optionsSchema.default({ advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false }),
});

const routerBundleObjectSchema = z.strictObject(
  {
    vif: vifSchema,
    router: routerSchema,
    options: optionsSchema.default({ advertiseDefaultRoute: false, acceptedPrefixes: [], bfd: false }),
  },
  { error: typeError('input', 'an object with vif, router and options') },
);

export type RouterBundleInput = z.input<typeof routerBundleObjectSchema>;
export type RouterBundleParams = z.output<typeof routerBundleObjectSchema>;

// Cross-field rules also run when some fields are invalid, so every problem is reported at once;
// the rules skip whatever depends on an invalid field.
export const routerBundleInputSchema = routerBundleObjectSchema.superRefine(checkRouterBundle, { when: () => true });
export type RouterSettings = z.output<typeof routerSettingsSchema>;
export type VifParams = RouterBundleParams['vif'];
