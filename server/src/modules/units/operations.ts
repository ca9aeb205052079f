import { searchKey, type TUnit, type TUnitCreate, type TUnitPatch } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, pathRangeEnd } from '../auth/policy';
import { resolveGeo, type TResolvedGeo } from '../geo/resolve';
import { moveDriveCounts } from '../membership/counters';
import { onSubtreeDeleted, onSubtreeMoved, onSubtreeRestored, onUnitsAdded } from '../org-health/aggregates';
import { onSubtreeChanged } from '../training/coverage';
import { ancestorIds, auditSnapshot, sortKeyFor, toUnit } from './dto';
import { findUnitRecord, unitNotFound } from './queries';

type TDb = Kysely<DB> | Transaction<DB>;

const loadLevel = async (db: TDb, key: string) => {
  const level = await db.selectFrom('org_level').selectAll().where('key', '=', key).executeTakeFirst();
  if (!level) throw invalid('UNKNOWN_LEVEL', 'level', { level: key });
  return level;
};

/** Loads a unit for a write: 404 outside jurisdiction, 403 when the actor is not an admin over it. */
const loadForWrite = async (ctx: TCtx, db: TDb, id: number) => {
  const row = await findUnitRecord(db, id);
  if (!row) throw unitNotFound(id);
  assertRoleAt(ctx.actor, row.path, 'admin', () => unitNotFound(id));
  return row;
};

const checkGeoForLevel = (geo: TResolvedGeo, level: { key: string; geo_kind: string | null }, code: string) => {
  if (level.geo_kind && level.geo_kind !== geo.kind) {
    throw invalid('GEO_KIND_MISMATCH', 'geo', { level: level.key, expected: level.geo_kind, code });
  }
};

const assertLevelBelow = (child: { key: string; rank: number }, parent: { key: string; rank: number }) => {
  if (child.rank <= parent.rank) {
    throw invalid('LEVEL_NOT_BELOW_PARENT', 'level', { level: child.key, parentLevel: parent.key });
  }
};

const assertNoSibling = async (db: TDb, parentId: number, name: string, exceptId?: number) => {
  let q = db
    .selectFrom('unit')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw invalid('DUPLICATE_SIBLING', 'name', { name });
};

/** Adds `delta` to the descendant counts of the units on `path` (and `childDelta` to its last one). */
export const adjustCounts = async (db: TDb, ids: number[], delta: number, parentId: number | null, childDelta: number) => {
  if (ids.length > 0 && delta !== 0) {
    await db
      .updateTable('unit')
      .set((eb) => ({ descendant_count: eb('descendant_count', '+', delta) }))
      .where('id', 'in', ids)
      .execute();
  }
  if (parentId !== null && childDelta !== 0) {
    await db
      .updateTable('unit')
      .set((eb) => ({ child_count: eb('child_count', '+', childDelta) }))
      .where('id', '=', parentId)
      .execute();
  }
};

const reload = async (ctx: TCtx, db: TDb, id: number): Promise<TUnit> => {
  const row = await findUnitRecord(db, id);
  if (!row) throw unitNotFound(id);
  return toUnit(ctx.actor, row);
};

/** Creates a unit under a parent the actor administers. Level must be below the parent's. */
export const createUnit = (ctx: TCtx, input: TUnitCreate): Promise<TUnit> =>
  ctx.db.transaction().execute(async (trx) => {
    const parent = await findUnitRecord(trx, input.parentId);
    if (!parent) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.parentId }, field: 'parentId' });
    assertRoleAt(ctx.actor, parent.path, 'admin', () => unitNotFound(input.parentId));
    if (parent.deleted_at) throw invalid('PARENT_DELETED', 'parentId');
    if (input.wing && input.wing !== parent.wing) throw invalid('WING_MISMATCH', 'wing');
    const [level, parentLevel] = await Promise.all([loadLevel(trx, input.level), loadLevel(trx, parent.level)]);
    assertLevelBelow(level, parentLevel);
    const geo = input.geo ? await resolveGeo(trx, input.geo) : null;
    if (geo && input.geo) checkGeoForLevel(geo, level, input.geo);
    await assertNoSibling(trx, parent.id, input.name);
    const { id } = await trx.selectNoFrom(sql<number>`nextval('unit_id_seq')`.as('id')).executeTakeFirstOrThrow();
    await trx
      .insertInto('unit')
      .values({
        id: Number(id),
        parent_id: parent.id,
        wing: parent.wing,
        level: level.key,
        name: input.name,
        name_hi: input.nameHi ?? null,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sort_key: sortKeyFor(input.name, geo?.partNumber ?? null),
        search_key: searchKey(input.name, input.nameHi),
        geo_code: geo?.geoCode ?? null,
        polling_station_id: geo?.pollingStationId ?? null,
      })
      .execute();
    await adjustCounts(trx, [...ancestorIds(parent.path), parent.id], 1, parent.id, 1);
    await onUnitsAdded(trx, sql`select ${Number(id)}::bigint`);
    const created = await findUnitRecord(trx, Number(id));
    if (!created) throw unitNotFound(id);
    await recordAudit(trx, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, after: auditSnapshot(created) });
    return toUnit(ctx.actor, created);
  });

/** Renames, relinks and/or moves a unit (moving carries its whole subtree). */
export const updateUnit = (ctx: TCtx, id: number, patch: TUnitPatch): Promise<TUnit> =>
  ctx.db.transaction().execute(async (trx) => {
    const db = trx;
    const unit = await loadForWrite(ctx, trx, id);
    if (unit.deleted_at) throw invalid('UNIT_DELETED');
    const level = await loadLevel(trx, unit.level);
    const name = patch.name ?? unit.name;
    const nameHi = patch.nameHi === undefined ? unit.name_hi : patch.nameHi;
    let parentId = unit.parent_id;
    let path = unit.path;
    let depth = unit.depth;

    if (patch.parentId !== undefined && patch.parentId !== unit.parent_id) {
      if (unit.parent_id === null) throw invalid('ROOT_IMMUTABLE', 'parentId');
      const target = await findUnitRecord(db, patch.parentId);
      if (!target) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: patch.parentId }, field: 'parentId' });
      assertRoleAt(ctx.actor, target.path, 'admin', () => unitNotFound(patch.parentId ?? 0));
      if (target.path.startsWith(unit.path)) throw invalid('MOVE_CYCLE', 'parentId');
      if (target.deleted_at) throw invalid('PARENT_DELETED', 'parentId');
      if (target.wing !== unit.wing) throw invalid('WING_MISMATCH', 'parentId');
      assertLevelBelow(level, await loadLevel(trx, target.level));
      parentId = target.id;
      path = `${target.path}${unit.id}/`;
      depth = target.depth + 1;
    }
    if (patch.name !== undefined || parentId !== unit.parent_id) await assertNoSibling(trx, parentId ?? 0, name, unit.id);

    let geoCode = unit.geo_code;
    let psId = unit.polling_station_id;
    let part = unit.ps_part;
    if (patch.geo !== undefined) {
      const geo = patch.geo === null ? null : await resolveGeo(trx, patch.geo);
      if (geo && patch.geo) checkGeoForLevel(geo, level, patch.geo);
      geoCode = geo?.geoCode ?? null;
      psId = geo?.pollingStationId ?? null;
      part = geo?.partNumber ?? null;
    }

    if (path !== unit.path) {
      const size = unit.descendant_count + 1;
      await adjustCounts(trx, ancestorIds(unit.path), -size, unit.parent_id, -1);
      await adjustCounts(trx, ancestorIds(path), size, parentId, 1);
      await sql`update unit set path = ${path} || substr(path, ${unit.path.length + 1}), depth = depth + ${depth - unit.depth}
        where path >= ${unit.path} and path < ${pathRangeEnd(unit.path)}`.execute(trx);
      // Membership drive totals of the moved subtree leave the old ancestors and join the new ones.
      await moveDriveCounts(trx, unit.id, unit.path, path);
      await onSubtreeMoved(trx, unit.path, path);
      await onSubtreeChanged(trx, path);
    }
    await trx
      .updateTable('unit')
      .set({
        parent_id: parentId,
        name,
        name_hi: nameHi,
        sort_key: sortKeyFor(name, part),
        search_key: searchKey(name, nameHi),
        geo_code: geoCode,
        polling_station_id: psId,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = await findUnitRecord(db, id);
    if (!after) throw unitNotFound(id);
    const action = path !== unit.path ? 'unit.move' : 'unit.update';
    await recordAudit(trx, ctx, { action, entityType: 'unit', entityId: id, before: auditSnapshot(unit), after: auditSnapshot(after) });
    return toUnit(ctx.actor, after);
  });

/** Soft-deletes a unit and every active unit below it, as one reversible batch. */
export const deleteUnit = (ctx: TCtx, id: number): Promise<TUnit> =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await loadForWrite(ctx, trx, id);
    if (unit.parent_id === null) throw invalid('ROOT_IMMUTABLE');
    if (unit.deleted_at) throw invalid('UNIT_DELETED');
    const marked = await sql`update unit set deleted_at = now(), deletion_id = ${id}, updated_at = now()
      where path >= ${unit.path} and path < ${pathRangeEnd(unit.path)} and deleted_at is null`.execute(trx);
    await adjustCounts(trx, ancestorIds(unit.path), -(unit.descendant_count + 1), unit.parent_id, -1);
    await onSubtreeDeleted(trx, unit.path);
    await onSubtreeChanged(trx, unit.path);
    await recordAudit(trx, ctx, {
      action: 'unit.delete',
      entityType: 'unit',
      entityId: id,
      before: auditSnapshot(unit),
      after: { deletedUnits: Number(marked.numAffectedRows ?? 0) },
    });
    return reload(ctx, trx, id);
  });

/** Restores a soft-deleted unit with the units that were deleted together with it. */
export const restoreUnit = (ctx: TCtx, id: number): Promise<TUnit> =>
  ctx.db.transaction().execute(async (trx) => {
    const db = trx;
    const unit = await loadForWrite(ctx, trx, id);
    if (!unit.deleted_at) throw invalid('UNIT_NOT_DELETED');
    if (unit.deletion_id !== unit.id) throw invalid('RESTORE_PARENT_DELETED');
    const parent = unit.parent_id === null ? null : await findUnitRecord(db, unit.parent_id);
    if (parent?.deleted_at) throw invalid('RESTORE_PARENT_DELETED');
    if (unit.parent_id !== null) await assertNoSibling(trx, unit.parent_id, unit.name, unit.id);
    const restored = await sql`update unit set deleted_at = null, deletion_id = null, updated_at = now()
      where deletion_id = ${id} and path >= ${unit.path} and path < ${pathRangeEnd(unit.path)}`.execute(trx);
    await adjustCounts(trx, ancestorIds(unit.path), unit.descendant_count + 1, unit.parent_id, 1);
    await onSubtreeRestored(trx, unit.path);
    await onSubtreeChanged(trx, unit.path);
    await recordAudit(trx, ctx, {
      action: 'unit.restore',
      entityType: 'unit',
      entityId: id,
      before: auditSnapshot(unit),
      after: { restoredUnits: Number(restored.numAffectedRows ?? 0) },
    });
    return reload(ctx, trx, id);
  });
