import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/types';

// Office-bearer training coverage, stored (migration 0022). `training_bearer` holds, per person with
// a current committee post, the units whose subtree holds one of their posts and whether they are
// trained (completed any course); `training_coverage` holds, per unit, how many distinct office
// bearers its subtree holds and how many of them are trained. `refreshTrainingBearers` recomputes
// the bearer rows of the given people from the base tables and moves the unit counters by the
// difference, in the caller's transaction; `recomputeTrainingCoverage` rebuilds both from scratch.
// Office bearers are holders of committee posts: programme and cluster in-charge tenures are not.

/** The people whose rows to refresh: an id list, or a query of one `person_id` column. */
export type TPeopleSource = readonly number[] | RawBuilder<unknown>;

const idsOf = (people: TPeopleSource) =>
  Array.isArray(people) ? sql`select unnest(${[...new Set(people as number[])]}::bigint[])` : (people as RawBuilder<unknown>);

/** (person_id, unit_id) for every unit at or above a current committee post of the people in `personFilter`. */
const heldUnits = (personFilter: RawBuilder<unknown>) => sql`
  select t.person_id, a.id as unit_id
  from tenure t
  join unit u on u.id = t.unit_id
  join person p on p.id = t.person_id
  cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')::bigint[]) as a (id)
  where t.end_date is null and u.deleted_at is null and p.deleted_at is null and p.merged_into is null
    and t.programme_instance_id is null and t.programme_cluster_id is null and ${personFilter}`;

/** Whether person `personCol` completed a course: present at ≥ its required sessions, cancelled sessions not counted. */
const isTrained = (personCol: RawBuilder<unknown>) => sql`exists (
  select 1 from training_invitation i
  join training_session s on s.id = i.session_id
  join training_course c on c.id = s.course_id
  where i.person_id = ${personCol} and i.attendance = 'present' and s.cancelled_at is null
  group by c.id, c.required_sessions having count(*) >= c.required_sessions)`;

/** (person_id, is_trained = true) for each person in `personFilter` who completed a course. */
const completersOf = (personFilter: RawBuilder<unknown>) => sql`
  select distinct x.person_id, true as is_trained from (
    select i.person_id from training_invitation i
    join training_session s on s.id = i.session_id
    join training_course c on c.id = s.course_id
    where i.attendance = 'present' and s.cancelled_at is null and ${personFilter}
    group by i.person_id, c.id, c.required_sessions having count(*) >= c.required_sessions) x`;

/**
 * After anything that can change who holds a committee post or who is trained: tenures started or
 * ended (posts module, people-posts import), attendance marked, a session cancelled or restored, a
 * course's required sessions changed. Recomputes those people's rows and moves the counters of every
 * unit whose figures changed, in two statements however many people. Call it inside the change's
 * transaction, after the change.
 */
export const refreshTrainingBearers = async (db: Kysely<DB>, people: TPeopleSource) => {
  if (Array.isArray(people) && people.length === 0) return;
  // Two refreshes of the same person queue here, so neither reads the other's old row.
  const { rows: locked } = await sql<{ id: number }>`
    select id from person where id in (${idsOf(people)}) order by id for no key update`.execute(db);
  if (locked.length === 0) return;
  const ids = locked.map((r) => r.id);
  await sql`
    with ids as (select unnest(${ids}::bigint[]) as person_id),
    held as (${heldUnits(sql`t.person_id in (select person_id from ids)`)}),
    -- Set-based (grouped, then joined; an in-subquery hashes, an any-array compares every row with
    -- every id): a course change re-reads 10^4 people.
    fresh as (
      select ids.person_id, coalesce(h.unit_ids, '{}') as unit_ids, coalesce(d.is_trained, false) as is_trained
      from ids
      left join (select person_id, array_agg(distinct unit_id order by unit_id) as unit_ids from held group by person_id) h on h.person_id = ids.person_id
      left join (${completersOf(sql`i.person_id in (select person_id from ids)`)}) d on d.person_id = ids.person_id
    ),
    old as (select b.person_id, b.unit_ids, b.is_trained from training_bearer b where b.person_id in (select person_id from ids)),
    moves as (
      select x.unit_id, sum(x.bearers)::int as bearers, sum(x.trained)::int as trained
      from (
        select unnest(o.unit_ids) as unit_id, -1 as bearers, -(o.is_trained::int) as trained from old o
        union all
        select unnest(f.unit_ids), 1, f.is_trained::int from fresh f
      ) x
      group by x.unit_id
      having sum(x.bearers) <> 0 or sum(x.trained) <> 0
    ),
    bump as (
      insert into training_coverage (unit_id, office_bearers, trained)
      select unit_id, bearers, trained from moves order by unit_id
      on conflict (unit_id) do update set office_bearers = training_coverage.office_bearers + excluded.office_bearers,
        trained = training_coverage.trained + excluded.trained, updated_at = now()
      returning 1
    ),
    put as (
      insert into training_bearer (person_id, unit_ids, is_trained)
      select person_id, unit_ids, is_trained from fresh where cardinality(unit_ids) > 0 order by person_id
      on conflict (person_id) do update set unit_ids = excluded.unit_ids, is_trained = excluded.is_trained, updated_at = now()
      where (training_bearer.unit_ids, training_bearer.is_trained) is distinct from (excluded.unit_ids, excluded.is_trained)
      returning 1
    ),
    gone as (
      delete from training_bearer b using fresh f where b.person_id = f.person_id and cardinality(f.unit_ids) = 0
      returning 1
    )
    select (select count(*) from bump) + (select count(*) from put) + (select count(*) from gone) as n`.execute(db);
};

/** After tenures start or end (posts module, people-posts import): their holders' coverage rows. */
export const onTenuresChanged = (db: Kysely<DB>, personIds: readonly number[]) => refreshTrainingBearers(db, personIds);

/**
 * After a subtree moves, is soft-deleted or restored (units module; `path` is the subtree's path
 * after the change): everyone holding a current post in it. Their rows carry the old chain, so the
 * difference moves the old ancestors down and the new ones up.
 */
export const onSubtreeChanged = (db: Kysely<DB>, path: string) =>
  refreshTrainingBearers(
    db,
    sql`select distinct t.person_id from tenure t join unit u on u.id = t.unit_id
      where t.end_date is null and u.path >= ${path} and u.path < ${`${path}~`}`,
  );

/** Everyone with a present mark in the course's sessions (one session's, when given): whose completion a change may flip. */
export const attendeesOf = (where: { courseId?: number; sessionId?: number }) =>
  where.sessionId !== undefined
    ? sql`select i.person_id from training_invitation i where i.session_id = ${where.sessionId} and i.attendance = 'present'`
    : sql`select distinct i.person_id from training_invitation i join training_session s on s.id = i.session_id
          where s.course_id = ${where.courseId} and i.attendance = 'present'`;

/** Rebuilds both tables from the base tables (after a bulk repair, or to check the counters). */
export const recomputeTrainingCoverage = async (db: Kysely<DB>) => {
  await sql`delete from training_coverage`.execute(db);
  await sql`delete from training_bearer`.execute(db);
  await sql`
    insert into training_bearer (person_id, unit_ids, is_trained)
    select h.person_id, array_agg(distinct h.unit_id order by h.unit_id), ${isTrained(sql`h.person_id`)}
    from (${heldUnits(sql`true`)}) h
    group by h.person_id`.execute(db);
  await sql`
    insert into training_coverage (unit_id, office_bearers, trained)
    select a.id, count(*)::int, (count(*) filter (where b.is_trained))::int
    from training_bearer b cross join lateral unnest(b.unit_ids) as a (id)
    group by a.id`.execute(db);
};

export type TUnitTrainingCounts = { officeBearers: number; trained: number };

/**
 * The stored training coverage of units: distinct office bearers in each unit's subtree (itself
 * included) and how many of them completed a course. Units with no office bearers are { 0, 0 }.
 * Organisation health's "training" signal reads this.
 */
export const readTrainingCoverage = async (db: Kysely<DB>, unitIds: readonly number[]): Promise<Map<number, TUnitTrainingCounts>> => {
  const out = new Map<number, TUnitTrainingCounts>(unitIds.map((id) => [id, { officeBearers: 0, trained: 0 }]));
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('training_coverage')
    .select(['unit_id', 'office_bearers', 'trained'])
    .where('unit_id', 'in', [...new Set(unitIds)])
    .execute();
  for (const r of rows) out.set(r.unit_id, { officeBearers: r.office_bearers, trained: r.trained });
  return out;
};
