import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/types';

// The election signal's stored facts: per electoral area, the latest election's share of our party
// and the swing against the previous election of the same type. An area is a seat's geography
// ('S24-PC-3'), 'unit:<id>' for a local seat a unit owns, or 'ps:<id>' for a polling station's
// booth-wise result. The elections module calls `refreshElectionHealth` in the transaction of every
// write that changes them (results and booth-results imports, the shipped seed, seat and election
// edits, the our-party setting), so a health read is one primary-key read per unit.

export type TElectionScope = 'all' | { seatIds?: number[]; pollingStationIds?: number[]; unitIds?: number[] };

/** The rows of `health_election_area` for the areas `seatWhere` / `boothWhere` select, computed from results. */
const electionFacts = (seatWhere: RawBuilder<unknown>, boothWhere: RawBuilder<unknown>) => sql`
  with o as (select our_party_key as our from election_setting where our_party_key is not null limit 1),
  per as (
    select a.area, e.id as election_id, e.type, e.year,
      sum(r.votes)::float8 as total, coalesce(sum(r.votes) filter (where r.party_key = o.our), 0)::float8 as ours
    from o cross join seat s
    cross join lateral (values (s.geo_code), ('unit:' || s.unit_id)) as a (area)
    join election e on e.id = s.election_id
    join result_row r on r.seat_id = s.id
    where a.area is not null and ${seatWhere}
    group by a.area, e.id, e.type, e.year
    union all
    select 'ps:' || b.polling_station_id, e.id, e.type, e.year,
      sum(b.votes)::float8, coalesce(sum(b.votes) filter (where b.party_key = o.our), 0)::float8
    from o cross join booth_result b
    join election e on e.id = b.election_id
    where b.polling_station_id is not null and ${boothWhere}
    group by b.polling_station_id, e.id, e.type, e.year
  ),
  -- The previous election of the same type: the latest earlier year (its last election of that year),
  -- by a window over one row per area, type and year. (A subquery per area over the CTE made this
  -- quadratic in the number of booths: 8,000 booths took 7 s on PGlite, 4,000 took 2 s.)
  yearly as (
    select distinct on (area, type, year) area, election_id, type, year, 100 * ours / total as pct
    from per where total > 0
    order by area, type, year, election_id desc
  ),
  chain as (
    select area, election_id, type, year, pct, lag(pct) over (partition by area, type order by year) as prev from yearly
  ),
  best as (
    select distinct on (area) area, election_id, pct, prev from chain
    order by area, year desc, election_id desc
  )
  select b.area, b.election_id, round(b.pct::numeric, 1) as share, round((b.pct - b.prev)::numeric, 1) as swing
  from best b`;

/**
 * Recomputes the areas a write touched: every area of these seats (their geography and owning
 * unit, over all elections), of these owning units and these polling stations, or everything.
 */
export const refreshElectionHealth = async (db: Kysely<DB>, scope: TElectionScope) => {
  if (scope === 'all') {
    await sql`delete from health_election_area`.execute(db);
    await sql`insert into health_election_area (area, election_id, share, swing) ${electionFacts(sql`true`, sql`true`)}`.execute(db);
    return;
  }
  const seatIds = scope.seatIds ?? [];
  const psIds = [...new Set(scope.pollingStationIds ?? [])];
  if (seatIds.length === 0 && psIds.length === 0 && (scope.unitIds ?? []).length === 0) return;
  const { rows } = await sql<{ area: string }>`
    select distinct a.area from seat s cross join lateral (values (s.geo_code), ('unit:' || s.unit_id)) as a (area)
    where s.id = any(${seatIds}::bigint[]) and a.area is not null`.execute(db);
  const seatAreas = [...new Set([...rows.map((r) => r.area), ...(scope.unitIds ?? []).map((id) => `unit:${id}`)])];
  const areas = [...seatAreas, ...psIds.map((id) => `ps:${id}`)];
  const geo = seatAreas.filter((a) => !a.startsWith('unit:'));
  const units = seatAreas.filter((a) => a.startsWith('unit:')).map((a) => Number(a.slice(5)));
  await sql`delete from health_election_area where area = any(${areas}::text[])`.execute(db);
  await sql`insert into health_election_area (area, election_id, share, swing)
    select f.* from (${electionFacts(
      sql`(s.geo_code = any(${geo}::text[]) or s.unit_id = any(${units}::bigint[])) and a.area = any(${areas}::text[])`,
      sql`b.polling_station_id = any(${psIds}::bigint[])`,
    )}) f`.execute(db);
};
