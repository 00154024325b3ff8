import { redirect } from 'next/navigation';

// The section has no page of its own; send a typed or bookmarked /noc to its first page.
export default function Page() {
  redirect('/noc/queue');
}
