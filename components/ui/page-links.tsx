import Link from 'next/link';

/** Previous/next links for a server-side paginated list, with a one-line summary of where you are. */
export function PageLinks({ page, hasMore, href, summary }: { page: number; hasMore: boolean; href: (page: number) => string; summary: string }) {
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{summary}</span>
      <span className="flex gap-3">
        {page > 1 ? (
          <Link href={href(page - 1)} className="font-medium text-brand-700 hover:underline">
            Previous
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={href(page + 1)} className="font-medium text-brand-700 hover:underline">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
