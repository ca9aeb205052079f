import { api } from '../../lib/api';
import { importPath, importQuery, type TImportJob, type TImportOptions, type TImportReport, uploadContentType } from './upload';

export const importKeys = { job: (id: number) => ['imports', id] as const };

const upload = <T>(file: File, options: TImportOptions, dryRun: boolean): Promise<T> =>
  api<T>(importPath(options.kind), {
    method: 'POST',
    query: importQuery(options, file.name, dryRun),
    raw: { data: file, contentType: uploadContentType(file.name, file.type) },
  });

/** Reads the whole file and answers with what an import would do; a 400 carries the rows' errors in `body.report`. */
export const checkImport = (file: File, options: TImportOptions): Promise<TImportReport> => upload<TImportReport>(file, options, true);

/** Checks the file again and queues it: the import then runs all-or-nothing in the background. */
export const startImport = (file: File, options: TImportOptions): Promise<TImportJob> => upload<TImportJob>(file, options, false);

export const fetchImportJob = (id: number, signal?: AbortSignal): Promise<TImportJob> => api<TImportJob>(`/imports/${id}`, { signal });
