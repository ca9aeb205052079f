import type { TEndReason, TTenure, TUnitPosts } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { hasRoleAt, roleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { loadVisibleUnit } from '../units/queries';

/** Tenures with their unit, post and person names; `is_from_outside` when the holder lives outside the unit's subtree. */
export const selectTenures = (db: Kysely<DB>) =>
  db
    .selectFrom('tenure as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .leftJoin('post_template as pt', (j) => j.onRef('pt.level', '=', 'u.level').onRef('pt.post_key', '=', 't.post_key'))
    // A programme event's or cluster's in-charge: named after the programme (no unit template offers it).
    .leftJoin('programme_instance as pi', 'pi.id', 't.programme_instance_id')
    .leftJoin('programme_cluster as pc', 'pc.id', 't.programme_cluster_id')
    .leftJoin('programme as pg', (j) => j.on((eb) => eb.or([eb('pg.id', '=', eb.ref('pi.programme_id')), eb('pg.id', '=', eb.ref('pc.programme_id'))])))
    .select(['pg.name as programme_name', 'pg.name_hi as programme_name_hi'])
    .select([
      't.id',
      't.unit_id',
      't.post_key',
      't.person_id',
      't.start_date',
      't.end_date',
      't.end_reason',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      'p.name as person_name',
      'p.name_hi as person_name_hi',
      'h.path as home_path',
      'pt.name as post_name',
      'pt.name_hi as post_name_hi',
    ]);

type TTenureRow = Awaited<ReturnType<ReturnType<typeof selectTenures>['executeTakeFirstOrThrow']>>;

export const toTenure = (r: TTenureRow): TTenure => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitNameHi: r.unit_name_hi,
  unitLevel: r.unit_level,
  post: r.post_key,
  postName: r.post_name ?? (r.programme_name ? `In-charge: ${r.programme_name}` : r.post_key),
  postNameHi: r.post_name_hi ?? (r.programme_name_hi ? `प्रभारी: ${r.programme_name_hi}` : r.post_key),
  personId: r.person_id,
  personName: r.person_name,
  personNameHi: r.person_name_hi,
  startDate: r.start_date,
  endDate: r.end_date,
  endReason: r.end_reason as TEndReason | null,
  isFromOutside: !r.home_path.startsWith(r.unit_path),
  isCurrent: r.end_date === null,
});

/** The unit's post template, each slot with its current holders and vacant seats. */
export const getUnitPosts = async (ctx: TCtx, unitId: number): Promise<TUnitPosts> => {
  const unit = await loadVisibleUnit(ctx, unitId);
  const [templates, current] = await Promise.all([
    ctx.db.selectFrom('post_template').selectAll().where('level', '=', unit.level).orderBy('sort').execute(),
    selectTenures(ctx.db).where('t.unit_id', '=', unitId).where('t.end_date', 'is', null).orderBy('t.start_date').orderBy('t.id').execute(),
  ]);
  const slots = templates.map((pt) => {
    const holders = current.filter((t) => t.post_key === pt.post_key);
    return {
      post: pt.post_key,
      name: pt.name,
      nameHi: pt.name_hi,
      seats: pt.seats,
      vacant: Math.max(0, pt.seats - holders.length),
      holders: holders.map((t) => ({
        tenureId: t.id,
        personId: t.person_id,
        name: t.person_name,
        nameHi: t.person_name_hi,
        startDate: t.start_date,
        isFromOutside: !t.home_path.startsWith(t.unit_path),
      })),
    };
  });
  const total = slots.reduce((n, s) => n + s.seats, 0);
  const filled = slots.reduce((n, s) => n + Math.min(s.seats, s.holders.length), 0);
  return {
    unitId,
    level: unit.level,
    filled,
    total,
    isComplete: total > 0 && filled === total,
    slots,
    canAppoint: hasRoleAt(ctx.actor, unit.path, 'admin') && unit.deleted_at === null,
  };
};

/** The unit's post history, newest first ("former district president" is an ended tenure). */
export const listUnitTenures = async (ctx: TCtx, unitId: number, includeEnded: boolean) => {
  await loadVisibleUnit(ctx, unitId);
  let q = selectTenures(ctx.db).where('t.unit_id', '=', unitId);
  if (!includeEnded) q = q.where('t.end_date', 'is', null);
  const rows = await q.orderBy('t.start_date', 'desc').orderBy('t.id', 'desc').limit(500).execute();
  return rows.map(toTenure);
};

/** Every post a person held or holds, in units the actor may see. */
export const listPersonTenures = async (ctx: TCtx, personId: number) => {
  await loadVisiblePerson(ctx, personId);
  const rows = await selectTenures(ctx.db).where('t.person_id', '=', personId).orderBy('t.start_date', 'desc').orderBy('t.id', 'desc').execute();
  return rows.filter((r) => roleAt(ctx.actor, r.unit_path) !== null).map(toTenure);
};
