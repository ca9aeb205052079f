import type { TGeoSearchHit } from '@samiti/common';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { geoKeys, searchGeo } from '../api';

/** Geography search as the user types (300 ms debounce, 2 characters minimum). */
export const useGeoSearch = (text: string) => {
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const enabled = [...debounced].length >= 2;
  const query = useQuery({
    queryKey: geoKeys.search(debounced),
    queryFn: ({ signal }) => searchGeo(debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const hits: TGeoSearchHit[] = enabled ? (query.data ?? []) : [];
  return { hits, isSearching: enabled && query.isFetching, isError: query.isError, error: query.error, enabled };
};
