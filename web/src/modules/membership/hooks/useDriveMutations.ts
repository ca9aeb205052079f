import type { TDriveCreateInput, TEnrolBody, TMembership, TTargetSet, TVerifyMethod } from '@samiti/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys } from '../../people/api';
import { createDrive, driveKeys, enrol, rejectMembership, setTargets, verifyMembership } from '../api';

/** Any enrolment or decision moves counts at every level, the members list and the leaderboard. */
const useRefreshDrive = () => {
  const queryClient = useQueryClient();
  return (driveId: number) => queryClient.invalidateQueries({ queryKey: driveKeys.detail(driveId) });
};

export const useCreateDrive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDriveCreateInput) => createDrive(body),
    onSuccess: async (drive) => {
      queryClient.setQueryData(driveKeys.detail(drive.id), drive);
      await queryClient.invalidateQueries({ queryKey: driveKeys.list });
    },
  });
};

export const useSetTargets = (driveId: number) => {
  const refresh = useRefreshDrive();
  return useMutation({ mutationFn: (body: TTargetSet) => setTargets(driveId, body), onSuccess: () => refresh(driveId) });
};

export const useEnrol = (driveId: number) => {
  const refresh = useRefreshDrive();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEnrolBody) => enrol(driveId, body),
    // A person given inline may have just been added to the people list.
    onSuccess: () => Promise.all([refresh(driveId), queryClient.invalidateQueries({ queryKey: personKeys.all })]),
  });
};

export const useVerifyMembership = () => {
  const refresh = useRefreshDrive();
  return useMutation({
    mutationFn: ({ id, method }: { id: number; method: TVerifyMethod }) => verifyMembership(id, method),
    onSuccess: (m: TMembership) => refresh(m.driveId),
  });
};

export const useRejectMembership = () => {
  const refresh = useRefreshDrive();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => rejectMembership(id, reason),
    onSuccess: (m: TMembership) => refresh(m.driveId),
  });
};
