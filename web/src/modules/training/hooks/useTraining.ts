import type {
  TMyTraining,
  TCourseCreate,
  TCoursePatch,
  TInviteBodyInput,
  TInvitee,
  TRsvp,
  TSessionCreateInput,
  TSessionPatch,
  TTrainingAttendance,
} from '@samiti/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCourse,
  createSession,
  fetchCourse,
  fetchCourses,
  fetchCoverage,
  fetchHistory,
  fetchInvitees,
  fetchMyTrainings,
  fetchPersonTrainings,
  fetchSession,
  invite,
  markAttendance,
  rsvp,
  rsvpMine,
  type TCourseFilter,
  type TInviteeFilter,
  trainingKeys,
  updateCourse,
  updateSession,
} from '../api';
import { useCursorQuery } from '../../../lib/cursor';

export const useCourses = (filter: TCourseFilter) =>
  useCursorQuery(trainingKeys.list(filter), (cursor, signal) => fetchCourses(filter, cursor, signal), true);

export const useCourse = (id: number) => useQuery({ queryKey: trainingKeys.course(id), queryFn: ({ signal }) => fetchCourse(id, signal) });
export const useSession = (id: number) =>
  useQuery({ queryKey: trainingKeys.session(id), queryFn: ({ signal }) => fetchSession(id, signal) });

export const useInvitees = (id: number, filter: TInviteeFilter) =>
  useCursorQuery<TInvitee>(trainingKeys.invitees(id, filter), (cursor, signal) => fetchInvitees(id, filter, cursor, signal), true);

export const usePersonTrainings = (personId: number) =>
  useQuery({ queryKey: trainingKeys.person(personId), queryFn: ({ signal }) => fetchPersonTrainings(personId, signal) });

export const useCoverage = (unitId: number, courseId: number | null) =>
  useQuery({
    queryKey: trainingKeys.coverage(unitId, courseId),
    queryFn: ({ signal }) => fetchCoverage(unitId, courseId, signal),
    placeholderData: keepPreviousData,
  });

/** Any training write can move counts, completion and coverage: refresh everything under 'training'. */
const useTrainingMutation = <A, R>(fn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
};

export const useCreateCourse = () => useTrainingMutation((body: TCourseCreate) => createCourse(body));
export const useUpdateCourse = (id: number) => useTrainingMutation((body: TCoursePatch) => updateCourse(id, body));
export const useCreateSession = (courseId: number) => useTrainingMutation((body: TSessionCreateInput) => createSession(courseId, body));
export const useUpdateSession = (id: number) => useTrainingMutation((body: TSessionPatch) => updateSession(id, body));
export const useInvite = (id: number) => useTrainingMutation((body: TInviteBodyInput) => invite(id, body));
export const useRsvp = (id: number) => useTrainingMutation((a: { personId: number; response: TRsvp }) => rsvp(id, a.personId, a.response));
export const useMarkAttendance = (id: number) =>
  useTrainingMutation((marks: { personId: number; status: TTrainingAttendance }[]) => markAttendance(id, marks));

/** The audit trail of a course (`/trainings/:id/history`) or session (`/training-sessions/:id/history`). */
export const useTrainingHistory = (path: string) =>
  useQuery({ queryKey: ['training', 'history', path], queryFn: ({ signal }) => fetchHistory(path, signal) });

/** "My trainings": the login's own invitations, paged. */
export const useMyTrainings = () =>
  useCursorQuery<TMyTraining>(trainingKeys.mine, (cursor, signal) => fetchMyTrainings(cursor, signal), true);
export const useRsvpMine = (sessionId: number) => useTrainingMutation((response: 'yes' | 'no') => rsvpMine(sessionId, response));
