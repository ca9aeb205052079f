import type { TCluster, TClusterDetail, TClusterPatch, TClusterTargets } from '@samiti/common';
import type { ZClusterCreate } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { listHistory, recordAudit } from '../audit/record';
import { hasRoleAt } from '../auth/policy';
import { assertManages, loadVisibleProgramme, type TProgrammeRow } from './access';
import { currentInCharge, endInCharge, startInCharge } from './in-charge';
import { notifyClusterInCharge } from './notices';
import { firstTargetOutside } from './rollout';

// A cluster groups targets of a programme ('pc:S24-PC-3', 'ac:…', 'unit:42') under a cluster
// in-charge. Its counters are the 'cluster:<id>' rows of programme_tally: when a target joins or
// leaves, the instances already rolled out for it move in or out of those rows in the same
// statement that re-points them, so the counts never need a recount.

export const clusterNotFound = (id: number) => new AppError('NOT_FOUND', 'PROGRAMME_CLUSTER_NOT_FOUND', { params: { id } });

const encode = (v: string) => Buffer.from(v).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/** The live cluster and its programme when the actor may see the programme, else 404. */
const loadCluster = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, lock = false) => {
  let qb = ctx.db
    .selectFrom('programme_cluster')
    .select(['id', 'programme_id', 'name', 'name_hi'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (lock) qb = qb.forUpdate();
  const c = await qb.executeTakeFirst();
  if (!c) throw clusterNotFound(id);
  let p: TProgrammeRow;
  try {
    p = await loadVisibleProgramme(ctx, c.programme_id);
  } catch {
    throw clusterNotFound(id);
  }
  return { cluster: c, programme: p };
};

/** Moves the instances of `targets` into the cluster and adds them to its counters (one statement). */
const joinCluster = async (db: Kysely<DB>, programmeId: number, clusterId: number, targets: string[]) => {
  if (targets.length === 0) return;
  await db
    .insertInto('programme_cluster_target')
    .values(targets.map((t) => ({ programme_id: programmeId, target_key: t, cluster_id: clusterId })))
    .execute();
  await sql`with moved as (
      update programme_instance set cluster_id = ${clusterId}
      where programme_id = ${programmeId} and target_key = any(${targets}::text[])
      returning phase_id, status, has_in_charge)
    insert into programme_tally (phase_id, bucket, total, vacant, s_not_planned, s_planned, s_held, s_reported, s_cancelled)
    select phase_id, ${`cluster:${clusterId}`}, count(*),
      count(*) filter (where status in ('not-planned', 'planned') and not has_in_charge),
      count(*) filter (where status = 'not-planned'), count(*) filter (where status = 'planned'),
      count(*) filter (where status = 'held'), count(*) filter (where status = 'reported'), count(*) filter (where status = 'cancelled')
    from moved group by phase_id
    on conflict (phase_id, bucket) do update set
      total = programme_tally.total + excluded.total, vacant = programme_tally.vacant + excluded.vacant,
      s_not_planned = programme_tally.s_not_planned + excluded.s_not_planned, s_planned = programme_tally.s_planned + excluded.s_planned,
      s_held = programme_tally.s_held + excluded.s_held, s_reported = programme_tally.s_reported + excluded.s_reported,
      s_cancelled = programme_tally.s_cancelled + excluded.s_cancelled`.execute(db);
};

/** Takes `targets` out of the cluster and their instances out of its counters (one statement). */
const leaveCluster = async (db: Kysely<DB>, programmeId: number, clusterId: number, targets: string[]) => {
  if (targets.length === 0) return;
  await db.deleteFrom('programme_cluster_target').where('cluster_id', '=', clusterId).where('target_key', 'in', targets).execute();
  await sql`with moved as (
      update programme_instance set cluster_id = null
      where programme_id = ${programmeId} and cluster_id = ${clusterId} and target_key = any(${targets}::text[])
      returning phase_id, status, has_in_charge),
    d as (select phase_id, count(*) as total,
      count(*) filter (where status in ('not-planned', 'planned') and not has_in_charge) as vacant,
      count(*) filter (where status = 'not-planned') as s_not_planned, count(*) filter (where status = 'planned') as s_planned,
      count(*) filter (where status = 'held') as s_held, count(*) filter (where status = 'reported') as s_reported,
      count(*) filter (where status = 'cancelled') as s_cancelled
      from moved group by phase_id)
    update programme_tally t set total = t.total - d.total, vacant = t.vacant - d.vacant,
      s_not_planned = t.s_not_planned - d.s_not_planned, s_planned = t.s_planned - d.s_planned, s_held = t.s_held - d.s_held,
      s_reported = t.s_reported - d.s_reported, s_cancelled = t.s_cancelled - d.s_cancelled
    from d where t.phase_id = d.phase_id and t.bucket = ${`cluster:${clusterId}`}`.execute(db);
};

const assertInArea = async (db: Kysely<DB>, p: TProgrammeRow, targets: string[]) => {
  const outside = await firstTargetOutside(db, p.unit_id, targets);
  if (outside) throw invalid('PROGRAMME_TARGET_OUTSIDE', 'targets', { target: outside });
};

const assertFree = async (db: Kysely<DB>, programmeId: number, targets: string[]) => {
  if (targets.length === 0) return;
  const taken = await db
    .selectFrom('programme_cluster_target')
    .select('target_key')
    .where('programme_id', '=', programmeId)
    .where('target_key', 'in', targets)
    .executeTakeFirst();
  if (taken) throw invalid('PROGRAMME_TARGET_IN_CLUSTER', 'targets', { target: taken.target_key });
};

const countTargets = async (db: Kysely<DB>, clusterId: number) => {
  const { n } = await db
    .selectFrom('programme_cluster_target')
    .select(sql<number>`count(*)`.as('n'))
    .where('cluster_id', '=', clusterId)
    .executeTakeFirstOrThrow();
  return Number(n);
};

/**
 * Groups targets of a programme into a cluster with an optional cluster in-charge (a tenure). Every
 * target must be in the programme unit's area and in no other cluster; instances already rolled out
 * for them join it with their counts.
 */
export const createCluster = async (ctx: TCtx, programmeId: number, input: z.infer<typeof ZClusterCreate>): Promise<TCluster> => {
  const r = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const p = await loadVisibleProgramme(tctx, programmeId);
    assertManages(ctx.actor, p);
    const targets = [...new Set(input.targets)];
    await assertInArea(trx, p, targets);
    await assertFree(trx, programmeId, targets);
    const { id } = await trx
      .insertInto('programme_cluster')
      .values({ programme_id: programmeId, name: input.name, name_hi: input.nameHi ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await joinCluster(trx, programmeId, id, targets);
    let inCharge: TCluster['inCharge'] = null;
    if (input.inChargePersonId !== undefined) {
      const t = await startInCharge(tctx, { kind: 'cluster', id, unitId: p.unit_id, personId: input.inChargePersonId });
      inCharge = { id: t.personId, name: t.name, nameHi: t.nameHi };
      await notifyClusterInCharge(trx, { clusterId: id, personId: t.personId });
    }
    await recordAudit(trx, ctx, {
      action: 'programme.cluster.create',
      entityType: 'programme_cluster',
      entityId: id,
      after: { programmeId, ...input, targets },
    });
    return { id, name: input.name, nameHi: input.nameHi ?? null, targets: targets.length, inCharge };
  });
  return r;
};

/** A cluster with its member count, current in-charge and every in-charge tenure it has had. */
export const getCluster = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TClusterDetail> => {
  const { cluster: c, programme: p } = await loadCluster(ctx, id);
  const [targets, history] = await Promise.all([
    countTargets(ctx.db, id),
    ctx.db
      .selectFrom('tenure as t')
      .innerJoin('person as pe', 'pe.id', 't.person_id')
      .select(['t.id', 't.person_id', 't.start_date', 't.end_date', 'pe.name', 'pe.name_hi'])
      .where('t.programme_cluster_id', '=', id)
      .orderBy('t.id', 'desc')
      .execute(),
  ]);
  const current = history.find((h) => h.end_date === null);
  return {
    id,
    programmeId: c.programme_id,
    name: c.name,
    nameHi: c.name_hi,
    targets,
    inCharge: current ? { id: current.person_id, name: current.name, nameHi: current.name_hi } : null,
    inChargeHistory: history.map((h) => ({
      id: h.person_id,
      name: h.name,
      nameHi: h.name_hi,
      tenureId: h.id,
      since: h.start_date,
      until: h.end_date,
    })),
    canEdit: hasRoleAt(ctx.actor, p.unit_path, 'office-bearer'),
  };
};

/** Renames a cluster and appoints, replaces (the earlier tenure ends and stays on record) or ends its in-charge. */
export const updateCluster = async (ctx: TCtx, id: number, patch: TClusterPatch): Promise<TClusterDetail> => {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const { cluster: c, programme: p } = await loadCluster(tctx, id, true);
    assertManages(ctx.actor, p);
    const before = await currentInCharge(tctx, { kind: 'cluster', id });
    if (patch.name !== undefined || patch.nameHi !== undefined) {
      await trx
        .updateTable('programme_cluster')
        .set({ name: patch.name ?? c.name, name_hi: patch.nameHi !== undefined ? patch.nameHi : c.name_hi, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .execute();
    }
    if (patch.inChargePersonId !== undefined && patch.inChargePersonId !== (before?.person_id ?? null)) {
      if (before) await endInCharge(tctx, before.id);
      if (patch.inChargePersonId !== null) {
        await startInCharge(tctx, { kind: 'cluster', id, unitId: p.unit_id, personId: patch.inChargePersonId });
        await notifyClusterInCharge(trx, { clusterId: id, personId: patch.inChargePersonId });
      }
    }
    await recordAudit(trx, ctx, {
      action: 'programme.cluster.update',
      entityType: 'programme_cluster',
      entityId: id,
      before: { name: c.name, nameHi: c.name_hi, inChargePersonId: before?.person_id ?? null },
      after: patch,
    });
  });
  return getCluster(ctx, id);
};

/** Adds and removes members: added ones must be in the area and in no cluster, removed ones in this cluster. */
export const changeClusterTargets = async (ctx: TCtx, id: number, input: TClusterTargets): Promise<TClusterDetail> => {
  const add = [...new Set(input.add)];
  const remove = [...new Set(input.remove)];
  if (add.length + remove.length === 0) throw invalid('PROGRAMME_CLUSTER_NOTHING', 'add');
  await ctx.db.transaction().execute(async (trx) => {
    const { cluster: c, programme: p } = await loadCluster({ ...ctx, db: trx }, id, true);
    assertManages(ctx.actor, p);
    if (remove.length > 0) {
      const members = await trx
        .selectFrom('programme_cluster_target')
        .select('target_key')
        .where('cluster_id', '=', id)
        .where('target_key', 'in', remove)
        .execute();
      const have = new Set(members.map((m) => m.target_key));
      const missing = remove.find((t) => !have.has(t));
      if (missing) throw invalid('PROGRAMME_TARGET_NOT_IN_CLUSTER', 'remove', { target: missing });
    }
    const removing = new Set(remove);
    const adding = add.filter((t) => !removing.has(t));
    await assertInArea(trx, p, adding);
    await assertFree(trx, c.programme_id, adding);
    await leaveCluster(trx, c.programme_id, id, remove);
    await joinCluster(trx, c.programme_id, id, adding);
    await trx.updateTable('programme_cluster').set({ updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'programme.cluster.targets',
      entityType: 'programme_cluster',
      entityId: id,
      after: { add: adding, remove },
    });
  });
  return getCluster(ctx, id);
};

/** Deletes a cluster with no members (soft: the row and its in-charge tenures stay on record; the tenure is ended). */
export const deleteCluster = async (ctx: TCtx, id: number) => {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const { cluster: c, programme: p } = await loadCluster(tctx, id, true);
    assertManages(ctx.actor, p);
    const count = await countTargets(trx, id);
    if (count > 0) throw invalid('PROGRAMME_CLUSTER_NOT_EMPTY', 'id', { name: c.name, count });
    const t = await currentInCharge(tctx, { kind: 'cluster', id });
    if (t) await endInCharge(tctx, t.id);
    await trx
      .updateTable('programme_cluster')
      .set({ deleted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    // Its counters are all zero now (no member, so no instance): they are derived, not history.
    await trx.deleteFrom('programme_tally').where('bucket', '=', `cluster:${id}`).execute();
    await recordAudit(trx, ctx, {
      action: 'programme.cluster.delete',
      entityType: 'programme_cluster',
      entityId: id,
      before: { name: c.name, nameHi: c.name_hi, inChargePersonId: t?.person_id ?? null },
    });
  });
};

/** A cluster's members with their names (PC/AC from the geography, units from the tree), paged by key. */
export const listClusterTargets = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, q: { limit: number; cursor?: string }) => {
  await loadCluster(ctx, id);
  let qb = ctx.db
    .selectFrom('programme_cluster_target as t')
    .leftJoin('geo_area as g', (j) => j.on(sql<boolean>`left(t.target_key, 3) in ('pc:', 'ac:') and g.code = substr(t.target_key, 4)`))
    .leftJoin('unit as u', (j) => j.on(sql<boolean>`u.id = case when t.target_key like 'unit:%' then substr(t.target_key, 6)::bigint end`))
    .select(['t.target_key', 'g.name as geo_name', 'g.name_hi as geo_name_hi', 'u.name as unit_name', 'u.name_hi as unit_name_hi'])
    .where('t.cluster_id', '=', id);
  if (q.cursor) qb = qb.where('t.target_key', '>', decode(q.cursor));
  const rows = await qb
    .orderBy('t.target_key')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      key: r.target_key,
      name: r.geo_name ?? r.unit_name ?? r.target_key,
      nameHi: r.geo_name_hi ?? r.unit_name_hi ?? null,
    })),
    nextCursor: rows.length > q.limit && last ? encode(last.target_key) : null,
  };
};

/** A cluster's own audit trail: created, renamed, in-charge changes, members added and removed. */
export const clusterHistory = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number) => {
  await loadCluster(ctx, id);
  return listHistory(ctx.db, 'programme_cluster', id);
};
