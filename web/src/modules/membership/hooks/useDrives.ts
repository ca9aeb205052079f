import type { TDrive, TLeaderboard, TMembership, TProgress } from '@samiti/common';
import { keepPreviousData, useInfiniteQuery, useQuery, type UseQueryResult } from '@tanstack/react-query';
import {
  driveKeys,
  fetchDrive,
  fetchDrives,
  fetchLeaderboard,
  fetchMembers,
  fetchMembership,
  fetchProgress,
  type TMembersFilter,
} from '../api';

export const useDrives = (): UseQueryResult<TDrive[]> =>
  useQuery({ queryKey: driveKeys.list, queryFn: ({ signal }) => fetchDrives(signal) });

export const useDrive = (id: number): UseQueryResult<TDrive> =>
  useQuery({ queryKey: driveKeys.detail(id), queryFn: ({ signal }) => fetchDrive(id, signal) });

/** Counts of a unit and its sub-units; the previous unit's numbers stay (dimmed) while drilling down. */
export const useProgress = (id: number, unit: number | null): UseQueryResult<TProgress> =>
  useQuery({
    queryKey: driveKeys.progress(id, unit),
    queryFn: ({ signal }) => fetchProgress(id, unit, signal),
    placeholderData: keepPreviousData,
  });

export const useLeaderboard = (id: number, unit: number | null): UseQueryResult<TLeaderboard> =>
  useQuery({
    queryKey: driveKeys.leaderboard(id, unit),
    queryFn: ({ signal }) => fetchLeaderboard(id, unit, signal),
    placeholderData: keepPreviousData,
  });

/** Members of the drive under a unit, newest first, 50 at a time. */
export const useMembers = (id: number, filter: TMembersFilter) => {
  const query = useInfiniteQuery({
    queryKey: driveKeys.members(id, filter),
    queryFn: ({ pageParam, signal }) => fetchMembers(id, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
  const items: TMembership[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
};

export const useMembership = (id: number | null): UseQueryResult<TMembership> =>
  useQuery({ queryKey: driveKeys.membership(id ?? 0), queryFn: ({ signal }) => fetchMembership(id ?? 0, signal), enabled: id !== null });
