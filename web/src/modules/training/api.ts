import type {
  TCourse,
  TCourseCreate,
  TCourseDetail,
  THistoryEntry,
  TCoursePatch,
  TInviteBodyInput,
  TInvitee,
  TMyTraining,
  TPersonTraining,
  TRsvp,
  TSession,
  TSessionCreateInput,
  TSessionPatch,
  TTrainingAttendance,
  TTrainingCoverage,
} from '@samiti/common';
import { api } from '../../lib/api';

export type TCoursePage = { items: TCourse[]; nextCursor: string | null };
export type TInviteePage = { items: TInvitee[]; nextCursor: string | null };
export type TCourseFilter = { q: string; unit: number | null };
export type TInviteeFilter = { rsvp: TRsvp | 'none' | null; attendance: TTrainingAttendance | 'none' | null };
export type TInviteResult = { added: number; invited: number; capacity: number; isOverCapacity: boolean };
export type TAttendanceResult = { recorded: number; counts: TSession['counts'] };

/** Every training query starts with 'training': one invalidation after a write refreshes lists, counts and people's histories. */
export const trainingKeys = {
  all: ['training'] as const,
  list: (f: TCourseFilter) => ['training', 'list', f] as const,
  course: (id: number) => ['training', 'course', id] as const,
  session: (id: number) => ['training', 'session', id] as const,
  invitees: (id: number, f: TInviteeFilter) => ['training', 'session', id, 'invitees', f] as const,
  person: (id: number) => ['training', 'person', id] as const,
  coverage: (unitId: number, courseId: number | null) => ['training', 'coverage', unitId, courseId] as const,
  mine: ['training', 'mine'] as const,
};

export const COURSES_PAGE_SIZE = 30;
export const INVITEES_PAGE_SIZE = 100;

export const fetchCourses = (f: TCourseFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TCoursePage>('/trainings', { query: { q: f.q.trim() || undefined, unit: f.unit, limit: COURSES_PAGE_SIZE, cursor }, signal });
export const fetchCourse = (id: number, signal?: AbortSignal) => api<TCourseDetail>(`/trainings/${id}`, { signal });
export const createCourse = (body: TCourseCreate) => api<TCourse>('/trainings', { method: 'POST', body });
export const updateCourse = (id: number, body: TCoursePatch) => api<TCourse>(`/trainings/${id}`, { method: 'PATCH', body });
export const createSession = (courseId: number, body: TSessionCreateInput) =>
  api<TSession>(`/trainings/${courseId}/sessions`, { method: 'POST', body });
export const fetchSession = (id: number, signal?: AbortSignal) => api<TSession>(`/training-sessions/${id}`, { signal });
export const updateSession = (id: number, body: TSessionPatch) => api<TSession>(`/training-sessions/${id}`, { method: 'PATCH', body });
export const fetchInvitees = (id: number, f: TInviteeFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TInviteePage>(`/training-sessions/${id}/invitees`, {
    query: { rsvp: f.rsvp, attendance: f.attendance, limit: INVITEES_PAGE_SIZE, cursor },
    signal,
  });
export const invite = (id: number, body: TInviteBodyInput) =>
  api<TInviteResult>(`/training-sessions/${id}/invitees`, { method: 'POST', body });
export const rsvp = (id: number, personId: number, response: TRsvp) =>
  api<TSession>(`/training-sessions/${id}/rsvp`, { method: 'POST', body: { personId, response } });
export const markAttendance = (id: number, marks: { personId: number; status: TTrainingAttendance }[]) =>
  api<TAttendanceResult>(`/training-sessions/${id}/attendance`, { method: 'POST', body: { marks } });
export const fetchPersonTrainings = (personId: number, signal?: AbortSignal) =>
  api<{ items: TPersonTraining[] }>(`/people/${personId}/trainings`, { signal }).then((r) => r.items);
export const fetchCoverage = (unitId: number, courseId: number | null, signal?: AbortSignal) =>
  api<TTrainingCoverage>(`/units/${unitId}/training-coverage`, { query: { course: courseId }, signal });

export const fetchHistory = (path: string, signal?: AbortSignal) => api<{ items: THistoryEntry[] }>(path, { signal }).then((r) => r.items);

export type TMyTrainingPage = { items: TMyTraining[]; nextCursor: string | null };
export const MY_TRAININGS_PAGE_SIZE = 30;
/** The logged-in user's own upcoming invitations, newest first. */
export const fetchMyTrainings = (cursor: string | null, signal?: AbortSignal) =>
  api<TMyTrainingPage>('/my/trainings', { query: { limit: MY_TRAININGS_PAGE_SIZE, cursor }, signal });
/** The invitee's own answer to a session's invitation. */
export const rsvpMine = (sessionId: number, response: 'yes' | 'no') =>
  api<TMyTraining>(`/my/trainings/${sessionId}/rsvp`, { method: 'POST', body: { response } });
