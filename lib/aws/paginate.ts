/**
 * Collects every page of a `nextToken`-paginated AWS call. The number of calls depends on the
 * number of pages, never on what the caller does with each item.
 */
export async function collectPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<{ items: T[] | undefined; nextToken?: string | undefined }>,
  options: { maxPages?: number } = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 1000;
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    all.push(...(result.items ?? []));
    token = result.nextToken || undefined;
    if (!token) return all;
  }
  throw new Error(`Pagination did not finish after ${maxPages} pages`);
}
