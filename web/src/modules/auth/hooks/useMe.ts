import type { TMe } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchMe, meKey } from '../api';

/** The signed-in user; errors with a 401 ApiError when there is no session. */
export const useMe = (): UseQueryResult<TMe> =>
  useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), retry: false, staleTime: 5 * 60_000 });
