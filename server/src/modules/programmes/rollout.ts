import type { TRollout } from '@samiti/common';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { pathRangeEnd } from '../auth/policy';
import { assertManages, loadVisibleProgramme } from './access';
import { addNewInstances } from './tally';

type TUnder = { id: number; path: string; level: string; parent_id: number | null; geo_code: string | null; geo_kind: string | null; deleted_at: Date | null };

/**
 * The assembly constituencies of a unit's area, as a SQL condition on `geo_area a` (kind 'ac'): all of
 * them for the root, else by the unit's own geography, else by the geography its subtree points at.
 */
const acsOfArea = (u: TUnder): RawBuilder<boolean> => {
  if (u.parent_id === null) return sql<boolean>`true`;
  if (u.geo_code && u.geo_kind === 'state') return sql<boolean>`a.state_code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'pc') return sql<boolean>`a.pc_code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'ac') return sql<boolean>`a.code = ${u.geo_code}`;
  if (u.geo_code && u.geo_kind === 'district') return sql<boolean>`a.code in (select ac_code from geo_ac_district where district_code = ${u.geo_code})`;
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

/** The first live unit under `path` linked to the geography code in `codeSql`. */
const linkedUnit = (path: string, codeSql: RawBuilder<unknown>) => sql`(select x.id from unit x where x.geo_code = ${codeSql}
  and x.deleted_at is null and x.path >= ${path} and x.path < ${pathRangeEnd(path)} order by x.depth, x.id limit 1)`;

/** Candidate rows `(target_key, geo_code, unit_id, scope_unit_id, state_code)` for each kind of target. */
const candidates = async (trx: Transaction<DB>, under: TUnder, target: TRollout['target']): Promise<{ rows: RawBuilder<unknown>; label: string }> => {
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
    if (!from || to.rank <= from.rank) throw invalid('PROGRAMME_LEVEL_NOT_BELOW', 'target.level', { level: target.level, issuerLevel: under.level });
    units = sql`select u.id, u.path, u.geo_code from unit u where u.level = ${target.level} and u.deleted_at is null
      and u.path > ${under.path} and u.path < ${pathRangeEnd(under.path)}`;
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

/**
 * Rolls a phase of a programme out under a unit: one instance per PC, AC, unit of a level or listed
 * unit, set-based (one insert … select). Idempotent per (phase, target): what exists is left alone
 * and a second roll-out creates nothing.
 */
export const rollOut = async (ctx: TCtx, programmeId: number, input: TRollout) =>
  ctx.db.transaction().execute(async (trx) => {
    const p = await loadVisibleProgramme({ ...ctx, db: trx }, programmeId);
    assertManages(ctx.actor, p);
    // The candidate query's estimate crosses PostgreSQL's JIT threshold, and compiling it costs
    // more (~150 ms measured) than running it (~70 ms): this is OLTP, never worth JIT.
    await sql`set local jit = off`.execute(trx);
    // Serialises roll-outs of one phase, so the id watermark below sees only this one's rows.
    const phase = await trx
      .selectFrom('programme_phase')
      .select(['id'])
      .where('programme_id', '=', programmeId)
      .where('number', '=', input.phase)
      .forUpdate()
      .executeTakeFirst();
    if (!phase) throw invalid('PROGRAMME_PHASE_UNKNOWN', 'phase', { phase: input.phase });
    const under = await trx
      .selectFrom('unit as u')
      .leftJoin('geo_area as g', 'g.code', 'u.geo_code')
      .select(['u.id', 'u.path', 'u.level', 'u.parent_id', 'u.geo_code', 'g.kind as geo_kind', 'u.deleted_at'])
      .where('u.id', '=', input.underUnitId)
      .executeTakeFirst();
    if (!under) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.underUnitId }, field: 'underUnitId' });
    if (!under.path.startsWith(p.unit_path)) throw invalid('PROGRAMME_UNDER_OUTSIDE', 'underUnitId');
    if (under.deleted_at) throw invalid('UNIT_DELETED', 'underUnitId');
    const { rows, label } = await candidates(trx, under, input.target);
    const { watermark } = await trx
      .selectFrom('programme_instance')
      .select(sql<number>`coalesce(max(id), 0)`.as('watermark'))
      .executeTakeFirstOrThrow();
    const r = await sql<{ candidates: number; created: number }>`
      with cand (target_key, geo_code, unit_id, scope_unit_id, state_code) as (${rows}),
      ins as (
        insert into programme_instance (programme_id, phase_id, target_key, geo_code, unit_id, scope_unit_id, state_code, cluster_id)
        select ${programmeId}::bigint, ${phase.id}::bigint, c.target_key, c.geo_code, c.unit_id, c.scope_unit_id, c.state_code, ct.cluster_id
        from cand as c
        left join programme_cluster_target ct on ct.programme_id = ${programmeId} and ct.target_key = c.target_key
        on conflict (phase_id, target_key) do nothing
        returning 1
      )
      select (select count(*) from cand) as candidates, (select count(*) from ins) as created`.execute(trx);
    const counts = r.rows[0] ?? { candidates: 0, created: 0 };
    const created = Number(counts.created);
    const existing = Number(counts.candidates) - created;
    if (Number(counts.candidates) === 0) throw invalid('PROGRAMME_ROLLOUT_EMPTY', 'target', { target: label });
    if (created > 0) {
      await addNewInstances(
        trx,
        { phaseId: phase.id, issuerId: p.unit_id, issuerPath: p.unit_path },
        sql`select state_code, cluster_id, scope_unit_id from programme_instance where phase_id = ${phase.id} and id > ${Number(watermark)}`,
      );
    }
    const kind = typeof input.target === 'string' ? input.target : 'level' in input.target ? 'level' : 'list';
    await trx
      .insertInto('programme_rollout')
      .values({
        phase_id: phase.id,
        under_unit_id: under.id,
        target_kind: kind,
        target_level: typeof input.target === 'object' && 'level' in input.target ? input.target.level : null,
        created,
        created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'programme.rollout', entityType: 'programme', entityId: programmeId, after: { ...input, created, existing } });
    return { created, existing, phaseId: phase.id };
  });
