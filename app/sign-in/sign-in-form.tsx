'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { Button } from '@/components/ui/button';
import { Field, FormMessage, Input } from '@/components/ui/form';
import { signInSchema, type SignInInput } from '@/lib/auth/schema';

const messages: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an account. Check both and try again.',
  RATE_LIMITED: 'Too many failed sign-in attempts. Wait 15 minutes and try again, or ask your organisation owner to help.',
};

export function SignInForm({ callbackUrl, signedOut }: { callbackUrl?: string; signedOut: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn('credentials', { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(messages[result?.error ?? ''] ?? messages.CredentialsSignin);
      return;
    }
    router.replace(callbackUrl ?? '/');
    router.refresh();
  });

  return (
    <ScriptedForm onSubmit={onSubmit} className="space-y-4">
      {signedOut && !formError ? <FormMessage success="You have signed out." /> : null}
      <FormMessage error={formError} />
      <fieldset disabled={isSubmitting} className="space-y-4">
        <Field id="email" label="Email" error={errors.email?.message}>
          {(aria) => <Input type="email" autoComplete="username" autoFocus {...aria} {...register('email')} />}
        </Field>
        <Field id="password" label="Password" error={errors.password?.message}>
          {(aria) => <Input type="password" autoComplete="current-password" {...aria} {...register('password')} />}
        </Field>
        <Button type="submit" className="w-full">
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </fieldset>
    </ScriptedForm>
  );
}
