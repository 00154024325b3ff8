import { AppShell } from '@/components/shell/app-shell';
import { getActor } from '@/lib/auth/session';
import { env } from '@/lib/env';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Not a security boundary: every page and action checks on its own. Signed-out visitors get
  // no shell; the page itself sends them to sign-in with the address to come back to.
  const actor = await getActor();
  if (!actor) return children;
  return (
    <AppShell actor={actor} sandbox={Boolean(env().DX_SANDBOX_CONTROL_URL)}>
      {children}
    </AppShell>
  );
}
