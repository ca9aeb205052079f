import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { foldDriveCounts } from '../membership/counters';
import { readTrainingCoverage } from '../training/coverage';

/** Today in India as YYYY-MM-DD; `now` is injectable so tests never depend on the clock. */
export const indiaToday = (now = Date.now()) => new Date(now + 330 * 60_000).toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type TUnitFacts = {
  id: number;
  parentId: number | null;
  name: string;
  nameHi: string | null;
  level: string;
  wing: string;
  path: string;
  childCount: number;
  geoCode: string | null;
  seats: number;
  filled: number;
  /** Booths in the subtree by filled committee seats. */
  booths: { filled: number; booths: number }[];
  lastHeld: string | null;
  expected90: number;
  present90: number;
  overdue: number;
  onTime: number;
  late: number;
  /** Distinct office bearers in the subtree and how many completed a course (training module's stored coverage). */
  holders: number;
  trained: number;
  /** Programme instances in the subtree whose phase was due before today (not cancelled), and of them held or reported. */
  programmesDue: number;
  programmesDone: number;
  membership: { enrolled: number; verified: number; target: number } | null;
  election: { share: number; swing: number | null; name: string; nameHi: string | null } | null;
};

const n = (v: unknown) => Number(v ?? 0);
const byId = <T extends { unit_id: number | string }>(rows: T[]) => new Map(rows.map((r) => [Number(r.unit_id), r]));

/**
 * The facts of these units for their health, from the aggregate tables and a few small indexed
 * reads (the running drive's counters, the training module's stored coverage, election results
 * per area). Nothing here scans members, attendance or tenures: those arrive through the
 * per-meeting, per-drive, per-unit training and per-area election aggregates.
 */
export const loadFacts = async (db: Kysely<DB>, ids: number[], today: string): Promise<TUnitFacts[]> => {
  if (ids.length === 0) return [];
  const idArr = sql`${ids}::bigint[]`;
  const since = daysBefore(today, 90);
  const [units, seats, health, booths, meetings, dues, holders, programmes] = await Promise.all([
    sql<{
      id: number;
      parent_id: number | null;
      name: string;
      name_hi: string | null;
      level: string;
      wing: string;
      path: string;
      child_count: number;
      geo_code: string | null;
      polling_station_id: number | null;
    }>`
      select id, parent_id, name, name_hi, level, wing, path, child_count, geo_code, polling_station_id from unit where id = any(${idArr})`.execute(
      db,
    ),
    sql<{ wing: string; level: string; seats: number }>`
      select wing, level, sum(seats)::int as seats from effective_post_template group by wing, level`.execute(db),
    sql<{ unit_id: number; filled: number }>`select unit_id, filled from unit_health where unit_id = any(${idArr})`.execute(db),
    sql<{ unit_id: number; filled: number; booths: number }>`
      select unit_id, filled, booths from unit_health_booths where unit_id = any(${idArr}) and booths <> 0`.execute(db),
    sql<{ unit_id: number; last_held: string | null; expected: number; present: number }>`
      select unit_id, max(held_on)::text as last_held,
        coalesce(sum(expected) filter (where held_on >= ${since}::date and held_on <= ${today}::date), 0)::int as expected,
        coalesce(sum(present) filter (where held_on >= ${since}::date and held_on <= ${today}::date), 0)::int as present
      from unit_health_meeting where unit_id = any(${idArr}) and held_on <= ${today}::date group by unit_id`.execute(db),
    sql<{ unit_id: number; overdue: number; on_time: number; late: number }>`
      select unit_id, coalesce(sum(open) filter (where due_date < ${today}::date), 0)::int as overdue,
        sum(on_time)::int as on_time, sum(late)::int as late
      from unit_health_due where unit_id = any(${idArr}) group by unit_id`.execute(db),
    readTrainingCoverage(db, ids),
    sql<{ unit_id: number; due: number; done: number }>`
      select unit_id, sum(due)::int as due, sum(done)::int as done
      from unit_health_programme where unit_id = any(${idArr}) and due_date < ${today}::date group by unit_id`.execute(db),
  ]);
  const pr = byId(programmes.rows);
  // Per wing and level: a wing with its own template counts its own posts.
  const seatsByLevel = new Map(seats.rows.map((s) => [`${s.wing}/${s.level}`, n(s.seats)]));
  const h = byId(health.rows);
  const m = byId(meetings.rows);
  const d = byId(dues.rows);
  const b = new Map<number, { filled: number; booths: number }[]>();
  for (const r of booths.rows)
    b.set(Number(r.unit_id), [...(b.get(Number(r.unit_id)) ?? []), { filled: n(r.filled), booths: n(r.booths) }]);
  const [membership, election] = await Promise.all([loadMembership(db, units.rows, today), loadElection(db, units.rows)]);
  const order = new Map(ids.map((id, i) => [id, i]));
  return units.rows
    .map((u) => {
      const id = Number(u.id);
      return {
        id,
        parentId: u.parent_id === null ? null : Number(u.parent_id),
        name: u.name,
        nameHi: u.name_hi,
        level: u.level,
        wing: u.wing,
        path: u.path,
        childCount: n(u.child_count),
        geoCode: u.geo_code,
        seats: seatsByLevel.get(`${u.wing}/${u.level}`) ?? 0,
        filled: n(h.get(id)?.filled),
        booths: b.get(id) ?? [],
        lastHeld: m.get(id)?.last_held ?? null,
        expected90: n(m.get(id)?.expected),
        present90: n(m.get(id)?.present),
        overdue: n(d.get(id)?.overdue),
        onTime: n(d.get(id)?.on_time),
        late: n(d.get(id)?.late),
        holders: n(holders.get(id)?.officeBearers),
        trained: n(holders.get(id)?.trained),
        programmesDue: n(pr.get(id)?.due),
        programmesDone: n(pr.get(id)?.done),
        membership: membership.get(id) ?? null,
        election: election.get(id) ?? null,
      };
    })
    .sort((a, z) => (order.get(a.id) ?? 0) - (order.get(z.id) ?? 0));
};

type TUnitRow = { id: number; path: string; level: string; geo_code: string | null; polling_station_id: number | null };

/** The running drive nearest above each unit (or at it), with the unit's counters and target there. */
const loadMembership = async (db: Kysely<DB>, units: TUnitRow[], today: string) => {
  const out = new Map<number, { enrolled: number; verified: number; target: number }>();
  const chain = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean).map(Number)))];
  const drives = await sql<{ id: number; unit_id: number; starts_on: string }>`
    select id, unit_id, starts_on::text from membership_drive
    where unit_id = any(${chain}::bigint[]) and starts_on <= ${today}::date and ends_on >= ${today}::date`.execute(db);
  if (drives.rows.length === 0) return out;
  const pick = new Map<number, number>();
  for (const u of units) {
    const ids = u.path.split('/').filter(Boolean).map(Number);
    let best: { id: number; depth: number; starts: string } | null = null;
    for (const dr of drives.rows) {
      const depth = ids.indexOf(Number(dr.unit_id));
      if (depth < 0) continue;
      if (!best || depth > best.depth || (depth === best.depth && dr.starts_on > best.starts))
        best = { id: Number(dr.id), depth, starts: dr.starts_on };
    }
    if (best) pick.set(Number(u.id), best.id);
  }
  for (const driveId of new Set(pick.values())) await foldDriveCounts(db, driveId);
  const pairs = [...pick];
  const rows = await sql<{ unit_id: number; enrolled: number | null; verified: number | null; target: number | null }>`
    select p.unit_id, c.enrolled, c.verified, t.target
    from unnest(${pairs.map(([u]) => u)}::bigint[], ${pairs.map(([, dr]) => dr)}::bigint[]) as p (unit_id, drive_id)
    left join drive_unit_count c on c.drive_id = p.drive_id and c.unit_id = p.unit_id
    left join drive_target t on t.drive_id = p.drive_id and t.unit_id = p.unit_id`.execute(db);
  for (const r of rows.rows) {
    if (r.target === null || n(r.target) === 0) continue;
    out.set(Number(r.unit_id), { enrolled: n(r.enrolled), verified: n(r.verified), target: n(r.target) });
  }
  return out;
};

/**
 * The party's share in the latest election of the unit's seat (its AC/PC geography, or a local seat
 * it owns), or for a booth its polling station's booth-wise result, with the swing against the
 * previous election of the same type: stored per area by the elections module's writes
 * (`refreshElectionHealth`), so this is one primary-key read per unit.
 */
const loadElection = async (db: Kysely<DB>, units: TUnitRow[]) => {
  const out = new Map<number, { share: number; swing: number | null; name: string; nameHi: string | null }>();
  const areasOf = (u: TUnitRow) =>
    u.level === 'booth'
      ? u.polling_station_id === null
        ? []
        : [`ps:${u.polling_station_id}`]
      : [...(u.geo_code ? [u.geo_code] : []), `unit:${u.id}`];
  const keys = [...new Set(units.flatMap(areasOf))];
  if (keys.length === 0) return out;
  const { rows } = await sql<{ area: string; share: number; swing: number | null; year: number; name: string; name_hi: string | null }>`
    select a.area, a.share, a.swing, e.year, e.name, e.name_hi from health_election_area a join election e on e.id = a.election_id
    where a.area = any(${keys}::text[])`.execute(db);
  const byArea = new Map(rows.map((r) => [r.area, r]));
  for (const u of units) {
    const best = areasOf(u)
      .map((k) => byArea.get(k))
      .filter((r) => r !== undefined)
      .sort((a, z) => z.year - a.year)[0];
    if (best)
      out.set(Number(u.id), {
        share: n(best.share),
        swing: best.swing === null ? null : n(best.swing),
        name: best.name,
        nameHi: best.name_hi,
      });
  }
  return out;
};
