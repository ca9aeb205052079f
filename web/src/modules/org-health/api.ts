import type { THealthMap, THealthSignalKey, THealthThreshold, TReplacement, TUnitHealth, TUnitHealthPage } from '@samiti/common';
import { api, apiUrl } from '../../lib/api';

export type THealthSort = 'weak' | 'name' | TUnitHealth['signals'][number]['key'];
export type TScorecardFilter = { inactive: boolean; post: string; level: string };
export type TScorecard = {
  tenureId: number;
  person: { id: number; name: string | null; nameHi: string | null };
  unit: { id: number; name: string; nameHi: string | null; level: string };
  post: string;
  postName: string;
  postNameHi: string;
  meetingsHeld: number;
  meetingsInvited: number;
  meetingsAttended: number;
  directivesOnTime: number;
  directivesOverdue: number;
  membersVerified: number;
  trainingsAttended: number;
  daysSinceActivity: number;
  score: number;
  isInactive: boolean;
};
type TScorecardPage = { items: TScorecard[]; nextCursor: string | null; formula: string };

/** Health queries carry the language: the reasons come back in it. */
export const healthKeys = {
  all: ['org-health'] as const,
  unit: (id: number, lang: string) => ['org-health', 'unit', id, lang] as const,
  children: (id: number, sort: THealthSort, order: string | null, lang: string) =>
    ['org-health', 'children', id, sort, order, lang] as const,
  map: (id: number, kind: string, by: string) => ['org-health', 'map', id, kind, by] as const,
  scorecards: (id: number, f: TScorecardFilter, lang: string) => ['org-health', 'scorecards', id, f, lang] as const,
  replacements: (id: number) => ['org-health', 'replacements', id] as const,
};

export const CHILDREN_PAGE = 25;
export const SCORECARD_PAGE = 25;

export const fetchUnitHealth = (id: number, signal?: AbortSignal) => api<TUnitHealth>(`/units/${id}/health`, { signal });
export const fetchChildrenHealth = (id: number, sort: THealthSort, order: string | null, cursor: string | null, signal?: AbortSignal) =>
  api<TUnitHealthPage>(`/units/${id}/children/health`, { query: { sort, order, cursor, limit: CHILDREN_PAGE }, signal });
/** `by`: a signal to colour the areas by, or null for the share of weak booths. */
export const fetchHealthMap = (id: number, kind: 'state' | 'ac', by: THealthSignalKey | null, signal?: AbortSignal) =>
  api<THealthMap>(`/units/${id}/health/map`, { query: { kind, signal: by ?? undefined }, signal });

const scorecardQuery = (id: number, f: TScorecardFilter) => ({
  underUnitId: id,
  inactive: f.inactive ? 'true' : undefined,
  post: f.post || undefined,
  level: f.level || undefined,
});
export const fetchScorecards = (id: number, f: TScorecardFilter, cursor: string | null, signal?: AbortSignal) =>
  api<TScorecardPage>('/scorecards', { query: { ...scorecardQuery(id, f), cursor, limit: SCORECARD_PAGE }, signal });
/** Where the browser downloads the scorecards; `lang` picks the language of headers and PDF. */
export const scorecardExportUrl = (id: number, f: TScorecardFilter, format: 'csv' | 'xlsx' | 'pdf', lang: string) =>
  apiUrl('/scorecards', { ...scorecardQuery(id, f), format, lang });

export const fetchReplacements = (id: number, signal?: AbortSignal) =>
  api<{ items: TReplacement[]; nextCursor: string | null }>('/replacements', { query: { underUnitId: id, limit: 20 }, signal });
export const proposeReplacement = (body: {
  unitId: number;
  note?: string;
  items: { tenureId: number; successorPersonId: number | null }[];
}) => api<TReplacement>('/replacements', { method: 'POST', body });
export const approveReplacement = (id: number) => api<TReplacement>(`/replacements/${id}/approve`, { method: 'POST' });
export const rejectReplacement = (id: number, reason: string) =>
  api<TReplacement>(`/replacements/${id}/reject`, { method: 'POST', body: { reason } });

type TThresholdList = { items: THealthThreshold[]; canEdit: boolean };
/** Thresholds for every wing (null) or as they apply to one wing. */
export const fetchThresholds = (wing: string | null, signal?: AbortSignal) =>
  api<TThresholdList>(`/health/thresholds${wing ? `?wing=${encodeURIComponent(wing)}` : ''}`, { signal });
export const putThresholds = (items: { level: string; wing: string | null; signal: THealthThreshold['signal']; value: number }[]) =>
  api<TThresholdList>('/health/thresholds', { method: 'PUT', body: { items } });
