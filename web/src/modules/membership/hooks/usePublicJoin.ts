import type { TPublicDrive, TSelfEnrolBody } from '@samiti/common';
import { useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { driveKeys, fetchPublicDrive, requestOtp, selfEnrol } from '../api';

export const usePublicDrive = (id: number): UseQueryResult<TPublicDrive> =>
  useQuery({ queryKey: driveKeys.publicDrive(id), queryFn: ({ signal }) => fetchPublicDrive(id, signal) });

export const useRequestOtp = (driveId: number) => useMutation({ mutationFn: (phone: string) => requestOtp(driveId, phone) });

export const useSelfEnrol = (driveId: number) => useMutation({ mutationFn: (body: TSelfEnrolBody) => selfEnrol(driveId, body) });
