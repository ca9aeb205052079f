import type { THistoryEntry, TPerson } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCursorQuery } from '../../../lib/cursor';
import { fetchPerson, fetchPersonHistory, personKeys } from '../api';

export const usePerson = (id: number): UseQueryResult<TPerson> =>
  useQuery({ queryKey: personKeys.detail(id), queryFn: ({ signal }) => fetchPerson(id, signal) });

/** The person's audit trail, newest first, a page at a time. */
export const usePersonHistory = (id: number) =>
  useCursorQuery<THistoryEntry>(personKeys.history(id), (cursor, signal) => fetchPersonHistory(id, cursor, signal));
