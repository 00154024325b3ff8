'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { BlockedNote } from '@/components/forms/blocked-note';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Select } from '@/components/ui/form';
import { attachVpnGatewaySchema, type AttachVpnGatewayInput } from '@/lib/domain/gateways';
import { attachVpnGatewayAction } from '../../actions';

export type VpcChoice = { vpcId: string; name: string | null; cidrs: string[]; takenBy: string | null };

/** Choose one of the account's VPCs in the gateway's Region; VPCs that already have a gateway say so. */
export function AttachForm({ vpnGatewayId, vpcs, blockedReason }: { vpnGatewayId: string; vpcs: VpcChoice[]; blockedReason: string | null }) {
  const router = useRouter();
  const free = vpcs.filter((v) => !v.takenBy);
  const form = useActionForm<AttachVpnGatewayInput, null>({
    schema: attachVpnGatewaySchema,
    action: attachVpnGatewayAction,
    defaultValues: { vpnGatewayId, vpcId: free.length === 1 ? free[0]!.vpcId : '' },
    onSuccess: () => {
      toast.success('EC2 is attaching the gateway; this page updates by itself.');
      router.refresh();
    },
  });
  if (vpcs.length === 0) return <p className="text-sm text-slate-600">This AWS account has no VPC in this Region. Create the VPC first, then attach the gateway to it.</p>;
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-4">
      <FormMessage error={form.formError} />
      {blockedReason ? <BlockedNote>{blockedReason}</BlockedNote> : null}
      <fieldset disabled={form.pending || Boolean(blockedReason)} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="vpcId" label="VPC" error={form.formState.errors.vpcId?.message} className="min-w-0 flex-1" hint="A VPC takes one virtual private gateway at a time.">
          {(aria) => (
            <Select {...aria} {...form.register('vpcId')}>
              <option value="">Choose a VPC…</option>
              {vpcs.map((v) => (
                <option key={v.vpcId} value={v.vpcId} disabled={Boolean(v.takenBy)}>
                  {[v.name, v.vpcId, v.cidrs.join(', ')].filter(Boolean).join(' · ')}
                  {v.takenBy ? ` — has ${v.takenBy} attached` : ''}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" className="sm:mb-[1.375rem]">
          {form.pending ? 'Attaching…' : 'Attach to VPC'}
        </Button>
      </fieldset>
    </ScriptedForm>
  );
}
