import { HEALTH_SIGNALS, HEALTH_THRESHOLD_RULES, type THealthSignalKey, type THealthThreshold, type THealthThresholdPut } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin, isNationalAdmin } from '../auth/policy';

/** level → signal → value, only the rows a national admin has set (the rest use the defaults). */
export type TThresholds = Map<string, Map<THealthSignalKey, number>>;

export const loadThresholds = async (db: Kysely<DB>): Promise<TThresholds> => {
  const { rows } = await sql<{ level: string; signal: THealthSignalKey; value: string | number }>`select level, signal, value from health_threshold`.execute(db);
  const out: TThresholds = new Map();
  for (const r of rows) out.set(r.level, (out.get(r.level) ?? new Map()).set(r.signal, Number(r.value)));
  return out;
};

/** Every (level, signal) threshold with its range; anyone logged in may read them. */
export const listThresholds = async (ctx: TCtx): Promise<{ items: THealthThreshold[]; canEdit: boolean }> => {
  const [levels, set] = await Promise.all([
    ctx.db.selectFrom('org_level').select('key').orderBy('rank').execute(),
    loadThresholds(ctx.db),
  ]);
  const items = levels.flatMap((l) =>
    HEALTH_SIGNALS.map((signal) => {
      const rule = HEALTH_THRESHOLD_RULES[signal];
      const value = set.get(l.key)?.get(signal);
      return { level: l.key, signal, value: value ?? rule.default, isDefault: value === undefined, min: rule.min, max: rule.max, kind: rule.kind, unit: rule.unit };
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
    const rule = HEALTH_THRESHOLD_RULES[item.signal];
    if (!Number.isFinite(item.value) || item.value < rule.min || item.value > rule.max) {
      throw new AppError('VALIDATION', 'HEALTH_THRESHOLD_RANGE', { field: `items.${i}.value`, params: { signal: item.signal, min: rule.min, max: rule.max } });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadThresholds(trx);
    for (const item of body.items) {
      await sql`insert into health_threshold (level, signal, value, updated_by) values (${item.level}, ${item.signal}, ${item.value}, ${ctx.actor.userId > 0 ? ctx.actor.userId : null})
        on conflict (level, signal) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
    }
    await recordAudit(trx, ctx, {
      action: 'health.thresholds',
      entityType: 'health_threshold',
      entityId: 'all',
      before: body.items.map((i) => ({ level: i.level, signal: i.signal, value: before.get(i.level)?.get(i.signal) ?? null })),
      after: body.items,
    });
  });
  return listThresholds(ctx);
};
