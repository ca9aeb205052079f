import {
  HEALTH_THRESHOLD_RULES,
  type TChildrenHealthQuery,
  type THealthMap,
  type THealthMapQuery,
  type THealthState,
  type TUnitHealth,
  type TUnitHealthPage,
  type TUnitHealthRow,
  type TWeakQuery,
} from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { assertRoleAt, pathRangeEnd } from '../auth/policy';
import { unitNotFound } from '../units/queries';
import { indiaToday, loadFacts } from './facts';
import { evaluate } from './signals';
import { loadThresholds, thresholdFor } from './thresholds';

const loadUnit = async (ctx: TCtx, id: number) => {
  const u = await ctx.db.selectFrom('unit').select(['id', 'path', 'level', 'wing', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (!u) throw unitNotFound(id);
  assertRoleAt(ctx.actor, u.path, 'viewer', () => unitNotFound(id));
  return u;
};

const childIds = async (db: Kysely<DB>, id: number) =>
  (
    await db
      .selectFrom('unit')
      .select('id')
      .where('parent_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('sort_key')
      .orderBy('id')
      .execute()
  ).map((c) => Number(c.id));

/** The children's rows, each evaluated on its own facts (their own children are not read). */
const childRows = async (ctx: TCtx, id: number, today: string) => {
  const thresholds = await loadThresholds(ctx.db);
  const facts = await loadFacts(ctx.db, await childIds(ctx.db, id), today);
  return facts.map((f) => evaluate(f, { locale: ctx.locale, today, thresholds }));
};

/** One unit's health: its signals with the share of ok children, and the weekly trend. */
export const getUnitHealth = async (ctx: TCtx, id: number, today = indiaToday()): Promise<TUnitHealth> => {
  await loadUnit(ctx, id);
  const thresholds = await loadThresholds(ctx.db);
  const [[facts], children, trend] = await Promise.all([
    loadFacts(ctx.db, [id], today),
    childRows(ctx, id, today),
    sql<{ week: string; is_weak: boolean; signals: unknown }>`
      select week::text, is_weak, signals from unit_health_snapshot where unit_id = ${id} order by week desc limit 26`.execute(ctx.db),
  ]);
  if (!facts) throw unitNotFound(id);
  const row = evaluate(facts, {
    locale: ctx.locale,
    today,
    thresholds,
    children: { ok: children.filter((c) => !c.isWeak).length, total: children.length },
  });
  return {
    ...row,
    trend: trend.rows.reverse().map((r) => ({
      week: r.week,
      isWeak: r.is_weak,
      weak: (typeof r.signals === 'string' ? JSON.parse(r.signals) : r.signals) as TUnitHealth['trend'][number]['weak'],
    })),
  };
};

const encode = (o: number) => Buffer.from(JSON.stringify({ o })).toString('base64url');
const decodeOffset = (cursor: string | undefined) => {
  if (!cursor) return 0;
  try {
    const o = JSON.parse(Buffer.from(cursor, 'base64url').toString()).o;
    if (Number.isSafeInteger(o) && o >= 0) return o as number;
  } catch {
    // falls through to the error below
  }
  throw invalid('CURSOR_INVALID', 'cursor');
};

const signalValue = (r: TUnitHealthRow, key: string) => r.signals.find((s) => s.key === key)?.value ?? null;

/**
 * The children of a unit with their health, sorted by any signal (no-data last) or weak first by
 * default, a page at a time. The whole child list is evaluated to sort it (a parent has at most a
 * few hundred children); only the page is sent.
 */
export const listChildrenHealth = async (
  ctx: TCtx,
  id: number,
  q: TChildrenHealthQuery,
  today = indiaToday(),
): Promise<TUnitHealthPage> => {
  await loadUnit(ctx, id);
  const offset = decodeOffset(q.cursor);
  const rows = await childRows(ctx, id, today);
  const name = (a: TUnitHealthRow, b: TUnitHealthRow) => a.unit.name.localeCompare(b.unit.name);
  let cmp: (a: TUnitHealthRow, b: TUnitHealthRow) => number;
  if (q.sort === 'weak') cmp = (a, b) => Number(b.isWeak) - Number(a.isWeak) || b.reasons.length - a.reasons.length || name(a, b);
  else if (q.sort === 'name') cmp = (a, b) => (q.order === 'desc' ? -1 : 1) * name(a, b);
  else {
    const key = q.sort;
    // Worst first unless asked otherwise: lowest share, or most days / most overdue.
    const sign = (q.order ?? (HEALTH_THRESHOLD_RULES[key].kind === 'max' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
    cmp = (a, b) => {
      const va = signalValue(a, key);
      const vb = signalValue(b, key);
      if (va === null || vb === null) return va === vb ? name(a, b) : va === null ? 1 : -1;
      return sign * (va - vb) || name(a, b);
    };
  }
  rows.sort(cmp);
  const items = rows.slice(offset, offset + q.limit);
  return { items, total: rows.length, nextCursor: offset + q.limit < rows.length ? encode(offset + q.limit) : null };
};

/** Units a weak list reads per request at most before it returns a cursor to continue from. */
export const WEAK_SCAN_LIMIT = 5_000;

/**
 * Weak units of a level in a subtree, in tree order with a keyset cursor (the last path read). Every
 * unit is judged by `evaluate` on its stored facts, so the list uses every signal the unit page
 * shows (except children-ok, which needs the children's own evaluation: a list row is judged on its
 * own facts, as in the children table). Units are read in path order in batches; a request stops
 * at a full page or after WEAK_SCAN_LIMIT units, and then returns a cursor even when the page is
 * short, so a subtree with few weak units is paged through without one request reading all of it.
 */
export const listWeak = async (ctx: TCtx, id: number, q: TWeakQuery, today = indiaToday()): Promise<TUnitHealthPage> => {
  const unit = await loadUnit(ctx, id);
  const level = await ctx.db.selectFrom('org_level').select('key').where('key', '=', q.level).executeTakeFirst();
  if (!level) throw invalid('HEALTH_UNKNOWN_LEVEL', 'level', { level: q.level });
  let after = '';
  if (q.cursor) {
    after = Buffer.from(q.cursor, 'base64url').toString();
    if (!after.startsWith(unit.path)) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  }
  const thresholds = await loadThresholds(ctx.db);
  const batch = Math.min(500, Math.max(50, q.limit * 2));
  const items: TUnitHealthRow[] = [];
  let scanned = 0;
  let exhausted = false;
  while (items.length < q.limit && scanned < WEAK_SCAN_LIMIT) {
    const { rows } = await sql<{ id: number; path: string }>`
      select u.id, u.path from unit u
      where u.path >= ${unit.path} and u.path < ${pathRangeEnd(unit.path)} and u.path > ${after}
        and u.level = ${q.level} and u.deleted_at is null
      order by u.path limit ${batch}`.execute(ctx.db);
    if (rows.length === 0) {
      exhausted = true;
      break;
    }
    const facts = new Map(
      (
        await loadFacts(
          ctx.db,
          rows.map((r) => Number(r.id)),
          today,
        )
      ).map((f) => [f.id, f]),
    );
    for (const r of rows) {
      after = r.path;
      scanned++;
      const f = facts.get(Number(r.id));
      if (!f) continue;
      const row = evaluate(f, { locale: ctx.locale, today, thresholds });
      if (row.isWeak) items.push(row);
      if (items.length === q.limit) break;
    }
    if (rows.length < batch && after === rows.at(-1)?.path) exhausted = true;
  }
  return { items, total: items.length, nextCursor: exhausted ? null : Buffer.from(after).toString('base64url') };
};

/**
 * For the choropleth: each state or AC unit in the subtree (by its geography code) with the share
 * of its booths whose committee is below the booth threshold. Read from the booth buckets only.
 */
export const healthMap = async (ctx: TCtx, id: number, q: THealthMapQuery, today = indiaToday()): Promise<THealthMap> => {
  const { kind } = q;
  const unit = await loadUnit(ctx, id);
  const thresholds = await loadThresholds(ctx.db);
  const min = thresholdFor(thresholds, 'booth', unit.wing, 'boothCommittee');
  const { rows } = await sql<{ id: number; geo_code: string; total: number; ok: number }>`
    select u.id, u.geo_code, coalesce(sum(b.booths), 0)::int as total, coalesce(sum(b.booths) filter (where b.filled >= ${min}), 0)::int as ok
    from unit u join geo_area g on g.code = u.geo_code and g.kind = ${kind}
    left join unit_health_booths b on b.unit_id = u.id
    where u.path >= ${unit.path} and u.path < ${pathRangeEnd(unit.path)} and u.deleted_at is null
    group by u.id, u.geo_code order by u.geo_code limit 5000`.execute(ctx.db);
  // Coloured by one signal: each area unit judged on its own stored facts, as its health page does.
  const bySignal = new Map<number, { value: number | null; state: THealthState }>();
  if (q.signal) {
    const ids = rows.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 1000)
      for (const f of await loadFacts(ctx.db, ids.slice(i, i + 1000), today)) {
        const s = evaluate(f, { locale: ctx.locale, today, thresholds }).signals.find((x) => x.key === q.signal);
        if (s) bySignal.set(f.id, { value: s.value, state: s.state });
      }
  }
  return {
    kind,
    signal: q.signal ?? null,
    items: rows.map((r) => ({
      unitId: Number(r.id),
      geoCode: r.geo_code,
      booths: Number(r.total),
      weakShare: Number(r.total) === 0 ? null : pct(Number(r.total) - Number(r.ok), Number(r.total)),
      value: bySignal.get(Number(r.id))?.value ?? null,
      state: bySignal.get(Number(r.id))?.state ?? null,
    })),
  };
};
const pct = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;
