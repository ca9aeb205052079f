import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/types';

// The per-unit facts behind the health signals, moved by the writes that change them, in their
// transaction. Each hook reads the changed row from its base table and adjusts only what it
// affects; `recomputeHealth` rebuilds the same rows from scratch and must agree with them.
// Nothing here depends on today's date: windows and "overdue" are computed when read.

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** A timestamptz column as the Indian calendar day it falls on, whatever the session time zone. */
export const indiaDay = (col: RawBuilder<unknown>) => sql`((${col}) at time zone 'UTC' + interval '330 minutes')::date`;

type TBoothMove = { id: number; filled: number; delta: number };

/** Adds each row's `delta` booths at committee size `filled` to unit `id`; rows left at zero are removed. */
const addBoothRows = async (db: Kysely<DB>, moves: TBoothMove[]) => {
  if (moves.length === 0) return;
  const rows = [...moves].sort((a, b) => a.id - b.id || a.filled - b.filled);
  // Sorted so that two booth writes under the same ancestors lock their rows in the same order.
  await sql`
    insert into unit_health_booths (unit_id, filled, booths)
    select t.id, t.filled, sum(t.delta)::int from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.filled)}::int[],
      ${rows.map((r) => r.delta)}::int[]) as t (id, filled, delta)
    group by t.id, t.filled order by t.id, t.filled
    on conflict (unit_id, filled) do update set booths = unit_health_booths.booths + excluded.booths`.execute(db);
  const ids = [...new Set(rows.map((r) => r.id))];
  await sql`delete from unit_health_booths where unit_id = any(${ids}::bigint[]) and booths = 0`.execute(db);
};

/** Adds `delta` booths at committee size `filled` to each unit of `ids`. */
const addBooths = (db: Kysely<DB>, ids: number[], moves: { filled: number; delta: number }[]) =>
  addBoothRows(
    db,
    ids.flatMap((id) => moves.map((m) => ({ id, ...m }))),
  );

/**
 * The units whose booth counts include this booth: its whole chain, or, inside a deleted subtree,
 * the chain from the deleted subtree's top down (its ancestors no longer count it).
 */
const countingChain = (unit: { path: string; deletion_id: number | null }) => {
  const ids = pathIds(unit.path);
  if (unit.deletion_id === null) return ids;
  const i = ids.indexOf(Number(unit.deletion_id));
  return i < 0 ? ids : ids.slice(i);
};

/**
 * After tenures start or end at units (posts module, people-posts import): each unit's holder count
 * and, for a booth, its committee bucket up the chain. Set-based, so an import batch of 5,000 rows
 * costs two statements here, not a few per unit.
 */
export const onPostsChanged = async (db: Kysely<DB>, unitIds: number | number[]) => {
  const ids = [...new Set(Array.isArray(unitIds) ? unitIds : [unitIds])].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const { rows } = await sql<{ path: string; level: string; deletion_id: number | null; before: number; now: number }>`
    with changed as (
      select u.id, u.path, u.level, u.deletion_id, coalesce(h.filled, 0)::int as before,
        (select count(*)::int from tenure t where t.unit_id = u.id and t.end_date is null) as now
      from unit u left join unit_health h on h.unit_id = u.id where u.id = any(${ids}::bigint[])
    ), written as (
      insert into unit_health (unit_id, filled) select id, now from changed where before <> now order by id
      on conflict (unit_id) do update set filled = excluded.filled, updated_at = now()
    )
    select path, level, deletion_id, before, now from changed where before <> now and level = 'booth'`.execute(db);
  await addBoothRows(
    db,
    rows.flatMap((u) =>
      countingChain(u).flatMap((id) => [
        { id, filled: u.before, delta: -1 },
        { id, filled: u.now, delta: 1 },
      ]),
    ),
  );
};

/** After units are created (units module, scaffold): each new booth counts as an empty committee up its chain. */
export const onUnitsAdded = async (db: Kysely<DB>, ids: RawBuilder<unknown>) => {
  await sql`
    insert into unit_health_booths (unit_id, filled, booths)
    select a.id, 0, count(*)::int
    from unit b cross join lateral unnest(string_to_array(trim(both '/' from b.path), '/')::bigint[]) as a (id)
    where b.id in (${ids}) and b.level = 'booth'
    group by a.id order by a.id
    on conflict (unit_id, filled) do update set booths = unit_health_booths.booths + excluded.booths`.execute(db);
};

/** Adds (sign 1) or removes (sign -1) the booths of the subtree at `path` from the units above it. */
const shiftSubtree = async (db: Kysely<DB>, path: string, sign: 1 | -1) => {
  const ids = pathIds(path);
  const root = ids.at(-1) as number;
  const above = ids.slice(0, -1);
  const { rows } = await sql<{ filled: number; booths: number }>`
    select filled, booths from unit_health_booths where unit_id = ${root}`.execute(db);
  await addBooths(
    db,
    above,
    rows.map((r) => ({ filled: r.filled, delta: sign * r.booths })),
  );
  // The programme instances counted at the subtree's top move with it the same way.
  if (above.length === 0) return;
  await sql`
    insert into unit_health_programme (unit_id, due_date, due, done)
    select a.id, p.due_date, ${sign} * p.due, ${sign} * p.done
    from unit_health_programme p cross join unnest(${above}::bigint[]) as a (id)
    where p.unit_id = ${root} order by a.id, p.due_date
    on conflict (unit_id, due_date) do update set due = unit_health_programme.due + excluded.due, done = unit_health_programme.done + excluded.done`.execute(
    db,
  );
  await sql`delete from unit_health_programme where unit_id = any(${above}::bigint[]) and due = 0 and done = 0`.execute(db);
};

/** Before a subtree is soft-deleted, or after it is restored (units module). */
export const onSubtreeDeleted = (db: Kysely<DB>, path: string) => shiftSubtree(db, path, -1);
export const onSubtreeRestored = (db: Kysely<DB>, path: string) => shiftSubtree(db, path, 1);

/** When a unit moves: its subtree's booths leave the old ancestors and join the new ones. */
export const onSubtreeMoved = async (db: Kysely<DB>, oldPath: string, newPath: string) => {
  await shiftSubtree(db, oldPath, -1);
  await shiftSubtree(db, newPath, 1);
};

/** Held meetings as facts: day held, invitees expected (walk-ins are not expected) and present (latest mark). */
export const meetingFacts = (where: RawBuilder<unknown>) => sql`
  select m.id, m.unit_id, ${indiaDay(sql`m.starts_at`)},
    (select count(*)::int from meeting_invitee i where i.meeting_id = m.id and i.source <> 'walk-in'),
    (select count(*)::int from meeting_invitee i
      where i.meeting_id = m.id and i.source <> 'walk-in'
        and (select a.status from meeting_attendance a where a.invitee_id = i.id order by a.id desc limit 1) = 'present')
  from meeting m where m.status in ('held', 'minutes-approved') and ${where}`;

/** After a meeting's status, date or attendance changes (meetings module): its one fact row. */
export const onMeetingChanged = async (db: Kysely<DB>, meetingId: number) => {
  await sql`delete from unit_health_meeting where meeting_id = ${meetingId}`.execute(db);
  await sql`insert into unit_health_meeting (meeting_id, unit_id, held_on, expected, present) ${meetingFacts(sql`m.id = ${meetingId}`)}`.execute(
    db,
  );
};

/** Assignments by unit and due date, in the states the signals count. */
export const dueFacts = (where: RawBuilder<unknown>) => sql`
  select a.unit_id, d.due_date,
    count(*) filter (where a.status in ('new', 'acknowledged', 'in-progress'))::int,
    count(*) filter (where a.status = 'done' and ${indiaDay(sql`a.closed_at`)} <= d.due_date)::int,
    count(*) filter (where a.status = 'done' and ${indiaDay(sql`a.closed_at`)} > d.due_date)::int,
    count(*) filter (where a.status = 'declined')::int
  from assignment a join directive d on d.id = a.directive_id where ${where}
  group by a.unit_id, d.due_date`;

const upsertDue = (db: Kysely<DB>, where: RawBuilder<unknown>) =>
  sql`insert into unit_health_due (unit_id, due_date, open, on_time, late, declined)
    select * from (${dueFacts(where)}) f order by 1, 2
    on conflict (unit_id, due_date) do update set
      open = unit_health_due.open + excluded.open, on_time = unit_health_due.on_time + excluded.on_time,
      late = unit_health_due.late + excluded.late, declined = unit_health_due.declined + excluded.declined`.execute(db);

/** After a directive's assignments are created (directives module): all open. */
export const onAssignmentsCreated = async (db: Kysely<DB>, directiveId: number) => {
  await upsertDue(db, sql`a.directive_id = ${directiveId}`);
};

/**
 * After an assignment's status changes (directives module). Done and declined are final, so a
 * closed assignment was open until this change: it leaves "open" and joins its closed state.
 */
export const onAssignmentChanged = async (db: Kysely<DB>, assignmentId: number) => {
  const { rows } = await sql<{ unit_id: number; due_date: string }>`
    select a.unit_id, d.due_date::text from assignment a join directive d on d.id = a.directive_id
    where a.id = ${assignmentId} and a.status in ('done', 'declined')`.execute(db);
  const a = rows[0];
  if (!a) return;
  await sql`update unit_health_due set open = open - 1 where unit_id = ${a.unit_id} and due_date = ${a.due_date}`.execute(db);
  await sql`
    update unit_health_due h set on_time = h.on_time + f.on_time, late = h.late + f.late, declined = h.declined + f.declined
    from (${dueFacts(sql`a.id = ${assignmentId}`)}) as f (unit_id, due_date, open, on_time, late, declined)
    where h.unit_id = f.unit_id and h.due_date = f.due_date`.execute(db);
};

/**
 * Programme instances as facts: per unit on the chain of each instance's scope unit and its phase's
 * due date, those not cancelled (due) and those held or reported (done). Phases without a due date
 * are never due and are not counted. `where` filters `programme_instance i`.
 */
export const programmeFacts = (where: RawBuilder<unknown>) => sql`
  select a.id, ph.due_date,
    count(*) filter (where i.status <> 'cancelled')::int,
    count(*) filter (where i.status in ('held', 'reported'))::int
  from programme_instance i
  join programme_phase ph on ph.id = i.phase_id
  join unit s on s.id = i.scope_unit_id
  left join unit d on d.id = s.deletion_id
  cross join lateral unnest(string_to_array(trim(both '/' from s.path), '/')::bigint[]) with ordinality as a (id, ord)
  where ph.due_date is not null and (s.deleted_at is null or a.ord - 1 >= d.depth) and ${where}
  group by a.id, ph.due_date`;

/**
 * After a roll-out inserts instances (programmes' `addNewInstances`, same transaction): `items`
 * selects the new rows' `(state_code, cluster_id, scope_unit_id)`. New instances are not planned:
 * each is due on its phase's date up its scope unit's chain, none done.
 */
export const onProgrammeInstancesAdded = async (db: Kysely<DB>, phaseId: number, items: RawBuilder<unknown>) => {
  await sql`
    insert into unit_health_programme (unit_id, due_date, due, done)
    select a.id, ph.due_date, count(*)::int, 0
    from (${items}) as i (state_code, cluster_id, scope_unit_id)
    join programme_phase ph on ph.id = ${phaseId} and ph.due_date is not null
    join unit s on s.id = i.scope_unit_id
    left join unit d on d.id = s.deletion_id
    cross join lateral unnest(string_to_array(trim(both '/' from s.path), '/')::bigint[]) with ordinality as a (id, ord)
    where s.deleted_at is null or a.ord - 1 >= d.depth
    group by a.id, ph.due_date order by a.id
    on conflict (unit_id, due_date) do update set due = unit_health_programme.due + excluded.due`.execute(db);
};

const PROGRAMME_WEIGHT: Record<string, { due: number; done: number }> = {
  'not-planned': { due: 1, done: 0 },
  planned: { due: 1, done: 0 },
  held: { due: 1, done: 1 },
  reported: { due: 1, done: 1 },
  cancelled: { due: 0, done: 0 },
};

/** After an instance's status moves (programmes' `moveInstance`, same transaction): its chain's rows. */
export const onProgrammeInstanceMoved = async (
  db: Kysely<DB>,
  instanceScopePath: string,
  phaseId: number,
  before: string,
  after: string,
) => {
  const b = PROGRAMME_WEIGHT[before] ?? { due: 0, done: 0 };
  const a = PROGRAMME_WEIGHT[after] ?? { due: 0, done: 0 };
  const dDue = a.due - b.due;
  const dDone = a.done - b.done;
  if (dDue === 0 && dDone === 0) return;
  const { rows } = await sql<{ due_date: string | null }>`select due_date::text from programme_phase where id = ${phaseId}`.execute(db);
  const due = rows[0]?.due_date ?? null;
  if (due === null) return;
  const scope = (
    await sql<{ path: string; deletion_id: number | null }>`select path, deletion_id from unit where path = ${instanceScopePath}`.execute(
      db,
    )
  ).rows[0];
  if (!scope) return;
  const chain = countingChain(scope).sort((x, y) => x - y);
  await sql`
    insert into unit_health_programme (unit_id, due_date, due, done)
    select id, ${due}::date, ${dDue}, ${dDone} from unnest(${chain}::bigint[]) as c (id) order by id
    on conflict (unit_id, due_date) do update set due = unit_health_programme.due + excluded.due, done = unit_health_programme.done + excluded.done`.execute(
    db,
  );
};
