import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { diff, pct } from './share';

/** Per booth of the seat: the party's votes and share, and the change from the previous election's same booth. */
export const boothLines = async (db: Kysely<DB>, electionId: number, prevId: number | null, seatId: number, partyKey: string | null) => {
  const { rows } = await sql<{
    ac_code: string;
    part_number: number;
    name: string | null;
    votes: number;
    total: number;
    prev_votes: number | null;
    prev_total: number | null;
  }>`
    with cur as (
      select b.ac_code, b.part_number, sum(b.votes)::int as total, coalesce(sum(b.votes) filter (where b.party_key = ${partyKey}), 0)::int as votes
      from booth_result b where b.election_id = ${electionId} and b.seat_id = ${seatId} group by b.ac_code, b.part_number
    ), prev as (
      select b.ac_code, b.part_number, sum(b.votes)::int as total, coalesce(sum(b.votes) filter (where b.party_key = ${partyKey}), 0)::int as votes
      from booth_result b join cur c on c.ac_code = b.ac_code and c.part_number = b.part_number
      where b.election_id = ${prevId ?? 0} group by b.ac_code, b.part_number
    )
    select c.ac_code, c.part_number, ps.name, c.votes, c.total, p.votes as prev_votes, p.total as prev_total
    from cur c left join prev p on p.ac_code = c.ac_code and p.part_number = c.part_number
    left join polling_station ps on ps.ac_code = c.ac_code and ps.part_number = c.part_number
    order by c.ac_code, c.part_number limit 5000`.execute(db);
  return rows.map((r) => {
    const share = partyKey ? pct(Number(r.votes), Number(r.total)) : null;
    const previousShare = partyKey && r.prev_total !== null ? pct(Number(r.prev_votes), Number(r.prev_total)) : null;
    return {
      acCode: r.ac_code,
      partNumber: r.part_number,
      name: r.name,
      votes: Number(r.votes),
      total: Number(r.total),
      share,
      previousShare,
      change: diff(share, previousShare),
    };
  });
};

/** The party's units at the seat: its own unit, and for a PC the assembly units of its ACs, each with its current office bearers. */
export const seatUnits = async (db: Kysely<DB>, unitId: number | null, geoCode: string | null) => {
  const { rows } = await sql<{ id: number; name: string; name_hi: string | null; level: string; office_bearers: number }>`
    select u.id, u.name, u.name_hi, u.level,
      (select count(*) from tenure t where t.unit_id = u.id and t.end_date is null)::int as office_bearers
    from unit u
    where u.deleted_at is null and u.wing = 'main' and (u.id = ${unitId ?? 0}
      or (${geoCode}::text is not null and u.geo_code in (select g.code from geo_area g where g.code = ${geoCode} or g.pc_code = ${geoCode})))
    order by u.depth, u.name limit 50`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, nameHi: r.name_hi, level: r.level, officeBearers: Number(r.office_bearers) }));
};
