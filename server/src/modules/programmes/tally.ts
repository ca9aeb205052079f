import type { TInstanceStatus, TProgrammeCounts } from '@samiti/common';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/types';
import { chainBelow, moveCount, type TCounterState } from '../directives/rollup';
import { onProgrammeInstanceMoved, onProgrammeInstancesAdded } from '../org-health/aggregates';

// Two kinds of counters, both kept in the transaction that changes an instance:
// - programme_tally: per phase, one row for the whole phase ('all'), one per state ('state:S24') and
//   one per cluster ('cluster:7'). PCs cut across districts, so "by state" is by the geography's
//   state, not by a unit of the tree.
// - rollup_count (the directives' roll-up, subject 'programme', subject id = phase id): one row per
//   unit on the chain from the programme's unit down to each instance's scope unit, so the unit-tree
//   drill-down is the directives' `readChildCounts`.

const TALLY_COLUMN: Record<TInstanceStatus, string> = {
  'not-planned': 's_not_planned',
  planned: 's_planned',
  held: 's_held',
  reported: 's_reported',
  cancelled: 's_cancelled',
};
/** The directives' counter columns, reused for the tree: not planned → new … cancelled → declined. */
export const ROLLUP_COLUMN: Record<TInstanceStatus, TCounterState> = {
  'not-planned': 's_new',
  planned: 's_ack',
  held: 's_progress',
  reported: 's_done',
  cancelled: 's_declined',
};

export const isOpen = (s: TInstanceStatus) => s === 'not-planned' || s === 'planned';
/** An in-charge vacancy: an open instance nobody is in charge of. */
export const isVacant = (s: { status: TInstanceStatus; hasInCharge: boolean }) => isOpen(s.status) && !s.hasInCharge;

/**
 * Adds the counters of instances just inserted (all 'not-planned', none with an in-charge), given
 * as a query of `(state_code, cluster_id, scope_unit_id)`. Set-based: one statement per counter table.
 */
export const addNewInstances = async (
  db: Kysely<DB>,
  p: { phaseId: number; issuerId: number; issuerPath: string },
  items: RawBuilder<unknown>,
) => {
  await sql`
    insert into programme_tally (phase_id, bucket, total, vacant, s_not_planned)
    select ${p.phaseId}::bigint, b.bucket, count(*), count(*), count(*)
    from (${items}) as i (state_code, cluster_id, scope_unit_id)
    cross join lateral (
      select 'all' as bucket
      union all select 'state:' || i.state_code where i.state_code is not null
      union all select 'cluster:' || i.cluster_id where i.cluster_id is not null
    ) as b
    group by b.bucket
    on conflict (phase_id, bucket) do update set
      total = programme_tally.total + excluded.total,
      vacant = programme_tally.vacant + excluded.vacant,
      s_not_planned = programme_tally.s_not_planned + excluded.s_not_planned`.execute(db);
  // The chain of each scope unit below the programme's unit, read from its path (as the directives do).
  await sql`
    insert into rollup_count (subject, subject_id, unit_id, parent_id, total, vacant, s_new)
    select 'programme', ${p.phaseId}::bigint, c.unit_id, c.parent_id, count(*), count(*), count(*)
    from (${items}) as i (state_code, cluster_id, scope_unit_id)
    join unit u on u.id = i.scope_unit_id
    cross join lateral (
      select ${p.issuerId}::bigint as unit_id, null::bigint as parent_id
      union all
      select e.id::bigint, coalesce(lag(e.id) over (order by e.ord), ${String(p.issuerId)})::bigint
      from unnest(string_to_array(trim(both '/' from substr(u.path, ${p.issuerPath.length + 1})), '/')) with ordinality as e (id, ord)
    ) as c
    group by c.unit_id, c.parent_id
    on conflict (subject, subject_id, unit_id) do update set
      total = rollup_count.total + excluded.total,
      vacant = rollup_count.vacant + excluded.vacant,
      s_new = rollup_count.s_new + excluded.s_new`.execute(db);
  await onProgrammeInstancesAdded(db, p.phaseId, items);
};

export type TCountedState = { status: TInstanceStatus; hasInCharge: boolean };
export type TCountedInstance = { phaseId: number; stateCode: string | null; clusterId: number | null; issuerPath: string; scopePath: string };

/** Moves one instance's counts from `before` to `after` on its tally rows and its tree chain. */
export const moveInstance = async (db: Kysely<DB>, i: TCountedInstance, before: TCountedState, after: TCountedState) => {
  const dv = Number(isVacant(after)) - Number(isVacant(before));
  if (before.status === after.status && dv === 0) return;
  if (before.status !== after.status) await onProgrammeInstanceMoved(db, i.scopePath, i.phaseId, before.status, after.status);
  const buckets = ['all', ...(i.stateCode ? [`state:${i.stateCode}`] : []), ...(i.clusterId ? [`cluster:${i.clusterId}`] : [])];
  const from = sql.ref(TALLY_COLUMN[before.status]);
  const to = sql.ref(TALLY_COLUMN[after.status]);
  const statusSet = before.status === after.status ? sql`` : sql`, ${from} = ${from} - 1, ${to} = ${to} + 1`;
  await sql`update programme_tally set vacant = vacant + ${dv}${statusSet}
    where phase_id = ${i.phaseId} and bucket = any(${buckets}::text[])`.execute(db);
  const chain = chainBelow(i.issuerPath, i.scopePath);
  await moveCount(db, 'programme', i.phaseId, chain, ROLLUP_COLUMN[before.status], ROLLUP_COLUMN[after.status]);
  if (dv !== 0) {
    await sql`update rollup_count set vacant = vacant + ${dv}
      where subject = 'programme' and subject_id = ${i.phaseId} and unit_id = any(${chain}::bigint[])`.execute(db);
  }
};

type TTallyRow = { total: number; vacant: number; s_not_planned: number; s_planned: number; s_held: number; s_reported: number; s_cancelled: number };

export const emptyProgrammeCounts = (): TProgrammeCounts => ({ total: 0, notPlanned: 0, planned: 0, held: 0, reported: 0, cancelled: 0, overdue: 0, vacant: 0 });

/** Counter row → API counts; `overdue` is counted apart (it depends on the day). */
export const toProgrammeCounts = (r: TTallyRow, overdue: number): TProgrammeCounts => ({
  total: Number(r.total),
  notPlanned: Number(r.s_not_planned),
  planned: Number(r.s_planned),
  held: Number(r.s_held),
  reported: Number(r.s_reported),
  cancelled: Number(r.s_cancelled),
  overdue,
  vacant: Number(r.vacant),
});
