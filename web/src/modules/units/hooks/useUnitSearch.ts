import type { TUnitSearchHit } from '@samiti/common';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchUnits, unitKeys } from '../api';

export const SEARCH_MIN_CHARS = 2;
export const SEARCH_DEBOUNCE_MS = 300;

/** Search units under `under` as the user types: waits 300 ms after the last keystroke, and needs 2 characters. */
export const useUnitSearch = (text: string, under: number | null) => {
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = [...debounced].length >= SEARCH_MIN_CHARS;
  const query = useQuery({
    queryKey: unitKeys.search(debounced, under),
    queryFn: ({ signal }) => searchUnits(debounced, under, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const hits: TUnitSearchHit[] = enabled ? (query.data ?? []) : [];
  return {
    hits,
    isSearching: enabled && query.isFetching,
    isError: query.isError,
    error: query.error,
    enabled,
    settled: debounced === text.trim(),
  };
};
