'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input, Select } from '@/components/ui/form';
import type { AwsAccountStatus } from '@/lib/db/generated/enums';
import { createDxGatewaySchema, createVpnGatewaySchema, DEFAULT_AMAZON_SIDE_ASN, type CreateDxGatewayInput, type CreateVpnGatewayInput } from '@/lib/domain/gateways';
import { createDxGatewayAction, createVpnGatewayAction } from './actions';

type Account = { id: string; name: string; accountId: string; status: AwsAccountStatus };

const asnHint = `Leave empty for ${DEFAULT_AMAZON_SIDE_ASN}. A private ASN: 64512–65534 or 4200000000–4294967294. It must differ from your router's ASN.`;

function AccountOptions({ accounts }: { accounts: Account[] }) {
  return (
    <>
      <option value="">Choose an account…</option>
      {accounts.map((a) => (
        <option key={a.id} value={a.id} disabled={a.status !== 'VERIFIED'}>
          {a.name} ({a.accountId}){a.status === 'VERIFIED' ? '' : ' — not verified'}
        </option>
      ))}
    </>
  );
}

function NoVerifiedAccount() {
  return (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      None of your AWS accounts is verified, so the portal cannot create anything in them yet.{' '}
      <Link href="/aws-accounts" className="font-medium underline">
        Verify an AWS account
      </Link>{' '}
      first.
    </p>
  );
}

const unverifiedHint = (accounts: Account[]) =>
  accounts.some((a) => a.status !== 'VERIFIED') ? 'Accounts that are not verified cannot be used: the portal has not proven it can act in them.' : undefined;

export function CreateDxGatewayDialog({ accounts }: { accounts: Account[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const verified = accounts.filter((a) => a.status === 'VERIFIED');
  const form = useActionForm<CreateDxGatewayInput, { id: string }>({
    schema: createDxGatewaySchema,
    action: createDxGatewayAction,
    defaultValues: { awsAccountId: verified.length === 1 ? verified[0]!.id : '', name: '', amazonSideAsn: '' },
    onSuccess: ({ id }) => router.push(`/gateways/dx/${id}`),
  });
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create Direct Connect gateway</Button>
      </DialogTrigger>
      <DialogContent
        title="Create Direct Connect gateway"
        description="A Direct Connect gateway is global: private virtual interfaces attached to it reach VPCs in any Region through their virtual private gateways."
      >
        {verified.length === 0 ? (
          <NoVerifiedAccount />
        ) : (
          <ScriptedForm onSubmit={form.submit} className="space-y-4">
            <FormMessage error={form.formError} />
            <fieldset disabled={form.pending} className="space-y-4">
              <Field id="dx-awsAccountId" label="AWS account" error={errors.awsAccountId?.message} hint={unverifiedHint(accounts)}>
                {(aria) => (
                  <Select {...aria} {...form.register('awsAccountId')}>
                    <AccountOptions accounts={accounts} />
                  </Select>
                )}
              </Field>
              <Field id="dx-name" label="Name" error={errors.name?.message}>
                {(aria) => <Input placeholder="prod-dx-gateway" autoComplete="off" {...aria} {...form.register('name')} />}
              </Field>
              <Field id="dx-amazonSideAsn" label="Amazon-side ASN (optional)" error={errors.amazonSideAsn?.message} hint={asnHint}>
                {(aria) => <Input inputMode="numeric" placeholder={String(DEFAULT_AMAZON_SIDE_ASN)} autoComplete="off" {...aria} {...form.register('amazonSideAsn')} />}
              </Field>
              <div className="flex flex-wrap justify-end gap-2 pt-2">
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button type="submit">{form.pending ? 'Creating…' : 'Create gateway'}</Button>
              </div>
            </fieldset>
          </ScriptedForm>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function CreateVpnGatewayDialog({ accounts, regions }: { accounts: Account[]; regions: string[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const verified = accounts.filter((a) => a.status === 'VERIFIED');
  const form = useActionForm<CreateVpnGatewayInput, { id: string }>({
    schema: createVpnGatewaySchema,
    action: createVpnGatewayAction,
    defaultValues: { awsAccountId: verified.length === 1 ? verified[0]!.id : '', name: '', region: regions[0] ?? '', amazonSideAsn: '' },
    onSuccess: ({ id }) => router.push(`/gateways/vgw/${id}`),
  });
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Create virtual private gateway</Button>
      </DialogTrigger>
      <DialogContent
        title="Create virtual private gateway"
        description="A virtual private gateway is the VPC's end of the path: create it in the Region of the VPC, attach it to the VPC, then associate it with a Direct Connect gateway."
      >
        {verified.length === 0 ? (
          <NoVerifiedAccount />
        ) : (
          <ScriptedForm onSubmit={form.submit} className="space-y-4">
            <FormMessage error={form.formError} />
            <fieldset disabled={form.pending} className="space-y-4">
              <Field id="vgw-awsAccountId" label="AWS account" error={errors.awsAccountId?.message} hint={unverifiedHint(accounts) ?? 'The account that owns the VPC.'}>
                {(aria) => (
                  <Select {...aria} {...form.register('awsAccountId')}>
                    <AccountOptions accounts={accounts} />
                  </Select>
                )}
              </Field>
              <Field id="vgw-region" label="Region" error={errors.region?.message} hint="The Region of the VPC you want to reach.">
                {(aria) => (
                  <Select {...aria} {...form.register('region')}>
                    {regions.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="vgw-name" label="Name" error={errors.name?.message} hint="Set as the gateway's Name tag in EC2.">
                {(aria) => <Input placeholder="prod-vpc-gateway" autoComplete="off" {...aria} {...form.register('name')} />}
              </Field>
              <Field id="vgw-amazonSideAsn" label="Amazon-side ASN (optional)" error={errors.amazonSideAsn?.message} hint={asnHint}>
                {(aria) => <Input inputMode="numeric" placeholder={String(DEFAULT_AMAZON_SIDE_ASN)} autoComplete="off" {...aria} {...form.register('amazonSideAsn')} />}
              </Field>
              <div className="flex flex-wrap justify-end gap-2 pt-2">
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button type="submit">{form.pending ? 'Creating…' : 'Create gateway'}</Button>
              </div>
            </fieldset>
          </ScriptedForm>
        )}
      </DialogContent>
    </Dialog>
  );
}
