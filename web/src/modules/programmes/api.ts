import type {
  TCluster,
  TClusterDetail,
  TClusterPatch,
  TClusterTargets,
  TProgressSort,
  TRolloutJob,
  THistoryEntry,
  TInstance,
  TInstanceBrief,
  TInstancePatch,
  TInstanceReport,
  TProgramme,
  TProgrammeCreate,
  TProgrammePatch,
  TProgrammeProgress,
  TRollout,
  TSegment,
} from '@samiti/common';
import { api } from '../../lib/api';

export type TProgrammeListItem = Pick<TProgramme, 'id' | 'name' | 'nameHi' | 'unit' | 'createdAt'>;
export type TInstanceFilter = { phase: number; state: string | null; status: string | null; q: string };
export type TProgressBy = 'state' | 'cluster' | 'unit';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (q: string) => ['programmes', 'list', q] as const,
  detail: (id: number) => ['programmes', id] as const,
  progress: (id: number, phase: number, by: TProgressBy, unitId: number | null, sort: TProgressSort) =>
    ['programmes', id, 'progress', phase, by, unitId, sort] as const,
  cluster: (id: number) => ['programmes', 'cluster', id] as const,
  clusterTargets: (id: number) => ['programmes', 'cluster', id, 'targets'] as const,
  rolloutJob: (id: number) => ['programmes', 'rollout', id] as const,
  map: (id: number, phase: number, kind: 'pc' | 'ac', state: string | null) => ['programmes', id, 'map', phase, kind, state] as const,
  instances: (id: number, f: TInstanceFilter) => ['programmes', id, 'instances', f] as const,
  clusters: (id: number) => ['programmes', id, 'clusters'] as const,
  instance: (id: number) => ['programmes', 'instance', id] as const,
  history: (id: number) => ['programmes', 'instance', id, 'history'] as const,
  programmeHistory: (id: number) => ['programmes', id, 'history'] as const,
  segments: ['programmes', 'segments'] as const,
};

export const PROGRAMMES_PAGE_SIZE = 30;

export const fetchSegments = (signal?: AbortSignal) => api<{ items: TSegment[] }>('/audience-segments', { signal }).then((r) => r.items);
export const fetchProgrammes = (q: string, cursor: string | null, signal?: AbortSignal) =>
  api<{ items: TProgrammeListItem[]; nextCursor: string | null }>('/programmes', {
    query: { q: q || undefined, limit: PROGRAMMES_PAGE_SIZE, cursor },
    signal,
  });
export const fetchProgramme = (id: number, signal?: AbortSignal) => api<TProgramme>(`/programmes/${id}`, { signal });
export const createProgramme = (body: TProgrammeCreate) => api<TProgramme>('/programmes', { method: 'POST', body });
export const updateProgramme = (id: number, body: TProgrammePatch) => api<TProgramme>(`/programmes/${id}`, { method: 'PATCH', body });
export const fetchProgrammeHistory = (id: number, signal?: AbortSignal) =>
  api<{ items: THistoryEntry[] }>(`/programmes/${id}/history`, { signal }).then((r) => r.items);
export type TRolloutAnswer = { created: number; existing: number; phaseId: number; job: TRolloutJob | null };
export const rollOut = (id: number, body: TRollout) => api<TRolloutAnswer>(`/programmes/${id}/rollout`, { method: 'POST', body });
export const fetchRolloutJob = (id: number, signal?: AbortSignal) => api<TRolloutJob>(`/programme-rollouts/${id}`, { signal });
export const PROGRESS_PAGE_SIZE = 50;
export const fetchProgress = (
  id: number,
  phase: number,
  by: TProgressBy,
  unitId: number | null,
  sort: TProgressSort,
  cursor: string | null,
  signal?: AbortSignal,
) =>
  api<TProgrammeProgress>(`/programmes/${id}/progress`, {
    query: { phase, by, unitId, sort: by === 'unit' ? sort : undefined, limit: PROGRESS_PAGE_SIZE, cursor },
    signal,
  });
export const fetchMap = (id: number, phase: number, kind: 'pc' | 'ac', state: string | null, signal?: AbortSignal) =>
  api<{ values: Record<string, number> }>(`/programmes/${id}/map`, { query: { phase, kind, state }, signal }).then((r) => r.values);
export const fetchInstances = (id: number, f: TInstanceFilter, cursor: string | null, signal?: AbortSignal) =>
  api<{ items: TInstanceBrief[]; nextCursor: string | null }>(`/programmes/${id}/instances`, {
    query: { phase: f.phase, state: f.state, status: f.status, q: f.q || undefined, limit: 50, cursor },
    signal,
  });
export const fetchClusters = (id: number, signal?: AbortSignal) =>
  api<{ items: TCluster[]; nextCursor: string | null }>(`/programmes/${id}/clusters`, { query: { limit: 200 }, signal }).then(
    (r) => r.items,
  );
export const fetchCluster = (id: number, signal?: AbortSignal) => api<TClusterDetail>(`/programme-clusters/${id}`, { signal });
export const updateCluster = (id: number, body: TClusterPatch) =>
  api<TClusterDetail>(`/programme-clusters/${id}`, { method: 'PATCH', body });
export const changeClusterTargets = (id: number, body: TClusterTargets) =>
  api<TClusterDetail>(`/programme-clusters/${id}/targets`, { method: 'POST', body });
export const deleteCluster = (id: number) => api<null>(`/programme-clusters/${id}`, { method: 'DELETE' });
export type TClusterMember = { key: string; name: string; nameHi: string | null };
export const fetchClusterTargets = (id: number, cursor: string | null, signal?: AbortSignal) =>
  api<{ items: TClusterMember[]; nextCursor: string | null }>(`/programme-clusters/${id}/targets`, {
    query: { limit: 100, cursor },
    signal,
  });
export const createCluster = (id: number, body: { name: string; nameHi?: string; targets: string[]; inChargePersonId?: number }) =>
  api<TCluster>(`/programmes/${id}/clusters`, { method: 'POST', body });
export const fetchInstance = (id: number, signal?: AbortSignal) => api<TInstance>(`/programme-instances/${id}`, { signal });
export const updateInstance = (id: number, body: TInstancePatch) => api<TInstance>(`/programme-instances/${id}`, { method: 'PATCH', body });
export const reportInstance = (id: number, body: TInstanceReport) =>
  api<TInstance>(`/programme-instances/${id}/report`, { method: 'POST', body });
export const uploadInstancePhoto = (id: number, image: Blob) =>
  api<TInstance>(`/programme-instances/${id}/photos`, { method: 'POST', raw: { data: image, contentType: image.type || 'image/jpeg' } });
export const removeInstancePhoto = (id: number, fileId: number) =>
  api<TInstance>(`/programme-instances/${id}/photos/${fileId}`, { method: 'DELETE' });
export const fetchInstanceHistory = (id: number, signal?: AbortSignal) =>
  api<{ items: THistoryEntry[] }>(`/programme-instances/${id}/history`, { signal }).then((r) => r.items);
