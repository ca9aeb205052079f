import type { TGeoAc, TGeoPc, TGeoState } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchAcs, fetchPcs, fetchStates, geoKeys } from '../api';

/** Reference data from official lists: it does not change while the app is open. */
const GEO_STALE_MS = Number.POSITIVE_INFINITY;

export const useGeoStates = (): UseQueryResult<TGeoState[]> =>
  useQuery({ queryKey: geoKeys.states, queryFn: ({ signal }) => fetchStates(signal), staleTime: GEO_STALE_MS });

export const useGeoPcs = (state: string): UseQueryResult<TGeoPc[]> =>
  useQuery({ queryKey: geoKeys.pcs(state), queryFn: ({ signal }) => fetchPcs(state, signal), staleTime: GEO_STALE_MS });

export const useGeoAcs = (state: string, pc: number | null, enabled = true): UseQueryResult<TGeoAc[]> =>
  useQuery({ queryKey: geoKeys.acs(state, pc), queryFn: ({ signal }) => fetchAcs(state, pc, signal), staleTime: GEO_STALE_MS, enabled });
