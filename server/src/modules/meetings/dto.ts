import type { TMeeting, TMeetingActions, TMeetingInviteeRule } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';

/** A meeting with its unit, venue unit, chair and organiser, ready for `toMeeting`. */
export const selectMeetings = (db: Kysely<DB>) =>
  db
    .selectFrom('meeting as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .innerJoin('app_user as o', 'o.id', 'm.organiser_user_id')
    .leftJoin('unit as vu', 'vu.id', 'm.venue_unit_id')
    .leftJoin('person as cp', 'cp.id', 'm.chair_person_id')
    .select([
      'm.id',
      'm.unit_id',
      'm.wing',
      'm.type',
      'm.title',
      'm.starts_at',
      'm.venue',
      'm.venue_unit_id',
      'm.chair_person_id',
      'm.organiser_user_id',
      'm.agenda',
      'm.invitee_rule',
      'm.status',
      'm.cancel_reason',
      'm.minutes',
      'm.minutes_lang',
      'm.minutes_approved_at',
      'm.created_at',
      'm.updated_at',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'o.display_name as organiser_name',
      'vu.name as venue_unit_name',
      'vu.name_hi as venue_unit_name_hi',
      'vu.level as venue_unit_level',
      'cp.name as chair_name',
      'cp.name_hi as chair_name_hi',
    ]);

type TQuery = ReturnType<typeof selectMeetings>;
export type TMeetingRecord = TQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;
export type TMeetingCounts = TMeeting['counts'];

export const EMPTY_COUNTS: TMeetingCounts = { invited: 0, present: 0, absent: 0, excused: 0, walkIns: 0 };

/**
 * Invitee and current attendance counts of several meetings in one statement: the latest record
 * per invitee decides, so a correction moves a person from one count to another.
 */
export const countsFor = async (db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, TMeetingCounts>> => {
  const map = new Map<number, TMeetingCounts>();
  if (ids.length === 0) return map;
  const { rows } = await sql<{ meeting_id: number; invited: number; walk_ins: number; present: number; absent: number; excused: number }>`
    select i.meeting_id,
      count(*)::int as invited,
      count(*) filter (where i.source = 'walk-in')::int as walk_ins,
      count(*) filter (where c.status = 'present')::int as present,
      count(*) filter (where c.status = 'absent')::int as absent,
      count(*) filter (where c.status = 'excused')::int as excused
    from meeting_invitee i
    left join lateral (
      select a.status from meeting_attendance a where a.invitee_id = i.id order by a.id desc limit 1
    ) c on true
    where i.meeting_id = any(${[...ids]}::bigint[])
    group by i.meeting_id`.execute(db);
  for (const r of rows) {
    map.set(Number(r.meeting_id), { invited: r.invited, present: r.present, absent: r.absent, excused: r.excused, walkIns: r.walk_ins });
  }
  return map;
};

/** Office bearers and above at the meeting's unit (or above it) run it; viewers only read. */
export const canRunMeeting = (actor: TActor, unitPath: string) => hasRoleAt(actor, unitPath, 'office-bearer');

export const meetingActions = (actor: TActor, r: Pick<TMeetingRecord, 'unit_path' | 'status' | 'minutes'>): TMeetingActions => {
  const canRun = canRunMeeting(actor, r.unit_path);
  const planned = r.status === 'planned';
  const held = r.status === 'held';
  return {
    canEdit: canRun && (planned || held),
    canEditInvitees: canRun && planned,
    canTakeAttendance: canRun && (planned || held),
    canHold: canRun && planned,
    canCancel: canRun && planned,
    canEditMinutes: canRun && held,
    canApproveMinutes: canRun && held && (r.minutes ?? '').trim() !== '',
  };
};

const ruleOf = (raw: TMeetingRecord['invitee_rule']) => {
  const v = (raw ?? {}) as { includeSelf?: boolean; rules?: TMeetingInviteeRule[]; personIds?: number[] };
  return { includeSelf: v.includeSelf ?? true, rules: v.rules ?? [], personIds: v.personIds ?? [] };
};

export const toMeeting = (actor: TActor, r: TMeetingRecord, counts: TMeetingCounts = EMPTY_COUNTS): TMeeting => ({
  id: r.id,
  unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
  wing: r.wing,
  type: r.type,
  title: r.title,
  startsAt: new Date(r.starts_at).toISOString(),
  venue: r.venue,
  venueUnit:
    r.venue_unit_id !== null && r.venue_unit_name !== null && r.venue_unit_level !== null
      ? { id: r.venue_unit_id, name: r.venue_unit_name, nameHi: r.venue_unit_name_hi, level: r.venue_unit_level }
      : null,
  chair: r.chair_person_id !== null ? { id: r.chair_person_id, name: r.chair_name, nameHi: r.chair_name_hi } : null,
  organiser: { id: r.organiser_user_id, displayName: r.organiser_name },
  agenda: Array.isArray(r.agenda) ? r.agenda : [],
  inviteeRule: ruleOf(r.invitee_rule),
  status: r.status,
  cancelReason: r.cancel_reason,
  minutes: r.minutes,
  minutesLang: r.minutes_lang,
  minutesApprovedAt: r.minutes_approved_at ? r.minutes_approved_at.toISOString() : null,
  counts,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  actions: meetingActions(actor, r),
});

/** What the audit log keeps of a meeting before and after a change. */
export const meetingSnapshot = (r: TMeetingRecord) => ({
  unitId: r.unit_id,
  type: r.type,
  title: r.title,
  startsAt: new Date(r.starts_at).toISOString(),
  venue: r.venue,
  venueUnitId: r.venue_unit_id,
  chairPersonId: r.chair_person_id,
  agenda: r.agenda,
  status: r.status,
  cancelReason: r.cancel_reason,
  minutes: r.minutes,
  minutesLang: r.minutes_lang,
});
