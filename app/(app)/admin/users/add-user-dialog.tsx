'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ScriptedForm } from '@/components/forms/scripted-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormMessage, Input, Select } from '@/components/ui/form';
import { createUserSchema, isCustomerRole, NEW_ORG, PASSWORD_MIN_LENGTH, type CreateUserInput } from '@/lib/admin/schema';
import { roleDescriptions, roleLabels, roles } from '@/lib/auth/permissions';
import { createUserAction } from './actions';

type Created = { email: string; name: string; orgName: string | null; generatedPassword: string | null };

const empty: CreateUserInput = { name: '', email: '', role: '' as CreateUserInput['role'], orgId: '', newOrgName: '', password: '' };

export function AddUserDialog({ organisations }: { organisations: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created>();
  const form = useActionForm<CreateUserInput, Created>({
    schema: createUserSchema,
    action: createUserAction,
    defaultValues: empty,
    onSuccess: (data) => {
      setCreated(data);
      form.reset(empty);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const role = form.watch('role');
  const orgId = form.watch('orgId');
  const customer = isCustomerRole(role);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setCreated(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button>Add user</Button>
      </DialogTrigger>
      <DialogContent title={created ? 'User added' : 'Add user'} description={created ? undefined : 'They sign in with this email address and the password below, and can change the password under their account.'}>
        {created ? (
          <div className="space-y-4 text-sm">
            <p role="status">
              {created.name} ({created.email}) can now sign in{created.orgName ? ` as part of ${created.orgName}` : ''}.
            </p>
            {created.generatedPassword ? (
              <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
                <p className="font-medium">Their initial password, shown only now:</p>
                <p className="select-all rounded bg-white px-2 py-1 font-mono text-base" aria-label="Initial password">
                  {created.generatedPassword}
                </p>
                <p>Give it to them over a channel you trust and ask them to change it after signing in.</p>
              </div>
            ) : (
              <p>Give them the password you chose over a channel you trust and ask them to change it after signing in.</p>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setCreated(undefined)}>
                Add another
              </Button>
              <Button type="button" onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <ScriptedForm onSubmit={form.submit} className="space-y-4">
            <FormMessage error={form.formError} />
            <fieldset disabled={form.pending} className="space-y-4">
              <Field id="user-name" label="Name" error={errors.name?.message}>
                {(aria) => <Input autoComplete="off" {...aria} {...form.register('name')} />}
              </Field>
              <Field id="user-email" label="Email" error={errors.email?.message}>
                {(aria) => <Input type="email" autoComplete="off" {...aria} {...form.register('email')} />}
              </Field>
              <Field id="user-role" label="Role" error={errors.role?.message} hint={role ? roleDescriptions[role] : undefined}>
                {(aria) => (
                  <Select {...aria} {...form.register('role')}>
                    <option value="">Choose a role…</option>
                    <optgroup label="Customer">
                      {roles.filter(isCustomerRole).map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r]} of an organisation
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label="Provider staff">
                      {roles
                        .filter((r) => !isCustomerRole(r))
                        .map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                    </optgroup>
                  </Select>
                )}
              </Field>
              {customer ? (
                <Field id="user-orgId" label="Organisation" error={errors.orgId?.message}>
                  {(aria) => (
                    <Select {...aria} {...form.register('orgId')}>
                      <option value="">Choose an organisation…</option>
                      {organisations.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                      <option value={NEW_ORG}>A new organisation…</option>
                    </Select>
                  )}
                </Field>
              ) : null}
              {customer && orgId === NEW_ORG ? (
                <Field id="user-newOrgName" label="New organisation's name" error={errors.newOrgName?.message}>
                  {(aria) => <Input autoComplete="off" placeholder="Initech Ltd" {...aria} {...form.register('newOrgName')} />}
                </Field>
              ) : null}
              <Field
                id="user-password"
                label="Initial password (optional)"
                error={errors.password?.message}
                hint={`Leave empty and the portal generates a strong one and shows it once. Your own: at least ${PASSWORD_MIN_LENGTH} characters.`}
              >
                {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register('password')} />}
              </Field>
              <div className="flex flex-wrap justify-end gap-2 pt-2">
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button type="submit">{form.pending ? 'Adding…' : 'Add user'}</Button>
              </div>
            </fieldset>
          </ScriptedForm>
        )}
      </DialogContent>
    </Dialog>
  );
}
