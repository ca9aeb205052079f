import type { TDuplicatePair, THistoryEntry, TPerson, TPersonCreate, TPersonPatch } from '@samiti/common';
import { api } from '../../lib/api';
import type { TCursorPage } from '../../lib/cursor';

type Items<T> = { items: T[] };
export type TPeoplePage = { items: TPerson[]; nextCursor: string | null };
/** `unit` null: everyone in the user's jurisdiction. */
export type TPeopleFilter = { q: string; unit: number | null };

/** Every people query starts with 'people' so one invalidation after a write refreshes what is on screen. */
export const personKeys = {
  all: ['people'] as const,
  list: (filter: TPeopleFilter) => ['people', 'list', filter] as const,
  search: (q: string) => ['people', 'search', q] as const,
  detail: (id: number) => ['people', id] as const,
  history: (id: number) => ['people', id, 'history'] as const,
  duplicates: (unitId: number) => ['people', 'duplicates', unitId] as const,
};

/** What a merge moved onto the kept record. */
export type TMergeResult = {
  person: TPerson;
  mergeId: number;
  tenures: number;
  memberships: number;
  enrolments: number;
  movedPhotoFileId: number | null;
};

export const PEOPLE_PAGE_SIZE = 50;
export const PEOPLE_SEARCH_LIMIT = 20;

export const fetchPeople = (filter: TPeopleFilter, cursor: string | null, signal?: AbortSignal): Promise<TPeoplePage> =>
  api<TPeoplePage>('/people', { query: { q: filter.q, unit: filter.unit, limit: PEOPLE_PAGE_SIZE, cursor }, signal });

/** Anyone in the user's whole jurisdiction: an in-charge may come from outside the unit. */
export const searchPeople = (q: string, signal?: AbortSignal): Promise<TPerson[]> =>
  api<TPeoplePage>('/people', { query: { q, limit: PEOPLE_SEARCH_LIMIT }, signal }).then((r) => r.items);

export const fetchPerson = (id: number, signal?: AbortSignal): Promise<TPerson> => api<TPerson>(`/people/${id}`, { signal });

export const PERSON_HISTORY_PAGE_SIZE = 50;

/** A page of the person's audit trail, newest first. */
export const fetchPersonHistory = (id: number, cursor: string | null, signal?: AbortSignal): Promise<TCursorPage<THistoryEntry>> =>
  api<TCursorPage<THistoryEntry>>(`/people/${id}/history`, { query: { limit: PERSON_HISTORY_PAGE_SIZE, cursor }, signal });

export const createPerson = (body: TPersonCreate): Promise<TPerson> => api<TPerson>('/people', { method: 'POST', body });

export const patchPerson = (id: number, body: TPersonPatch): Promise<TPerson> => api<TPerson>(`/people/${id}`, { method: 'PATCH', body });

export const deletePerson = (id: number): Promise<TPerson> => api<TPerson>(`/people/${id}`, { method: 'DELETE' });

export const restorePerson = (id: number): Promise<TPerson> => api<TPerson>(`/people/${id}/restore`, { method: 'POST' });

/** Likely duplicates among the people whose home unit is this unit, best match first. */
export const fetchDuplicates = (unitId: number, signal?: AbortSignal): Promise<TDuplicatePair[]> =>
  api<Items<TDuplicatePair>>(`/units/${unitId}/duplicates`, { signal }).then((r) => r.items);

/** Retires `sourceId` into `intoId`: its posts, memberships and enrolment credit move to the kept record. */
export const mergePerson = (sourceId: number, intoId: number): Promise<TMergeResult> =>
  api<TMergeResult>(`/people/${sourceId}/merge`, { method: 'POST', body: { intoId } });

/** Undoes the latest merge of a retired record; answers with the record brought back. */
export const unmergePerson = (id: number): Promise<TPerson> => api<TPerson>(`/people/${id}/unmerge`, { method: 'POST' });

/** Sets or replaces the person's photo: the image itself as the body (already shrunk to a JPEG by the browser). */
export const uploadPersonPhoto = (id: number, image: Blob): Promise<TPerson> =>
  api<TPerson>(`/people/${id}/photo`, { method: 'PUT', raw: { data: image, contentType: image.type || 'image/jpeg' } });

export const removePersonPhoto = (id: number): Promise<TPerson> => api<TPerson>(`/people/${id}/photo`, { method: 'DELETE' });
