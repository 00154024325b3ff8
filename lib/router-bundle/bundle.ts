import { renderRouterBundle, type RouterBundle } from '@/lib/domain/router-bundle/render';
import type { RouterBundleInput } from '@/lib/domain/router-bundle/schema';
import { createTarGz } from './archive';

export type RouterBundleArchive = { fileName: string; archive: Buffer; bundle: RouterBundle };

/**
 * The downloadable archive for a VIF and router-server settings. Throws the ZodError when the
 * input is invalid; callers validate with `routerBundleInputSchema` first to show field errors.
 * The archive contains the BGP MD5 key: serve it only to members of the owning organisation.
 */
export function buildRouterBundleArchive(input: RouterBundleInput): RouterBundleArchive {
  const bundle = renderRouterBundle(input);
  return { fileName: bundle.archiveName, archive: createTarGz(bundle.files), bundle };
}
