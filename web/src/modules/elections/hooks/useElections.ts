import type { TAspirantCreate, TAspirantStage, TElectionCreate, TElectionPatch } from '@samiti/common';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addAspirant,
  createCriterion,
  createElection,
  electionKeys,
  fetchCoverage,
  fetchElection,
  fetchElections,
  fetchParties,
  fetchResults,
  fetchSeatAspirants,
  fetchSeatResult,
  fetchSeats,
  fetchSetting,
  moveAspirant,
  saveSetting,
  scoreAspirant,
  type TElectionFilter,
  type TSeatFilter,
  updateElection,
} from '../api';

export const useElections = (f: TElectionFilter) =>
  useQuery({ queryKey: electionKeys.list(f), queryFn: ({ signal }) => fetchElections(f, signal) });
export const useElection = (id: number) =>
  useQuery({ queryKey: electionKeys.detail(id), queryFn: ({ signal }) => fetchElection(id, signal) });
export const useSeats = (id: number, f: TSeatFilter) =>
  useInfiniteQuery({
    queryKey: electionKeys.seats(id, f),
    queryFn: ({ signal, pageParam }) => fetchSeats(id, f, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
export const useCoverage = (id: number) =>
  useQuery({ queryKey: electionKeys.coverage(id), queryFn: ({ signal }) => fetchCoverage(id, signal) });
export const useResults = (id: number, party: string | null, state: string | null) =>
  useQuery({
    queryKey: electionKeys.results(id, party, state),
    queryFn: ({ signal }) => fetchResults(id, party, state, signal),
    placeholderData: keepPreviousData,
  });
export const useSeatResult = (id: number, party: string | null) =>
  useQuery({
    queryKey: electionKeys.seatResult(id, party),
    queryFn: ({ signal }) => fetchSeatResult(id, party, signal),
    placeholderData: keepPreviousData,
  });
export const useSeatAspirants = (id: number) =>
  useQuery({ queryKey: electionKeys.aspirants(id), queryFn: ({ signal }) => fetchSeatAspirants(id, signal) });
export const useElectionSetting = () =>
  useQuery({ queryKey: electionKeys.setting, queryFn: ({ signal }) => fetchSetting(signal), staleTime: 60_000 });
export const useParties = (q: string) =>
  useQuery({ queryKey: electionKeys.parties(q), queryFn: ({ signal }) => fetchParties(q, signal), staleTime: 5 * 60_000 });

/** Any elections write can change counts, coverage and results: refresh the whole family. */
const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: electionKeys.all });
};

export const useCreateElection = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TElectionCreate) => createElection(body), onSuccess: refresh });
};
export const useAddAspirant = (seatId: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TAspirantCreate) => addAspirant(seatId, body), onSuccess: refresh });
};
export const useMoveAspirant = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: number; to: TAspirantStage; reason?: string }) => moveAspirant(v.id, v.to, v.reason),
    onSuccess: refresh,
  });
};
export const useScoreAspirant = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: number; scores: { criterionId: number; score: number }[] }) => scoreAspirant(v.id, v.scores),
    onSuccess: refresh,
  });
};
export const useCreateCriterion = (electionId: number) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { name: string; nameHi?: string; maxScore: number }) => createCriterion(electionId, body),
    onSuccess: refresh,
  });
};
export const useSaveSetting = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (party: string | null) => saveSetting(party), onSuccess: refresh });
};
export const useUpdateElection = (id: number) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TElectionPatch) => updateElection(id, body), onSuccess: refresh });
};
