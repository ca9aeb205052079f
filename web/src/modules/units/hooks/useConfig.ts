import type { TLevel, TWing } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { configKeys, fetchLevels, fetchWings } from '../api';

/** Levels and wings change rarely (an admin edits them), so they are fetched once per visit. */
const CONFIG_STALE_MS = 60 * 60_000;

export const useLevels = (): UseQueryResult<TLevel[]> =>
  useQuery({ queryKey: configKeys.levels, queryFn: ({ signal }) => fetchLevels(signal), staleTime: CONFIG_STALE_MS });

export const useWings = (): UseQueryResult<TWing[]> =>
  useQuery({ queryKey: configKeys.wings, queryFn: ({ signal }) => fetchWings(signal), staleTime: CONFIG_STALE_MS });
