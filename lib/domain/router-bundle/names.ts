/** Names derived from the input, shared by the rules and the renderers so they cannot disagree. */

/** The Linux interface that carries the peering address: `eth1.100` when the server tags the VLAN. */
export function vifInterfaceName(router: { interface: string; tagVlan: boolean }, vlan: number): string {
  return router.tagVlan ? `${router.interface}.${vlan}` : router.interface;
}

/** Top-level folder of the archive and of the CLI output. */
export function bundleRootDir(vifId: string): string {
  return `dx-router-${vifId}`;
}

export function bundleArchiveName(vifId: string): string {
  return `${bundleRootDir(vifId)}.tar.gz`;
}

/** AWS private and transit VIFs drop the session above 100 prefixes per family; public VIFs allow 1,000. */
export function maxAdvertisedPrefixes(type: 'private' | 'public' | 'transit'): number {
  return type === 'public' ? 1000 : 100;
}

export const MTU_BY_VIF_TYPE = {
  private: [1500, 9001],
  transit: [1500, 8500],
  public: [1500],
} as const satisfies Record<'private' | 'public' | 'transit', readonly number[]>;
