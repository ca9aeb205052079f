import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { chainIds } from './policy';
import { mdb } from './tables';

export type TUnitDelta = { enrolled: number; verified: number; rejected: number };
export type TEnroller = { kind: 'person' | 'user'; id: number };

// Writers never touch the shared counters: each enrol/verify/reject (or credit move) appends rows to
// drive_count_delta, which no two transactions update, so concurrent enrolments under the same
// state or national unit do not queue on its counter rows. Readers call `foldDriveCounts` first,
// which moves a drive's pending rows into drive_unit_count / drive_enroller_count (each member
// unit's whole chain within the drive), so what they read is exact.

/** First key of the per-drive advisory lock that serializes folds of one drive. */
const FOLD_LOCK_KEY = 0x5a_17_0c;

const lastId = (path: string) => Number(path.split('/').filter(Boolean).at(-1));

type TDeltaRow = {
  unit_path: string;
  drive_path: string;
  enroller_kind: 'person' | 'user' | null;
  enroller_id: number | string | null;
  enrolled: number;
  verified: number;
  rejected: number;
};

/**
 * Folds the drive's pending counter deltas into its counters, in one transaction (the caller's, if
 * `db` is one). `moved` is set by `moveDriveCounts`, which runs after the unit's paths were
 * rewritten: the pending deltas are then counted where the units stood before the move.
 */
export const foldDriveCounts = async (db: Kysely<DB>, driveId: number, moved?: { oldPath: string; newPath: string }) => {
  if (!db.isTransaction) {
    const pending = await sql<{ n: number }>`select 1 as n from drive_count_delta where drive_id = ${driveId} limit 1`.execute(db);
    if (pending.rows.length === 0) return;
  }
  const fold = async (trx: Kysely<DB>) => {
    await sql`select pg_advisory_xact_lock(${FOLD_LOCK_KEY}::int, ${driveId}::int)`.execute(trx);
    const { rows } = await sql<TDeltaRow>`
      delete from drive_count_delta x using unit u, membership_drive d, unit du
      where x.drive_id = ${driveId} and u.id = x.unit_id and d.id = x.drive_id and du.id = d.unit_id
      returning u.path as unit_path, du.path as drive_path, x.enroller_kind, x.enroller_id, x.enrolled, x.verified, x.rejected`.execute(
      trx,
    );
    if (rows.length === 0) return;
    const before = (path: string) => (moved && path.startsWith(moved.newPath) ? moved.oldPath + path.slice(moved.newPath.length) : path);
    const units = new Map<number, TUnitDelta>();
    const enrollers = new Map<string, { unitId: number; kind: 'person' | 'user'; id: number; enrolled: number; verified: number }>();
    for (const r of rows) {
      for (const unitId of chainIds(before(r.drive_path), before(r.unit_path))) {
        const u = units.get(unitId) ?? { enrolled: 0, verified: 0, rejected: 0 };
        u.enrolled += r.enrolled;
        u.verified += r.verified;
        u.rejected += r.rejected;
        units.set(unitId, u);
        if (r.enroller_kind === null || r.enroller_id === null) continue;
        const key = `${unitId}:${r.enroller_kind}:${r.enroller_id}`;
        const e = enrollers.get(key) ?? { unitId, kind: r.enroller_kind, id: Number(r.enroller_id), enrolled: 0, verified: 0 };
        e.enrolled += r.enrolled;
        e.verified += r.verified;
        enrollers.set(key, e);
      }
    }
    const u = [...units].filter(([, c]) => c.enrolled !== 0 || c.verified !== 0 || c.rejected !== 0).sort(([a], [b]) => a - b);
    if (u.length > 0) {
      await sql`
        insert into drive_unit_count (drive_id, unit_id, enrolled, verified, rejected)
        select ${driveId}, t.unit_id, t.enrolled, t.verified, t.rejected
        from unnest(${u.map(([id]) => id)}::bigint[], ${u.map(([, c]) => c.enrolled)}::int[], ${u.map(([, c]) => c.verified)}::int[],
          ${u.map(([, c]) => c.rejected)}::int[]) as t (unit_id, enrolled, verified, rejected)
        on conflict (drive_id, unit_id) do update set
          enrolled = drive_unit_count.enrolled + excluded.enrolled,
          verified = drive_unit_count.verified + excluded.verified,
          rejected = drive_unit_count.rejected + excluded.rejected`.execute(trx);
    }
    const e = [...enrollers.values()]
      .filter((c) => c.enrolled !== 0 || c.verified !== 0)
      .sort((a, b) => a.unitId - b.unitId || a.kind.localeCompare(b.kind) || a.id - b.id);
    if (e.length > 0) {
      await sql`
        insert into drive_enroller_count (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified)
        select ${driveId}, t.unit_id, t.kind, t.enroller_id, t.enrolled, t.verified
        from unnest(${e.map((c) => c.unitId)}::bigint[], ${e.map((c) => c.kind)}::text[], ${e.map((c) => c.id)}::bigint[],
          ${e.map((c) => c.enrolled)}::int[], ${e.map((c) => c.verified)}::int[]) as t (unit_id, kind, enroller_id, enrolled, verified)
        on conflict (drive_id, unit_id, enroller_kind, enroller_id) do update set
          enrolled = drive_enroller_count.enrolled + excluded.enrolled,
          verified = drive_enroller_count.verified + excluded.verified`.execute(trx);
    }
  };
  if (db.isTransaction) await fold(db);
  else await db.transaction().execute(fold);
};

/** The enroller a membership's counts are credited to: the designated person, else the user who entered it. */
export const enrollerOf = (m: { enrolled_by_person: number | null; enrolled_by_user: number | null }): TEnroller | null =>
  m.enrolled_by_person !== null
    ? { kind: 'person', id: m.enrolled_by_person }
    : m.enrolled_by_user !== null
      ? { kind: 'user', id: m.enrolled_by_user }
      : null;

/**
 * Records one membership's change in the caller's transaction: a single appended delta row at the
 * member's unit, counted up its chain within the drive when the drive is next folded.
 */
export const applyMembershipDelta = async (
  db: Kysely<DB>,
  input: { driveId: number; drivePath: string; unitPath: string; enroller: TEnroller | null; delta: TUnitDelta },
) => {
  await mdb(db)
    .insertInto('drive_count_delta')
    .values({
      drive_id: input.driveId,
      unit_id: lastId(input.unitPath),
      enroller_kind: input.enroller?.kind ?? null,
      enroller_id: input.enroller?.id ?? null,
      ...input.delta,
    })
    .execute();
};

const valuesOf = (ids: number[]) => sql.join(ids.map((id) => sql`(${id}::bigint)`));

/**
 * Keeps every drive's counters right when a unit moves from `oldPath` to `newPath` (both its own
 * path): the unit's totals leave its old ancestors and join its new ones, within each drive's
 * subtree. The units module calls this in the transaction that moves the unit.
 */
export const moveDriveCounts = async (db: Kysely<DB>, unitId: number, oldPath: string, newPath: string) => {
  const m = mdb(db);
  // Pending deltas first, counted where their units stood before the move; then the totals move.
  const pending = await sql<{ drive_id: number }>`select distinct drive_id from drive_count_delta order by drive_id`.execute(db);
  for (const p of pending.rows) await foldDriveCounts(db, Number(p.drive_id), { oldPath, newPath });
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
  // Two delta rows per live membership: the unit totals cancel, the enroller credit moves.
  await sql`
    insert into drive_count_delta (drive_id, unit_id, enroller_kind, enroller_id, enrolled, verified, rejected)
    select m.drive_id, m.unit_id, e.kind, e.enroller_id, e.sign, case when m.status = 'verified' then e.sign else 0 end, 0
    from membership m
    cross join (values (${from.kind}::text, ${from.id}::bigint, -1), (${to.kind}::text, ${to.id}::bigint, 1)) as e (kind, enroller_id, sign)
    where m.id = any(${membershipIds}::bigint[]) and m.status <> 'rejected'
    order by m.id, e.sign`.execute(db);
};
