'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form';
import { createSandboxRoleAction, verifyAwsAccountAction } from '../actions';

export function VerifyButtons({ id, sandbox }: { id: string; sandbox: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const run = (action: typeof verifyAwsAccountAction) =>
    start(async () => {
      const result = await action({ id }).catch(() => null);
      if (!result) setOutcome({ ok: false, message: 'The request did not reach the server. Try again.' });
      else if (!result.ok) setOutcome({ ok: false, message: result.formError ?? 'Verification did not run.' });
      else setOutcome({ ok: result.data.verified, message: result.data.message });
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => run(verifyAwsAccountAction)} disabled={pending}>
          {pending ? 'Checking with AWS…' : 'Verify access'}
        </Button>
        {sandbox ? (
          <Button variant="secondary" onClick={() => run(createSandboxRoleAction)} disabled={pending}>
            Create this role in the sandbox, then verify
          </Button>
        ) : null}
      </div>
      <FormMessage error={outcome && !outcome.ok ? outcome.message : undefined} success={outcome?.ok ? outcome.message : undefined} />
    </div>
  );
}
