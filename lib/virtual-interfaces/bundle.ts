import 'server-only';
import type { Actor } from '../auth/permissions';
import { decryptSecret, vifKeyContext } from '../crypto/secrets';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { renderRouterBundle, type RouterBundle } from '../domain/router-bundle/render';
import { routerBundleInputSchema, routerSettingsSchema, type RouterBundleInput, type RouterSettings } from '../domain/router-bundle/schema';
import { AppError, ErrorCode, conflict, notFound } from '../errors';
import { eventActor, recordEvent } from '../events/record';
import { buildRouterBundleArchive } from '../router-bundle/bundle';
import { defaultRouterSettingsForm, type RouterSettingsForm } from './bundle-schema';
import { vifFacts } from './load';

const MASK = '••••••••';

async function load(actor: Actor, id: string) {
  const vif = await db().virtualInterface.findFirst({
    where: { id, ...orgScope(actor) },
    select: { ...vifFacts, authKeyCiphertext: true },
  });
  if (!vif) throw notFound('That virtual interface');
  return vif;
}

/** The bundle input for a VIF: AWS's facts (addresses, ASNs, key) plus the saved server settings. */
function bundleInput(vif: Awaited<ReturnType<typeof load>>, settings: RouterSettings, authKey: string): RouterBundleInput {
  if (!vif.awsVirtualInterfaceId || !vif.customerAddress || !vif.amazonAddress || vif.amazonSideAsn === null) {
    throw new AppError(ErrorCode.Conflict, 'AWS has not assigned this interface its peer addresses and Amazon-side ASN yet; the bundle can be built once it has.');
  }
  return {
    vif: {
      id: vif.awsVirtualInterfaceId,
      type: vif.type.toLowerCase() as 'private' | 'public' | 'transit',
      vlan: vif.vlan,
      addressFamily: vif.addressFamily,
      customerAddress: vif.customerAddress,
      amazonAddress: vif.amazonAddress,
      asn: Number(vif.asn),
      amazonSideAsn: Number(vif.amazonSideAsn),
      authKey,
      mtu: vif.mtu ?? 1500,
    },
    ...settings,
  };
}

function savedSettings(raw: unknown): RouterSettings | null {
  const parsed = routerSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Saved settings as form values (prefixes one per line), or sensible defaults. */
export function settingsFormValues(raw: unknown): RouterSettingsForm {
  const s = savedSettings(raw);
  if (!s) return defaultRouterSettingsForm;
  return {
    router: { ...s.router, backendNetworks: s.router.backendNetworks.join('\n'), backendAddress: s.router.backendAddress ?? '' },
    options: { advertiseDefaultRoute: s.options.advertiseDefaultRoute, acceptedPrefixes: s.options.acceptedPrefixes.join('\n'), bfd: s.options.bfd },
  };
}

function issuesAsFieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Partial<Record<string, string[]>> {
  const out: Partial<Record<string, string[]>> = {};
  for (const issue of issues) {
    // Per-item prefix errors are shown on the list's own field.
    const key = issue.path.filter((p) => typeof p === 'string').join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Saves the router-server settings after checking them together with the VIF's own facts. */
export async function saveRouterSettings(actor: Actor, id: string, settings: RouterSettings): Promise<void> {
  const vif = await load(actor, id);
  const check = routerBundleInputSchema.safeParse(bundleInput(vif, settings, 'placeholder-key'));
  if (!check.success) {
    const relevant = check.error.issues.filter((i) => i.path[0] !== 'vif' || i.path.length === 0);
    const fieldErrors = issuesAsFieldErrors(relevant.length ? relevant : check.error.issues);
    throw new AppError(ErrorCode.Invalid, 'Check the highlighted settings.', { fieldErrors });
  }
  await db().virtualInterface.updateMany({ where: { id: vif.id, ...orgScope(actor) }, data: { routerSettings: settings } });
}

/** Every file of the bundle with the MD5 key masked, for the page's preview. Null until settings are saved. */
export async function previewRouterBundle(actor: Actor, id: string): Promise<RouterBundle | null> {
  const vif = await load(actor, id);
  const settings = savedSettings(vif.routerSettings);
  if (!settings || !vif.authKeyCiphertext || !vif.awsVirtualInterfaceId || !vif.customerAddress || vif.amazonSideAsn === null) return null;
  const key = decryptSecret(vif.authKeyCiphertext, vifKeyContext(vif.id));
  const bundle = renderRouterBundle(bundleInput(vif, settings, key));
  return { ...bundle, files: bundle.files.map((f) => ({ ...f, content: f.content.split(key).join(MASK) })) };
}

/** The archive with the real key, for members of the organisation; each download is an event. */
export async function downloadRouterBundle(actor: Actor, id: string): Promise<{ archive: Buffer; fileName: string }> {
  const vif = await load(actor, id);
  const settings = savedSettings(vif.routerSettings);
  if (!settings) throw conflict('Save the router-server settings first.');
  if (!vif.authKeyCiphertext) throw conflict('AWS has not reported a BGP key for this interface yet.');
  const key = decryptSecret(vif.authKeyCiphertext, vifKeyContext(vif.id));
  const { archive, fileName } = buildRouterBundleArchive(bundleInput(vif, settings, key));
  await recordEvent(db(), {
    orgId: vif.orgId,
    subjectType: 'VIRTUAL_INTERFACE',
    subjectId: vif.id,
    source: 'PORTAL',
    actor: eventActor(actor),
    kind: 'vif.bundleDownloaded',
    message: `Downloaded the router server bundle ${fileName} (contains the BGP key).`,
  });
  return { archive, fileName };
}

/** The saved router-server settings (null until saved): what the API returns beside the bundle. */
export async function routerSettingsOf(actor: Actor, id: string): Promise<RouterSettings | null> {
  const vif = await load(actor, id);
  return savedSettings(vif.routerSettings);
}
