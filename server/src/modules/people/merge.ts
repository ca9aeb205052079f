import type { TPerson } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { moveEnrolmentCredit } from '../membership/counters';
import { refreshTrainingBearers } from '../training/coverage';
import { loadVisibleUnit } from '../units/queries';
import { personSnapshot, selectPeople, toPerson } from './dto';
import { assertNoContactClash } from './operations';
import { findPersonRecord, loadVisiblePerson, personNotFound } from './queries';

export type TDuplicatePair = { a: TPerson; b: TPerson; score: number };

/**
 * Likely duplicates among the people of one unit: names whose phonetic keys are alike across
 * scripts and spellings (Mehtab/Mahtab/मेहताब), best first, for a person to merge.
 */
export const listDuplicates = async (ctx: TCtx, unitId: number, limit = 50): Promise<TDuplicatePair[]> => {
  await loadVisibleUnit(ctx, unitId);
  const pairs = await sql<{ a: number; b: number; score: number }>`
    select a.id as a, b.id as b, similarity(a.search_key, b.search_key) as score
    from person a join person b on b.home_unit_id = a.home_unit_id and b.id > a.id
    where a.home_unit_id = ${unitId} and a.deleted_at is null and b.deleted_at is null
      and a.search_key <> '' and similarity(a.search_key, b.search_key) >= 0.6
    order by score desc, a.id, b.id
    limit ${limit}`.execute(ctx.db);
  const ids = [...new Set(pairs.rows.flatMap((p) => [p.a, p.b]))];
  if (ids.length === 0) return [];
  const people = new Map((await selectPeople(ctx.db).where('p.id', 'in', ids).execute()).map((r) => [r.id, toPerson(ctx.actor, r)]));
  return pairs.rows.flatMap((p) => {
    const a = people.get(p.a);
    const b = people.get(p.b);
    return a && b ? [{ a, b, score: Math.round(Number(p.score) * 100) / 100 }] : [];
  });
};

/** Hands a photo from one person record to another: the link, and the file's owner (who may fetch it follows the record). */
const movePhoto = async (trx: Transaction<DB>, fileId: number, fromId: number, toId: number) => {
  await trx.updateTable('person').set({ photo_file_id: null, updated_at: sql<Date>`now()` }).where('id', '=', fromId).execute();
  await trx.updateTable('person').set({ photo_file_id: fileId, updated_at: sql<Date>`now()` }).where('id', '=', toId).execute();
  await trx.updateTable('stored_file').set({ owner_id: toId }).where('id', '=', fileId).where('owner_type', '=', 'person').execute();
};

/**
 * Merges `sourceId` into `targetId`: the source's tenures, memberships and enrolments move to the
 * target, the source is retired (soft-deleted, `merged_into` set). Undo with `unmergePerson`.
 */
export const mergePerson = (ctx: TCtx, sourceId: number, targetId: number) =>
  ctx.db.transaction().execute(async (trx) => {
    if (sourceId === targetId) throw invalid('MERGE_SELF', 'intoId');
    const tctx = { ...ctx, db: trx };
    const source = await loadVisiblePerson(tctx, sourceId);
    const target = await loadVisiblePerson(tctx, targetId, 'intoId');
    assertRoleAt(ctx.actor, source.home_path, 'data-entry', () => personNotFound(sourceId));
    assertRoleAt(ctx.actor, target.home_path, 'data-entry', () => personNotFound(targetId, 'intoId'));
    if (source.deleted_at) throw invalid('PERSON_DELETED');
    if (target.deleted_at) throw invalid('PERSON_DELETED', 'intoId');
    const sameDrive = await sql<{ n: number }>`select count(*)::int as n from membership s join membership t on t.drive_id = s.drive_id
      where s.person_id = ${sourceId} and t.person_id = ${targetId}`.execute(trx);
    if (Number(sameDrive.rows[0]?.n ?? 0) > 0) throw invalid('MERGE_DRIVE_CONFLICT');
    const clash = await sql<{ n: number }>`select count(*)::int as n from tenure s join tenure t
      on t.unit_id = s.unit_id and t.post_key = s.post_key and t.end_date is null
      where s.person_id = ${sourceId} and t.person_id = ${targetId} and s.end_date is null`.execute(trx);
    if (Number(clash.rows[0]?.n ?? 0) > 0) throw invalid('MERGE_SAME_POST');
    const tenures = await sql<{ id: number }>`update tenure set person_id = ${targetId} where person_id = ${sourceId} returning id`.execute(
      trx,
    );
    const memberships = await sql<{
      id: number;
    }>`update membership set person_id = ${targetId} where person_id = ${sourceId} returning id`.execute(trx);
    const enrolments = await sql<{
      id: number;
    }>`update membership set enrolled_by_person = ${targetId} where enrolled_by_person = ${sourceId} returning id`.execute(trx);
    // The leaderboard and the active-member rule follow the credit to the kept record.
    await moveEnrolmentCredit(
      trx,
      enrolments.rows.map((r) => r.id),
      { kind: 'person', id: sourceId },
      { kind: 'person', id: targetId },
    );
    // The kept record keeps its own photo; without one it takes the retired record's (and the file follows it).
    const movedPhoto = target.photo_file_id === null && source.photo_file_id !== null ? source.photo_file_id : null;
    if (movedPhoto !== null) await movePhoto(trx, movedPhoto, sourceId, targetId);
    await trx
      .updateTable('person')
      .set({ deleted_at: sql<Date>`now()`, merged_into: targetId, updated_at: sql<Date>`now()` })
      .where('id', '=', sourceId)
      .execute();
    await refreshTrainingBearers(trx, [sourceId, targetId]);
    const merge = await trx
      .insertInto('person_merge')
      .values({
        source_id: sourceId,
        target_id: targetId,
        moved_tenures: tenures.rows.map((r) => r.id),
        moved_memberships: memberships.rows.map((r) => r.id),
        moved_enrolments: enrolments.rows.map((r) => r.id),
        moved_photo_file_id: movedPhoto,
        merged_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const moved = {
      tenures: tenures.rows.length,
      memberships: memberships.rows.length,
      enrolments: enrolments.rows.length,
      mergeId: merge.id,
      movedPhotoFileId: movedPhoto,
    };
    await recordAudit(trx, ctx, {
      action: 'person.merge',
      entityType: 'person',
      entityId: sourceId,
      before: personSnapshot(source),
      after: { mergedInto: targetId, ...moved },
    });
    await recordAudit(trx, ctx, {
      action: 'person.merge-in',
      entityType: 'person',
      entityId: targetId,
      after: { from: sourceId, ...moved },
    });
    const after = await findPersonRecord(trx, targetId);
    if (!after) throw personNotFound(targetId);
    return { person: toPerson(ctx.actor, after), ...moved };
  });

/** Undoes the latest merge of `sourceId`: it comes back, and exactly what moved moves back. */
export const unmergePerson = (ctx: TCtx, sourceId: number) =>
  ctx.db.transaction().execute(async (trx) => {
    const source = await loadVisiblePerson({ ...ctx, db: trx }, sourceId);
    assertRoleAt(ctx.actor, source.home_path, 'data-entry', () => personNotFound(sourceId));
    const merge = await trx
      .selectFrom('person_merge')
      .selectAll()
      .where('source_id', '=', sourceId)
      .where('undone_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!merge || source.merged_into === null) throw new AppError('VALIDATION', 'NOT_MERGED');
    // The retired record's phone or EPIC may have been given to someone new meanwhile.
    await assertNoContactClash(trx, source.phone, source.epic, sourceId);
    const ids = (xs: number[]) => (xs.length ? xs : [0]);
    await sql`update tenure set person_id = ${sourceId} where id = any(${ids(merge.moved_tenures)}::bigint[])`.execute(trx);
    await sql`update membership set person_id = ${sourceId} where id = any(${ids(merge.moved_memberships)}::bigint[])`.execute(trx);
    await sql`update membership set enrolled_by_person = ${sourceId} where id = any(${ids(merge.moved_enrolments)}::bigint[])`.execute(trx);
    await moveEnrolmentCredit(trx, merge.moved_enrolments, { kind: 'person', id: merge.target_id }, { kind: 'person', id: sourceId });
    // The photo the kept record took goes back — unless it was replaced or removed since (then that file is retired).
    let photoBack: number | null = null;
    if (merge.moved_photo_file_id !== null) {
      const target = await trx
        .selectFrom('person')
        .select('photo_file_id')
        .where('id', '=', merge.target_id)
        .forUpdate()
        .executeTakeFirst();
      if (target?.photo_file_id === merge.moved_photo_file_id) {
        await movePhoto(trx, merge.moved_photo_file_id, merge.target_id, sourceId);
        photoBack = merge.moved_photo_file_id;
      }
    }
    await trx
      .updateTable('person')
      .set({ deleted_at: null, merged_into: null, updated_at: sql<Date>`now()` })
      .where('id', '=', sourceId)
      .execute();
    await refreshTrainingBearers(trx, [sourceId, merge.target_id]);
    await trx
      .updateTable('person_merge')
      .set({ undone_at: sql<Date>`now()`, undone_by: ctx.actor.userId > 0 ? ctx.actor.userId : null })
      .where('id', '=', merge.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'person.unmerge',
      entityType: 'person',
      entityId: sourceId,
      after: { from: merge.target_id, mergeId: merge.id, photoFileId: photoBack },
    });
    await recordAudit(trx, ctx, {
      action: 'person.unmerge-out',
      entityType: 'person',
      entityId: merge.target_id,
      after: { to: sourceId, mergeId: merge.id },
    });
    const after = await findPersonRecord(trx, sourceId);
    if (!after) throw personNotFound(sourceId);
    return toPerson(ctx.actor, after);
  });
