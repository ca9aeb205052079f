import type { TEndReason, TTenure, TUnitPosts } from '@samiti/common';
import { api } from '../../lib/api';

type Items<T> = { items: T[] };
export type TAppointBody = { unitId: number; post: string; personId: number; startDate: string };
export type TEndBody = { endDate: string; reason: TEndReason };
export type TReplaceBody = { personId: number; date: string; reason: TEndReason };

/** Every posts and tenures query starts with 'posts': any appointment invalidates them all. */
export const postKeys = {
  all: ['posts'] as const,
  unit: (unitId: number) => ['posts', 'unit', unitId] as const,
  unitTenures: (unitId: number) => ['posts', 'unit', unitId, 'tenures'] as const,
  person: (personId: number) => ['posts', 'person', personId] as const,
};

export const fetchUnitPosts = (unitId: number, signal?: AbortSignal): Promise<TUnitPosts> =>
  api<TUnitPosts>(`/units/${unitId}/posts`, { signal });

/** The unit's post history, ended tenures included, newest first. */
export const fetchUnitTenures = (unitId: number, signal?: AbortSignal): Promise<TTenure[]> =>
  api<Items<TTenure>>(`/units/${unitId}/tenures`, { query: { includeEnded: true }, signal }).then((r) => r.items);

export const fetchPersonTenures = (personId: number, signal?: AbortSignal): Promise<TTenure[]> =>
  api<Items<TTenure>>(`/people/${personId}/tenures`, { signal }).then((r) => r.items);

export const appoint = (body: TAppointBody): Promise<TTenure> => api<TTenure>('/tenures', { method: 'POST', body });

export const endTenure = (tenureId: number, body: TEndBody): Promise<TTenure> =>
  api<TTenure>(`/tenures/${tenureId}/end`, { method: 'POST', body });

export const replaceTenure = (tenureId: number, body: TReplaceBody): Promise<{ ended: TTenure; started: TTenure }> =>
  api<{ ended: TTenure; started: TTenure }>(`/tenures/${tenureId}/replace`, { method: 'POST', body });
