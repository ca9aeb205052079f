import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { dueFacts, meetingFacts, programmeFacts } from './aggregates';
import { refreshElectionHealth } from './election-facts';

export const HEALTH_TABLES = [
  'unit_health',
  'unit_health_booths',
  'unit_health_meeting',
  'unit_health_due',
  'unit_health_programme',
  'health_election_area',
] as const;

/**
 * Rebuilds every health aggregate from the base tables (tenures, units, meetings with invitees and
 * attendance, assignments, programme instances, election results), in one transaction: `npx samiti health recompute`. Set-based, one
 * statement per table, so it costs about what a plain GROUP BY over the same rows costs.
 */
export const recomputeHealth = async (db: Kysely<DB>) => {
  const run = async (trx: Kysely<DB>) => {
    for (const t of HEALTH_TABLES) await sql`delete from ${sql.table(t)}`.execute(trx);
    await sql`insert into unit_health (unit_id, filled)
      select unit_id, count(*)::int from tenure where end_date is null group by unit_id`.execute(trx);
    // A booth counts at each unit of its chain; inside a deleted subtree only from that subtree's top down.
    await sql`insert into unit_health_booths (unit_id, filled, booths)
      select a.id, coalesce(h.filled, 0), count(*)::int
      from unit b
      left join unit_health h on h.unit_id = b.id
      left join unit d on d.id = b.deletion_id
      cross join lateral unnest(string_to_array(trim(both '/' from b.path), '/')::bigint[]) with ordinality as a (id, ord)
      where b.level = 'booth' and (b.deleted_at is null or a.ord - 1 >= d.depth)
      group by a.id, coalesce(h.filled, 0)`.execute(trx);
    await sql`insert into unit_health_meeting (meeting_id, unit_id, held_on, expected, present) ${meetingFacts(sql`true`)}`.execute(trx);
    await sql`insert into unit_health_due (unit_id, due_date, open, on_time, late, declined) ${dueFacts(sql`true`)}`.execute(trx);
    await sql`insert into unit_health_programme (unit_id, due_date, due, done) ${programmeFacts(sql`true`)}`.execute(trx);
    await refreshElectionHealth(trx, 'all');
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
};

/** Every aggregate row in a stable order, for comparing incremental and recomputed state. */
export const dumpHealth = async (db: Kysely<DB>) => {
  const out: Record<string, unknown[]> = {};
  out.unit_health = (await sql`select unit_id::int, filled from unit_health where filled <> 0 order by 1`.execute(db)).rows;
  out.unit_health_booths = (
    await sql`select unit_id::int, filled, booths from unit_health_booths where booths <> 0 order by 1, 2`.execute(db)
  ).rows;
  out.unit_health_meeting = (
    await sql`select meeting_id::int, unit_id::int, held_on::text, expected, present from unit_health_meeting order by 1`.execute(db)
  ).rows;
  out.unit_health_due = (
    await sql`select unit_id::int, due_date::text, open, on_time, late, declined from unit_health_due
      where open <> 0 or on_time <> 0 or late <> 0 or declined <> 0 order by 1, 2`.execute(db)
  ).rows;
  out.unit_health_programme = (
    await sql`select unit_id::int, due_date::text, due, done from unit_health_programme where due <> 0 or done <> 0 order by 1, 2`.execute(
      db,
    )
  ).rows;
  out.health_election_area = (
    await sql`select area, election_id::int, share::float8, swing::float8 from health_election_area order by 1`.execute(db)
  ).rows;
  return out;
};
