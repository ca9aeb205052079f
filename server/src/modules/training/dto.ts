import type { TCourse, TSession } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';

/** A course with its unit and session figures, ready for `toCourse`. */
export const selectCourses = (db: Kysely<DB>) =>
  db
    .selectFrom('training_course as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.unit_id',
      'c.name',
      'c.name_hi',
      'c.description',
      'c.required_sessions',
      'c.created_at',
      'c.updated_at',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      sql<number>`(select count(*) from training_session s where s.course_id = c.id and s.cancelled_at is null)`.as('session_count'),
      sql<Date | null>`(select min(s.starts_at) from training_session s where s.course_id = c.id and s.cancelled_at is null and s.starts_at > now())`.as(
        'next_session_at',
      ),
    ]);
export type TCourseRecord = ReturnType<typeof selectCourses> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

/** Office bearers of the course's unit (or above) plan its sessions; viewers only read. */
export const canManageAt = (actor: TActor, path: string) => hasRoleAt(actor, path, 'office-bearer');

export const toCourse = (actor: TActor, r: TCourseRecord): TCourse => ({
  id: r.id,
  unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
  name: r.name,
  nameHi: r.name_hi,
  description: r.description,
  requiredSessions: r.required_sessions,
  sessionCount: Number(r.session_count),
  nextSessionAt: r.next_session_at ? new Date(r.next_session_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  actions: { canEdit: canManageAt(actor, r.unit_path) },
});

export const courseSnapshot = (r: TCourseRecord) => ({
  unitId: r.unit_id,
  name: r.name,
  nameHi: r.name_hi,
  description: r.description,
  requiredSessions: r.required_sessions,
});

/** A session with its course, unit, trainer and invitation counts, ready for `toSession`. */
export const selectSessions = (db: Kysely<DB>) =>
  db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .leftJoin('person as tp', 'tp.id', 's.trainer_person_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('training_invitation as i')
          .whereRef('i.session_id', '=', 's.id')
          .select([
            sql<number>`count(*)`.as('invited'),
            sql<number>`count(*) filter (where i.rsvp = 'yes')`.as('yes'),
            sql<number>`count(*) filter (where i.rsvp = 'no')`.as('no'),
            sql<number>`count(*) filter (where i.rsvp = 'maybe')`.as('maybe'),
            sql<number>`count(*) filter (where i.attendance = 'present')`.as('present'),
            sql<number>`count(*) filter (where i.attendance = 'absent')`.as('absent'),
          ])
          .as('n'),
      (j) => j.on(sql<boolean>`true`),
    )
    .select([
      's.id',
      's.course_id',
      's.unit_id',
      's.title',
      's.mode',
      's.link',
      's.venue',
      's.trainer_person_id',
      's.starts_at',
      's.duration_minutes',
      's.capacity',
      's.cancelled_at',
      'c.name as course_name',
      'c.name_hi as course_name_hi',
      'c.unit_id as course_unit_id',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'tp.name as trainer_name',
      'tp.name_hi as trainer_name_hi',
      'n.invited',
      'n.yes',
      'n.no',
      'n.maybe',
      'n.present',
      'n.absent',
    ]);
export type TSessionRecord = ReturnType<typeof selectSessions> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

export const toSession = (actor: TActor, r: TSessionRecord): TSession => {
  const canManage = canManageAt(actor, r.unit_path);
  const isCancelled = r.cancelled_at !== null;
  return {
    id: r.id,
    courseId: r.course_id,
    courseName: r.course_name,
    courseNameHi: r.course_name_hi,
    unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
    title: r.title,
    mode: r.mode,
    link: r.link,
    venue: r.venue,
    trainer: r.trainer_person_id === null ? null : { id: r.trainer_person_id, name: r.trainer_name, nameHi: r.trainer_name_hi },
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    capacity: r.capacity,
    isCancelled,
    counts: {
      invited: Number(r.invited ?? 0),
      yes: Number(r.yes ?? 0),
      no: Number(r.no ?? 0),
      maybe: Number(r.maybe ?? 0),
      present: Number(r.present ?? 0),
      absent: Number(r.absent ?? 0),
    },
    actions: {
      canEdit: canManage,
      canInvite: canManage && !isCancelled,
      canTakeAttendance: canManage && !isCancelled && new Date(r.starts_at).getTime() <= Date.now(),
    },
  };
};

export const sessionSnapshot = (r: TSessionRecord) => ({
  courseId: r.course_id,
  unitId: r.unit_id,
  title: r.title,
  mode: r.mode,
  link: r.link,
  venue: r.venue,
  trainerPersonId: r.trainer_person_id,
  startsAt: new Date(r.starts_at).toISOString(),
  durationMinutes: r.duration_minutes,
  capacity: r.capacity,
  cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
});
