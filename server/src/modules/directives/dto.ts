import type { TAssignment, TAssignmentStatus, TDirective } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { hasRoleAt } from '../auth/policy';
import { isAddressee, type TAddressee } from './access';
import { emptyCounts, toCounts } from './rollup';

/**
 * Directives with their issuing unit, creator and one counter row: the issuer's, or that of
 * `countsAt` (a unit the directive reaches; directives that do not reach it are left out).
 */
export const selectDirectives = (db: Kysely<DB>, countsAt?: number) =>
  db
    .selectFrom('directive as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .leftJoin('app_user as cu', 'cu.id', 'd.created_by')
    .leftJoin('rollup_count as r', (j) => {
      const on = j.on('r.subject', '=', 'directive').onRef('r.subject_id', '=', 'd.id');
      return countsAt === undefined ? on.onRef('r.unit_id', '=', 'd.unit_id') : on.on('r.unit_id', '=', countsAt);
    })
    .select([
      'd.id',
      'd.unit_id',
      'd.meeting_id',
      'd.text',
      'd.due_date',
      'd.target_kind',
      'd.target_unit_id',
      'd.target_level',
      'd.target_post',
      'd.target_person_id',
      'd.status',
      'd.total as d_total',
      'd.error',
      'd.created_at',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'cu.display_name as created_by_name',
      'r.total',
      'r.vacant',
      'r.s_new',
      'r.s_ack',
      'r.s_progress',
      'r.s_done',
      'r.s_declined',
    ]);

type TOut<Q> = Q extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;
export type TDirectiveRecord = TOut<ReturnType<typeof selectDirectives>>;

export const toDirective = (actor: TActor, r: TDirectiveRecord, today: string): TDirective => {
  const isPastDue = today > r.due_date;
  const counts = r.total === null ? emptyCounts() : toCounts({ ...r, total: r.total, vacant: r.vacant ?? 0, s_new: r.s_new ?? 0, s_ack: r.s_ack ?? 0, s_progress: r.s_progress ?? 0, s_done: r.s_done ?? 0, s_declined: r.s_declined ?? 0 }, isPastDue);
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
    meetingId: r.meeting_id,
    text: r.text,
    dueDate: r.due_date,
    isOverdue: isPastDue && counts.overdue > 0,
    target: { kind: r.target_kind, unitId: r.target_unit_id, level: r.target_level, post: r.target_post, personId: r.target_person_id },
    status: r.status,
    counts: r.total === null ? { ...counts, total: r.d_total } : counts,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    actions: { canEdit: hasRoleAt(actor, r.unit_path, 'office-bearer') },
  };
};

/** Assignments with their directive, issuing and assigned units, and addressee's name (never contact details). */
export const selectAssignments = (db: Kysely<DB>) =>
  db
    .selectFrom('assignment as a')
    .innerJoin('directive as d', 'd.id', 'a.directive_id')
    .innerJoin('unit as iu', 'iu.id', 'd.unit_id')
    .innerJoin('unit as au', 'au.id', 'a.unit_id')
    .leftJoin('person as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.directive_id',
      'a.unit_id',
      'a.post_key',
      'a.person_id',
      'a.is_vacant',
      'a.status',
      'a.report_text',
      'a.report_numbers',
      'a.decline_reason',
      'a.updated_at',
      'a.closed_at',
      'd.text as directive_text',
      'd.due_date',
      'd.unit_id as issuer_id',
      'iu.name as issuer_name',
      'iu.name_hi as issuer_name_hi',
      'iu.level as issuer_level',
      'iu.path as issuer_path',
      'au.name as unit_name',
      'au.name_hi as unit_name_hi',
      'au.level as unit_level',
      'au.path as unit_path',
      'au.sort_key as unit_sort_key',
      'p.name as person_name',
      'p.name_hi as person_name_hi',
      sql<number[]>`array(select f.id from stored_file f where f.owner_type = 'assignment' and f.owner_id = a.id and f.deleted_at is null order by f.id)`.as('photo_ids'),
    ]);
export type TAssignmentRecord = TOut<ReturnType<typeof selectAssignments>>;

export const isOpenStatus = (s: TAssignmentStatus) => s === 'new' || s === 'acknowledged' || s === 'in-progress';

export const toAssignment = (actor: TActor, me: TAddressee, r: TAssignmentRecord, today: string): TAssignment => {
  const isOpen = isOpenStatus(r.status);
  return {
    id: r.id,
    directiveId: r.directive_id,
    directiveText: r.directive_text,
    issuer: { id: r.issuer_id, name: r.issuer_name, nameHi: r.issuer_name_hi, level: r.issuer_level },
    dueDate: r.due_date,
    unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
    post: r.post_key,
    person: r.person_id === null ? null : { id: r.person_id, name: r.person_name, nameHi: r.person_name_hi },
    isVacant: r.is_vacant,
    status: r.status,
    isOverdue: isOpen && today > r.due_date,
    report: { text: r.report_text, numbers: (r.report_numbers as Record<string, number> | null) ?? null, photoFileIds: (r.photo_ids ?? []).map(Number) },
    declineReason: r.decline_reason,
    updatedAt: new Date(r.updated_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    actions: { canAct: isOpen && isAddressee(actor, me, r) },
  };
};

/** Opaque keyset cursors: a JSON array in base64url. */
export const encodeCursor = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString('base64url');
export const decodeCursor = <T extends unknown[]>(cursor: string, check: (v: unknown[]) => boolean): T => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && check(v)) return v as T;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
};
export const decodeIdCursor = (cursor: string) => {
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  return n;
};

/** `open` statuses as SQL, for ordering an inbox open-first. */
export const closedFlag = sql<number>`case when a.status in ('done', 'declined') then 1 else 0 end`;
