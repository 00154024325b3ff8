import { z } from 'zod';
import { routerSettingsSchema } from '../domain/router-bundle/schema';

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * The router-server settings form: prefixes are typed one per line; everything else is the
 * bundle renderer's own `routerSettingsSchema`, so the form, the action and the CLI agree.
 */
export const routerSettingsFormSchema = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null) return raw;
  const value = raw as { router?: Record<string, unknown>; options?: Record<string, unknown> };
  const router = { ...value.router };
  router.backendNetworks = list(router.backendNetworks);
  if (router.backendAddress === '' || router.backendAddress === null) delete router.backendAddress;
  const options = { ...value.options };
  options.acceptedPrefixes = list(options.acceptedPrefixes ?? '');
  return { router, options };
}, routerSettingsSchema);

export type RouterSettingsForm = {
  router: { hostname: string; interface: string; tagVlan: boolean; backendInterface: string; backendNetworks: string; os: 'debian' | 'ubuntu' | 'rhel'; backendAddress: string };
  options: { advertiseDefaultRoute: boolean; acceptedPrefixes: string; bfd: boolean };
};

export const defaultRouterSettingsForm: RouterSettingsForm = {
  router: { hostname: 'dx-router-1', interface: 'eth1', tagVlan: true, backendInterface: 'eth0', backendNetworks: '', os: 'debian', backendAddress: '' },
  options: { advertiseDefaultRoute: false, acceptedPrefixes: '', bfd: false },
};
