import { STAGE_VALUE, type TInstanceStatus, type TProgrammeProgress, type TProgrammeProgressRow, type TProgressSort } from '@samiti/common';
import type { z } from 'zod';
import type { ZMapQuery, ZProgrammeProgressQuery } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { inJurisdiction, roleAt } from '../auth/policy';
import { unitNotFound } from '../units/queries';
import { loadVisibleProgramme, todayInIndia } from './access';
import { loadPhase, overdueByBucket } from './queries';
import { emptyProgrammeCounts, toProgrammeCounts } from './tally';

const TALLY_COLUMNS = [
  't.bucket',
  't.total',
  't.vacant',
  't.s_not_planned',
  't.s_planned',
  't.s_held',
  't.s_reported',
  't.s_cancelled',
] as const;

/**
 * Progress of one phase: planned / held / reported / overdue and in-charge vacancies, nationally and
 * per state, per cluster or per child unit of `unitId`. Read from counters (a row per bucket), so its
 * cost does not grow with the number of instances; only "overdue" reads the open instances whose
 * date has passed, through a partial index.
 */
export const programmeProgress = async (
  ctx: TCtx,
  programmeId: number,
  q: z.infer<typeof ZProgrammeProgressQuery>,
): Promise<TProgrammeProgress> => {
  const p = await loadVisibleProgramme(ctx, programmeId);
  const ph = await loadPhase(ctx, programmeId, q.phase);
  const today = todayInIndia();
  const overdue = await overdueByBucket(ctx, ph.id, ph.due_date, today);
  const all = await ctx.db
    .selectFrom('programme_tally as t')
    .select(TALLY_COLUMNS)
    .where('t.phase_id', '=', ph.id)
    .where('t.bucket', '=', 'all')
    .executeTakeFirst();
  const total = all ? toProgrammeCounts(all, overdue.get('all') ?? 0) : emptyProgrammeCounts();
  let rows: TProgrammeProgressRow[];
  let nextCursor: string | null = null;
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
        return {
          key,
          name: n?.name ?? key,
          nameHi: n?.name_hi ?? null,
          counts: toProgrammeCounts(t, overdue.get(t.bucket) ?? 0),
          hasChildren: false,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  } else {
    const unitId = q.unitId ?? p.unit_id;
    const unit = await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || (roleAt(ctx.actor, unit.path) === null && roleAt(ctx.actor, p.unit_path) === null && unitId !== p.unit_id))
      throw unitNotFound(unitId);
    // The directives' roll-up counters: children of the unit that the phase reaches, one index range.
    const page = await readChildPage(ctx, ph.id, unitId, q);
    nextCursor = page.nextCursor;
    const childOverdue = await overdueUnder(
      ctx,
      ph.id,
      ph.due_date,
      today,
      page.rows.map((c) => c.id),
    );
    rows = page.rows.map((c) => ({
      key: String(c.id),
      name: c.name,
      nameHi: c.name_hi,
      hasChildren: Boolean(c.has_children),
      counts: {
        total: Number(c.total),
        notPlanned: Number(c.s_new),
        planned: Number(c.s_ack),
        held: Number(c.s_progress),
        reported: Number(c.s_done),
        cancelled: Number(c.s_declined),
        overdue: childOverdue.get(c.id) ?? 0,
        vacant: Number(c.vacant),
      },
    }));
  }
  return { by: q.by, phase: ph.number, total, rows, nextCursor };
};

/** The counter column each sort reads (counts largest first; name is the unit's sort key, A→Z). */
const SORT_COLUMN: Record<Exclude<TProgressSort, 'name'>, 'r.total' | 'r.s_ack' | 'r.s_progress' | 'r.s_done' | 'r.vacant'> = {
  total: 'r.total',
  planned: 'r.s_ack',
  held: 'r.s_progress',
  reported: 'r.s_done',
  vacant: 'r.vacant',
};

const badCursor = () => new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
const encodeCursor = (v: [string | number, number]) => Buffer.from(JSON.stringify(v)).toString('base64url');
const decodeCursor = (cursor: string, isText: boolean): [string | number, number] => {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== (isText ? 'string' : 'number') || !Number.isSafeInteger(v[1]))
    throw badCursor();
  return [v[0], v[1]];
};

/**
 * One page of the child units of `unitId` that a phase reaches, with their counters, in the asked
 * order, keyset-paged on (sort value, unit id): the page costs the same at any depth of the list.
 */
const readChildPage = async (
  ctx: Pick<TCtx, 'db'>,
  phaseId: number,
  unitId: number,
  q: { sort: TProgressSort; limit: number; cursor?: string },
) => {
  let qb = ctx.db
    .selectFrom('rollup_count as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.total',
      'r.vacant',
      'r.s_new',
      'r.s_ack',
      'r.s_progress',
      'r.s_done',
      'r.s_declined',
      'u.id',
      'u.name',
      'u.name_hi',
      'u.sort_key',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('rollup_count as c')
            .select('c.unit_id')
            .whereRef('c.subject', '=', 'r.subject')
            .whereRef('c.subject_id', '=', 'r.subject_id')
            .whereRef('c.parent_id', '=', 'r.unit_id'),
        )
        .as('has_children'),
    )
    .where('r.subject', '=', 'programme')
    .where('r.subject_id', '=', phaseId)
    .where('r.parent_id', '=', unitId);
  const col = q.sort === 'name' ? 'u.sort_key' : SORT_COLUMN[q.sort];
  if (q.cursor) {
    const [v, lastId] = decodeCursor(q.cursor, q.sort === 'name');
    qb = qb.where((eb) =>
      eb.or([q.sort === 'name' ? eb(col, '>', v) : eb(col, '<', v), eb.and([eb(col, '=', v), eb('u.id', '>', lastId)])]),
    );
  }
  const rows = await qb
    .orderBy(col, q.sort === 'name' ? 'asc' : 'desc')
    .orderBy('u.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const value = (r: (typeof rows)[number]) => {
    switch (q.sort) {
      case 'name':
        return r.sort_key;
      case 'total':
        return Number(r.total);
      case 'planned':
        return Number(r.s_ack);
      case 'held':
        return Number(r.s_progress);
      case 'reported':
        return Number(r.s_done);
      case 'vacant':
        return Number(r.vacant);
    }
  };
  return { rows: page, nextCursor: rows.length > q.limit && last ? encodeCursor([value(last), last.id]) : null };
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
