import type { TPerson } from '@samiti/common';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { SEARCH_DEBOUNCE_MS, SEARCH_MIN_CHARS } from '../../units/hooks/useUnitSearch';
import { fetchPeople, personKeys, searchPeople, type TPeopleFilter } from '../api';

/** People matching a filter, 50 at a time; `fetchNextPage` follows the server's cursor. */
export const usePeopleList = (filter: TPeopleFilter) => {
  const query = useInfiniteQuery({
    queryKey: personKeys.list(filter),
    queryFn: ({ pageParam, signal }) => fetchPeople(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Keep the old rows on screen while a new search loads, instead of flashing a skeleton.
    placeholderData: (previous, previousQuery) =>
      (previousQuery?.queryKey[2] as TPeopleFilter | undefined)?.unit === filter.unit ? previous : undefined,
  });
  const items: TPerson[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
};

/** Search people anywhere in the user's jurisdiction as the user types (300 ms after the last key, 2 characters). */
export const usePersonSearch = (text: string) => {
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = [...debounced].length >= SEARCH_MIN_CHARS;
  const query = useQuery({
    queryKey: personKeys.search(debounced),
    queryFn: ({ signal }) => searchPeople(debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const hits: TPerson[] = enabled ? (query.data ?? []) : [];
  return { hits, isSearching: enabled && query.isFetching, error: query.error, enabled };
};
