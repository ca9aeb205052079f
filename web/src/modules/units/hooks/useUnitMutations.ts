import type { TUnit, TUnitCreate, TUnitPatch } from '@samiti/common';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { createUnit, deleteUnit, patchUnit, restoreUnit, unitKeys } from '../api';

/**
 * After any write: show the returned unit at once, then refresh what is on screen (counts,
 * breadcrumbs, children, history) and mark every other cached unit stale, since a rename,
 * move or delete shows up in other units' lists and breadcrumbs.
 */
const afterWrite = async (queryClient: QueryClient, unit: TUnit): Promise<void> => {
  queryClient.setQueryData(unitKeys.detail(unit.id), unit);
  await queryClient.invalidateQueries({ queryKey: unitKeys.all });
};

export const useCreateUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: TUnitCreate) => createUnit(body), onSuccess: (unit) => afterWrite(queryClient, unit) });
};

export const usePatchUnit = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: TUnitPatch) => patchUnit(id, body), onSuccess: (unit) => afterWrite(queryClient, unit) });
};

export const useDeleteUnit = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => deleteUnit(id), onSuccess: (unit) => afterWrite(queryClient, unit) });
};

export const useRestoreUnit = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => restoreUnit(id), onSuccess: (unit) => afterWrite(queryClient, unit) });
};
