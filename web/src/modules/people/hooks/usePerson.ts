import type { THistoryEntry, TPerson } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchPerson, fetchPersonHistory, personKeys } from '../api';

export const usePerson = (id: number): UseQueryResult<TPerson> =>
  useQuery({ queryKey: personKeys.detail(id), queryFn: ({ signal }) => fetchPerson(id, signal) });

export const usePersonHistory = (id: number): UseQueryResult<THistoryEntry[]> =>
  useQuery({ queryKey: personKeys.history(id), queryFn: ({ signal }) => fetchPersonHistory(id, signal) });
