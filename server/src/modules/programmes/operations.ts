import type { TProgramme, TProgrammeCreate, TProgrammePatch, TSegment, TSegmentCreate } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin, assertRoleAt } from '../auth/policy';
import { unitNotFound } from '../units/queries';
import { assertManages, loadVisibleProgramme } from './access';
import { getProgramme } from './queries';

const assertSegments = async (db: Kysely<DB>, keys: string[]) => {
  const found = await db.selectFrom('audience_segment').select('key').where('key', 'in', keys).where('archived_at', 'is', null).execute();
  const known = new Set(found.map((f) => f.key));
  const missing = keys.find((k) => !known.has(k));
  if (missing) throw invalid('PROGRAMME_SEGMENT_UNKNOWN', 'segments', { key: missing });
};

/** Defines a programme at a unit (its office bearers and above), with its phases and audience segments. */
export const createProgramme = async (ctx: TCtx, input: TProgrammeCreate): Promise<TProgramme> => {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const unit = await trx
      .selectFrom('unit')
      .select(['id', 'path', 'wing', 'deleted_at'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.unitId }, field: 'unitId' });
    assertRoleAt(ctx.actor, unit.path, 'office-bearer', () => unitNotFound(input.unitId));
    if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    const segments = [...new Set(input.segments)];
    await assertSegments(trx, segments);
    const wing = input.wing ?? unit.wing;
    const w = await trx.selectFrom('wing').select('key').where('key', '=', wing).executeTakeFirst();
    if (!w) throw invalid('PROGRAMME_WING_UNKNOWN', 'wing', { wing });
    const row = await trx
      .insertInto('programme')
      .values({
        unit_id: unit.id,
        name: input.name,
        name_hi: input.nameHi,
        description: input.description ?? null,
        wing,
        created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programme_segment')
      .values(segments.map((k) => ({ programme_id: row.id, segment_key: k })))
      .execute();
    await trx
      .insertInto('programme_phase')
      .values(
        input.phases.map((p, i) => ({ programme_id: row.id, number: i + 1, name: p.name, name_hi: p.nameHi, due_date: p.dueDate ?? null })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      action: 'programme.create',
      entityType: 'programme',
      entityId: row.id,
      after: { ...input, wing, segments },
    });
    return row.id;
  });
  return getProgramme(ctx, id);
};

/** Renames a programme or changes its description or segments; office bearers of its unit. */
export const updateProgramme = async (ctx: TCtx, id: number, patch: TProgrammePatch): Promise<TProgramme> => {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadVisibleProgramme({ ...ctx, db: trx }, id);
    assertManages(ctx.actor, p);
    const before = await trx
      .selectFrom('programme')
      .select(['name', 'name_hi', 'description'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const beforeSegments = await trx.selectFrom('programme_segment').select('segment_key').where('programme_id', '=', id).execute();
    const set: { name?: string; name_hi?: string; description?: string | null } = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.nameHi !== undefined) set.name_hi = patch.nameHi;
    if (patch.description !== undefined) set.description = patch.description;
    await trx
      .updateTable('programme')
      .set({ ...set, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    if (patch.segments) {
      const segments = [...new Set(patch.segments)];
      await assertSegments(trx, segments);
      await trx.deleteFrom('programme_segment').where('programme_id', '=', id).execute();
      await trx
        .insertInto('programme_segment')
        .values(segments.map((k) => ({ programme_id: id, segment_key: k })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'programme.update',
      entityType: 'programme',
      entityId: id,
      before: { ...before, segments: beforeSegments.map((s) => s.segment_key) },
      after: patch,
    });
  });
  return getProgramme(ctx, id);
};

/** Adds an audience segment to the configurable list (national admins). */
export const createSegment = async (ctx: TCtx, input: TSegmentCreate): Promise<TSegment> => {
  assertNationalAdmin(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('audience_segment').select('key').where('key', '=', input.key).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', 'PROGRAMME_SEGMENT_EXISTS', { params: { key: input.key }, field: 'key' });
    const { n } = await trx.selectFrom('audience_segment').select(sql<number>`coalesce(max(sort), 0)`.as('n')).executeTakeFirstOrThrow();
    await trx
      .insertInto('audience_segment')
      .values({ key: input.key, name: input.name, name_hi: input.nameHi, sort: Number(n) + 10 })
      .execute();
    await recordAudit(trx, ctx, { action: 'programme.segment.create', entityType: 'audience_segment', entityId: input.key, after: input });
    return { key: input.key, name: input.name, nameHi: input.nameHi, isArchived: false };
  });
};
