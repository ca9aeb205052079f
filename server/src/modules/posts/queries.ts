import type { TEndReason, TTenure, TUnitPosts } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { hasRoleAt, inJurisdiction } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { loadVisibleUnit } from '../units/queries';
import { effectiveTemplateRows } from './templates';

/** Tenures with their unit, post and person names; `is_from_outside` when the holder lives outside the unit's subtree. */
export const selectTenures = (db: Kysely<DB>) =>
  db
    .selectFrom('tenure as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .leftJoin('effective_post_template as pt', (j) =>
      j.onRef('pt.wing', '=', 'u.wing').onRef('pt.level', '=', 'u.level').onRef('pt.post_key', '=', 't.post_key'),
    )
    // A programme event's or cluster's in-charge: named after the programme (no unit template offers it).
    .leftJoin('programme_instance as pi', 'pi.id', 't.programme_instance_id')
    .leftJoin('programme_cluster as pc', 'pc.id', 't.programme_cluster_id')
    .leftJoin('programme as pg', (j) =>
      j.on((eb) => eb.or([eb('pg.id', '=', eb.ref('pi.programme_id')), eb('pg.id', '=', eb.ref('pc.programme_id'))])),
    )
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
    effectiveTemplateRows(ctx.db, unit.wing, unit.level),
    selectTenures(ctx.db).where('t.unit_id', '=', unitId).where('t.end_date', 'is', null).orderBy('t.start_date').orderBy('t.id').execute(),
  ]);
  const slots = templates.map((pt) => {
    const holders = current.filter((t) => t.post_key === pt.post_key);
    return {
      post: pt.post_key,
      name: pt.name,
      nameHi: pt.name_hi,
      seats: pt.seats,
      minSeats: pt.min_seats,
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
  // The committee is complete when every post has its minimum: n of N counts holders up to each minimum.
  const total = slots.reduce((n, s) => n + s.minSeats, 0);
  const filled = slots.reduce((n, s) => n + Math.min(s.minSeats, s.holders.length), 0);
  return {
    unitId,
    level: unit.level,
    filled,
    total,
    isComplete: total > 0 && filled === total,
    templateSource: templates.some((t) => t.is_wing_template) ? 'wing' : 'default',
    slots,
    canAppoint: hasRoleAt(ctx.actor, unit.path, 'admin') && unit.deleted_at === null,
  };
};

export type TTenurePage = { items: TTenure[]; nextCursor: string | null };

/** A tenure list's cursor: the last row's start date and id ("2024-05-01.123"). */
const decodeTenureCursor = (cursor: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})\.(\d{1,15})$/.exec(cursor);
  if (!m) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  return { startDate: m[1] as string, id: Number(m[2]) };
};

/** Newest first by start date then id, one page after `cursor`, and the cursor of the next page. */
const pageTenures = async (q: ReturnType<typeof selectTenures>, limit: number, cursor?: string): Promise<TTenurePage> => {
  if (cursor) {
    const c = decodeTenureCursor(cursor);
    q = q.where((eb) =>
      eb.or([eb('t.start_date', '<', c.startDate), eb.and([eb('t.start_date', '=', c.startDate), eb('t.id', '<', c.id)])]),
    );
  }
  const rows = await q
    .orderBy('t.start_date', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toTenure), nextCursor: rows.length > limit && last ? `${last.start_date}.${last.id}` : null };
};

export type TTenureQuery = { limit: number; cursor?: string };

/** The unit's post history, newest first ("former district president" is an ended tenure), a page at a time. */
export const listUnitTenures = async (ctx: TCtx, unitId: number, includeEnded: boolean, page: TTenureQuery = { limit: 100 }) => {
  await loadVisibleUnit(ctx, unitId);
  let q = selectTenures(ctx.db).where('t.unit_id', '=', unitId);
  if (!includeEnded) q = q.where('t.end_date', 'is', null);
  return pageTenures(q, page.limit, page.cursor);
};

/** Every post a person held or holds, in units the actor may see, newest first, a page at a time. */
export const listPersonTenures = async (ctx: TCtx, personId: number, page: TTenureQuery = { limit: 100 }) => {
  await loadVisiblePerson(ctx, personId);
  const q = selectTenures(ctx.db).where('t.person_id', '=', personId).where(inJurisdiction(ctx.actor, 'u.path'));
  return pageTenures(q, page.limit, page.cursor);
};
