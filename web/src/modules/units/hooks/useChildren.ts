import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchChildren, type TChildrenFilter, unitKeys } from '../api';

/** A unit's children, 50 at a time; `fetchNextPage` follows the server's cursor. */
export const useChildren = (id: number, filter: TChildrenFilter) => {
  const query = useInfiniteQuery({
    queryKey: unitKeys.children(id, filter),
    queryFn: ({ pageParam, signal }) => fetchChildren(id, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Keep the old rows on screen while a new filter loads, instead of flashing a skeleton.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages.at(-1)?.total ?? 0;
  return { ...query, items, total };
};
