'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/auth/action';

type Options<TIn extends FieldValues, TOut> = {
  schema: z.ZodType<unknown, TIn>;
  action: (input: TIn) => Promise<ActionResult<TOut>>;
  defaultValues: DefaultValues<TIn>;
  onSuccess?: (data: TOut) => void;
};

export type ActionForm<TIn extends FieldValues> = UseFormReturn<TIn> & {
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  formError?: string;
};

/**
 * The one bridge between react-hook-form and a server action: the same zod schema validates in
 * the browser and on the server; server field errors land on their fields, form errors in
 * `formError`; typed values stay in the form whatever happens.
 */
export function useActionForm<TIn extends FieldValues, TOut>({ schema, action, defaultValues, onSuccess }: Options<TIn, TOut>): ActionForm<TIn> {
  // Errors appear on submit, then follow typing. Validating on blur moved buttons under the
  // pointer (an error appearing above a button as focus left a field swallowed the click).
  const form = useForm<TIn>({ resolver: zodResolver(schema as never) as never, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string>();

  const submit = form.handleSubmit(
    (values) =>
      new Promise<void>((resolve) => {
        setFormError(undefined);
        startTransition(async () => {
          try {
            const result = await action(values);
            if (result.ok) {
              onSuccess?.(result.data);
            } else {
              for (const [field, messages] of Object.entries(result.fieldErrors)) {
                if (field === '_form' || !messages?.length) continue;
                form.setError(field as Path<TIn>, { type: 'server', message: messages[0] }, { shouldFocus: true });
              }
              setFormError(result.formError ?? (Object.keys(result.fieldErrors).length ? 'Check the highlighted fields.' : undefined));
            }
          } catch {
            setFormError('The request did not reach the server. Check your connection and try again; nothing you typed was lost.');
          } finally {
            resolve();
          }
        });
      }),
  );

  return Object.assign(form, { submit, pending, formError });
}
