import { phoneticKey, type TUnit, type TUnitSearchHit } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, notFound } from '../../errors';
import { listHistory } from '../audit/record';
import { assertRoleAt, inJurisdiction, pathRangeEnd, roleAt } from '../auth/policy';
import { ancestorIds, selectUnits, type TUnitRecord, toUnit } from './dto';

export const unitNotFound = (id: number | string) => notFound('UNIT_NOT_FOUND', { id });

export const findUnitRecord = (db: Kysely<DB>, id: number) =>
  selectUnits(db).where('u.id', '=', id).executeTakeFirst();

/** Loads a unit the actor may see (any role), or throws 404 — also for units outside jurisdiction. */
export const loadVisibleUnit = async (ctx: TCtx, id: number): Promise<TUnitRecord> => {
  const row = await findUnitRecord(ctx.db, id);
  if (!row) throw unitNotFound(id);
  assertRoleAt(ctx.actor, row.path, 'viewer', () => unitNotFound(id));
  return row;
};

export const getUnit = async (ctx: TCtx, id: number): Promise<TUnit> => toUnit(ctx.actor, await loadVisibleUnit(ctx, id));

export const getRootUnit = async (ctx: TCtx, wing: string): Promise<TUnit> => {
  const w = await ctx.db.selectFrom('wing').select('root_unit_id').where('key', '=', wing).executeTakeFirst();
  if (!w?.root_unit_id) throw new AppError('NOT_FOUND', 'UNKNOWN_WING', { params: { wing } });
  return getUnit(ctx, w.root_unit_id);
};

const encodeCursor = (sortKey: string, id: number) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
const decodeCursor = (cursor: string): [string, number] => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) return [v[0], v[1] as number];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
};

export type TChildrenQuery = { limit: number; cursor?: string; q?: string; includeDeleted?: boolean };

/** One page of a unit's children in (sort key, id) order: an index range scan whatever the page. */
export const listChildren = async (ctx: TCtx, id: number, query: TChildrenQuery) => {
  const parent = await loadVisibleUnit(ctx, id);
  let qb = selectUnits(ctx.db).where('u.parent_id', '=', id);
  if (!query.includeDeleted) qb = qb.where('u.deleted_at', 'is', null);
  const key = query.q ? phoneticKey(query.q) : '';
  if (key) qb = qb.where(sql<boolean>`u.search_key like ${`%${key}%`}`);
  const filtered = qb;
  if (query.cursor) {
    const [sortKey, lastId] = decodeCursor(query.cursor);
    qb = qb.where((eb) => eb.or([eb('u.sort_key', '>', sortKey), eb.and([eb('u.sort_key', '=', sortKey), eb('u.id', '>', lastId)])]));
  }
  const rows = await qb.orderBy('u.sort_key').orderBy('u.id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const total =
    !key && !query.includeDeleted
      ? parent.child_count
      : Number(
          (
            await filtered
              .clearSelect()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    items: page.map((r) => toUnit(ctx.actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null,
    total,
  };
};

/** Ancestors inside the actor's jurisdiction, root first; an index lookup per id in the path. */
export const listAncestors = async (ctx: TCtx, id: number): Promise<TUnit[]> => {
  const unit = await loadVisibleUnit(ctx, id);
  const ids = ancestorIds(unit.path);
  if (ids.length === 0) return [];
  const rows = await selectUnits(ctx.db).where('u.id', 'in', ids).orderBy('u.depth').execute();
  return rows.filter((r) => roleAt(ctx.actor, r.path) !== null).map((r) => toUnit(ctx.actor, r));
};

const trailsFor = async (db: Kysely<DB>, actor: TActor, rows: TUnitRecord[]) => {
  const ids = [...new Set(rows.flatMap((r) => ancestorIds(r.path)))];
  if (ids.length === 0) return new Map<number, never>();
  const anc = await db.selectFrom('unit').select(['id', 'name', 'name_hi', 'level', 'path']).where('id', 'in', ids).execute();
  return new Map(anc.filter((a) => roleAt(actor, a.path) !== null).map((a) => [a.id, a]));
};

/**
 * Units whose name (either script, spelling variants folded by the phonetic key) matches `q`,
 * inside the actor's jurisdiction and optionally under one unit; best match first.
 */
export const searchUnits = async (
  ctx: TCtx,
  query: { q: string; under?: number; limit: number; level?: string },
): Promise<TUnitSearchHit[]> => {
  const key = phoneticKey(query.q);
  if (!key) return [];
  let qb = selectUnits(ctx.db)
    .where('u.deleted_at', 'is', null)
    .where(inJurisdiction(ctx.actor, 'u.path'))
    .where(sql<boolean>`(u.search_key like ${`%${key}%`} or u.search_key % ${key})`);
  if (query.under !== undefined) {
    const under = await loadVisibleUnit(ctx, query.under);
    qb = qb.where('u.path', '>=', under.path).where('u.path', '<', pathRangeEnd(under.path));
  }
  if (query.level) qb = qb.where('u.level', '=', query.level);
  const rows = await qb
    .orderBy(sql`similarity(u.search_key, ${key})`, 'desc')
    .orderBy('u.depth')
    .orderBy('u.id')
    .limit(query.limit)
    .execute();
  const trails = await trailsFor(ctx.db, ctx.actor, rows);
  return rows.map((r) => ({
    ...toUnit(ctx.actor, r),
    trail: ancestorIds(r.path)
      .map((a) => trails.get(a))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, name: a.name, nameHi: a.name_hi, level: a.level })),
  }));
};

export const unitHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleUnit(ctx, id);
  return listHistory(ctx.db, 'unit', id);
};
