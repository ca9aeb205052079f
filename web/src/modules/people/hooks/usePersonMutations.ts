import type { TPerson, TPersonCreate, TPersonPatch } from '@samiti/common';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { postKeys } from '../../posts/api';
import { createPerson, deletePerson, patchPerson, personKeys, restorePerson } from '../api';

/**
 * After any write: show the returned person at once, then refresh lists and history, and the
 * post slots that show this person's name.
 */
const afterWrite = async (queryClient: QueryClient, person: TPerson): Promise<void> => {
  queryClient.setQueryData(personKeys.detail(person.id), person);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: personKeys.all }),
    queryClient.invalidateQueries({ queryKey: postKeys.all }),
  ]);
};

export const useCreatePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: TPersonCreate) => createPerson(body), onSuccess: (p) => afterWrite(queryClient, p) });
};

export const usePatchPerson = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: TPersonPatch) => patchPerson(id, body), onSuccess: (p) => afterWrite(queryClient, p) });
};

export const useDeletePerson = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => deletePerson(id), onSuccess: (p) => afterWrite(queryClient, p) });
};

export const useRestorePerson = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => restorePerson(id), onSuccess: (p) => afterWrite(queryClient, p) });
};
