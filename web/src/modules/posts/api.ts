import type { TEndReason, TPostTemplate, TPostTemplateBody, TTenure, TUnitPosts } from '@samiti/common';
import type { TCursorPage } from '../../lib/cursor';
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
  templates: (wing: string) => ['posts', 'templates', wing] as const,
};

export const TENURE_PAGE_SIZE = 50;

export const fetchUnitPosts = (unitId: number, signal?: AbortSignal): Promise<TUnitPosts> =>
  api<TUnitPosts>(`/units/${unitId}/posts`, { signal });

/** A page of the unit's post history, ended tenures included, newest first. */
export const fetchUnitTenures = (unitId: number, cursor: string | null, signal?: AbortSignal): Promise<TCursorPage<TTenure>> =>
  api<TCursorPage<TTenure>>(`/units/${unitId}/tenures`, { query: { includeEnded: true, limit: TENURE_PAGE_SIZE, cursor }, signal });

/** A page of the posts a person held or holds, newest first. */
export const fetchPersonTenures = (personId: number, cursor: string | null, signal?: AbortSignal): Promise<TCursorPage<TTenure>> =>
  api<TCursorPage<TTenure>>(`/people/${personId}/tenures`, { query: { limit: TENURE_PAGE_SIZE, cursor }, signal });

/** The post template of every level that units of the wing follow (`main`: the defaults). */
export const fetchPostTemplates = (wing: string, signal?: AbortSignal): Promise<TPostTemplate[]> =>
  api<Items<TPostTemplate>>('/post-templates', { query: { wing }, signal }).then((r) => r.items);

export const putPostTemplate = (wing: string, level: string, body: TPostTemplateBody): Promise<TPostTemplate> =>
  api<TPostTemplate>(`/post-templates/${level}`, { method: 'PUT', query: { wing }, body });

/** Drops a wing's own template for a level: its units follow the default again. */
export const resetPostTemplate = (wing: string, level: string): Promise<TPostTemplate> =>
  api<TPostTemplate>(`/post-templates/${level}`, { method: 'DELETE', query: { wing } });

export const appoint = (body: TAppointBody): Promise<TTenure> => api<TTenure>('/tenures', { method: 'POST', body });

export const endTenure = (tenureId: number, body: TEndBody): Promise<TTenure> =>
  api<TTenure>(`/tenures/${tenureId}/end`, { method: 'POST', body });

export const replaceTenure = (tenureId: number, body: TReplaceBody): Promise<{ ended: TTenure; started: TTenure }> =>
  api<{ ended: TTenure; started: TTenure }>(`/tenures/${tenureId}/replace`, { method: 'POST', body });
