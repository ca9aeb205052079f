import type { TRollout, TRolloutJob } from '@samiti/common';
import { type Kysely, type RawBuilder, sql, Transaction } from 'kysely';
import { systemActor, type TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { t } from '../../i18n/messages';
import type { TJobs } from '../../jobs';
import { recordAudit } from '../audit/record';
import { pathRangeEnd } from '../auth/policy';
import { assertManages, loadVisibleProgramme } from './access';
import { addNewInstances } from './tally';

type TUnder = {
  id: number;
  path: string;
  level: string;
  parent_id: number | null;
  geo_code: string | null;
  geo_kind: string | null;
  deleted_at: Date | null;
};

/**
 * The assembly constituencies of a unit's area, as a SQL condition on `geo_area a` (kind 'ac'): all of
 * them for the root, else by the unit's own geography, else by the geography its subtree points at.
 */
const acsOfArea = (u: TUnder): RawBuilder<boolean> => {
  if (u.parent_id === null) return sql<boolean>`true`;
  if (u.geo_code && u.geo_kind === 'state') return sql<boolean>`a.state_code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'pc') return sql<boolean>`a.pc_code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'ac') return sql<boolean>`a.code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'district')
    return sql<boolean>`a.code in (select ac_code from geo_ac_district where district_code = ${u.geo_code})`;
  // A region or division without geography of its own covers what its units point at (booths aside).
  const linked = sql`select distinct s.geo_code from unit s where s.path >= ${u.path} and s.path < ${pathRangeEnd(u.path)}
    and s.deleted_at is null and s.geo_code is not null and s.level <> 'booth'`;
  return sql<boolean>`(a.code in (${linked}) or a.state_code in (${linked}) or a.pc_code in (${linked})
    or a.code in (select ac_code from geo_ac_district where district_code in (${linked})))`;
};

/** The PCs of a unit's area: every PC for the root (UTs without an assembly too), else by geography. */
const pcsOfArea = (u: TUnder): RawBuilder<boolean> => {
  if (u.parent_id === null) return sql<boolean>`true`;
  if (u.geo_code && u.geo_kind === 'state') return sql<boolean>`g.state_code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'pc') return sql<boolean>`g.code = ${u.geo_code}`;
  return sql<boolean>`g.code in (select a.pc_code from geo_area a where a.kind = 'ac' and ${acsOfArea(u)})`;
};

const loadUnder = (db: Kysely<DB>, unitId: number) =>
  db
    .selectFrom('unit as u')
    .leftJoin('geo_area as g', 'g.code', 'u.geo_code')
    .select(['u.id', 'u.path', 'u.level', 'u.parent_id', 'u.geo_code', 'g.kind as geo_kind', 'u.deleted_at'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();

/**
 * The first of `targets` ('pc:<code>', 'ac:<code>', 'unit:<id>') that is not in the area of the unit
 * `unitId` (a PC or AC of its geography, a live unit below it), or null when all are.
 */
export const firstTargetOutside = async (db: Kysely<DB>, unitId: number, targets: string[]): Promise<string | null> => {
  if (targets.length === 0) return null;
  const under = await loadUnder(db, unitId);
  if (!under) return targets[0] ?? null;
  const codes = (kind: string) => targets.filter((t) => t.startsWith(`${kind}:`)).map((t) => t.slice(kind.length + 1));
  const ok = new Set<string>();
  const pcs = codes('pc');
  if (pcs.length > 0) {
    const r = await sql<{
      code: string;
    }>`select g.code from geo_area g where g.kind = 'pc' and g.code = any(${pcs}::text[]) and ${pcsOfArea(under)}`.execute(db);
    for (const x of r.rows) ok.add(`pc:${x.code}`);
  }
  const acs = codes('ac');
  if (acs.length > 0) {
    const r = await sql<{
      code: string;
    }>`select a.code from geo_area a where a.kind = 'ac' and a.code = any(${acs}::text[]) and ${acsOfArea(under)}`.execute(db);
    for (const x of r.rows) ok.add(`ac:${x.code}`);
  }
  const ids = codes('unit').map(Number).filter(Number.isSafeInteger);
  if (ids.length > 0) {
    const r = await db
      .selectFrom('unit')
      .select('id')
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('path', '>=', under.path)
      .where('path', '<', pathRangeEnd(under.path))
      .execute();
    for (const x of r) ok.add(`unit:${x.id}`);
  }
  return targets.find((t) => !ok.has(t)) ?? null;
};

/** The first live unit under `path` linked to the geography code in `codeSql`. */
const linkedUnit = (path: string, codeSql: RawBuilder<unknown>) => sql`(select x.id from unit x where x.geo_code = ${codeSql}
  and x.deleted_at is null and x.path >= ${path} and x.path < ${pathRangeEnd(path)} order by x.depth, x.id limit 1)`;

/** Candidate rows `(target_key, geo_code, unit_id, scope_unit_id, state_code)` for each kind of target. */
const candidates = async (
  trx: Transaction<DB>,
  under: TUnder,
  target: TRollout['target'],
  /** A level's units in pages by id (the job's batches, for progress). */
  page?: { afterUnitId: number; limit: number },
): Promise<{ rows: RawBuilder<unknown>; label: string }> => {
  if (target === 'pc' || target === 'ac') {
    const codes =
      target === 'pc'
        ? sql`select g.code, g.state_code from geo_area g where g.kind = 'pc' and ${pcsOfArea(under)}`
        : sql`select a.code, a.state_code from geo_area a where a.kind = 'ac' and ${acsOfArea(under)}`;
    // A PC cuts across districts: keyed by its code, linked to a unit where one points at it, and
    // counted under the state unit (or the unit rolled out under) otherwise.
    return {
      label: target === 'pc' ? 'Lok Sabha constituency' : 'assembly constituency',
      rows: sql`select ${`${target}:`} || c.code, c.code, l.unit_id, coalesce(l.unit_id, l.state_unit_id, ${under.id}::bigint), c.state_code
        from (${codes}) as c (code, state_code)
        cross join lateral (select ${linkedUnit(under.path, sql`c.code`)} as unit_id, ${linkedUnit(under.path, sql`c.state_code`)} as state_unit_id) as l`,
    };
  }
  let units: RawBuilder<unknown>;
  if ('level' in target) {
    const levels = await trx.selectFrom('org_level').select(['key', 'rank']).where('key', 'in', [target.level, under.level]).execute();
    const to = levels.find((l) => l.key === target.level);
    const from = levels.find((l) => l.key === under.level);
    if (!to) throw invalid('PROGRAMME_LEVEL_UNKNOWN', 'target.level', { level: target.level });
    if (!from || to.rank <= from.rank)
      throw invalid('PROGRAMME_LEVEL_NOT_BELOW', 'target.level', { level: target.level, issuerLevel: under.level });
    units = sql`select u.id, u.path, u.geo_code from unit u where u.level = ${target.level} and u.deleted_at is null
      and u.path > ${under.path} and u.path < ${pathRangeEnd(under.path)}
      ${page ? sql`and u.id > ${page.afterUnitId}::bigint order by u.id limit ${page.limit}` : sql``}`;
  } else {
    const ids = [...new Set(target.unitIds)];
    const found = await trx.selectFrom('unit').select(['id', 'path', 'deleted_at']).where('id', 'in', ids).execute();
    for (const id of ids) {
      const u = found.find((f) => f.id === id);
      if (!u) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field: 'target.unitIds' });
      if (!u.path.startsWith(under.path)) throw invalid('PROGRAMME_UNIT_OUTSIDE', 'target.unitIds', { id });
      if (u.deleted_at) throw invalid('UNIT_DELETED', 'target.unitIds');
    }
    units = sql`select u.id, u.path, u.geo_code from unit u where u.id = any(${ids}::bigint[])`;
  }
  // The state of a unit: its geography's state, else the geography of its state-level ancestor.
  return {
    label: 'level' in target ? target.level : 'unit',
    rows: sql`select 'unit:' || u.id, u.geo_code, u.id, u.id,
        coalesce(g.state_code, case when g.kind = 'state' then g.code end,
          (select a.geo_code from unit a where a.id = any(string_to_array(trim(both '/' from u.path), '/')::bigint[]) and a.level = 'state' limit 1))
      from (${units}) as u left join geo_area g on g.code = u.geo_code`,
  };
};

/** The queue of roll-outs too large for a request; one job per `programme_rollout` row. */
export const ROLLOUT_QUEUE = 'programme-rollout';
/** Roll-outs to more units of a level than this are built by the job (as the directives' cascades). */
export const INLINE_ROLLOUT_LIMIT = 5000;
/** Units per insert in the job: its progress moves once per batch. */
const JOB_BATCH = 20_000;

/**
 * Live progress of roll-outs being built by the job, by roll-out id. In memory: the job builds all
 * of it in one transaction (nothing visible until the commit), which on PGlite holds the only connection.
 */
export const rolloutProgress = new Map<number, { created: number; total: number }>();

type TPlace = { programmeId: number; phaseId: number; rows: RawBuilder<unknown> };

/** One insert … select of candidates, idempotent per (phase, target). Counts candidates and creations. */
const insertCandidates = async (trx: Transaction<DB>, c: TPlace) => {
  const r = await sql<{ candidates: number; created: number; last_unit: number | null }>`
    with cand (target_key, geo_code, unit_id, scope_unit_id, state_code) as (${c.rows}),
    ins as (
      insert into programme_instance (programme_id, phase_id, target_key, geo_code, unit_id, scope_unit_id, state_code, cluster_id)
      select ${c.programmeId}::bigint, ${c.phaseId}::bigint, c.target_key, c.geo_code, c.unit_id, c.scope_unit_id, c.state_code, ct.cluster_id
      from cand as c
      left join programme_cluster_target ct on ct.programme_id = ${c.programmeId} and ct.target_key = c.target_key
      on conflict (phase_id, target_key) do nothing
      returning 1
    )
    select (select count(*) from cand) as candidates, (select count(*) from ins) as created, (select max(unit_id) from cand) as last_unit`.execute(
    trx,
  );
  const x = r.rows[0];
  return { candidates: Number(x?.candidates ?? 0), created: Number(x?.created ?? 0), lastUnit: Number(x?.last_unit ?? 0) };
};

const watermarkOf = async (trx: Transaction<DB>) =>
  Number((await trx.selectFrom('programme_instance').select(sql<number>`coalesce(max(id), 0)`.as('w')).executeTakeFirstOrThrow()).w);

const addCounters = async (trx: Transaction<DB>, p: { unit_id: number; unit_path: string }, phaseId: number, watermark: number) =>
  addNewInstances(
    trx,
    { phaseId, issuerId: p.unit_id, issuerPath: p.unit_path },
    sql`select state_code, cluster_id, scope_unit_id from programme_instance where phase_id = ${phaseId} and id > ${watermark}`,
  );

const lockPhase = (trx: Transaction<DB>, programmeId: number, phase: number) =>
  trx
    .selectFrom('programme_phase')
    .select(['id'])
    .where('programme_id', '=', programmeId)
    .where('number', '=', phase)
    .forUpdate()
    .executeTakeFirst();

const loadUnderUnit = async (trx: Transaction<DB>, unitId: number, p: { unit_path: string }) => {
  const under = await loadUnder(trx, unitId);
  if (!under) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: unitId }, field: 'underUnitId' });
  if (!under.path.startsWith(p.unit_path)) throw invalid('PROGRAMME_UNDER_OUTSIDE', 'underUnitId');
  if (under.deleted_at) throw invalid('UNIT_DELETED', 'underUnitId');
  return under;
};

export type TRolloutResult = { created: number; existing: number; phaseId: number; job: TRolloutJob | null };

/**
 * Rolls a phase of a programme out under a unit: one instance per PC, AC, unit of a level or listed
 * unit, set-based (one insert … select). Idempotent per (phase, target): what exists is left alone
 * and a second roll-out creates nothing. A level with more than `inlineLimit` units under the unit
 * is queued for the `programme-rollout` job instead (all or nothing; nothing of it is visible until
 * it is complete), and the answer carries the job.
 */
export const rollOut = async (
  ctx: TCtx,
  programmeId: number,
  input: TRollout,
  opts: { jobs?: TJobs | null; inlineLimit?: number } = {},
): Promise<TRolloutResult> => {
  const limit = opts.inlineLimit ?? INLINE_ROLLOUT_LIMIT;
  const run = async (trx: Transaction<DB>): Promise<TRolloutResult> => {
    const p = await loadVisibleProgramme({ ...ctx, db: trx }, programmeId);
    assertManages(ctx.actor, p);
    // The candidate query's estimate crosses PostgreSQL's JIT threshold, and compiling it costs
    // more (~150 ms measured) than running it (~70 ms): this is OLTP, never worth JIT.
    await sql`set local jit = off`.execute(trx);
    // Serialises roll-outs of one phase, so the id watermark below sees only this one's rows.
    const phase = await lockPhase(trx, programmeId, input.phase);
    if (!phase) throw invalid('PROGRAMME_PHASE_UNKNOWN', 'phase', { phase: input.phase });
    const running = await trx
      .selectFrom('programme_rollout')
      .select('id')
      .where('phase_id', '=', phase.id)
      .where('status', '=', 'creating')
      .executeTakeFirst();
    if (running) throw new AppError('CONFLICT', 'PROGRAMME_ROLLOUT_RUNNING', { params: { phase: input.phase }, field: 'phase' });
    const under = await loadUnderUnit(trx, input.underUnitId, p);
    const { rows, label } = await candidates(trx, under, input.target);
    const kind = typeof input.target === 'string' ? input.target : 'level' in input.target ? 'level' : 'list';
    const targetLevel = typeof input.target === 'object' && 'level' in input.target ? input.target.level : null;
    const createdBy = ctx.actor.userId > 0 ? ctx.actor.userId : null;
    if (targetLevel !== null) {
      // Only a level can be large (PCs and ACs are at most ~4,120, a list at most 5,000).
      const { n } = await trx
        .selectFrom('unit')
        .select(sql<number>`count(*)`.as('n'))
        .where('level', '=', targetLevel)
        .where('deleted_at', 'is', null)
        .where('path', '>', under.path)
        .where('path', '<', pathRangeEnd(under.path))
        .executeTakeFirstOrThrow();
      const total = Number(n);
      if (total === 0) throw invalid('PROGRAMME_ROLLOUT_EMPTY', 'target', { target: label });
      if (total > limit) {
        if (!opts.jobs) throw new AppError('UNAVAILABLE', 'JOBS_UNAVAILABLE', { params: { total } });
        const { id } = await trx
          .insertInto('programme_rollout')
          .values({
            phase_id: phase.id,
            under_unit_id: under.id,
            target_kind: kind,
            target_level: targetLevel,
            created: 0,
            total,
            status: 'creating',
            created_by: createdBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          action: 'programme.rollout',
          entityType: 'programme',
          entityId: programmeId,
          after: { ...input, rolloutId: id, total, isBackground: true },
        });
        return {
          created: 0,
          existing: 0,
          phaseId: phase.id,
          job: { id, phase: input.phase, status: 'creating', created: 0, total, error: null },
        };
      }
    }
    const watermark = await watermarkOf(trx);
    const counts = await insertCandidates(trx, { programmeId, phaseId: phase.id, rows });
    const created = counts.created;
    const existing = counts.candidates - created;
    if (counts.candidates === 0) throw invalid('PROGRAMME_ROLLOUT_EMPTY', 'target', { target: label });
    if (created > 0) await addCounters(trx, p, phase.id, watermark);
    await trx
      .insertInto('programme_rollout')
      .values({
        phase_id: phase.id,
        under_unit_id: under.id,
        target_kind: kind,
        target_level: targetLevel,
        created,
        total: counts.candidates,
        created_by: createdBy,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'programme.rollout',
      entityType: 'programme',
      entityId: programmeId,
      after: { ...input, created, existing },
    });
    return { created, existing, phaseId: phase.id, job: null };
  };
  // Inside a caller's transaction (a tour stop creating its event) the roll-out is part of it.
  const r = ctx.db instanceof Transaction ? await run(ctx.db) : await ctx.db.transaction().execute(run);
  // Sent after the commit, so the job finds its row.
  if (r.job) await opts.jobs?.send(ROLLOUT_QUEUE, { rolloutId: r.job.id });
  return r;
};

/**
 * Builds a roll-out queued by `rollOut`: every instance and its counters in one transaction, in
 * batches of units for progress, then 'ready'. On failure nothing of it stays and the row says
 * 'failed'. True when this run built it.
 */
export const runRolloutJob = async (db: Kysely<DB>, rolloutId: number, opts: { batch?: number } = {}): Promise<boolean> => {
  const batch = opts.batch ?? JOB_BATCH;
  const ro = await db
    .selectFrom('programme_rollout as r')
    .innerJoin('programme_phase as ph', 'ph.id', 'r.phase_id')
    .select(['r.id', 'r.status', 'r.total', 'r.target_level', 'r.under_unit_id', 'r.created_by', 'ph.programme_id', 'ph.number'])
    .where('r.id', '=', rolloutId)
    .executeTakeFirst();
  if (ro?.status !== 'creating' || !ro.target_level) return false;
  const level = ro.target_level;
  const total = ro.total ?? 0;
  rolloutProgress.set(rolloutId, { created: 0, total });
  try {
    await db.transaction().execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      const p = await trx
        .selectFrom('programme as p')
        .innerJoin('unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.unit_id', 'u.path as unit_path'])
        .where('p.id', '=', ro.programme_id)
        .executeTakeFirstOrThrow();
      const phase = await lockPhase(trx, ro.programme_id, ro.number);
      if (!phase) throw new Error(`phase ${ro.number} of programme ${ro.programme_id} is gone`);
      const under = await loadUnderUnit(trx, ro.under_unit_id, p);
      const watermark = await watermarkOf(trx);
      let after = 0;
      let created = 0;
      let seen = 0;
      for (;;) {
        const { rows } = await candidates(trx, under, { level }, { afterUnitId: after, limit: batch });
        const c = await insertCandidates(trx, { programmeId: ro.programme_id, phaseId: phase.id, rows });
        created += c.created;
        seen += c.candidates;
        rolloutProgress.set(rolloutId, { created: seen, total });
        if (c.candidates < batch) break;
        after = c.lastUnit;
      }
      if (created > 0) await addCounters(trx, p, phase.id, watermark);
      await trx
        .updateTable('programme_rollout')
        .set({ status: 'ready', created, total: seen, error: null })
        .where('id', '=', rolloutId)
        .execute();
      const actor = { ...systemActor('programme-rollout'), userId: ro.created_by ?? 0 };
      await recordAudit(
        trx,
        { actor, requestId: `programme-rollout-${rolloutId}` },
        {
          action: 'programme.rollout.ready',
          entityType: 'programme',
          entityId: ro.programme_id,
          after: { rolloutId, phase: ro.number, created, existing: seen - created },
        },
      );
    });
  } catch (err) {
    await db
      .updateTable('programme_rollout')
      .set({ status: 'failed', error: t('en', 'PROGRAMME_ROLLOUT_FAILED') })
      .where('id', '=', rolloutId)
      .execute();
    throw err;
  } finally {
    rolloutProgress.delete(rolloutId);
  }
  return true;
};

const toJob = (r: {
  id: number;
  number: number;
  status: 'creating' | 'ready' | 'failed';
  created: number;
  total: number | null;
  error: string | null;
}): TRolloutJob => {
  const live = r.status === 'creating' ? rolloutProgress.get(r.id) : undefined;
  return {
    id: r.id,
    phase: r.number,
    status: r.status,
    created: live?.created ?? r.created,
    total: live?.total ?? r.total ?? r.created,
    error: r.error,
  };
};

const selectJobs = (db: Kysely<DB>) =>
  db
    .selectFrom('programme_rollout as r')
    .innerJoin('programme_phase as ph', 'ph.id', 'r.phase_id')
    .select(['r.id', 'ph.number', 'ph.programme_id', 'r.status', 'r.created', 'r.total', 'r.error']);

/** A roll-out's state for whoever may see its programme (poll it while 'creating'). */
export const getRolloutJob = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TRolloutJob> => {
  const r = await selectJobs(ctx.db).where('r.id', '=', id).executeTakeFirst();
  const notFound = () => new AppError('NOT_FOUND', 'PROGRAMME_ROLLOUT_NOT_FOUND', { params: { id } });
  if (!r) throw notFound();
  await loadVisibleProgramme(ctx, r.programme_id).catch(() => {
    throw notFound();
  });
  return toJob(r);
};

/** Roll-outs of a programme still being built, or failed with no roll-out of the phase since, newest first (at most 10). */
export const openRolloutJobs = async (db: Kysely<DB>, programmeId: number): Promise<TRolloutJob[]> =>
  (
    await selectJobs(db)
      .where('ph.programme_id', '=', programmeId)
      .where((eb) =>
        eb.or([
          eb('r.status', '=', 'creating'),
          eb.and([
            eb('r.status', '=', 'failed'),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('programme_rollout as l')
                  .select('l.id')
                  .whereRef('l.phase_id', '=', 'r.phase_id')
                  .whereRef('l.id', '>', 'r.id'),
              ),
            ),
          ]),
        ]),
      )
      .orderBy('r.id', 'desc')
      .limit(10)
      .execute()
  ).map(toJob);
