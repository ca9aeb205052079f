import type { TTargetResult, TTargetSet } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import type { TDriveRecord } from './dto';
import { isInside } from './policy';
import { loadVisibleDrive } from './queries';
import { mdb } from './tables';

/**
 * Splits `total` among weights so the shares sum exactly to `total`: each gets the floor of its
 * proportional share, and the units left over go to the largest remainders (ties: first listed).
 * All weights zero → equal weights.
 */
export const divideProportionally = (total: number, weights: number[]): number[] => {
  const w = weights.every((x) => x <= 0) ? weights.map(() => 1) : weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, b) => a + b, 0);
  const shares = w.map((x) => Math.floor((total * x) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = w.map((x, i) => ({ i, rem: (total * x) % sum })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
};

/** A unit inside the drive whose target the actor may set: admin over that unit. */
const loadTargetUnit = async (ctx: TCtx, db: Kysely<DB>, drive: TDriveRecord, id: number, field: string) => {
  const unit = await db.selectFrom('unit').select(['id', 'path', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  const notFound = () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });
  if (!unit) throw notFound();
  assertRoleAt(ctx.actor, unit.path, 'admin', notFound);
  if (!isInside(unit.path, drive.unit_path)) throw invalid('UNIT_NOT_IN_DRIVE', field, { id });
  if (unit.deleted_at) throw invalid('UNIT_DELETED', field);
  return unit;
};

/**
 * Sets targets of the drive: explicit per unit, or `total` for one unit divided among its live
 * children in proportion to the size of each child's subtree (1 + descendant_count, which at the
 * booth-heavy lower levels tracks the number of booths; leaf children therefore share equally).
 * The divided unit's own target becomes `total`. Each unit needs an admin over it.
 */
export const setTargets = (ctx: TCtx, driveId: number, input: TTargetSet): Promise<TTargetResult> =>
  ctx.db.transaction().execute(async (trx) => {
    const drive = await loadVisibleDrive({ ...ctx, db: trx }, driveId);
    let items: { unitId: number; target: number }[];
    if (input.targets) {
      const seen = new Set<number>();
      items = [];
      for (const [i, t] of input.targets.entries()) {
        if (seen.has(t.unitId)) throw invalid('TARGET_DUPLICATE_UNIT', `targets.${i}.unitId`, { id: t.unitId });
        seen.add(t.unitId);
        await loadTargetUnit(ctx, trx, drive, t.unitId, `targets.${i}.unitId`);
        items.push({ unitId: t.unitId, target: t.target });
      }
    } else {
      const unitId = input.unitId ?? 0;
      const total = input.total ?? 0;
      const unit = await loadTargetUnit(ctx, trx, drive, unitId, 'unitId');
      const children = await trx
        .selectFrom('unit')
        .select(['id', 'descendant_count'])
        .where('parent_id', '=', unit.id)
        .where('deleted_at', 'is', null)
        .orderBy('sort_key')
        .orderBy('id')
        .execute();
      if (children.length === 0) throw invalid('TARGET_NO_CHILDREN', 'unitId', { id: unit.id });
      const shares = divideProportionally(
        total,
        children.map((c) => 1 + c.descendant_count),
      );
      items = [{ unitId: unit.id, target: total }, ...children.map((c, i) => ({ unitId: c.id, target: shares[i] ?? 0 }))];
    }
    const m = mdb(trx);
    const ids = items.map((t) => t.unitId);
    const before = await m
      .selectFrom('drive_target')
      .select(['unit_id', 'target'])
      .where('drive_id', '=', drive.id)
      .where('unit_id', 'in', ids)
      .execute();
    await m
      .insertInto('drive_target')
      .values(items.map((t) => ({ drive_id: drive.id, unit_id: t.unitId, target: t.target })))
      .onConflict((oc) =>
        oc.columns(['drive_id', 'unit_id']).doUpdateSet((eb) => ({ target: eb.ref('excluded.target'), updated_at: sql<Date>`now()` })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      action: 'drive.targets',
      entityType: 'membership_drive',
      entityId: drive.id,
      before: before.map((b) => ({ unitId: b.unit_id, target: b.target })),
      after: input.targets ? items : { divideDown: { unitId: input.unitId, total: input.total }, items },
    });
    return { items };
  });
