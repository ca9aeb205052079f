import { maskPhone, type TConflict, type TInstanceStatus, type TStop, type TTour } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';
import { canSeeContact } from '../people/dto';

/** A tour with its organising unit, leader and stop count, ready for `toTour`. */
export const selectTours = (db: Kysely<DB>) =>
  db
    .selectFrom('tour as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .innerJoin('person as l', 'l.id', 't.leader_person_id')
    .select([
      't.id',
      't.unit_id',
      't.leader_person_id',
      't.title',
      't.title_hi',
      't.starts_on',
      't.ends_on',
      't.notes',
      't.cancelled_at',
      't.created_at',
      't.updated_at',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'l.name as leader_name',
      'l.name_hi as leader_name_hi',
      sql<number>`(select count(*) from tour_stop s where s.tour_id = t.id and s.cancelled_at is null)`.as('stop_count'),
    ]);
export type TTourRecord = ReturnType<typeof selectTours> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

/** Office bearers of the organising unit (or above) plan and change a tour. */
export const canPlanAt = (actor: TActor, path: string) => hasRoleAt(actor, path, 'office-bearer');

export const toTour = (actor: TActor, r: TTourRecord): TTour => ({
  id: r.id,
  unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
  leader: { id: r.leader_person_id, name: r.leader_name, nameHi: r.leader_name_hi },
  title: r.title,
  titleHi: r.title_hi,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  notes: r.notes,
  isCancelled: r.cancelled_at !== null,
  stopCount: Number(r.stop_count),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  actions: { canEdit: canPlanAt(actor, r.unit_path) && r.cancelled_at === null },
});

export const tourSnapshot = (r: TTourRecord) => ({
  unitId: r.unit_id,
  leaderPersonId: r.leader_person_id,
  title: r.title,
  titleHi: r.title_hi,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  notes: r.notes,
  cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
});

/** A stop with its unit, coordinator, tour and latest report, ready for `toStop`. */
export const selectStops = (db: Kysely<DB>) =>
  db
    .selectFrom('tour_stop as s')
    .innerJoin('tour as t', 't.id', 's.tour_id')
    .innerJoin('unit as tu', 'tu.id', 't.unit_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .innerJoin('person as l', 'l.id', 's.leader_person_id')
    .leftJoin('person as c', 'c.id', 's.coordinator_person_id')
    .leftJoin('unit as ch', 'ch.id', 'c.home_unit_id')
    .leftJoin('programme_instance as pi', 'pi.id', 's.programme_instance_id')
    .leftJoin('programme as pp', 'pp.id', 'pi.programme_id')
    .leftJoin('programme_phase as pph', 'pph.id', 'pi.phase_id')
    .leftJoin('unit as piu', 'piu.id', 'pi.unit_id')
    .leftJoin('unit as pis', 'pis.id', 'pi.scope_unit_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('tour_stop_report as r')
          .leftJoin('app_user as ru', 'ru.id', 'r.reported_by')
          .whereRef('r.stop_id', '=', 's.id')
          .select([
            'r.is_held',
            'r.summary',
            'r.reported_at',
            'ru.display_name as reported_by',
            sql<number>`count(*) over () - 1`.as('earlier'),
          ])
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('rep'),
      (j) => j.on(sql<boolean>`true`),
    )
    .select([
      's.id',
      's.tour_id',
      's.unit_id',
      's.leader_person_id',
      's.starts_at',
      's.ends_at',
      's.purpose',
      's.meeting_id',
      's.programme_instance_id',
      'pi.programme_id as pi_programme_id',
      'pi.target_key as pi_target_key',
      'pi.status as pi_status',
      'pi.planned_date as pi_planned_date',
      'pi.unit_id as pi_unit_id',
      'pp.name as pi_programme_name',
      'pp.name_hi as pi_programme_name_hi',
      'pph.number as pi_phase',
      'piu.name as pi_unit_name',
      'piu.name_hi as pi_unit_name_hi',
      'piu.level as pi_unit_level',
      'pis.id as pi_scope_id',
      'pis.name as pi_scope_name',
      'pis.name_hi as pi_scope_name_hi',
      'pis.level as pi_scope_level',
      's.coordinator_person_id',
      's.notes',
      's.conflicts',
      's.uid',
      's.cancelled_at',
      's.updated_at',
      't.title as tour_title',
      't.title_hi as tour_title_hi',
      't.cancelled_at as tour_cancelled_at',
      'tu.path as tour_unit_path',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'u.geo_code as unit_geo_code',
      'l.name as leader_name',
      'l.name_hi as leader_name_hi',
      'c.name as coordinator_name',
      'c.name_hi as coordinator_name_hi',
      'c.phone as coordinator_phone',
      'ch.path as coordinator_home_path',
      'rep.is_held',
      'rep.summary',
      'rep.reported_at',
      'rep.reported_by',
      'rep.earlier',
      sql<number[] | null>`(select json_agg(f.id order by f.id) from stored_file f
        where f.owner_type = 'tour_stop' and f.owner_id = s.id and f.deleted_at is null)`.as('photo_ids'),
    ]);
export type TStopRecord = ReturnType<typeof selectStops> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

const conflictsOf = (v: unknown): TConflict[] =>
  Array.isArray(v) ? (v as TConflict[]) : typeof v === 'string' ? (JSON.parse(v) as TConflict[]) : [];

export const toStop = (actor: TActor, r: TStopRecord): TStop => {
  const isCancelled = r.cancelled_at !== null || r.tour_cancelled_at !== null;
  const canPlan = canPlanAt(actor, r.tour_unit_path);
  const isMasked = r.coordinator_home_path === null || !canSeeContact(actor, r.coordinator_home_path);
  return {
    id: r.id,
    tourId: r.tour_id,
    unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level, geoCode: r.unit_geo_code },
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    purpose: r.purpose,
    meetingId: r.meeting_id,
    programmeInstance:
      r.programme_instance_id === null
        ? null
        : {
            id: r.programme_instance_id,
            programmeId: r.pi_programme_id ?? 0,
            programmeName: r.pi_programme_name ?? '',
            programmeNameHi: r.pi_programme_name_hi ?? '',
            phase: r.pi_phase ?? 1,
            targetKey: r.pi_target_key ?? '',
            unit:
              r.pi_unit_id === null
                ? null
                : { id: r.pi_unit_id, name: r.pi_unit_name ?? '', nameHi: r.pi_unit_name_hi, level: r.pi_unit_level ?? '' },
            scopeUnit: { id: r.pi_scope_id ?? 0, name: r.pi_scope_name ?? '', nameHi: r.pi_scope_name_hi, level: r.pi_scope_level ?? '' },
            status: (r.pi_status ?? 'not-planned') as TInstanceStatus,
            plannedDate: r.pi_planned_date,
          },
    coordinator:
      r.coordinator_person_id === null
        ? null
        : {
            id: r.coordinator_person_id,
            name: r.coordinator_name,
            nameHi: r.coordinator_name_hi,
            phone: isMasked ? maskPhone(r.coordinator_phone ?? '') : (r.coordinator_phone ?? ''),
            isContactMasked: isMasked,
          },
    notes: r.notes,
    conflicts: conflictsOf(r.conflicts),
    photoFileIds: (typeof r.photo_ids === 'string' ? (JSON.parse(r.photo_ids) as number[]) : (r.photo_ids ?? [])).map(Number),
    uid: r.uid,
    isCancelled,
    report:
      r.is_held === null || r.reported_at === null
        ? null
        : {
            isHeld: r.is_held,
            summary: r.summary,
            reportedAt: new Date(r.reported_at).toISOString(),
            reportedBy: r.reported_by,
            earlier: Number(r.earlier ?? 0),
          },
    actions: {
      canEdit: canPlan && !isCancelled,
      // The local unit reports what happened as well as the tour's planners.
      canReport:
        !isCancelled && (canPlan || hasRoleAt(actor, r.unit_path, 'office-bearer')) && new Date(r.starts_at).getTime() <= Date.now(),
    },
  };
};

export const stopSnapshot = (r: TStopRecord) => ({
  tourId: r.tour_id,
  unitId: r.unit_id,
  startsAt: new Date(r.starts_at).toISOString(),
  endsAt: new Date(r.ends_at).toISOString(),
  purpose: r.purpose,
  meetingId: r.meeting_id,
  programmeInstanceId: r.programme_instance_id,
  coordinatorPersonId: r.coordinator_person_id,
  notes: r.notes,
  conflicts: conflictsOf(r.conflicts),
  cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
});
