import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unitKeys } from '../../units/api';
import { appoint, endTenure, postKeys, replaceTenure, type TAppointBody, type TEndBody, type TReplaceBody } from '../api';

/** Any appointment changes a unit's slots, its post history and the people's own post lists. */
const useRefresh = () => {
  const queryClient = useQueryClient();
  return (unitId: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: postKeys.all }),
      queryClient.invalidateQueries({ queryKey: unitKeys.history(unitId) }),
    ]);
};

export const useAppoint = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TAppointBody) => appoint(body), onSuccess: (t) => refresh(t.unitId) });
};

export const useEndTenure = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ tenureId, body }: { tenureId: number; body: TEndBody }) => endTenure(tenureId, body),
    onSuccess: (t) => refresh(t.unitId),
  });
};

export const useReplaceTenure = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ tenureId, body }: { tenureId: number; body: TReplaceBody }) => replaceTenure(tenureId, body),
    onSuccess: (r) => refresh(r.started.unitId),
  });
};
