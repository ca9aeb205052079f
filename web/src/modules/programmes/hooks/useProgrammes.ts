import type {
  TClusterPatch,
  TClusterTargets,
  TInstancePatch,
  TInstanceReport,
  TProgrammeCreate,
  TProgrammePatch,
  TProgressSort,
  TRollout,
} from '@samiti/common';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { shrinkPhoto } from '../../people/photo';
import {
  changeClusterTargets,
  createCluster,
  createProgramme,
  deleteCluster,
  fetchCluster,
  fetchClusterTargets,
  fetchRolloutJob,
  updateCluster,
  fetchClusters,
  fetchInstance,
  fetchInstanceHistory,
  fetchInstances,
  fetchMap,
  fetchProgramme,
  fetchProgrammeHistory,
  fetchProgrammes,
  fetchProgress,
  fetchSegments,
  programmeKeys,
  removeInstancePhoto,
  reportInstance,
  rollOut,
  type TInstanceFilter,
  type TProgressBy,
  updateInstance,
  updateProgramme,
  uploadInstancePhoto,
} from '../api';

export const useSegments = () =>
  useQuery({ queryKey: programmeKeys.segments, queryFn: ({ signal }) => fetchSegments(signal), staleTime: 5 * 60_000 });

export const useProgrammes = (q: string) => {
  const query = useInfiniteQuery({
    queryKey: programmeKeys.list(q),
    queryFn: ({ pageParam, signal }) => fetchProgrammes(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
};

export const useProgramme = (id: number) =>
  useQuery({ queryKey: programmeKeys.detail(id), queryFn: ({ signal }) => fetchProgramme(id, signal) });
export const useProgrammeHistory = (id: number) =>
  useQuery({ queryKey: programmeKeys.programmeHistory(id), queryFn: ({ signal }) => fetchProgrammeHistory(id, signal) });
/** Progress rows; by unit they come in pages (load more), in the chosen order. */
export const useProgress = (id: number, phase: number, by: TProgressBy, unitId: number | null, sort: TProgressSort) => {
  const query = useInfiniteQuery({
    queryKey: programmeKeys.progress(id, phase, by, unitId, sort),
    queryFn: ({ pageParam, signal }) => fetchProgress(id, phase, by, unitId, sort, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const first = query.data?.pages[0];
  return { ...query, first, rows: query.data?.pages.flatMap((p) => p.rows) ?? [] };
};
export const useCluster = (id: number | null) =>
  useQuery({ queryKey: programmeKeys.cluster(id ?? 0), queryFn: ({ signal }) => fetchCluster(id ?? 0, signal), enabled: id !== null });
export const useClusterTargets = (id: number | null) => {
  const query = useInfiniteQuery({
    queryKey: programmeKeys.clusterTargets(id ?? 0),
    queryFn: ({ pageParam, signal }) => fetchClusterTargets(id ?? 0, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: id !== null,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
};
/** A background roll-out, polled every two seconds while it is being built. */
export const useRolloutJob = (id: number | null) =>
  useQuery({
    queryKey: programmeKeys.rolloutJob(id ?? 0),
    queryFn: ({ signal }) => fetchRolloutJob(id ?? 0, signal),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'creating' || !q.state.data ? 2000 : false),
  });
export const useProgressMap = (id: number, phase: number, kind: 'pc' | 'ac', state: string | null) =>
  useQuery({
    queryKey: programmeKeys.map(id, phase, kind, state),
    queryFn: ({ signal }) => fetchMap(id, phase, kind, state, signal),
    placeholderData: keepPreviousData,
  });
export const useClusters = (id: number) =>
  useQuery({ queryKey: programmeKeys.clusters(id), queryFn: ({ signal }) => fetchClusters(id, signal) });
export const useInstances = (id: number, f: TInstanceFilter) => {
  const query = useInfiniteQuery({
    queryKey: programmeKeys.instances(id, f),
    queryFn: ({ pageParam, signal }) => fetchInstances(id, f, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
};
export const useInstance = (id: number) =>
  useQuery({ queryKey: programmeKeys.instance(id), queryFn: ({ signal }) => fetchInstance(id, signal) });
export const useInstanceHistory = (id: number) =>
  useQuery({ queryKey: programmeKeys.history(id), queryFn: ({ signal }) => fetchInstanceHistory(id, signal) });

/** Any programme write moves counters on several screens: refresh everything under 'programmes'. */
const useProgrammeMutation = <A, R>(fn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }) });
};

export const useCreateProgramme = () => useProgrammeMutation((body: TProgrammeCreate) => createProgramme(body));
export const useUpdateProgramme = (id: number) => useProgrammeMutation((body: TProgrammePatch) => updateProgramme(id, body));
export const useCreateCluster = (id: number) =>
  useProgrammeMutation((body: { name: string; nameHi?: string; targets: string[]; inChargePersonId?: number }) => createCluster(id, body));
export const useRollOut = (id: number) => useProgrammeMutation((body: TRollout) => rollOut(id, body));
export const useUpdateCluster = (id: number) => useProgrammeMutation((body: TClusterPatch) => updateCluster(id, body));
export const useChangeClusterTargets = (id: number) => useProgrammeMutation((body: TClusterTargets) => changeClusterTargets(id, body));
export const useDeleteCluster = (id: number) => useProgrammeMutation(() => deleteCluster(id));
export const useUpdateInstance = (id: number) => useProgrammeMutation((body: TInstancePatch) => updateInstance(id, body));
export const useReportInstance = (id: number) => useProgrammeMutation((body: TInstanceReport) => reportInstance(id, body));
/** Shrinks the picture in the browser (as person photos are), then adds it to the report. */
export const useAddInstancePhoto = (id: number) =>
  useProgrammeMutation(async (file: File) => uploadInstancePhoto(id, await shrinkPhoto(file)));
export const useRemoveInstancePhoto = (id: number) => useProgrammeMutation((fileId: number) => removeInstancePhoto(id, fileId));
