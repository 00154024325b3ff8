'use client';

import { useRouter } from 'next/navigation';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { registerAwsAccountSchema, type RegisterAwsAccountInput } from '@/lib/domain/aws-accounts';
import { registerAwsAccountAction } from './actions';

export function RegisterAwsAccountForm() {
  const router = useRouter();
  const form = useActionForm<RegisterAwsAccountInput, { id: string }>({
    schema: registerAwsAccountSchema,
    action: registerAwsAccountAction,
    defaultValues: { accountId: '', name: '' },
    onSuccess: ({ id }) => router.push(`/aws-accounts/${id}`),
  });
  const { errors } = form.formState;
  return (
    <ScriptedForm onSubmit={form.submit} className="space-y-4">
      <FormMessage error={form.formError} />
      <fieldset disabled={form.pending} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field id="accountId" label="AWS account id" error={errors.accountId?.message} hint="12 digits, from the top-right menu of the AWS console.">
          {(aria) => <Input inputMode="numeric" autoComplete="off" placeholder="123456789012" {...aria} {...form.register('accountId')} />}
        </Field>
        <Field id="name" label="Name" error={errors.name?.message} hint="How your team refers to it.">
          {(aria) => <Input placeholder="Production" {...aria} {...form.register('name')} />}
        </Field>
        <Button type="submit" className="sm:mt-6">
          {form.pending ? 'Registering…' : 'Register account'}
        </Button>
      </fieldset>
    </ScriptedForm>
  );
}
