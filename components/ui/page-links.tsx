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

/** Newer/older links for a keyset-paginated list (no page numbers: the list is never counted). */
export function CursorLinks({ newer, older, summary }: { newer: string | null; older: string | null; summary: React.ReactNode }) {
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>{summary}</span>
      <span className="flex gap-3">
        {newer ? (
          <Link href={newer} className="font-medium text-brand-700 hover:underline">
            Newer
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className="font-medium text-brand-700 hover:underline">
            Older
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
