import { CONSENT_METHODS, type TConsent } from '@samiti/common';
import { isIsoDate } from '../../lib/dates';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the file picker offers: CSV and XLSX, by extension and by type (phones often know only one of them). */
export const IMPORT_ACCEPT = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;
/** The server's upload limit. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/**
 * The Content-Type to upload a file with, one of those the server reads: the extension decides
 * (Windows calls a .csv "application/vnd.ms-excel"), then the browser's type, else a plain byte
 * stream that the server inspects itself.
 */
export const uploadContentType = (fileName: string, fileType: string): string => {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || fileType === XLSX_TYPE) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.txt') || fileType === 'text/csv') return 'text/csv';
  return 'application/octet-stream';
};

/** Whether the file looks like something the import reads (a CSV or an XLSX). */
export const isImportFile = (fileName: string, fileType: string): boolean =>
  uploadContentType(fileName, fileType) !== 'application/octet-stream';

/** What the file holds: people (with their posts), or members to enrol into a drive. */
export type TImportKind = 'people-posts' | 'members';
export type TImportOptions = { purpose: string; date: string; method: string; state: string; kind?: TImportKind; driveId?: string };
export type TImportField = Exclude<keyof TImportOptions, 'kind'> | 'file';
/** Each is a key under `imports.errors`. */
export type TImportProblem =
  | 'fileRequired'
  | 'fileType'
  | 'fileTooLarge'
  | 'purposeRequired'
  | 'dateInvalid'
  | 'dateFuture'
  | 'methodRequired'
  | 'stateInvalid'
  | 'driveRequired';

/** The i18n key of a problem (the members import's own live under `memberImports`). */
export const problemKey = (p: TImportProblem) =>
  p === 'driveRequired' ? ('memberImports.driveRequired' as const) : (`imports.errors.${p}` as const);

const isMethod = (v: string): v is TConsent['method'] => (CONSENT_METHODS as readonly string[]).includes(v);
const clean = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** Upper-cased state code with the spaces taken out ("s 24" → "S24"); empty stays empty. */
export const normalizeStateCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

export const validateImport = (
  file: { name: string; type: string; size: number } | null,
  v: TImportOptions,
  today: string,
): Partial<Record<TImportField, TImportProblem>> => {
  const out: Partial<Record<TImportField, TImportProblem>> = {};
  if (!file) out.file = 'fileRequired';
  else if (!isImportFile(file.name, file.type)) out.file = 'fileType';
  else if (file.size > MAX_IMPORT_BYTES) out.file = 'fileTooLarge';
  if (clean(v.purpose).length < 3) out.purpose = 'purposeRequired';
  if (!isIsoDate(v.date)) out.date = 'dateInvalid';
  else if (v.date > today) out.date = 'dateFuture';
  if (!isMethod(v.method)) out.method = 'methodRequired';
  const state = normalizeStateCode(v.state);
  if (state && !/^[SU]\d{2}$/.test(state)) out.state = 'stateInvalid';
  if (v.kind === 'members' && !/^[1-9]\d*$/.test(v.driveId ?? '')) out.driveId = 'driveRequired';
  return out;
};

/** The upload's query string: the consent that covers every row, the optional state and the file's name. */
export const importQuery = (v: TImportOptions, fileName: string, dryRun: boolean) => ({
  dryRun,
  consentPurpose: clean(v.purpose),
  consentDate: v.date,
  consentMethod: v.method,
  state: normalizeStateCode(v.state),
  fileName: fileName.slice(0, 200),
  ...(v.kind === 'members' ? { driveId: Number(v.driveId) } : {}),
});

/** The upload's path: people and posts, or members (into the drive the query names). */
export const importPath = (kind: TImportKind | undefined) => (kind === 'members' ? '/imports/members' : '/imports/people-posts');

export type TImportRowError = { line: number; messages: string[] };
type TReportBase = { dryRun: boolean; rows: number; newPeople: number; matchedPeople: number; errors: TImportRowError[] };
export type TPeoplePostsReport = TReportBase & { appointments: number; alreadyHolding: number };
export type TMembersReport = TReportBase & { enrolments: number; alreadyMembers: number };
export type TImportReport = TPeoplePostsReport | TMembersReport;
export const isMembersReport = (r: TImportReport): r is TMembersReport => 'enrolments' in r;
export type TImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type TImportJob = {
  id: number;
  kind: TImportKind;
  status: TImportStatus;
  processed: number;
  total: number;
  report: TImportReport | null;
  error: string | null;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
};

const isRowError = (v: unknown): v is TImportRowError =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as TImportRowError).line === 'number' &&
  Array.isArray((v as TImportRowError).messages) &&
  (v as TImportRowError).messages.every((m) => typeof m === 'string');

/** The row report a refused upload (400) carries in its body, or null when it has none. */
export const reportOfErrorBody = (body: Record<string, unknown> | undefined): TImportReport | null => {
  const r = body?.report;
  if (typeof r !== 'object' || r === null) return null;
  const report = r as Partial<TImportReport>;
  if (!Array.isArray(report.errors) || !report.errors.every(isRowError) || typeof report.rows !== 'number') return null;
  return report as TImportReport;
};

export const isJobFinished = (status: TImportStatus): boolean => status === 'done' || status === 'failed';

/** Share of the job done, 0–100 (0 while the total is not yet known). */
export const jobPercent = (job: Pick<TImportJob, 'processed' | 'total' | 'status'>): number => {
  if (job.status === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.round((job.processed * 100) / job.total));
};

/** The form field a server validation error names ("querystring.consentPurpose" → "purpose"), or null. */
export const importFieldOf = (serverField: string | undefined): TImportField | null => {
  const f = serverField?.replace(/^querystring\./, '');
  switch (f) {
    case 'consentPurpose':
      return 'purpose';
    case 'consentDate':
      return 'date';
    case 'consentMethod':
      return 'method';
    case 'state':
      return 'state';
    case 'driveId':
      return 'driveId';
    case 'file':
    case 'body':
      return 'file';
    default:
      return null;
  }
};
