'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form';
import {
  applicableVifFields,
  createVifSchema,
  validateVifAgainst,
  type CreateVifInput,
  type DxGatewayFacts,
  type VifContext,
  type VifTypeOption,
  type VpnGatewayFacts,
  readVlan,
  vlanWarning,
} from '@/lib/domain/virtual-interfaces';
import { createVifAction } from '@/app/(app)/virtual-interfaces/actions';
import { Choice, Warnings } from './wizard-parts';

export type WizardProps = {
  connectionId: string;
  connectionName: string;
  hostedVlan: number | null;
  context: Omit<VifContext, 'dxGateway' | 'vpnGateway'>;
  typeOptions: VifTypeOption[];
  dxGateways: Array<DxGatewayFacts & { ready: boolean }>;
  vpnGateways: Array<VpnGatewayFacts & { ready: boolean; attached: boolean }>;
  otherAccounts: Array<{ accountId: string; name: string }>;
  defaults: Required<CreateVifInput>;
};

export function VifWizard(props: WizardProps) {
  const router = useRouter();
  const form = useActionForm<CreateVifInput, { id: string }>({
    schema: createVifSchema,
    action: createVifAction,
    defaultValues: props.defaults,
    onSuccess: ({ id }) => router.push(`/virtual-interfaces/${id}?created=1`),
  });
  const { errors } = form.formState;
  const values = form.watch();
  const type = values.type ?? 'PRIVATE';
  const owner = values.owner ?? 'self';
  const applicable = applicableVifFields({
    type,
    owner,
    addressFamily: values.addressFamily ?? 'ipv4',
    addressMode: values.addressMode ?? 'auto',
    authKeyMode: values.authKeyMode ?? 'generate',
    targetKind: values.targetKind ?? 'dxGateway',
  });

  // Keep the hidden fields empty: the schema refuses values that do not apply to the choices.
  useEffect(() => {
    const set = (name: keyof CreateVifInput, value: string) => {
      if (form.getValues(name) !== value) form.setValue(name, value);
    };
    if (!applicable.mtu) set('mtu', '');
    else if (!applicable.mtuOptions.map(String).includes(String(form.getValues('mtu')))) set('mtu', String(applicable.mtuOptions[0]));
    if (!applicable.routeFilterPrefixes) set('routeFilterPrefixes', '');
    if (!applicable.otherAccountId) set('otherAccountId', '');
    if (!applicable.addressModes.includes(form.getValues('addressMode') ?? 'auto')) set('addressMode', applicable.addressModes[0] ?? 'auto');
    if (!applicable.addresses) {
      set('customerAddress', '');
      set('amazonAddress', '');
    }
    if (!applicable.authKey) set('authKey', '');
    if (!applicable.targetKinds.includes(form.getValues('targetKind') ?? 'dxGateway')) set('targetKind', applicable.targetKinds[0] ?? 'none');
    if (!applicable.dxGatewayId) set('dxGatewayId', '');
    if (!applicable.vpnGatewayId) set('vpnGatewayId', '');
  }, [applicable, form]);

  // Context rules and warnings, live: the same function the server runs before calling AWS.
  const live = useMemo(() => {
    const parsed = createVifSchema.safeParse(values);
    if (!parsed.success) return null;
    const dx = props.dxGateways.find((g) => g.id === parsed.data.dxGatewayId);
    const vgw = props.vpnGateways.find((g) => g.id === parsed.data.vpnGatewayId);
    return validateVifAgainst(parsed.data, { ...props.context, dxGateway: dx, vpnGateway: vgw });
  }, [values, props.context, props.dxGateways, props.vpnGateways]);
  // The VLAN 1 warning matters while the rest of the form is still being filled in.
  const vlan = readVlan(values.vlan);
  const vlanNotes = live?.warnings.vlan ?? (vlan.ok ? [vlanWarning(vlan.vlan)].filter((m): m is string => m !== null) : []);
  const errorFor = (field: keyof CreateVifInput) => errors[field]?.message ?? live?.fieldErrors[field]?.[0];

  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-8">
      <FormMessage error={form.formError} />
      <fieldset disabled={form.pending} className="space-y-8">
        <section aria-labelledby="vif-type" className="space-y-3">
          <h2 id="vif-type" className="text-sm font-semibold text-slate-900">
            Type
          </h2>
          <div className="grid gap-3 md:grid-cols-3" role="radiogroup" aria-labelledby="vif-type">
            {props.typeOptions.map((option) => (
              <Choice
                key={option.type}
                name="type"
                value={option.type}
                current={type}
                disabled={!option.allowed}
                title={option.label}
                detail={option.allowed ? option.description : `${option.description} ${option.reason}`}
                register={form.register('type')}
              />
            ))}
          </div>
          {errorFor('type') ? <p className="text-sm text-red-700">{errorFor('type')}</p> : null}
          {errorFor('connectionId') ? <p className="text-sm text-red-700">{errorFor('connectionId')}</p> : null}
          <Warnings messages={live?.warnings.connectionId} />
        </section>

        <section className="grid gap-5 md:grid-cols-2">
          <Field id="name" label="Name" error={errorFor('name')} hint="Lower-case letters, digits and hyphens, as AWS documents.">
            {(aria) => <Input placeholder={`${props.connectionName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-private`} {...aria} {...form.register('name')} />}
          </Field>
          <div className="space-y-1.5">
            <Field
              id="vlan"
              label="VLAN"
              error={errorFor('vlan')}
              hint={props.hostedVlan !== null ? `Fixed by us for this hosted connection (VLAN ${props.hostedVlan}).` : 'Suggested: the lowest VLAN free on this connection.'}
            >
              {(aria) => <Input inputMode="numeric" readOnly={props.hostedVlan !== null} {...aria} {...form.register('vlan')} />}
            </Field>
            <Warnings messages={vlanNotes} />
          </div>
        </section>

        <section className="grid gap-5 md:grid-cols-2">
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-800">Owner</p>
            <div className="grid gap-2" role="radiogroup" aria-label="Owner">
              <Choice name="owner" value="self" current={owner} title="This connection's account" detail="You use the interface yourself." register={form.register('owner')} />
              <Choice
                name="owner"
                value="other"
                current={owner}
                disabled={props.otherAccounts.length === 0}
                title="Another AWS account (hosted VIF)"
                detail={props.otherAccounts.length === 0 ? 'Register the other account on the AWS accounts page first.' : 'AWS allocates it to that account, which confirms it and chooses its gateway.'}
                register={form.register('owner')}
              />
            </div>
          </div>
          {applicable.otherAccountId ? (
            <Field id="otherAccountId" label="Owning AWS account" error={errorFor('otherAccountId')}>
              {(aria) => (
                <Select {...aria} {...form.register('otherAccountId')}>
                  <option value="">Choose an account…</option>
                  {props.otherAccounts.map((a) => (
                    <option key={a.accountId} value={a.accountId}>
                      {a.name} ({a.accountId})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : (
            <div className="space-y-3">
              {applicable.targetKinds.length > 1 ? (
                <Field id="targetKind" label="Attach to" error={errorFor('targetKind')}>
                  {(aria) => (
                    <Select {...aria} {...form.register('targetKind')}>
                      <option value="dxGateway">Direct Connect gateway (VPCs in any Region)</option>
                      <option value="vpnGateway">Virtual private gateway (one VPC in {props.context.connection.region})</option>
                    </Select>
                  )}
                </Field>
              ) : null}
              {applicable.dxGatewayId ? (
                <Field id="dxGatewayId" label="Direct Connect gateway" error={errorFor('dxGatewayId')} hint={props.dxGateways.length === 0 ? 'Create one on the Gateways page first.' : undefined}>
                  {(aria) => (
                    <Select {...aria} {...form.register('dxGatewayId')}>
                      <option value="">Choose a gateway…</option>
                      {props.dxGateways.map((g) => (
                        <option key={g.id} value={g.id} disabled={!g.ready}>
                          {g.name} (ASN {g.amazonSideAsn}){g.ready ? '' : ' — not available yet'}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              ) : null}
              {applicable.vpnGatewayId ? (
                <Field id="vpnGatewayId" label="Virtual private gateway" error={errorFor('vpnGatewayId')} hint={props.vpnGateways.length === 0 ? 'Create one on the Gateways page first.' : undefined}>
                  {(aria) => (
                    <Select {...aria} {...form.register('vpnGatewayId')}>
                      <option value="">Choose a gateway…</option>
                      {props.vpnGateways.map((g) => (
                        <option key={g.id} value={g.id} disabled={!g.ready}>
                          {g.name} · {g.region} (ASN {g.amazonSideAsn}){g.ready ? '' : ' — not available yet'}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              ) : null}
              {type === 'PUBLIC' ? <p className="text-sm text-slate-600">A public interface reaches AWS public endpoints; it attaches to no gateway.</p> : null}
            </div>
          )}
        </section>

        <section className="grid gap-5 md:grid-cols-3">
          <Field id="addressFamily" label="Address family" error={errorFor('addressFamily')} hint={values.addressFamily === 'ipv6' ? 'AWS always assigns IPv6 peer addresses itself.' : undefined}>
            {(aria) => (
              <Select {...aria} {...form.register('addressFamily')}>
                <option value="ipv4">IPv4</option>
                <option value="ipv6">IPv6</option>
              </Select>
            )}
          </Field>
          <div className="space-y-1.5">
            <Field id="asn" label="Your BGP ASN" error={errorFor('asn')} hint="2-byte or 4-byte, e.g. 65000 or 4200000001; asdot (1.10) works too.">
              {(aria) => <Input inputMode="numeric" placeholder="65000" {...aria} {...form.register('asn')} />}
            </Field>
            <Warnings messages={live?.warnings.asn} />
          </div>
          {applicable.mtu ? (
            <div className="space-y-1.5">
              <Field id="mtu" label="MTU" error={errorFor('mtu')}>
                {(aria) => (
                  <Select {...aria} {...form.register('mtu')}>
                    {applicable.mtuOptions.map((m) => (
                      <option key={m} value={String(m)}>
                        {m}
                        {m > 1500 ? ' (jumbo frames)' : ''}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Warnings messages={live?.warnings.mtu} />
            </div>
          ) : null}
        </section>

        <section className="grid gap-5 md:grid-cols-3">
          {applicable.addressModes.length > 1 ? (
            <Field id="addressMode" label="Peer addresses" error={errorFor('addressMode')}>
              {(aria) => (
                <Select {...aria} {...form.register('addressMode')}>
                  <option value="auto">Assigned by AWS (169.254.0.0/16)</option>
                  <option value="manual">Entered by me</option>
                </Select>
              )}
            </Field>
          ) : null}
          {applicable.addresses ? (
            <>
              <Field id="customerAddress" label="Your address" error={errorFor('customerAddress')} hint="With its prefix, /30 or /31, e.g. 169.254.10.2/30.">
                {(aria) => <Input placeholder="169.254.10.2/30" {...aria} {...form.register('customerAddress')} />}
              </Field>
              <Field id="amazonAddress" label="Amazon address" error={errorFor('amazonAddress')} hint="In the same subnet, e.g. 169.254.10.1/30.">
                {(aria) => <Input placeholder="169.254.10.1/30" {...aria} {...form.register('amazonAddress')} />}
              </Field>
            </>
          ) : null}
        </section>
        <Warnings messages={[...(live?.warnings.customerAddress ?? []), ...(live?.warnings.amazonAddress ?? [])]} />

        <section className="grid gap-5 md:grid-cols-2">
          <Field id="authKeyMode" label="BGP MD5 key" error={errorFor('authKeyMode')} hint="Stored encrypted; shown only to your organisation after you choose to reveal it.">
            {(aria) => (
              <Select {...aria} {...form.register('authKeyMode')}>
                <option value="generate">Generated by AWS</option>
                <option value="manual">Entered by me</option>
              </Select>
            )}
          </Field>
          {applicable.authKey ? (
            <Field id="authKey" label="Key" error={errorFor('authKey')} hint="6–80 characters, no spaces, quotes, ?, ! or #.">
              {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register('authKey')} />}
            </Field>
          ) : null}
        </section>

        {applicable.routeFilterPrefixes ? (
          <div className="space-y-1.5">
            <Field id="routeFilterPrefixes" label="Prefixes you advertise (route filter)" error={errorFor('routeFilterPrefixes')} hint="Public prefixes your organisation owns, one per line. AWS verifies them before the interface comes up (up to 72 hours).">
              {(aria) => <Textarea rows={4} placeholder="203.0.113.0/24" {...aria} {...form.register('routeFilterPrefixes')} />}
            </Field>
            <Warnings messages={live?.warnings.routeFilterPrefixes} />
          </div>
        ) : null}

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
          <Button type="submit">{form.pending ? 'Creating in AWS…' : owner === 'other' ? 'Allocate virtual interface' : 'Create virtual interface'}</Button>
          <p className="text-sm text-slate-600">The portal creates it in AWS right away; BGP comes up once your router is configured.</p>
        </div>
      </fieldset>
    </ScriptedForm>
  );
}
