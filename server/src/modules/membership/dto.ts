import { maskPhone, type TDrive, type TMembership, type TPublicDrive } from '@samiti/common';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt } from '../auth/policy';
import { hasRoleInDrive, todayInIndia } from './policy';
import { mdb } from './tables';

/** A drive with its unit, ready for `toDrive`. */
export const selectDrives = (db: Kysely<DB>) =>
  mdb(db)
    .selectFrom('membership_drive as d')
    .innerJoin('unit as du', 'du.id', 'd.unit_id')
    .select([
      'd.id',
      'd.name',
      'd.name_hi',
      'd.unit_id',
      'd.starts_on',
      'd.ends_on',
      'd.active_rule_min_verified',
      'd.allow_self_enrol',
      'd.created_at',
      'du.name as unit_name',
      'du.name_hi as unit_name_hi',
      'du.level as unit_level',
      'du.path as unit_path',
      'du.child_count as unit_child_count',
    ]);
type TDriveQuery = ReturnType<typeof selectDrives>;
export type TDriveRecord = TDriveQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

export const isDriveOpen = (d: Pick<TDriveRecord, 'starts_on' | 'ends_on'>, today = todayInIndia()) =>
  d.starts_on <= today && today <= d.ends_on;

const driveUnit = (d: TDriveRecord) => ({ id: d.unit_id, name: d.unit_name, nameHi: d.unit_name_hi, level: d.unit_level });

export const toPublicDrive = (d: TDriveRecord): TPublicDrive => ({
  id: d.id,
  name: d.name,
  nameHi: d.name_hi,
  unit: driveUnit(d),
  startsOn: d.starts_on,
  endsOn: d.ends_on,
  isOpen: isDriveOpen(d),
  allowSelfEnrol: d.allow_self_enrol,
});

export const toDrive = (actor: TActor, d: TDriveRecord): TDrive => ({
  ...toPublicDrive(d),
  activeRuleMinVerified: d.active_rule_min_verified,
  createdAt: new Date(d.created_at).toISOString(),
  actions: {
    canSetTargets: hasRoleInDrive(actor, d.unit_path, 'admin'),
    canEnrol: isDriveOpen(d) && hasRoleInDrive(actor, d.unit_path, 'data-entry'),
  },
});

export const driveSnapshot = (d: TDriveRecord) => ({
  name: d.name,
  nameHi: d.name_hi,
  unitId: d.unit_id,
  startsOn: d.starts_on,
  endsOn: d.ends_on,
  activeRuleMinVerified: d.active_rule_min_verified,
  allowSelfEnrol: d.allow_self_enrol,
});

/**
 * A membership with its person, unit, enroller, and the member's own verified enrolments in the
 * drive (the counter at the drive's unit plus their deltas not yet folded into it, so it is exact
 * without folding, which would lock the drive's counters inside the enrol transaction), which
 * decide whether they are an active member.
 */
export const selectMemberships = (db: Kysely<DB>) =>
  mdb(db)
    .selectFrom('membership as m')
    .innerJoin('membership_drive as d', 'd.id', 'm.drive_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .leftJoin('person as ep', 'ep.id', 'm.enrolled_by_person')
    .leftJoin('app_user as eu', 'eu.id', 'm.enrolled_by_user')
    .leftJoin('drive_enroller_count as own', (j) =>
      j
        .onRef('own.drive_id', '=', 'm.drive_id')
        .onRef('own.unit_id', '=', 'd.unit_id')
        .on('own.enroller_kind', '=', 'person')
        .onRef('own.enroller_id', '=', 'm.person_id'),
    )
    .select([
      'm.id',
      'm.drive_id',
      'm.person_id',
      'm.unit_id',
      'm.channel',
      'm.status',
      'm.method',
      'm.rejection_reason',
      'm.enrolled_by_user',
      'm.enrolled_by_person',
      'm.created_at',
      'm.decided_at',
      'd.unit_id as drive_unit_id',
      'd.active_rule_min_verified',
      'p.name as person_name',
      'p.name_hi as person_name_hi',
      'p.phone as person_phone',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'ep.name as ep_name',
      'ep.name_hi as ep_name_hi',
      'eu.display_name as eu_name',
      sql<number>`coalesce(own.verified, 0) + coalesce((select sum(x.verified) from drive_count_delta x
        where x.drive_id = m.drive_id and x.enroller_kind = 'person' and x.enroller_id = m.person_id), 0)`.as('own_verified'),
    ]);
type TMembershipQuery = ReturnType<typeof selectMemberships>;
export type TMembershipRecord = TMembershipQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

const enrollerOf = (r: TMembershipRecord): TMembership['enrolledBy'] => {
  if (r.enrolled_by_person !== null) return { kind: 'person', id: r.enrolled_by_person, name: r.ep_name, nameHi: r.ep_name_hi };
  if (r.enrolled_by_user !== null) return { kind: 'user', id: r.enrolled_by_user, name: r.eu_name, nameHi: null };
  return null;
};

export const toMembership = (actor: TActor, r: TMembershipRecord): TMembership => {
  const canDecide = r.status === 'pending' && hasRoleAt(actor, r.unit_path, 'data-entry');
  const isMasked = !hasRoleAt(actor, r.unit_path, 'office-bearer');
  const ownVerified = Number(r.own_verified);
  return {
    id: r.id,
    driveId: r.drive_id,
    person: {
      id: r.person_id,
      name: r.person_name,
      nameHi: r.person_name_hi,
      phone: isMasked ? maskPhone(r.person_phone) : r.person_phone,
      isContactMasked: isMasked,
    },
    unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
    channel: r.channel,
    status: r.status,
    method: r.method,
    rejectionReason: r.rejection_reason,
    enrolledBy: enrollerOf(r),
    verifiedEnrolments: ownVerified,
    isActive: ownVerified >= r.active_rule_min_verified,
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    actions: { canVerify: canDecide, canReject: canDecide },
  };
};

export const membershipSnapshot = (r: TMembershipRecord) => ({
  driveId: r.drive_id,
  personId: r.person_id,
  unitId: r.unit_id,
  channel: r.channel,
  status: r.status,
  method: r.method,
  rejectionReason: r.rejection_reason,
  enrolledByUser: r.enrolled_by_user,
  enrolledByPerson: r.enrolled_by_person,
});
