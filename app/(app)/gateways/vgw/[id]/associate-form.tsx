'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { BlockedNote } from '@/components/forms/blocked-note';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Select, Textarea } from '@/components/ui/form';
import { associateGatewaySchema, type AssociateGatewayInput } from '@/lib/domain/gateways';
import { associateGatewayAction } from '../../actions';

export type DxChoice = { id: string; name: string; awsGatewayId: string | null; disabledReason: string | null };

/**
 * Associate with one of the account's Direct Connect gateways. Allowed prefixes start as the
 * VPC's CIDR (what AWS would use anyway); gateways that cannot take this association are listed
 * disabled with their reason.
 */
export function AssociateForm({ vpnGatewayId, choices, vpcCidrs, blockedReason }: { vpnGatewayId: string; choices: DxChoice[]; vpcCidrs: string[]; blockedReason: string | null }) {
  const router = useRouter();
  const usable = choices.filter((c) => !c.disabledReason);
  const form = useActionForm<AssociateGatewayInput, { id: string }>({
    schema: associateGatewaySchema,
    action: associateGatewayAction,
    defaultValues: { vpnGatewayId, dxGatewayId: usable.length === 1 ? usable[0]!.id : '', allowedPrefixes: vpcCidrs.join('\n') },
    onSuccess: () => {
      toast.success('AWS is associating the gateways; this usually takes a few minutes.');
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const unavailable = choices.filter((c) => c.disabledReason);
  if (choices.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        This AWS account has no Direct Connect gateway yet.{' '}
        <Link href="/gateways" className="font-medium text-brand-700 hover:underline">
          Create one
        </Link>{' '}
        first.
      </p>
    );
  }
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-4">
      <FormMessage error={form.formError} />
      {blockedReason ? <BlockedNote>{blockedReason}</BlockedNote> : null}
      <fieldset disabled={form.pending || Boolean(blockedReason)} className="space-y-4">
        <Field id="dxGatewayId" label="Direct Connect gateway" error={errors.dxGatewayId?.message}>
          {(aria) => (
            <Select {...aria} {...form.register('dxGatewayId')}>
              <option value="">Choose a Direct Connect gateway…</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id} disabled={Boolean(c.disabledReason)}>
                  {c.name}
                  {c.awsGatewayId ? ` (${c.awsGatewayId.slice(0, 8)}…)` : ''}
                  {c.disabledReason ? ' — unavailable' : ''}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {unavailable.length > 0 && !blockedReason ? (
          <ul className="space-y-1 text-xs text-slate-600">
            {unavailable.map((c) => (
              <li key={c.id}>
                <span className="font-medium text-slate-800">{c.name}:</span> {c.disabledReason}
              </li>
            ))}
          </ul>
        ) : null}
        <Field
          id="allowedPrefixes"
          label="Allowed prefixes"
          error={errors.allowedPrefixes?.message}
          hint="IPv4 prefixes advertised to your network, one per line. They must cover the VPC's CIDR and not overlap those of other VPCs on this Direct Connect gateway. Empty means the VPC's CIDR."
        >
          {(aria) => <Textarea rows={3} className="font-mono" {...aria} {...form.register('allowedPrefixes')} />}
        </Field>
        <Button type="submit">{form.pending ? 'Associating…' : 'Associate'}</Button>
      </fieldset>
    </ScriptedForm>
  );
}
