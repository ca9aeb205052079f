import type { TAssignment } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { dropUnusedContent, retireFile, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TImageUpload } from '../files/upload';
import { assignmentNotFound, canSeeAssignment, isAddressee, loadAddressee, todayInIndia } from './access';
import { isOpenStatus, selectAssignments, toAssignment } from './dto';

/** Enough to show the work; more is an album. */
export const MAX_ASSIGNMENT_PHOTOS = 10;

/** The assignment, locked, when the actor is its addressee and it is still open (404 unseen, 403 not theirs). */
const loadOwnOpen = async (ctx: TCtx, id: number) => {
  await ctx.db.selectFrom('assignment').select('id').where('id', '=', id).forUpdate().execute();
  const row = await selectAssignments(ctx.db).where('a.id', '=', id).where('d.status', '=', 'ready').executeTakeFirst();
  const me = await loadAddressee(ctx.db, ctx.actor);
  if (!row || !canSeeAssignment(ctx.actor, me, row)) throw assignmentNotFound(id);
  if (!isAddressee(ctx.actor, me, row)) throw new AppError('FORBIDDEN', 'ASSIGNMENT_NOT_ADDRESSEE');
  if (!isOpenStatus(row.status)) throw invalid('ASSIGNMENT_BAD_TRANSITION', 'status', { from: row.status, to: 'photo' });
  return { row, me };
};

/** Adds a photo to the report of an open assignment: stored, linked and audited in one transaction. */
export const addAssignmentPhoto = async (ctx: TCtx, store: TFileStore, id: number, upload: TImageUpload): Promise<TAssignment> => {
  const sha256 = sha256Of(upload.bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const { me } = await loadOwnOpen(tctx, id);
      const { n } = await trx
        .selectFrom('stored_file')
        .select(sql<number>`count(*)`.as('n'))
        .where('owner_type', '=', 'assignment')
        .where('owner_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ASSIGNMENT_PHOTOS) throw invalid('ASSIGNMENT_PHOTOS_FULL', 'body', { max: MAX_ASSIGNMENT_PHOTOS });
      const file = await storeImage(trx, store, ctx, { type: 'assignment', id }, { ...upload, sha256 });
      await recordAudit(trx, ctx, { action: 'assignment.photo.add', entityType: 'assignment', entityId: id, after: { photoFileId: file.id, bytes: file.bytes } });
      return toAssignment(ctx.actor, me, await selectAssignments(trx).where('a.id', '=', id).executeTakeFirstOrThrow(), todayInIndia());
    });
  } catch (err) {
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
};

/** Removes one photo from an open assignment's report; the audit keeps which file it was. */
export const removeAssignmentPhoto = async (ctx: TCtx, store: TFileStore, id: number, fileId: number): Promise<TAssignment> => {
  let removed: string | null = null;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const { me } = await loadOwnOpen(tctx, id);
    const file = await trx
      .selectFrom('stored_file')
      .select('id')
      .where('id', '=', fileId)
      .where('owner_type', '=', 'assignment')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!file) throw new AppError('NOT_FOUND', 'FILE_NOT_FOUND', { params: { id: fileId }, field: 'fileId' });
    removed = await retireFile(trx, fileId);
    await recordAudit(trx, ctx, { action: 'assignment.photo.remove', entityType: 'assignment', entityId: id, before: { photoFileId: fileId } });
    return toAssignment(ctx.actor, me, await selectAssignments(trx).where('a.id', '=', id).executeTakeFirstOrThrow(), todayInIndia());
  });
  await dropUnusedContent(ctx.db, store, ctx.log, removed);
  return result;
};
