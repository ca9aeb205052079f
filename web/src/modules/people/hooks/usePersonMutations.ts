import type { TPerson, TPersonCreate, TPersonPatch } from '@samiti/common';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { driveKeys } from '../../membership/api';
import { postKeys } from '../../posts/api';
import {
  createPerson,
  deletePerson,
  mergePerson,
  patchPerson,
  personKeys,
  removePersonPhoto,
  restorePerson,
  unmergePerson,
  uploadPersonPhoto,
} from '../api';
import { shrinkPhoto } from '../photo';

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

/** A merge or unmerge also moves memberships and enrolment credit, so drive figures refresh too. */
const afterMerge = async (queryClient: QueryClient, person: TPerson): Promise<void> => {
  await Promise.all([afterWrite(queryClient, person), queryClient.invalidateQueries({ queryKey: driveKeys.all })]);
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

/** Merge one record into another (which pair is chosen per call); refreshes people lists, duplicates and person pages. */
export const useMergePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sourceId, intoId }: { sourceId: number; intoId: number }) => mergePerson(sourceId, intoId),
    onSuccess: (r) => afterMerge(queryClient, r.person),
  });
};

export const useUnmergePerson = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => unmergePerson(id), onSuccess: (p) => afterMerge(queryClient, p) });
};

/** Shrinks the chosen picture in the browser, then uploads it as the person's photo. */
export const useUploadPhoto = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => uploadPersonPhoto(id, await shrinkPhoto(file)),
    onSuccess: (p) => afterWrite(queryClient, p),
  });
};

export const useRemovePhoto = (id: number) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => removePersonPhoto(id), onSuccess: (p) => afterWrite(queryClient, p) });
};
