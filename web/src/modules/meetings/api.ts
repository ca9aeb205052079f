import type {
  THistoryEntry,
  TMeeting,
  TMeetingAttendance,
  TMeetingAttendanceEntryInput,
  TMeetingCreateInput,
  TMeetingInviteeSpecInput,
  TMeetingList,
  TMeetingPatch,
  TMeetingResolution,
  TMeetingResolutionList,
  TMeetingStatus,
  TMeetingStatusMove,
  TMeetingType,
} from '@samiti/common';
import { api, apiUrl } from '../../lib/api';

export type TMeetingFilter = { type: TMeetingType | null; status: TMeetingStatus | null; from: string; to: string };

/** Every meeting query starts with 'meetings' so one invalidation after a write refreshes what is on screen. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (unitId: number, filter: TMeetingFilter) => ['meetings', 'unit', unitId, filter] as const,
  detail: (id: number) => ['meetings', id] as const,
  attendance: (id: number) => ['meetings', id, 'attendance'] as const,
  resolutions: (id: number) => ['meetings', id, 'resolutions'] as const,
  history: (id: number) => ['meetings', id, 'history'] as const,
};

export const MEETINGS_PAGE_SIZE = 20;

export const fetchUnitMeetings = (unitId: number, filter: TMeetingFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TMeetingList>(`/units/${unitId}/meetings`, {
    query: { type: filter.type, status: filter.status, from: filter.from, to: filter.to, limit: MEETINGS_PAGE_SIZE, cursor },
    signal,
  });

export const fetchMeeting = (id: number, signal?: AbortSignal) => api<TMeeting>(`/meetings/${id}`, { signal });
export const createMeeting = (body: TMeetingCreateInput) => api<TMeeting>('/meetings', { method: 'POST', body });
export const patchMeeting = (id: number, body: TMeetingPatch) => api<TMeeting>(`/meetings/${id}`, { method: 'PATCH', body });
export const moveMeeting = (id: number, body: TMeetingStatusMove) => api<TMeeting>(`/meetings/${id}/status`, { method: 'POST', body });
export const putInvitees = (id: number, body: TMeetingInviteeSpecInput) => api<TMeeting>(`/meetings/${id}/invitees`, { method: 'PUT', body });
export const putMinutes = (id: number, body: { text: string; lang: 'en' | 'hi' }) => api<TMeeting>(`/meetings/${id}/minutes`, { method: 'PUT', body });

export const fetchAttendance = (id: number, signal?: AbortSignal) => api<TMeetingAttendance>(`/meetings/${id}/attendance`, { signal });
export const putAttendance = (id: number, entries: TMeetingAttendanceEntryInput[]) =>
  api<TMeetingAttendance>(`/meetings/${id}/attendance`, { method: 'PUT', body: { entries } });

export const fetchResolutions = (id: number, signal?: AbortSignal) => api<TMeetingResolutionList>(`/meetings/${id}/resolutions`, { signal });
export const addResolution = (id: number, text: string) => api<TMeetingResolution>(`/meetings/${id}/resolutions`, { method: 'POST', body: { text } });
export const editResolution = (id: number, rid: number, text: string) =>
  api<TMeetingResolution>(`/meetings/${id}/resolutions/${rid}`, { method: 'PATCH', body: { text } });
export const withdrawResolution = (id: number, rid: number, reason: string) =>
  api<TMeetingResolution>(`/meetings/${id}/resolutions/${rid}/withdraw`, { method: 'POST', body: { reason } });

export const fetchMeetingHistory = (id: number, signal?: AbortSignal) =>
  api<{ items: THistoryEntry[] }>(`/meetings/${id}/history`, { signal }).then((r) => r.items);

/** Where the browser opens a printed sheet, in the chosen language. */
export const pdfUrl = (id: number, kind: 'attendance-sheet' | 'minutes', lang: string) => apiUrl(`/meetings/${id}/${kind}.pdf`, { lang });
