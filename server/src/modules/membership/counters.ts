import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { chainIds } from './policy';
import { mdb } from './tables';

export type TUnitDelta = { enrolled: number; verified: number; rejected: number };
export type TEnroller = { kind: 'person' | 'user'; id: number };

// Counters are updated as the last statements of each transaction, top unit first, so the rows
// near the root (touched by every enrolment below them) stay locked as briefly as possible and
// concurrent transactions take their row locks in one order.

/** Adds `delta` to the drive's counters of every unit in `unitIds`. */
export const bumpUnitCounts = async (db: Kysely<DB>, driveId: number, unitIds: number[], delta: TUnitDelta) => {
  if (unitIds.length === 0) return;
  await mdb(db)
    .insertInto('drive_unit_count')
    .values(unitIds.map((unitId) => ({ drive_id: driveId, unit_id: unitId, ...delta })))
    .onConflict((oc) =>
      oc.columns(['drive_id', 'unit_id']).doUpdateSet((eb) => ({
        enrolled: eb('drive_unit_count.enrolled', '+', eb.ref('excluded.enrolled')),
        verified: eb('drive_unit_count.verified', '+', eb.ref('excluded.verified')),
        rejected: eb('drive_unit_count.rejected', '+', eb.ref('excluded.rejected')),
      })),
    )
    .execute();
};

/** Adds to one enroller's counters at every unit in `unitIds`. */
export const bumpEnrollerCounts = async (
  db: Kysely<DB>,
  driveId: number,
  unitIds: number[],
  enroller: TEnroller,
  delta: { enrolled: number; verified: number },
) => {
  if (unitIds.length === 0) return;
  await mdb(db)
    .insertInto('drive_enroller_count')
    .values(
      unitIds.map((unitId) => ({ drive_id: driveId, unit_id: unitId, enroller_kind: enroller.kind, enroller_id: enroller.id, ...delta })),
    )
    .onConflict((oc) =>
      oc.columns(['drive_id', 'unit_id', 'enroller_kind', 'enroller_id']).doUpdateSet((eb) => ({
        enrolled: eb('drive_enroller_count.enrolled', '+', eb.ref('excluded.enrolled')),
        verified: eb('drive_enroller_count.verified', '+', eb.ref('excluded.verified')),
      })),
    )
    .execute();
};

/** The enroller a membership's counts are credited to: the designated person, else the user who entered it. */
export const enrollerOf = (m: { enrolled_by_person: number | null; enrolled_by_user: number | null }): TEnroller | null =>
  m.enrolled_by_person !== null
    ? { kind: 'person', id: m.enrolled_by_person }
    : m.enrolled_by_user !== null
      ? { kind: 'user', id: m.enrolled_by_user }
      : null;

/** Applies one membership's change to the unit chain and its enroller, in the caller's transaction. */
export const applyMembershipDelta = async (
  db: Kysely<DB>,
  input: { driveId: number; drivePath: string; unitPath: string; enroller: TEnroller | null; delta: TUnitDelta },
) => {
  const ids = chainIds(input.drivePath, input.unitPath);
  if (input.enroller) {
    await bumpEnrollerCounts(db, input.driveId, ids, input.enroller, { enrolled: input.delta.enrolled, verified: input.delta.verified });
  }
  await bumpUnitCounts(db, input.driveId, ids, input.delta);
};

const valuesOf = (ids: number[]) => sql.join(ids.map((id) => sql`(${id}::bigint)`));

/**
 * Keeps every drive's counters right when a unit moves from `oldPath` to `newPath` (both its own
 * path): the unit's totals leave its old ancestors and join its new ones, within each drive's
 * subtree. The units module calls this in the transaction that moves the unit.
 */
export const moveDriveCounts = async (db: Kysely<DB>, unitId: number, oldPath: string, newPath: string) => {
  const m = mdb(db);
  const drives = await m
    .selectFrom('drive_unit_count as c')
    .innerJoin('membership_drive as d', 'd.id', 'c.drive_id')
    .innerJoin('unit as du', 'du.id', 'd.unit_id')
    .select(['c.drive_id', 'du.path as drive_path'])
    .where('c.unit_id', '=', unitId)
    .execute();
  for (const d of drives) {
    const above = (path: string) =>
      path.startsWith(d.drive_path) && path !== d.drive_path ? chainIds(d.drive_path, path).slice(0, -1) : [];
    for (const [ids, sign] of [
      [above(oldPath), -1],
      [above(newPath), 1],
    ] as const) {
      if (ids.length === 0) continue;
      await sql`
        insert into drive_unit_count (drive_id, unit_id, enrolled, verified, rejected)
        select s.drive_id, a.id, ${sign} * s.enrolled, ${sign} * s.verified, ${sign} * s.rejected
        from drive_unit_count s cross join (values ${valuesOf(ids)}) as a (id)
        where s.drive_id = ${d.drive_id} and s.unit_id = ${unitId}
        on conflict (drive_id, unit_id) do update set
          enrolled = drive_unit_count.enrolled + excluded.enrolled,
          verified = drive_unit_count.verified + excluded.verified,
          rejected = drive_unit_count.rejected + excluded.rejected`.execute(db);
      await sql`
        insert into drive_enroller_count (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified)
        select s.drive_id, a.id, s.enroller_kind, s.enroller_id, ${sign} * s.enrolled, ${sign} * s.verified
        from drive_enroller_count s cross join (values ${valuesOf(ids)}) as a (id)
        where s.drive_id = ${d.drive_id} and s.unit_id = ${unitId}
        on conflict (drive_id, unit_id, enroller_kind, enroller_id) do update set
          enrolled = drive_enroller_count.enrolled + excluded.enrolled,
          verified = drive_enroller_count.verified + excluded.verified`.execute(db);
    }
  }
};

/**
 * Moves the enroller credit of these memberships from one enroller to another (a person merge, or
 * its undo, changes `enrolled_by_person`): call it in the same transaction as that update.
 */
export const moveEnrolmentCredit = async (db: Kysely<DB>, membershipIds: number[], from: TEnroller, to: TEnroller) => {
  if (membershipIds.length === 0) return;
  const rows = await mdb(db)
    .selectFrom('membership as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .innerJoin('membership_drive as d', 'd.id', 'm.drive_id')
    .innerJoin('unit as du', 'du.id', 'd.unit_id')
    .select(['m.drive_id', 'm.status', 'u.path as unit_path', 'du.path as drive_path'])
    .where('m.id', 'in', membershipIds)
    .where('m.status', '<>', 'rejected')
    .orderBy('m.id')
    .execute();
  for (const r of rows) {
    const ids = chainIds(r.drive_path, r.unit_path);
    const verified = r.status === 'verified' ? 1 : 0;
    await bumpEnrollerCounts(db, r.drive_id, ids, from, { enrolled: -1, verified: -verified });
    await bumpEnrollerCounts(db, r.drive_id, ids, to, { enrolled: 1, verified });
  }
};
