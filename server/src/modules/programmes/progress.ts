import { STAGE_VALUE, type TInstanceStatus, type TProgrammeProgress, type TProgrammeProgressRow } from '@samiti/common';
import type { z } from 'zod';
import type { ZMapQuery, ZProgrammeProgressQuery } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { inJurisdiction, roleAt } from '../auth/policy';
import { readChildCounts } from '../directives/rollup';
import { unitNotFound } from '../units/queries';
import { loadVisibleProgramme, todayInIndia } from './access';
import { loadPhase, overdueByBucket } from './queries';
import { emptyProgrammeCounts, toProgrammeCounts } from './tally';

const TALLY_COLUMNS = ['t.bucket', 't.total', 't.vacant', 't.s_not_planned', 't.s_planned', 't.s_held', 't.s_reported', 't.s_cancelled'] as const;

/**
 * Progress of one phase: planned / held / reported / overdue and in-charge vacancies, nationally and
 * per state, per cluster or per child unit of `unitId`. Read from counters (a row per bucket), so its
 * cost does not grow with the number of instances; only "overdue" reads the open instances whose
 * date has passed, through a partial index.
 */
export const programmeProgress = async (ctx: TCtx, programmeId: number, q: z.infer<typeof ZProgrammeProgressQuery>): Promise<TProgrammeProgress> => {
  const p = await loadVisibleProgramme(ctx, programmeId);
  const ph = await loadPhase(ctx, programmeId, q.phase);
  const today = todayInIndia();
  const overdue = await overdueByBucket(ctx, ph.id, ph.due_date, today);
  const all = await ctx.db.selectFrom('programme_tally as t').select(TALLY_COLUMNS).where('t.phase_id', '=', ph.id).where('t.bucket', '=', 'all').executeTakeFirst();
  const total = all ? toProgrammeCounts(all, overdue.get('all') ?? 0) : emptyProgrammeCounts();
  let rows: TProgrammeProgressRow[];
  if (q.by === 'state' || q.by === 'cluster') {
    const prefix = `${q.by}:`;
    const tallies = await ctx.db
      .selectFrom('programme_tally as t')
      .select(TALLY_COLUMNS)
      .where('t.phase_id', '=', ph.id)
      .where('t.bucket', '>=', prefix)
      .where('t.bucket', '<', `${q.by};`)
      .execute();
    const keys = tallies.map((t) => t.bucket.slice(prefix.length));
    const names =
      keys.length === 0
        ? []
        : q.by === 'state'
          ? await ctx.db.selectFrom('geo_area').select(['code as key', 'name', 'name_hi']).where('code', 'in', keys).execute()
          : await ctx.db
              .selectFrom('programme_cluster')
              .select([sql<string>`id::text`.as('key'), 'name', 'name_hi'])
              .where('id', 'in', keys.map(Number))
              .execute();
    const byKey = new Map(names.map((n) => [String(n.key), n]));
    rows = tallies
      .map((t) => {
        const key = t.bucket.slice(prefix.length);
        const n = byKey.get(key);
        return { key, name: n?.name ?? key, nameHi: n?.name_hi ?? null, counts: toProgrammeCounts(t, overdue.get(t.bucket) ?? 0), hasChildren: false };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  } else {
    const unitId = q.unitId ?? p.unit_id;
    const unit = await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || (roleAt(ctx.actor, unit.path) === null && roleAt(ctx.actor, p.unit_path) === null && unitId !== p.unit_id)) throw unitNotFound(unitId);
    // The directives' roll-up read: children of the unit that the phase reaches, one index range.
    const { children } = await readChildCounts(ctx.db, { subject: 'programme', subjectId: ph.id, unitId, isPastDue: false, limit: 500 });
    const childOverdue = await overdueUnder(ctx, ph.id, ph.due_date, today, children.map((c) => c.unit.id));
    rows = children.map((c) => ({
      key: String(c.unit.id),
      name: c.unit.name,
      nameHi: c.unit.nameHi,
      hasChildren: c.hasChildren,
      counts: {
        total: c.counts.total,
        notPlanned: c.counts.new,
        planned: c.counts.acknowledged,
        held: c.counts.inProgress,
        reported: c.counts.done,
        cancelled: c.counts.declined,
        overdue: childOverdue.get(c.unit.id) ?? 0,
        vacant: c.counts.vacant,
      },
    }));
  }
  return { by: q.by, phase: ph.number, total, rows };
};

/** Overdue open instances counted under each of the given units (by the scope unit's path). */
const overdueUnder = async (ctx: Pick<TCtx, 'db'>, phaseId: number, dueDate: string | null, today: string, unitIds: number[]) => {
  if (unitIds.length === 0) return new Map<number, number>();
  const r = await sql<{ id: number; n: number }>`
    select c.id, count(*) as n from unit c
    join unit s on s.path >= c.path and s.path < c.path || '~'
    join programme_instance i on i.scope_unit_id = s.id
    where c.id = any(${unitIds}::bigint[]) and i.phase_id = ${phaseId} and i.status in ('not-planned', 'planned')
      ${dueDate !== null && dueDate < today ? sql`` : sql`and i.planned_date < ${today}`}
    group by c.id`.execute(ctx.db);
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.n)]));
};

/** The stage of every PC or AC instance of a phase (optionally of one state), for the choropleth. */
export const progressMap = async (ctx: TCtx, programmeId: number, q: z.infer<typeof ZMapQuery>) => {
  const p = await loadVisibleProgramme(ctx, programmeId);
  const ph = await loadPhase(ctx, programmeId, q.phase);
  let qb = ctx.db
    .selectFrom('programme_instance as i')
    .innerJoin('unit as su', 'su.id', 'i.scope_unit_id')
    .select(['i.geo_code', 'i.status'])
    .where('i.phase_id', '=', ph.id)
    .where('i.target_key', '>=', `${q.kind}:`)
    .where('i.target_key', '<', `${q.kind};`);
  if (q.state) qb = qb.where('i.state_code', '=', q.state);
  if (roleAt(ctx.actor, p.unit_path) === null) qb = qb.where(inJurisdiction(ctx.actor, 'su.path'));
  const rows = await qb.execute();
  const values: Record<string, number> = {};
  for (const r of rows) if (r.geo_code) values[r.geo_code] = STAGE_VALUE[r.status as TInstanceStatus];
  return { values };
};
