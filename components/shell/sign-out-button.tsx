'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { Button } from '../ui/button';

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: '/sign-in?signedOut=1' })}>
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
