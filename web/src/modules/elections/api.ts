import type {
  TAspirant,
  TAspirantApplyBody,
  TAspirantCreate,
  TAspirantDocument,
  TElectionImportJob,
  TPublicElection,
  TAspirantStage,
  TElection,
  TElectionCreate,
  TElectionPatch,
  TElectionType,
  TImportReport,
  TPartyRef,
  TSeat,
  TSeatCreate,
} from '@samiti/common';
import type { z } from 'zod';
import type {
  ZAspirantApplyResult,
  ZCoverage,
  ZCriterion,
  ZElectionResults,
  ZElectionSetting,
  ZPublicUnitList,
  ZSeatAspirants,
  ZSeatResult,
} from '@samiti/common';
import { api } from '../../lib/api';

export type TElectionResults = z.infer<typeof ZElectionResults>;
export type TSeatResult = z.infer<typeof ZSeatResult>;
export type TSeatAspirants = z.infer<typeof ZSeatAspirants>;
export type TCoverage = z.infer<typeof ZCoverage>;
export type TCriterion = z.infer<typeof ZCriterion>;
export type TElectionSetting = z.infer<typeof ZElectionSetting>;
export type TElectionFilter = { type: TElectionType | null; year: number | null };
export type TSeatFilter = { q: string; coverage: 'no-aspirant' | 'no-candidate' | 'candidate' | null; state: string | null };
export type TSeatPage = { items: TSeat[]; nextCursor: string | null; total: number };
export type TImportKind = 'seats' | 'results' | 'booth-results';

/** Every elections query starts with 'elections': one invalidation after a write refreshes lists, coverage and results. */
export const electionKeys = {
  all: ['elections'] as const,
  list: (f: TElectionFilter) => ['elections', 'list', f] as const,
  detail: (id: number) => ['elections', id] as const,
  seats: (id: number, f: TSeatFilter) => ['elections', id, 'seats', f] as const,
  coverage: (id: number) => ['elections', id, 'coverage'] as const,
  results: (id: number, party: string | null, state: string | null) => ['elections', id, 'results', party, state] as const,
  seatResult: (id: number, party: string | null) => ['elections', 'seat', id, 'result', party] as const,
  aspirants: (id: number) => ['elections', 'seat', id, 'aspirants'] as const,
  documents: (id: number) => ['elections', 'aspirant', id, 'documents'] as const,
  importJob: (electionId: number, jobId: number) => ['elections', electionId, 'import-job', jobId] as const,
  criteria: (id: number) => ['elections', id, 'criteria'] as const,
  setting: ['elections', 'setting'] as const,
  parties: (q: string) => ['elections', 'parties', q] as const,
};

export const SEATS_PAGE_SIZE = 50;

export const fetchElections = (f: TElectionFilter, signal?: AbortSignal) =>
  api<{ items: TElection[]; nextCursor: string | null }>('/elections', { query: { type: f.type, year: f.year, limit: 200 }, signal }).then(
    (r) => r.items,
  );
export const fetchElection = (id: number, signal?: AbortSignal) => api<TElection>(`/elections/${id}`, { signal });
export const createElection = (body: TElectionCreate) => api<TElection>('/elections', { method: 'POST', body });
export const fetchSeats = (id: number, f: TSeatFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TSeatPage>(`/elections/${id}/seats`, {
    query: { q: f.q, coverage: f.coverage, state: f.state, limit: SEATS_PAGE_SIZE, cursor },
    signal,
  });
export const createSeat = (id: number, body: TSeatCreate) => api<TSeat>(`/elections/${id}/seats`, { method: 'POST', body });
export const fetchCoverage = (id: number, signal?: AbortSignal) => api<TCoverage>(`/elections/${id}/coverage`, { signal });
export const fetchResults = (id: number, party: string | null, state: string | null, signal?: AbortSignal) =>
  api<TElectionResults>(`/elections/${id}/results`, { query: { party, state }, signal });
export const fetchSeatResult = (id: number, party: string | null, signal?: AbortSignal) =>
  api<TSeatResult>(`/seats/${id}/result`, { query: { party }, signal });
export const fetchSeatAspirants = (id: number, signal?: AbortSignal) => api<TSeatAspirants>(`/seats/${id}/aspirants`, { signal });
export const addAspirant = (seatId: number, body: TAspirantCreate) =>
  api<TAspirant>(`/seats/${seatId}/aspirants`, { method: 'POST', body });
export const moveAspirant = (id: number, to: TAspirantStage, reason?: string) =>
  api<TAspirant>(`/aspirants/${id}/move`, { method: 'POST', body: { to, reason: reason || undefined } });
export const scoreAspirant = (id: number, scores: { criterionId: number; score: number }[]) =>
  api<TAspirant>(`/aspirants/${id}/scores`, { method: 'POST', body: { scores } });
export const createCriterion = (electionId: number, body: { name: string; nameHi?: string; maxScore: number }) =>
  api<TCriterion>(`/elections/${electionId}/criteria`, { method: 'POST', body });
export const fetchSetting = (signal?: AbortSignal) => api<TElectionSetting>('/election-settings', { signal });
export const saveSetting = (ourParty: string | null) => api<TElectionSetting>('/election-settings', { method: 'PUT', body: { ourParty } });
export const fetchParties = (q: string, signal?: AbortSignal) =>
  api<{ items: TPartyRef[] }>('/parties', { query: { q }, signal }).then((r) => r.items);

const contentType = (file: File) =>
  file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
/** A check answers the row report; a real results import answers the queued job (seats import inline: the report). */
export type TBoothLayout = 'auto' | 'party-columns' | 'form-20';
export const uploadImport = (
  electionId: number,
  kind: TImportKind,
  file: File,
  dryRun: boolean,
  opts: { state?: string; layout?: TBoothLayout; ac?: number } = {},
) =>
  api<TImportReport | TElectionImportJob>(
    `/elections/${electionId}/${kind === 'seats' ? 'seats' : kind === 'results' ? 'results' : 'booth-results'}/import`,
    {
      method: 'POST',
      query: {
        dryRun,
        state: opts.state,
        fileName: kind === 'seats' ? undefined : file.name.slice(0, 200),
        ...(kind === 'booth-results' ? { layout: opts.layout, ac: opts.ac } : {}),
      },
      raw: { data: file, contentType: contentType(file) },
    },
  );
export const isImportJob = (r: TImportReport | TElectionImportJob): r is TElectionImportJob => 'status' in r;
export const fetchImportJob = (electionId: number, jobId: number, signal?: AbortSignal) =>
  api<TElectionImportJob>(`/elections/${electionId}/imports/${jobId}`, { signal });

export const setElectionApplications = (id: number, open: boolean) =>
  api<TElection>(`/elections/${id}/applications`, { method: 'PUT', body: { open } });
export const setSeatApplications = (id: number, open: boolean | null) =>
  api<TSeat>(`/seats/${id}/applications`, { method: 'PUT', body: { open } });

// The public application form (no session).
export type TPublicUnits = z.infer<typeof ZPublicUnitList>;
export type TOtpSent = { expiresAt: string; phone: string };
export type TApplyResult = z.infer<typeof ZAspirantApplyResult>;
export const fetchPublicElection = (id: number, q: string, cursor: string | null, signal?: AbortSignal, limit = 50) =>
  api<TPublicElection>(`/public/elections/${id}`, { query: { q: q || undefined, cursor, limit }, signal });
export const fetchPublicSeatUnits = (seatId: number, q: string, signal?: AbortSignal) =>
  api<TPublicUnits>(`/public/seats/${seatId}/units`, { query: { q: q || undefined, limit: 30 }, signal });
export const requestApplicationOtp = (seatId: number, phone: string) =>
  api<TOtpSent>(`/public/seats/${seatId}/otp`, { method: 'POST', body: { phone } });
export const applyForSeat = (seatId: number, body: TAspirantApplyBody) =>
  api<TApplyResult>(`/public/seats/${seatId}/apply`, { method: 'POST', body });

// Aspirant documents.
export type TDocumentPage = { items: TAspirantDocument[]; nextCursor: string | null; canUpload: boolean };
export const fetchAspirantDocuments = (id: number, cursor: string | null, signal?: AbortSignal) =>
  api<TDocumentPage>(`/aspirants/${id}/documents`, { query: { cursor, limit: 50 }, signal });
export const uploadAspirantDocument = (id: number, file: File, label?: string) =>
  api<TAspirantDocument>(`/aspirants/${id}/documents`, {
    method: 'POST',
    query: { name: file.name, label: label || undefined },
    raw: { data: file, contentType: file.type || 'application/octet-stream' },
  });
export const removeAspirantDocument = (id: number, documentId: number) =>
  api<null>(`/aspirants/${id}/documents/${documentId}`, { method: 'DELETE' });
export const updateElection = (id: number, body: TElectionPatch) => api<TElection>(`/elections/${id}`, { method: 'PATCH', body });
export const fetchCriteria = (id: number, signal?: AbortSignal) =>
  api<{ items: TCriterion[] }>(`/elections/${id}/criteria`, { signal }).then((r) => r.items);
export type THistoryItem = { id: number; at: string; action: string; actor: string | null; before: unknown; after: unknown };
export const fetchHistory = (kind: 'elections' | 'seats', id: number, signal?: AbortSignal) =>
  api<{ items: THistoryItem[] }>(`/${kind}/${id}/history`, { signal }).then((r) => r.items);
