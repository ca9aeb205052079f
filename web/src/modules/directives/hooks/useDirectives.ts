import type { TAssignmentStatus, TCircularCreate, TDirectiveCreate } from '@samiti/common';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acknowledgeCircular,
  actOnAssignment,
  createCircular,
  createDirective,
  directiveKeys,
  fetchCircular,
  fetchCircularRollup,
  fetchDirective,
  fetchDirectiveAssignments,
  fetchDirectiveHistory,
  fetchMeetingDirectives,
  fetchMyAssignments,
  fetchRollup,
  fetchUnitCirculars,
  fetchUnitDirectives,
  type TActBody,
  type TActKind,
  updateDirective,
  uploadAssignmentPhoto,
  uploadCircularAttachment,
} from '../api';

const pages = <I,>(data: { pages: { items: I[] }[] } | undefined): I[] => data?.pages.flatMap((p) => p.items) ?? [];

export const useUnitDirectives = (unitId: number, scope: 'issued' | 'received') => {
  const q = useInfiniteQuery({
    queryKey: directiveKeys.unitList(unitId, scope),
    queryFn: ({ pageParam, signal }) => fetchUnitDirectives(unitId, scope, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...q, items: pages(q.data) };
};

export const useMeetingDirectives = (meetingId: number) =>
  useQuery({ queryKey: directiveKeys.meetingList(meetingId), queryFn: ({ signal }) => fetchMeetingDirectives(meetingId, signal) });

export const useDirective = (id: number) => useQuery({ queryKey: directiveKeys.detail(id), queryFn: ({ signal }) => fetchDirective(id, signal) });

/** The previous unit's numbers stay (dimmed) while drilling down. */
export const useRollup = (id: number, unitId: number | null) =>
  useQuery({ queryKey: directiveKeys.rollup(id, unitId), queryFn: ({ signal }) => fetchRollup(id, unitId, signal), placeholderData: keepPreviousData });

export const useDirectiveAssignments = (id: number, unitId: number | null, enabled: boolean) => {
  const q = useInfiniteQuery({
    queryKey: directiveKeys.assignments(id, unitId),
    queryFn: ({ pageParam, signal }) => fetchDirectiveAssignments(id, unitId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  return { ...q, items: pages(q.data) };
};

export const useMyAssignments = (status: TAssignmentStatus | null) => {
  const q = useInfiniteQuery({
    queryKey: [...directiveKeys.mine, status],
    queryFn: ({ pageParam, signal }) => fetchMyAssignments(pageParam, status, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...q, items: pages(q.data) };
};

export const useUnitCirculars = (unitId: number, scope: 'sent' | 'received') => {
  const q = useInfiniteQuery({
    queryKey: directiveKeys.circulars(unitId, scope),
    queryFn: ({ pageParam, signal }) => fetchUnitCirculars(unitId, scope, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...q, items: pages(q.data) };
};

export const useCircular = (id: number) => useQuery({ queryKey: directiveKeys.circular(id), queryFn: ({ signal }) => fetchCircular(id, signal) });
export const useCircularRollup = (id: number, unitId: number | null) =>
  useQuery({ queryKey: directiveKeys.circularRollup(id, unitId), queryFn: ({ signal }) => fetchCircularRollup(id, unitId, signal), placeholderData: keepPreviousData });

/** Writes refresh every directive query (lists, counts, roll-ups) and the notification bell. */
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: directiveKeys.all }), qc.invalidateQueries({ queryKey: ['notifications'] })]);
};

export const useCreateDirective = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TDirectiveCreate) => createDirective(body), onSuccess: invalidate });
};

export const useActOnAssignment = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { id: number; kind: TActKind; body?: TActBody }) => actOnAssignment(v.id, v.kind, v.body), onSuccess: invalidate });
};

export const useCreateCircular = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TCircularCreate) => createCircular(body), onSuccess: invalidate });
};

export const useAcknowledgeCircular = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { id: number; unitId: number }) => acknowledgeCircular(v.id, v.unitId), onSuccess: invalidate });
};

export const useDirectiveHistory = (id: number) => useQuery({ queryKey: directiveKeys.history(id), queryFn: ({ signal }) => fetchDirectiveHistory(id, signal) });

export const useUpdateDirective = (id: number) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { text?: string; dueDate?: string }) => updateDirective(id, body), onSuccess: invalidate });
};

export const useUploadAssignmentPhoto = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { id: number; file: File }) => uploadAssignmentPhoto(v.id, v.file), onSuccess: invalidate });
};

export const useUploadCircularAttachment = () => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { id: number; file: File }) => uploadCircularAttachment(v.id, v.file), onSuccess: invalidate });
};
