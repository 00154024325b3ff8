import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/navigation';
import { getActor } from '@/lib/auth/session';

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor) : '/sign-in');
}
