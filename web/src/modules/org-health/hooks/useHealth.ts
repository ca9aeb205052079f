import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { THealthSignalKey } from '@samiti/common';
import { useTranslation } from 'react-i18next';
import {
  approveReplacement,
  fetchChildrenHealth,
  fetchHealthMap,
  fetchReplacements,
  fetchScorecards,
  fetchUnitHealth,
  healthKeys,
  proposeReplacement,
  rejectReplacement,
  type THealthSort,
  type TScorecardFilter,
} from '../api';

const useLang = () => useTranslation().i18n.resolvedLanguage ?? 'en';

export const useUnitHealth = (id: number) => {
  const lang = useLang();
  return useQuery({ queryKey: healthKeys.unit(id, lang), queryFn: ({ signal }) => fetchUnitHealth(id, signal) });
};

/** The children's health a page at a time, in the server's order (weak first by default). */
export const useChildrenHealth = (id: number, sort: THealthSort, order: 'asc' | 'desc' | null) => {
  const lang = useLang();
  const query = useInfiniteQuery({
    queryKey: healthKeys.children(id, sort, order, lang),
    queryFn: ({ pageParam, signal }) => fetchChildrenHealth(id, sort, order, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [], total: query.data?.pages[0]?.total ?? 0 };
};

export const useHealthMap = (id: number, kind: 'state' | 'ac' | null, by: THealthSignalKey | null = null) =>
  useQuery({
    queryKey: healthKeys.map(id, kind ?? '', by ?? ''),
    queryFn: ({ signal }) => fetchHealthMap(id, kind ?? 'ac', by, signal),
    enabled: kind !== null,
  });

export const useScorecards = (id: number, filter: TScorecardFilter) => {
  const lang = useLang();
  const query = useInfiniteQuery({
    queryKey: healthKeys.scorecards(id, filter, lang),
    queryFn: ({ pageParam, signal }) => fetchScorecards(id, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [], formula: query.data?.pages[0]?.formula ?? '' };
};

export const useReplacements = (id: number) =>
  useQuery({ queryKey: healthKeys.replacements(id), queryFn: ({ signal }) => fetchReplacements(id, signal) });

/** Proposing, approving or rejecting changes posts, scorecards and health at once: refresh them all. */
const useRefresh = () => {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: healthKeys.all }), client.invalidateQueries({ queryKey: ['posts'] })]);
};
export const useProposeReplacement = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: proposeReplacement, onSuccess: () => refresh() });
};
export const useReviewReplacement = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: number; action: 'approve' } | { id: number; action: 'reject'; reason: string }) =>
      v.action === 'approve' ? approveReplacement(v.id) : rejectReplacement(v.id, v.reason),
    onSuccess: () => refresh(),
  });
};
