import { renderBackendSnippets } from './backend';
import { renderDaemons, renderFrrConf } from './frr';
import { renderInstallScript, systemFiles, type SystemFile } from './install-script';
import { buildModel } from './model';
import { bundleArchiveName } from './names';
import { renderOsNetwork, type RelativeFile } from './os-network';
import { renderReadme } from './readme';
import { routerBundleInputSchema, type RouterBundleInput } from './schema';
import { renderSysctl, SYSCTL_PATH } from './sysctl';

export type BundleFile = { path: string; mode: number; content: string };

export type RouterBundle = {
  /** Top-level folder of every path, e.g. `dx-router-dxvif-abc123`. */
  rootDir: string;
  /** Suggested download name, e.g. `dx-router-dxvif-abc123.tar.gz`. */
  archiveName: string;
  /** Sorted by path; paths include `rootDir`. */
  files: BundleFile[];
  /** Where install.sh puts each system file (relative to `/`), with owner and mode. */
  installs: SystemFile[];
};

/**
 * Renders the router server bundle. Pure and deterministic: the same input gives byte-identical
 * files. The input is validated again here (it is cheap), so a bundle is never rendered from
 * unvalidated values; invalid input throws the ZodError.
 */
export function renderRouterBundle(input: RouterBundleInput): RouterBundle {
  const params = routerBundleInputSchema.parse(input);
  const m = buildModel(params);
  const network = renderOsNetwork(m);
  const installs = systemFiles(m, network);
  const relative: RelativeFile[] = [
    { path: SYSCTL_PATH, mode: 0o644, content: renderSysctl(m) },
    { path: 'etc/frr/daemons', mode: 0o640, content: renderDaemons(m) },
    { path: 'etc/frr/frr.conf', mode: 0o640, content: renderFrrConf(m) },
    ...network,
    ...renderBackendSnippets(m),
    { path: 'install.sh', mode: 0o755, content: renderInstallScript(m, installs) },
  ];
  const readmeEntry = { path: 'README.md', mode: 0o644 };
  const listed = [...relative, { ...readmeEntry, content: '' }].sort((a, b) => compare(a.path, b.path));
  relative.push({ ...readmeEntry, content: renderReadme(m, listed) });
  const files = relative
    .map((f) => ({ path: `${m.rootDir}/${f.path}`, mode: f.mode, content: f.content }))
    .sort((a, b) => compare(a.path, b.path));
  return { rootDir: m.rootDir, archiveName: bundleArchiveName(params.vif.id), files, installs };
}

/** Byte order, not locale order, so the result never depends on where it runs. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
