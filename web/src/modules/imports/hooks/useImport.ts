import { useMutation, useQuery } from '@tanstack/react-query';
import { checkImport, fetchImportJob, importKeys, startImport } from '../api';
import { isJobFinished, type TImportOptions } from '../upload';

type TUpload = { file: File; options: TImportOptions };

export const useCheckImport = () => useMutation({ mutationFn: ({ file, options }: TUpload) => checkImport(file, options) });

export const useStartImport = () => useMutation({ mutationFn: ({ file, options }: TUpload) => startImport(file, options) });

/** A background import, asked again every second until it is done or has failed. */
export const useImportJob = (id: number | null) =>
  useQuery({
    queryKey: importKeys.job(id ?? 0),
    queryFn: ({ signal }) => fetchImportJob(id ?? 0, signal),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isJobFinished(query.state.data.status) ? false : 1000),
    refetchIntervalInBackground: true,
  });
