import type { TStopCreateInput, TStopPatch, TStopReportBody, TTourCreate, TTourPatch } from '@samiti/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorQuery } from '../../../lib/cursor';
import { monthRange } from '../month';
import {
  addStop,
  createStopProgrammeInstance,
  fetchInstanceTourStops,
  fetchProgrammeChoices,
  fetchProgrammeOptions,
  createTour,
  fetchLeaderCalendar,
  fetchTour,
  fetchTourHistory,
  fetchTours,
  fetchUnitCalendar,
  removeStopPhoto,
  reportStop,
  type TTourFilter,
  tourKeys,
  updateStop,
  updateTour,
  uploadStopPhoto,
} from '../api';
import { shrinkPhoto } from '../../people/photo';

export const useTours = (filter: TTourFilter) =>
  useCursorQuery(tourKeys.list(filter), (cursor, signal) => fetchTours(filter, cursor, signal), true);

export const useTour = (id: number) => useQuery({ queryKey: tourKeys.detail(id), queryFn: ({ signal }) => fetchTour(id, signal) });
export const useTourHistory = (path: string) =>
  useQuery({ queryKey: tourKeys.history(path), queryFn: ({ signal }) => fetchTourHistory(path, signal) });

export const useUnitCalendar = (unitId: number, month: string) =>
  useQuery({
    queryKey: tourKeys.unitCalendar(unitId, month),
    queryFn: ({ signal }) => fetchUnitCalendar(unitId, monthRange(month), signal),
    placeholderData: keepPreviousData,
  });
export const useLeaderCalendar = (personId: number, month: string) =>
  useQuery({
    queryKey: tourKeys.leaderCalendar(personId, month),
    queryFn: ({ signal }) => fetchLeaderCalendar(personId, monthRange(month), signal),
    placeholderData: keepPreviousData,
  });

/** Any tour write can move stops on several calendars: refresh everything under 'tours'. */
const useTourMutation = <A, R>(fn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: tourKeys.all }) });
};

export const useCreateTour = () => useTourMutation((body: TTourCreate) => createTour(body));
export const useUpdateTour = (id: number) => useTourMutation((body: TTourPatch) => updateTour(id, body));
export const useAddStop = (tourId: number) => useTourMutation((body: TStopCreateInput) => addStop(tourId, body));
export const useUpdateStop = (id: number) => useTourMutation((body: TStopPatch) => updateStop(id, body));
export const useReportStop = (id: number) => useTourMutation((body: TStopReportBody) => reportStop(id, body));
/** Shrinks the picture in the browser (as person photos are), then adds it to the stop's report. */
export const useAddStopPhoto = (id: number) => useTourMutation(async (file: File) => uploadStopPhoto(id, await shrinkPhoto(file)));
export const useRemoveStopPhoto = (id: number) => useTourMutation((fileId: number) => removeStopPhoto(id, fileId));

/** Programme instances a stop at the unit may visit (none asked for without a unit). */
export const useProgrammeOptions = (unitId: number | null) =>
  useQuery({
    queryKey: tourKeys.programmeOptions(unitId ?? 0),
    queryFn: ({ signal }) => fetchProgrammeOptions(unitId ?? 0, signal),
    enabled: unitId !== null,
  });
export const useProgrammeChoices = (enabled: boolean) =>
  useQuery({ queryKey: ['tours', 'programme-choices'], queryFn: ({ signal }) => fetchProgrammeChoices(signal), enabled });
export const useCreateStopProgrammeInstance = (stopId: number) =>
  useTourMutation((programmeId: number) => createStopProgrammeInstance(stopId, programmeId));
/** The tour stops visiting a programme instance (shown on the instance's page). */
export const useInstanceTourStops = (instanceId: number) =>
  useQuery({ queryKey: tourKeys.instanceStops(instanceId), queryFn: ({ signal }) => fetchInstanceTourStops(instanceId, signal) });
