import type {
  TAssignment,
  TAssignmentList,
  TAssignmentStatus,
  TCircular,
  TCircularCreate,
  TCircularList,
  TDirective,
  TDirectiveCreate,
  TDirectiveJob,
  TDirectiveList,
  THistoryEntry,
  TRollup,
} from '@samiti/common';
import { api } from '../../lib/api';

export const PAGE_SIZE = 30;

/** Every directive, assignment and circular query starts with 'directives': one invalidation refreshes counts and lists. */
export const directiveKeys = {
  all: ['directives'] as const,
  unitList: (unitId: number, scope: string) => ['directives', 'unit', unitId, scope] as const,
  meetingList: (meetingId: number) => ['directives', 'meeting', meetingId] as const,
  detail: (id: number) => ['directives', id] as const,
  history: (id: number) => ['directives', id, 'history'] as const,
  rollup: (id: number, unitId: number | null) => ['directives', id, 'rollup', unitId] as const,
  assignments: (id: number, unitId: number | null) => ['directives', id, 'assignments', unitId] as const,
  mine: ['directives', 'mine'] as const,
  circulars: (unitId: number, scope: string) => ['directives', 'circulars', unitId, scope] as const,
  circular: (id: number) => ['directives', 'circular', id] as const,
  circularRollup: (id: number, unitId: number | null) => ['directives', 'circular', id, 'rollup', unitId] as const,
};

export type TActKind = 'acknowledge' | 'progress' | 'complete' | 'decline';
export type TActBody = { text?: string; numbers?: Record<string, number>; reason?: string };

export const fetchUnitDirectives = (unitId: number, scope: 'issued' | 'received', cursor: string | null, signal?: AbortSignal) =>
  api<TDirectiveList>(`/units/${unitId}/directives`, { query: { scope, limit: PAGE_SIZE, cursor }, signal });
export const fetchMeetingDirectives = (meetingId: number, signal?: AbortSignal) =>
  api<TDirectiveList>(`/meetings/${meetingId}/directives`, { query: { limit: 100 }, signal });
export const fetchDirective = (id: number, signal?: AbortSignal) => api<TDirective>(`/directives/${id}`, { signal });
export const fetchRollup = (id: number, unitId: number | null, signal?: AbortSignal) =>
  api<TRollup>(`/directives/${id}/rollup`, { query: { unitId }, signal });
export const fetchDirectiveAssignments = (id: number, unitId: number | null, cursor: string | null, signal?: AbortSignal) =>
  api<TAssignmentList>(`/directives/${id}/assignments`, { query: { unitId, limit: PAGE_SIZE, cursor }, signal });
export const fetchMyAssignments = (cursor: string | null, status: TAssignmentStatus | null, signal?: AbortSignal) =>
  api<TAssignmentList>('/me/assignments', { query: { limit: PAGE_SIZE, cursor, status }, signal });
export const fetchDirectiveJob = (id: number, signal?: AbortSignal) => api<TDirectiveJob>(`/directives/${id}/job`, { signal });

/** 201 gives the directive, 202 the job of a large cascade (both carry `id`). */
export const createDirective = (body: TDirectiveCreate) => api<TDirective | TDirectiveJob>('/directives', { method: 'POST', body });
export const actOnAssignment = (id: number, kind: TActKind, body?: TActBody) =>
  api<TAssignment>(`/assignments/${id}/${kind}`, { method: 'POST', body: kind === 'acknowledge' ? undefined : body });

export const fetchUnitCirculars = (unitId: number, scope: 'sent' | 'received', cursor: string | null, signal?: AbortSignal) =>
  api<TCircularList>(`/units/${unitId}/circulars`, { query: { scope, limit: PAGE_SIZE, cursor }, signal });
export const fetchCircular = (id: number, signal?: AbortSignal) => api<TCircular>(`/circulars/${id}`, { signal });
export const fetchCircularRollup = (id: number, unitId: number | null, signal?: AbortSignal) =>
  api<TRollup>(`/circulars/${id}/rollup`, { query: { unitId }, signal });
export const createCircular = (body: TCircularCreate) => api<TCircular>('/circulars', { method: 'POST', body });
export const acknowledgeCircular = (id: number, unitId: number) => api<TCircular>(`/circulars/${id}/acknowledge`, { method: 'POST', body: { unitId } });
export const updateDirective = (id: number, body: { text?: string; dueDate?: string }) => api<TDirective>(`/directives/${id}`, { method: 'PATCH', body });
export const fetchDirectiveHistory = (id: number, signal?: AbortSignal) =>
  api<{ items: THistoryEntry[] }>(`/directives/${id}/history`, { signal }).then((r) => r.items);
export const uploadAssignmentPhoto = (id: number, file: File) =>
  api<TAssignment>(`/assignments/${id}/photos`, { method: 'POST', query: { name: file.name }, raw: { data: file, contentType: file.type } });
export const uploadCircularAttachment = (id: number, file: File) =>
  api<TCircular>(`/circulars/${id}/attachments`, { method: 'POST', query: { name: file.name }, raw: { data: file, contentType: file.type } });
