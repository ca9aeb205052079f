import type { TMeeting, TMeetingAttendance, TMeetingAttendanceEntryInput, TMeetingCreateInput, TMeetingInviteeSpecInput, TMeetingPatch, TMeetingStatusMove } from '@samiti/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorQuery } from '../../../lib/cursor';
import { personKeys } from '../../people/api';
import {
  addResolution,
  createMeeting,
  editResolution,
  fetchAttendance,
  fetchMeeting,
  fetchMeetingHistory,
  fetchResolutions,
  fetchUnitMeetings,
  meetingKeys,
  moveMeeting,
  patchMeeting,
  putAttendance,
  putInvitees,
  putMinutes,
  type TMeetingFilter,
  withdrawResolution,
} from '../api';
import { mergeAttendance } from '../attendance';

/** A unit's meetings, 20 at a time; `fetchNextPage` follows the server's cursor. */
export const useUnitMeetings = (unitId: number, filter: TMeetingFilter) =>
  useCursorQuery(meetingKeys.list(unitId, filter), (cursor, signal) => fetchUnitMeetings(unitId, filter, cursor, signal));

export const useMeeting = (id: number) => useQuery({ queryKey: meetingKeys.detail(id), queryFn: ({ signal }) => fetchMeeting(id, signal) });
export const useAttendance = (id: number) => useQuery({ queryKey: meetingKeys.attendance(id), queryFn: ({ signal }) => fetchAttendance(id, signal) });
export const useResolutions = (id: number) => useQuery({ queryKey: meetingKeys.resolutions(id), queryFn: ({ signal }) => fetchResolutions(id, signal) });
export const useMeetingHistory = (id: number) => useQuery({ queryKey: meetingKeys.history(id), queryFn: ({ signal }) => fetchMeetingHistory(id, signal) });

/** After any write: the meeting, its lists and counts, and its history change together. */
const useRefresh = () => {
  const queryClient = useQueryClient();
  return (meeting?: TMeeting) => {
    if (meeting) queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
    return queryClient.invalidateQueries({ queryKey: meetingKeys.all });
  };
};

export const useCreateMeeting = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TMeetingCreateInput) => createMeeting(body), onSuccess: (m) => refresh(m) });
};

export const usePatchMeeting = (id: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TMeetingPatch) => patchMeeting(id, body), onSuccess: (m) => refresh(m) });
};

export const useMoveMeeting = (id: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TMeetingStatusMove) => moveMeeting(id, body), onSuccess: (m) => refresh(m) });
};

export const useInvitees = (id: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TMeetingInviteeSpecInput) => putInvitees(id, body), onSuccess: (m) => refresh(m) });
};

export const useMinutes = (id: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: { text: string; lang: 'en' | 'hi' }) => putMinutes(id, body), onSuccess: (m) => refresh(m) });
};

export const useTakeAttendance = (id: number) => {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: TMeetingAttendanceEntryInput[]) => putAttendance(id, entries),
    onSuccess: async (att) => {
      // The answer holds only the rows just written: merge them (walk-ins go last, as the server orders them).
      queryClient.setQueryData<TMeetingAttendance>(meetingKeys.attendance(id), (old) => (old ? mergeAttendance(old, att) : old));
      // A walk-in created on the spot is a new person too.
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: personKeys.all })]);
    },
  });
};

export const useResolutionMutations = (id: number) => {
  const refresh = useRefresh();
  return {
    add: useMutation({ mutationFn: (text: string) => addResolution(id, text), onSuccess: () => refresh() }),
    edit: useMutation({ mutationFn: (v: { rid: number; text: string }) => editResolution(id, v.rid, v.text), onSuccess: () => refresh() }),
    withdraw: useMutation({ mutationFn: (v: { rid: number; reason: string }) => withdrawResolution(id, v.rid, v.reason), onSuccess: () => refresh() }),
  };
};
