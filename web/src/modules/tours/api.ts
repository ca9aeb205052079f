import type {
  TCalendar,
  TConflict,
  THistoryEntry,
  TInstanceTourStop,
  TStop,
  TStopCreateInput,
  TStopProgrammeInstance,
  TStopPatch,
  TStopReportBody,
  TTour,
  TTourCreate,
  TTourDetail,
  TTourPatch,
} from '@samiti/common';
import { ApiError, api, apiUrl } from '../../lib/api';

export type TTourPage = { items: TTour[]; nextCursor: string | null };
export type TTourFilter = { from: string; to: string; unit: number | null };

export const tourKeys = {
  all: ['tours'] as const,
  list: (f: TTourFilter) => ['tours', 'list', f] as const,
  detail: (id: number) => ['tours', id] as const,
  unitCalendar: (unitId: number, month: string) => ['tours', 'calendar', 'unit', unitId, month] as const,
  leaderCalendar: (personId: number, month: string) => ['tours', 'calendar', 'leader', personId, month] as const,
  history: (path: string) => ['tours', 'history', path] as const,
  programmeOptions: (unitId: number) => ['tours', 'programme-options', unitId] as const,
  instanceStops: (instanceId: number) => ['tours', 'instance-stops', instanceId] as const,
};

export const TOURS_PAGE_SIZE = 30;

export const fetchTours = (f: TTourFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TTourPage>('/tours', {
    query: { from: f.from || undefined, to: f.to || undefined, unit: f.unit, limit: TOURS_PAGE_SIZE, cursor },
    signal,
  });
export const fetchTour = (id: number, signal?: AbortSignal) => api<TTourDetail>(`/tours/${id}`, { signal });
export const createTour = (body: TTourCreate) => api<TTour>('/tours', { method: 'POST', body });
export const updateTour = (id: number, body: TTourPatch) => api<TTour>(`/tours/${id}`, { method: 'PATCH', body });
export const addStop = (tourId: number, body: TStopCreateInput) => api<TStop>(`/tours/${tourId}/stops`, { method: 'POST', body });
export const updateStop = (id: number, body: TStopPatch) => api<TStop>(`/tour-stops/${id}`, { method: 'PATCH', body });
export const reportStop = (id: number, body: TStopReportBody) => api<TStop>(`/tour-stops/${id}/report`, { method: 'POST', body });
export const uploadStopPhoto = (id: number, image: Blob) =>
  api<TStop>(`/tour-stops/${id}/photos`, { method: 'POST', raw: { data: image, contentType: image.type || 'image/jpeg' } });
export const removeStopPhoto = (id: number, fileId: number) => api<TStop>(`/tour-stops/${id}/photos/${fileId}`, { method: 'DELETE' });
export const fetchUnitCalendar = (unitId: number, range: { from: string; to: string }, signal?: AbortSignal) =>
  api<TCalendar>(`/units/${unitId}/tours`, { query: range, signal });
export const fetchLeaderCalendar = (personId: number, range: { from: string; to: string }, signal?: AbortSignal) =>
  api<TCalendar>(`/people/${personId}/tours`, { query: range, signal });
export const fetchTourHistory = (path: string, signal?: AbortSignal) =>
  api<{ items: THistoryEntry[] }>(path, { signal }).then((r) => r.items);

/** Where the browser downloads the itinerary (same origin, with the session cookie). */
export const itineraryUrl = (id: number, kind: 'pdf' | 'ics', lang: string) =>
  apiUrl(`/tours/${id}/itinerary.${kind}`, { lang: lang === 'hi' ? 'hi' : 'en' });

/** The clashes a 409 from adding or moving a stop lists; empty for any other failure. */
export const conflictsOf = (error: unknown): TConflict[] =>
  error instanceof ApiError && error.status === 409 && Array.isArray(error.body?.conflicts) ? (error.body.conflicts as TConflict[]) : [];

/** Programme instances a stop at the unit may visit (first page: the newest 50). */
export const fetchProgrammeOptions = (unitId: number, signal?: AbortSignal) =>
  api<{ items: TStopProgrammeInstance[]; nextCursor: string | null }>('/tour-stops/programme-instances', {
    query: { unit: unitId, limit: 50 },
    signal,
  });
/** Creates the programme's phase-1 instance for the stop's unit (or reuses it) and links it. */
export const createStopProgrammeInstance = (stopId: number, programmeId: number) =>
  api<TStop>(`/tour-stops/${stopId}/programme-instance`, { method: 'POST', body: { programmeId, phase: 1 } });
/** The tour stops that visit a programme instance. */
export const fetchInstanceTourStops = (instanceId: number, signal?: AbortSignal) =>
  api<{ items: TInstanceTourStop[] }>(`/programme-instances/${instanceId}/tour-stops`, { signal }).then((r) => r.items);
/** Programmes the user may see, for the "create an event for this stop" picker (first 50). */
export const fetchProgrammeChoices = (signal?: AbortSignal) =>
  api<{ items: { id: number; name: string; nameHi: string }[] }>('/programmes', { query: { limit: 50 }, signal }).then((r) => r.items);
