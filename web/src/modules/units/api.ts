import type { TLevel, THistoryEntry, TUnit, TUnitCreate, TUnitPatch, TUnitSearchHit, TWing } from '@samiti/common';
import { api } from '../../lib/api';

type Items<T> = { items: T[] };
export type TUnitPage = { items: TUnit[]; nextCursor: string | null; total: number };
export type TChildrenFilter = { q: string; includeDeleted: boolean };

/** Every units query starts with 'units' so one invalidation after a write refreshes what is on screen. */
export const unitKeys = {
  all: ['units'] as const,
  root: (wing: string) => ['units', 'root', wing] as const,
  detail: (id: number) => ['units', id] as const,
  ancestors: (id: number) => ['units', id, 'ancestors'] as const,
  children: (id: number, filter: TChildrenFilter) => ['units', id, 'children', filter] as const,
  history: (id: number) => ['units', id, 'history'] as const,
  search: (q: string, under: number | null) => ['units', 'search', under, q] as const,
};

export const configKeys = { levels: ['config', 'levels'] as const, wings: ['config', 'wings'] as const };

export const CHILDREN_PAGE_SIZE = 50;
export const SEARCH_LIMIT = 20;

export const fetchLevels = (signal?: AbortSignal): Promise<TLevel[]> => api<Items<TLevel>>('/levels', { signal }).then((r) => r.items);

export const fetchWings = (signal?: AbortSignal): Promise<TWing[]> => api<Items<TWing>>('/wings', { signal }).then((r) => r.items);

export const fetchRoot = (wing: string, signal?: AbortSignal): Promise<TUnit> => api<TUnit>('/units/root', { query: { wing }, signal });

export const fetchUnit = (id: number, signal?: AbortSignal): Promise<TUnit> => api<TUnit>(`/units/${id}`, { signal });

export const fetchAncestors = (id: number, signal?: AbortSignal): Promise<TUnit[]> =>
  api<Items<TUnit>>(`/units/${id}/ancestors`, { signal }).then((r) => r.items);

export const fetchChildren = (id: number, filter: TChildrenFilter, cursor: string | null, signal?: AbortSignal): Promise<TUnitPage> =>
  api<TUnitPage>(`/units/${id}/children`, {
    query: { limit: CHILDREN_PAGE_SIZE, cursor, q: filter.q, includeDeleted: filter.includeDeleted },
    signal,
  });

export const searchUnits = (q: string, under: number | null, signal?: AbortSignal): Promise<TUnitSearchHit[]> =>
  api<Items<TUnitSearchHit>>('/units/search', { query: { q, under, limit: SEARCH_LIMIT }, signal }).then((r) => r.items);

export const fetchHistory = (id: number, signal?: AbortSignal): Promise<THistoryEntry[]> =>
  api<Items<THistoryEntry>>(`/units/${id}/history`, { signal }).then((r) => r.items);

export const createUnit = (body: TUnitCreate): Promise<TUnit> => api<TUnit>('/units', { method: 'POST', body });

export const patchUnit = (id: number, body: TUnitPatch): Promise<TUnit> => api<TUnit>(`/units/${id}`, { method: 'PATCH', body });

export const deleteUnit = (id: number): Promise<TUnit> => api<TUnit>(`/units/${id}`, { method: 'DELETE' });

export const restoreUnit = (id: number): Promise<TUnit> => api<TUnit>(`/units/${id}/restore`, { method: 'POST' });
