import { AppShell } from '@/components/shell/app-shell';
import { requireActor } from '@/lib/auth/session';
import { env } from '@/lib/env';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Not a security boundary (every page and action checks again); it only frames signed-in pages.
  const actor = await requireActor();
  return (
    <AppShell actor={actor} sandbox={Boolean(env().DX_SANDBOX_CONTROL_URL)}>
      {children}
    </AppShell>
  );
}
