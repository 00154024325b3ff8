import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/navigation';
import { getActor } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Only same-site paths are accepted as a destination after sign-in. */
function safeCallback(value: string | string[] | undefined): string | undefined {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(safeCallback(params.callbackUrl) ?? homeFor(actor));
  return (
    <main className="grid min-h-screen place-items-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span aria-hidden className="mx-auto mb-3 grid size-10 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">
            DX
          </span>
          <h1 className="text-xl font-semibold text-slate-900">Sign in to dx-portal</h1>
          <p className="mt-1 text-sm text-slate-600">AWS Direct Connect for colocation customers</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={safeCallback(params.callbackUrl)} signedOut={params.signedOut === '1'} />
        </div>
      </div>
    </main>
  );
}
