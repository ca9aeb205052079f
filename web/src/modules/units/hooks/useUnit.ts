import type { THistoryEntry, TUnit } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchAncestors, fetchHistory, fetchRoot, fetchUnit, unitKeys } from '../api';

export const useUnit = (id: number): UseQueryResult<TUnit> =>
  useQuery({ queryKey: unitKeys.detail(id), queryFn: ({ signal }) => fetchUnit(id, signal) });

/** Root first, excluding the unit itself. */
export const useAncestors = (id: number): UseQueryResult<TUnit[]> =>
  useQuery({ queryKey: unitKeys.ancestors(id), queryFn: ({ signal }) => fetchAncestors(id, signal) });

export const useRootUnit = (wing: string, enabled = true): UseQueryResult<TUnit> =>
  useQuery({ queryKey: unitKeys.root(wing), queryFn: ({ signal }) => fetchRoot(wing, signal), enabled });

export const useUnitHistory = (id: number): UseQueryResult<THistoryEntry[]> =>
  useQuery({ queryKey: unitKeys.history(id), queryFn: ({ signal }) => fetchHistory(id, signal) });
