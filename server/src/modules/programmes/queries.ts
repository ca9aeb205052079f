import type { TInstance, TProgramme, TSegment } from '@samiti/common';
import type { z } from 'zod';
import type { ZInstanceListQuery, ZProgrammeListQuery } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { listHistory } from '../audit/record';
import { hasRoleAt, inJurisdiction, roleAt } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { canSeeInstance, instanceNotFound, loadVisibleProgramme, programmeVisible, todayInIndia } from './access';
import { selectInstances, toInstance, toInstanceBrief } from './dto';
import { openRolloutJobs } from './rollout';
import { emptyProgrammeCounts, toProgrammeCounts } from './tally';

const encode = (id: number) => Buffer.from(String(id)).toString('base64url');
const decode = (cursor: string) => {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  return n;
};

export const listSegments = async (ctx: TCtx): Promise<TSegment[]> => {
  const rows = await ctx.db.selectFrom('audience_segment').selectAll().orderBy('sort').orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, name: r.name, nameHi: r.name_hi, isArchived: r.archived_at !== null }));
};

/** Open instances past their phase's due date or planned date, per tally bucket of a phase. */
export const overdueByBucket = async (ctx: Pick<TCtx, 'db'>, phaseId: number, dueDate: string | null, today: string) => {
  const rows = await sql<{ bucket: string; n: number }>`
    select b.bucket, count(*) as n from programme_instance i
    cross join lateral (select 'all' as bucket union all select 'state:' || i.state_code where i.state_code is not null
      union all select 'cluster:' || i.cluster_id where i.cluster_id is not null) b
    where i.phase_id = ${phaseId} and i.status in ('not-planned', 'planned')
      ${dueDate !== null && dueDate < today ? sql`` : sql`and i.planned_date < ${today}`}
    group by b.bucket`.execute(ctx.db);
  return new Map(rows.rows.map((r) => [r.bucket, Number(r.n)]));
};

/** A programme with its segments, phases and the counts of phase 1 … summed over its phases. */
export const getProgramme = async (ctx: TCtx, id: number): Promise<TProgramme> => {
  const p = await loadVisibleProgramme(ctx, id);
  const [row, segments, phases, tallies] = await Promise.all([
    ctx.db
      .selectFrom('programme as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.description', 'p.created_at', 'u.name as unit_name', 'u.name_hi as unit_name_hi', 'u.deleted_at'])
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('programme_segment as s')
      .innerJoin('audience_segment as a', 'a.key', 's.segment_key')
      .select(['a.key', 'a.name', 'a.name_hi', 'a.archived_at'])
      .where('s.programme_id', '=', id)
      .orderBy('a.sort')
      .execute(),
    ctx.db.selectFrom('programme_phase').selectAll().where('programme_id', '=', id).orderBy('number').execute(),
    ctx.db
      .selectFrom('programme_tally as t')
      .innerJoin('programme_phase as ph', 'ph.id', 't.phase_id')
      .select(['t.total', 't.vacant', 't.s_not_planned', 't.s_planned', 't.s_held', 't.s_reported', 't.s_cancelled'])
      .where('ph.programme_id', '=', id)
      .where('t.bucket', '=', 'all')
      .execute(),
  ]);
  const today = todayInIndia();
  let overdue = 0;
  for (const ph of phases) overdue += (await overdueByBucket(ctx, ph.id, ph.due_date, today)).get('all') ?? 0;
  const counts = tallies.reduce((acc, t) => {
    const c = toProgrammeCounts(t, 0);
    return {
      total: acc.total + c.total,
      notPlanned: acc.notPlanned + c.notPlanned,
      planned: acc.planned + c.planned,
      held: acc.held + c.held,
      reported: acc.reported + c.reported,
      cancelled: acc.cancelled + c.cancelled,
      overdue: 0,
      vacant: acc.vacant + c.vacant,
    };
  }, emptyProgrammeCounts());
  return {
    id,
    unit: { id: p.unit_id, name: row.unit_name, nameHi: row.unit_name_hi, level: p.unit_level },
    name: p.name,
    nameHi: p.name_hi,
    description: row.description,
    wing: p.wing,
    segments: segments.map((s) => ({ key: s.key, name: s.name, nameHi: s.name_hi, isArchived: s.archived_at !== null })),
    phases: phases.map((ph) => ({ id: ph.id, number: ph.number, name: ph.name, nameHi: ph.name_hi, dueDate: ph.due_date })),
    counts: { ...counts, overdue },
    canRollOut: hasRoleAt(ctx.actor, p.unit_path, 'office-bearer') && row.deleted_at === null,
    rolloutJobs: await openRolloutJobs(ctx.db, id),
    createdAt: new Date(row.created_at).toISOString(),
  };
};

/** Programmes the actor may see (issued in or above their jurisdiction), newest first, paged by id. */
export const listProgrammes = async (ctx: TCtx, q: z.infer<typeof ZProgrammeListQuery>) => {
  let qb = ctx.db
    .selectFrom('programme as p')
    .innerJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.name_hi',
      'p.created_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
    ])
    .where(programmeVisible(ctx.actor, 'u.path'));
  if (q.unitId !== undefined) qb = qb.where('p.unit_id', '=', (await loadVisibleUnit(ctx, q.unitId)).id);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.name_hi', 'ilike', like)]));
  }
  if (q.cursor) qb = qb.where('p.id', '<', decode(q.cursor));
  const rows = await qb
    .orderBy('p.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      nameHi: r.name_hi,
      unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encode(last.id) : null,
  };
};

/** The phase row of a programme by number (404-safe: the caller has checked the programme). */
export const loadPhase = async (ctx: Pick<TCtx, 'db'>, programmeId: number, number: number) => {
  const ph = await ctx.db
    .selectFrom('programme_phase')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!ph) throw new AppError('VALIDATION', 'PROGRAMME_PHASE_UNKNOWN', { params: { phase: number }, field: 'phase' });
  return ph;
};

/**
 * A phase's instances the actor may see (scope unit in their jurisdiction, or all when the programme's
 * unit is), by state, status or name, in target order, paged by id.
 */
export const listInstances = async (ctx: TCtx, programmeId: number, q: z.infer<typeof ZInstanceListQuery>) => {
  const p = await loadVisibleProgramme(ctx, programmeId);
  const ph = await loadPhase(ctx, programmeId, q.phase);
  const today = todayInIndia();
  let qb = selectInstances(ctx.db).where('i.phase_id', '=', ph.id);
  if (roleAt(ctx.actor, p.unit_path) === null) qb = qb.where(inJurisdiction(ctx.actor, 'su.path'));
  if (q.state) qb = qb.where('i.state_code', '=', q.state);
  if (q.status === 'overdue') {
    qb = qb.where('i.status', 'in', ['not-planned', 'planned']);
    if (!(ph.due_date !== null && ph.due_date < today)) qb = qb.where('i.planned_date', '<', today);
  } else if (q.status === 'vacant') {
    qb = qb.where('i.status', 'in', ['not-planned', 'planned']).where('i.has_in_charge', '=', false);
  } else if (q.status) qb = qb.where('i.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) =>
      eb.or([eb('g.name', 'ilike', like), eb('g.name_hi', 'ilike', like), eb('lu.name', 'ilike', like), eb('lu.name_hi', 'ilike', like)]),
    );
  }
  if (q.cursor) qb = qb.where('i.id', '>', decode(q.cursor));
  const rows = await qb
    .orderBy('i.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map((r) => toInstanceBrief(r, today)), nextCursor: rows.length > q.limit && last ? encode(last.id) : null };
};

/** One instance with its team and report photos, for whoever may see it. */
export const getInstance = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TInstance> => {
  const r = await selectInstances(ctx.db).where('i.id', '=', id).executeTakeFirst();
  if (!r || !canSeeInstance(ctx.actor, r)) throw instanceNotFound(id);
  const [team, photos] = await Promise.all([
    ctx.db
      .selectFrom('programme_team_member as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.name', 'p.name_hi', 'm.role'])
      .where('m.instance_id', '=', id)
      .orderBy('m.added_at')
      .orderBy('p.id')
      .execute(),
    ctx.db
      .selectFrom('stored_file')
      .select(['id', 'bytes'])
      .where('owner_type', '=', 'programme_instance')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return toInstance(
    ctx.actor,
    r,
    {
      team: team.map((m) => ({ id: m.id, name: m.name, nameHi: m.name_hi, role: m.role })),
      photos: photos.map((f) => ({ id: f.id, bytes: f.bytes })),
    },
    todayInIndia(),
  );
};

/** Throws 404 unless the actor may see the instance (file access for report photos). */
export const assertInstanceVisible = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number) => {
  const r = await selectInstances(ctx.db).where('i.id', '=', id).executeTakeFirst();
  if (!r || !canSeeInstance(ctx.actor, r)) throw instanceNotFound(id);
};

/** A programme's own audit trail: created, edited, each roll-out with what it created. */
export const programmeHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleProgramme(ctx, id);
  return listHistory(ctx.db, 'programme', id);
};

export const instanceHistory = async (ctx: TCtx, id: number) => {
  await assertInstanceVisible(ctx, id);
  return listHistory(ctx.db, 'programme_instance', id);
};

export const listClusters = async (ctx: TCtx, programmeId: number, q: { limit: number; cursor?: string } = { limit: 100 }) => {
  await loadVisibleProgramme(ctx, programmeId);
  let qb = ctx.db
    .selectFrom('programme_cluster as c')
    .leftJoin('tenure as t', (j) => j.onRef('t.programme_cluster_id', '=', 'c.id').on('t.end_date', 'is', null))
    .leftJoin('person as ip', 'ip.id', 't.person_id')
    .select(['c.id', 'c.name', 'c.name_hi', 'ip.id as in_charge_id', 'ip.name as in_charge_name', 'ip.name_hi as in_charge_name_hi'])
    .select((eb) =>
      eb
        .selectFrom('programme_cluster_target as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.cluster_id', '=', 'c.id')
        .as('targets'),
    )
    .where('c.programme_id', '=', programmeId)
    .where('c.deleted_at', 'is', null);
  if (q.cursor) qb = qb.where('c.id', '>', decode(q.cursor));
  const rows = await qb
    .orderBy('c.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      nameHi: r.name_hi,
      targets: Number(r.targets ?? 0),
      inCharge: r.in_charge_id !== null ? { id: r.in_charge_id, name: r.in_charge_name, nameHi: r.in_charge_name_hi } : null,
    })),
    nextCursor: rows.length > q.limit && last ? encode(last.id) : null,
  };
};
