import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/** One page of a cursor-paged list, as every list endpoint answers. */
export type TCursorPage<T> = { items: T[]; nextCursor: string | null };

/**
 * A list read a page at a time: `fetchNextPage` follows the server's cursor and `items` are all
 * pages so far. With `keepPrevious` the rows of the last filter stay on screen while a new one loads.
 */
export const useCursorQuery = <T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<TCursorPage<T>>,
  keepPrevious = false,
) => {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const items: T[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
};
