import type { TDuplicatePair } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchDuplicates, personKeys } from '../api';

/** Likely duplicate people among those whose home unit is this unit. */
export const useDuplicates = (unitId: number): UseQueryResult<TDuplicatePair[]> =>
  useQuery({ queryKey: personKeys.duplicates(unitId), queryFn: ({ signal }) => fetchDuplicates(unitId, signal) });
