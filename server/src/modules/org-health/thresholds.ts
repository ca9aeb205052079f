import {
  HEALTH_SIGNALS,
  HEALTH_THRESHOLD_RULES,
  type THealthSignalKey,
  type THealthThreshold,
  type THealthThresholdPut,
} from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin, isNationalAdmin } from '../auth/policy';

/**
 * The values a national admin has set (the rest use the defaults): key `level` for every wing of a
 * level, `level:wing` for a wing's own value.
 */
export type TThresholds = Map<string, Map<THealthSignalKey, number>>;

export const loadThresholds = async (db: Kysely<DB>): Promise<TThresholds> => {
  const { rows } = await sql<{ level: string; wing: string | null; signal: THealthSignalKey; value: string | number }>`
    select level, wing, signal, value from health_threshold`.execute(db);
  const out: TThresholds = new Map();
  for (const r of rows) {
    const key = r.wing === null ? r.level : `${r.level}:${r.wing}`;
    out.set(key, (out.get(key) ?? new Map()).set(r.signal, Number(r.value)));
  }
  return out;
};

/** The threshold that applies to a unit of `level` in `wing`: the wing's own, else the level's, else the default. */
export const thresholdFor = (t: TThresholds, level: string, wing: string | null, key: THealthSignalKey) =>
  (wing === null ? undefined : t.get(`${level}:${wing}`)?.get(key)) ?? t.get(level)?.get(key) ?? HEALTH_THRESHOLD_RULES[key].default;

const assertWing = async (db: Kysely<DB>, wing: string | null, field: string) => {
  if (wing === null) return;
  const w = await db.selectFrom('wing').select('key').where('key', '=', wing).executeTakeFirst();
  if (!w) throw invalid('HEALTH_UNKNOWN_WING', field, { wing });
};

/**
 * Every (level, signal) threshold with its range, for every wing (`wing` omitted) or as they apply
 * to one wing; `isDefault` says the value is not set for exactly that level and wing. Anyone
 * logged in may read them.
 */
export const listThresholds = async (ctx: TCtx, wing: string | null = null): Promise<{ items: THealthThreshold[]; canEdit: boolean }> => {
  await assertWing(ctx.db, wing, 'wing');
  const [levels, set] = await Promise.all([ctx.db.selectFrom('org_level').select('key').orderBy('rank').execute(), loadThresholds(ctx.db)]);
  const items = levels.flatMap((l) =>
    HEALTH_SIGNALS.map((signal) => {
      const rule = HEALTH_THRESHOLD_RULES[signal];
      const own = set.get(wing === null ? l.key : `${l.key}:${wing}`)?.get(signal);
      return {
        level: l.key,
        wing,
        signal,
        value: thresholdFor(set, l.key, wing, signal),
        isDefault: own === undefined,
        min: rule.min,
        max: rule.max,
        kind: rule.kind,
        unit: rule.unit,
      };
    }),
  );
  return { items, canEdit: isNationalAdmin(ctx.actor) };
};

/** Sets thresholds (national admins only); any value out of its range refuses the whole request. */
export const putThresholds = async (ctx: TCtx, body: THealthThresholdPut) => {
  assertNationalAdmin(ctx.actor);
  const levels = new Set((await ctx.db.selectFrom('org_level').select('key').execute()).map((l) => l.key));
  for (const [i, item] of body.items.entries()) {
    if (!levels.has(item.level)) throw invalid('HEALTH_UNKNOWN_LEVEL', `items.${i}.level`, { level: item.level });
    await assertWing(ctx.db, item.wing, `items.${i}.wing`);
    const rule = HEALTH_THRESHOLD_RULES[item.signal];
    if (!Number.isFinite(item.value) || item.value < rule.min || item.value > rule.max) {
      throw new AppError('VALIDATION', 'HEALTH_THRESHOLD_RANGE', {
        field: `items.${i}.value`,
        params: { signal: item.signal, min: rule.min, max: rule.max },
      });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadThresholds(trx);
    for (const item of body.items) {
      await sql`insert into health_threshold (level, wing, signal, value, updated_by)
        values (${item.level}, ${item.wing}, ${item.signal}, ${item.value}, ${ctx.actor.userId > 0 ? ctx.actor.userId : null})
        on conflict (level, signal, coalesce(wing, '')) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`.execute(
        trx,
      );
    }
    await recordAudit(trx, ctx, {
      action: 'health.thresholds',
      entityType: 'health_threshold',
      entityId: 'all',
      before: body.items.map((i) => ({
        level: i.level,
        wing: i.wing,
        signal: i.signal,
        value: before.get(i.wing === null ? i.level : `${i.level}:${i.wing}`)?.get(i.signal) ?? null,
      })),
      after: body.items,
    });
  });
  return listThresholds(ctx, body.items[0]?.wing ?? null);
};
