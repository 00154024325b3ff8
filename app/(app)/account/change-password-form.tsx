'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { changePasswordSchema, PASSWORD_MIN_LENGTH, type ChangePasswordInput } from '@/lib/admin/schema';
import { changePasswordAction } from './actions';

const empty: ChangePasswordInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * Changing the password ends every session of the account, this one included; the form then signs
 * this browser in again with the new password so the user carries on where they were.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const form = useActionForm<ChangePasswordInput, null>({
    schema: changePasswordSchema,
    action: async (input) => {
      const result = await changePasswordAction(input);
      if (result.ok) {
        const again = await signIn('credentials', { email, password: input.newPassword, redirect: false });
        if (!again?.ok) router.replace('/sign-in?callbackUrl=%2Faccount');
      }
      return result;
    },
    defaultValues: empty,
    onSuccess: () => {
      setDone(true);
      form.reset(empty);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <ScriptedForm onSubmit={form.submit} onChange={() => setDone(false)} className="space-y-4">
      <FormMessage error={form.formError} success={done ? 'Your password has been changed, and every other session of your account has been signed out.' : undefined} />
      <fieldset disabled={form.pending} className="space-y-4">
        <Field id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
          {(aria) => <Input type="password" autoComplete="current-password" {...aria} {...form.register('currentPassword')} />}
        </Field>
        <Field id="newPassword" label="New password" error={errors.newPassword?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
          {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register('newPassword')} />}
        </Field>
        <Field id="confirmPassword" label="New password again" error={errors.confirmPassword?.message}>
          {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register('confirmPassword')} />}
        </Field>
        <Button type="submit">{form.pending ? 'Changing…' : 'Change password'}</Button>
      </fieldset>
    </ScriptedForm>
  );
}
