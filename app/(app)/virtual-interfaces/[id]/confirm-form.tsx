'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { z } from 'zod';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Select } from '@/components/ui/form';
import { confirmHostedVifAction } from '../actions';

const schema = z.object({ id: z.string(), dxGatewayId: z.string().optional(), vpnGatewayId: z.string().optional() });

export function ConfirmHostedVif({
  id,
  accountId,
  type,
  dxGateways,
  vpnGateways,
}: {
  id: string;
  accountId: string;
  type: 'PRIVATE' | 'PUBLIC' | 'TRANSIT';
  dxGateways: Array<{ id: string; name: string }>;
  vpnGateways: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const form = useActionForm<z.input<typeof schema>, null>({
    schema,
    action: confirmHostedVifAction,
    defaultValues: { id, dxGatewayId: '', vpnGatewayId: '' },
    onSuccess: () => {
      toast.success('Confirmed. AWS is bringing the interface up.');
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-3">
      <p className="text-sm text-slate-700">
        This interface was allocated to AWS account <span className="font-mono">{accountId}</span> and waits for that account to accept it
        {type === 'PUBLIC' ? '.' : ' and choose where it attaches.'} You can confirm it here through that account&apos;s role, or in its AWS console.
      </p>
      <FormMessage error={form.formError} />
      <fieldset disabled={form.pending} className="grid gap-3 sm:grid-cols-2">
        {type !== 'PUBLIC' ? (
          <Field id="dxGatewayId" label="Direct Connect gateway" error={errors.dxGatewayId?.message}>
            {(aria) => (
              <Select {...aria} {...form.register('dxGatewayId')}>
                <option value="">{type === 'TRANSIT' ? 'Choose a gateway…' : 'None'}</option>
                {dxGateways.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        {type === 'PRIVATE' ? (
          <Field id="vpnGatewayId" label="or virtual private gateway" error={errors.vpnGatewayId?.message}>
            {(aria) => (
              <Select {...aria} {...form.register('vpnGatewayId')}>
                <option value="">None</option>
                {vpnGateways.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit">{form.pending ? 'Confirming…' : `Confirm as ${accountId}`}</Button>
        </div>
      </fieldset>
    </ScriptedForm>
  );
}
