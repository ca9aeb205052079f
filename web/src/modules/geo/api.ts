import type { TGeoAc, TGeoPc, TGeoSearchHit, TGeoState } from '@samiti/common';
import { api } from '../../lib/api';

type Items<T> = { items: T[] };

export const geoKeys = {
  states: ['geo', 'states'] as const,
  pcs: (state: string) => ['geo', 'pcs', state] as const,
  acs: (state: string, pc: number | null) => ['geo', 'acs', state, pc] as const,
  search: (q: string) => ['geo', 'search', q] as const,
};

export const fetchStates = (signal?: AbortSignal): Promise<TGeoState[]> =>
  api<Items<TGeoState>>('/geo/states', { signal }).then((r) => r.items);

export const fetchPcs = (state: string, signal?: AbortSignal): Promise<TGeoPc[]> =>
  api<Items<TGeoPc> & { total: number }>('/geo/pcs', { query: { state }, signal }).then((r) => r.items);

/** ACs of a state, or of one PC when `pc` is given. */
export const fetchAcs = (state: string, pc: number | null, signal?: AbortSignal): Promise<TGeoAc[]> =>
  api<Items<TGeoAc> & { total: number }>('/geo/acs', { query: { state, pc }, signal }).then((r) => r.items);

export const searchGeo = (q: string, signal?: AbortSignal): Promise<TGeoSearchHit[]> =>
  api<Items<TGeoSearchHit>>('/geo/search', { query: { q }, signal }).then((r) => r.items);
