'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form';
import { routerSettingsFormSchema, type RouterSettingsForm } from '@/lib/virtual-interfaces/bundle-schema';
import { saveRouterSettingsAction } from '../actions';

const schema = z.object({ id: z.string(), settings: routerSettingsFormSchema });
type Values = { id: string; settings: RouterSettingsForm };

/** All messages react-hook-form holds under a path (list fields report per item). */
function messagesUnder(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const own = 'message' in node && typeof (node as { message?: unknown }).message === 'string' ? [(node as { message: string }).message] : [];
  const children = Object.entries(node)
    .filter(([k]) => k !== 'message' && k !== 'ref' && k !== 'type')
    .flatMap(([, v]) => messagesUnder(v));
  return [...new Set([...own, ...children])];
}

export function RouterSettingsFormCard({ id, initial, vlan }: { id: string; initial: RouterSettingsForm; vlan: number }) {
  const router = useRouter();
  const form = useActionForm<Values, null>({
    schema: schema as unknown as z.ZodType<unknown, Values>,
    action: saveRouterSettingsAction as (input: Values) => ReturnType<typeof saveRouterSettingsAction>,
    defaultValues: { id, settings: initial },
    onSuccess: () => {
      toast.success('Saved. The preview below shows the bundle for these settings.');
      router.refresh();
    },
  });
  const errors = form.formState.errors.settings;
  const msg = (node: unknown) => messagesUnder(node).join(' ') || undefined;
  const tagVlan = form.watch('settings.router.tagVlan');
  const iface = form.watch('settings.router.interface');
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-4">
      <FormMessage error={form.formError} />
      <fieldset disabled={form.pending} className="grid gap-4 md:grid-cols-2">
        <Field id="hostname" label="Router server host name" error={msg(errors?.router?.hostname)}>
          {(aria) => <Input {...aria} {...form.register('settings.router.hostname')} />}
        </Field>
        <Field id="os" label="Operating system" error={msg(errors?.router?.os)}>
          {(aria) => (
            <Select {...aria} {...form.register('settings.router.os')}>
              <option value="debian">Debian (ifupdown)</option>
              <option value="ubuntu">Ubuntu (netplan)</option>
              <option value="rhel">RHEL / Rocky / Alma (NetworkManager)</option>
            </Select>
          )}
        </Field>
        <Field id="interface" label="Interface towards our switch" error={msg(errors?.router?.interface)} hint={tagVlan ? `The bundle creates ${iface || 'eth1'}.${vlan} for VLAN ${vlan}.` : `The address sits on ${iface || 'eth1'} itself; our switch port carries VLAN ${vlan} untagged.`}>
          {(aria) => <Input {...aria} {...form.register('settings.router.interface')} />}
        </Field>
        <label className="flex items-start gap-2 self-center text-sm">
          <input type="checkbox" className="mt-1 accent-brand-600" {...form.register('settings.router.tagVlan')} />
          <span>
            <span className="font-medium text-slate-800">The server tags the VLAN itself</span>
            <span className="block text-slate-600">Leave on unless we agreed an untagged (access) port with you.</span>
          </span>
        </label>
        <Field id="backendInterface" label="Backend network interface" error={msg(errors?.router?.backendInterface)}>
          {(aria) => <Input {...aria} {...form.register('settings.router.backendInterface')} />}
        </Field>
        <Field id="backendAddress" label="Router server's backend address (optional)" error={msg(errors?.router?.backendAddress)} hint="Used in the route snippets for your backend servers.">
          {(aria) => <Input placeholder="10.20.0.1" {...aria} {...form.register('settings.router.backendAddress')} />}
        </Field>
        <Field id="backendNetworks" label="Backend networks advertised to AWS" error={msg(errors?.router?.backendNetworks)} hint="One prefix per line; exactly these are announced.">
          {(aria) => <Textarea rows={3} placeholder="10.20.0.0/24" {...aria} {...form.register('settings.router.backendNetworks')} />}
        </Field>
        <Field id="acceptedPrefixes" label="Accept only these prefixes from AWS (optional)" error={msg(errors?.options?.acceptedPrefixes)} hint="Empty: accept what AWS sends except a default route.">
          {(aria) => <Textarea rows={3} placeholder="10.0.0.0/16" {...aria} {...form.register('settings.options.acceptedPrefixes')} />}
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 accent-brand-600" {...form.register('settings.options.advertiseDefaultRoute')} />
          <span>
            <span className="font-medium text-slate-800">Also advertise a default route to AWS</span>
            <span className="block text-slate-600">Only if your VPCs should reach the internet through you.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 accent-brand-600" {...form.register('settings.options.bfd')} />
          <span>
            <span className="font-medium text-slate-800">BFD</span>
            <span className="block text-slate-600">Sub-second failure detection; turns graceful restart off, as AWS advises.</span>
          </span>
        </label>
        <div className="md:col-span-2">
          <Button type="submit" variant="secondary">
            {form.pending ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      </fieldset>
    </ScriptedForm>
  );
}
