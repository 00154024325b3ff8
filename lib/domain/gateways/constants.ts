/** AWS quotas and defaults for Direct Connect gateways and virtual private gateways (DX-REFERENCE §4.1, §4.2). */

export const DEFAULT_AMAZON_SIDE_ASN = 64_512;
export const MAX_DX_GATEWAYS_PER_ACCOUNT = 200;
export const MAX_VGWS_PER_DX_GATEWAY = 20;
/** Private and transit VIFs together. */
export const MAX_VIFS_PER_DX_GATEWAY = 30;
export const GATEWAY_NAME_MAX = 100;
