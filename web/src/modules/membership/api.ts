import type {
  TDrive,
  TDriveCreateInput,
  TEnrolBody,
  TLeaderboard,
  TMembership,
  TMembershipStatus,
  TProgress,
  TPublicDrive,
  TSelfEnrolBody,
  TTargetResult,
  TTargetSet,
  TVerifyMethod,
} from '@samiti/common';
import { api } from '../../lib/api';

type Items<T> = { items: T[] };
export type TMembersPage = { items: TMembership[]; nextCursor: string | null };
/** `unit` null: the drive's own unit (or the top of the user's area inside it). */
export type TMembersFilter = { unit: number | null; status: TMembershipStatus | null };
export type TOtpSent = { expiresAt: string; phone: string };
export type TSelfEnrolResult = {
  membershipId: number;
  status: TMembershipStatus;
  unit: { id: number; name: string; nameHi: string | null; level: string };
};
export type TSmsOutboxEntry = {
  id: number;
  toPhone: string;
  body: string;
  purpose: string;
  provider: string;
  status: 'held' | 'sent' | 'failed';
  createdAt: string;
  sentAt: string | null;
};
export type TSmsOutboxPage = { items: TSmsOutboxEntry[]; nextCursor: string | null };

/** Every drive query starts with 'drives': one invalidation after an enrolment or decision refreshes counts, lists and ranks. */
export const driveKeys = {
  all: ['drives'] as const,
  list: ['drives', 'list'] as const,
  detail: (id: number) => ['drives', id] as const,
  progress: (id: number, unit: number | null) => ['drives', id, 'progress', unit] as const,
  leaderboard: (id: number, unit: number | null) => ['drives', id, 'leaderboard', unit] as const,
  members: (id: number, filter: TMembersFilter) => ['drives', id, 'members', filter] as const,
  membership: (id: number) => ['drives', 'membership', id] as const,
  outbox: ['sms-outbox'] as const,
  publicDrive: (id: number) => ['public-drive', id] as const,
};

export const DRIVES_LIMIT = 200;
export const MEMBERS_PAGE_SIZE = 50;
export const LEADERBOARD_LIMIT = 50;
export const OUTBOX_PAGE_SIZE = 50;

export const fetchDrives = (signal?: AbortSignal): Promise<TDrive[]> =>
  api<Items<TDrive>>('/drives', { query: { limit: DRIVES_LIMIT }, signal }).then((r) => r.items);

export const fetchDrive = (id: number, signal?: AbortSignal): Promise<TDrive> => api<TDrive>(`/drives/${id}`, { signal });

export const createDrive = (body: TDriveCreateInput): Promise<TDrive> => api<TDrive>('/drives', { method: 'POST', body });

export const setTargets = (id: number, body: TTargetSet): Promise<TTargetResult> =>
  api<TTargetResult>(`/drives/${id}/targets`, { method: 'PUT', body });

export const enrol = (id: number, body: TEnrolBody): Promise<TMembership> =>
  api<TMembership>(`/drives/${id}/enrol`, { method: 'POST', body });

export const fetchProgress = (id: number, unit: number | null, signal?: AbortSignal): Promise<TProgress> =>
  api<TProgress>(`/drives/${id}/progress`, { query: { unit }, signal });

export const fetchLeaderboard = (id: number, unit: number | null, signal?: AbortSignal): Promise<TLeaderboard> =>
  api<TLeaderboard>(`/drives/${id}/leaderboard`, { query: { unit, limit: LEADERBOARD_LIMIT }, signal });

export const fetchMembers = (id: number, filter: TMembersFilter, cursor: string | null, signal?: AbortSignal): Promise<TMembersPage> =>
  api<TMembersPage>(`/drives/${id}/members`, {
    query: { unit: filter.unit, status: filter.status, limit: MEMBERS_PAGE_SIZE, cursor },
    signal,
  });

export const fetchMembership = (id: number, signal?: AbortSignal): Promise<TMembership> =>
  api<TMembership>(`/memberships/${id}`, { signal });

export const verifyMembership = (id: number, method: TVerifyMethod): Promise<TMembership> =>
  api<TMembership>(`/memberships/${id}/verify`, { method: 'POST', body: { method } });

export const rejectMembership = (id: number, reason: string): Promise<TMembership> =>
  api<TMembership>(`/memberships/${id}/reject`, { method: 'POST', body: { reason } });

export const fetchOutbox = (cursor: string | null, phone: string, signal?: AbortSignal): Promise<TSmsOutboxPage> =>
  api<TSmsOutboxPage>('/sms-outbox', { query: { limit: OUTBOX_PAGE_SIZE, cursor, phone }, signal });

// Public self-enrolment: no session needed.

export const fetchPublicDrive = (id: number, signal?: AbortSignal): Promise<TPublicDrive> =>
  api<TPublicDrive>(`/public/drives/${id}`, { signal });

export const requestOtp = (id: number, phone: string): Promise<TOtpSent> =>
  api<TOtpSent>(`/public/drives/${id}/otp`, { method: 'POST', body: { phone } });

export const selfEnrol = (id: number, body: TSelfEnrolBody): Promise<TSelfEnrolResult> =>
  api<TSelfEnrolResult>(`/public/drives/${id}/self-enrol`, { method: 'POST', body });
