import { redirect } from 'next/navigation';

// The section has no page of its own; send a typed or bookmarked /admin to its first page.
export default function Page() {
  redirect('/admin/users');
}
