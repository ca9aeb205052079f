import type { TStop } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, hasRoleAt } from '../auth/policy';
import { dropUnusedContent, retireFile, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TImageUpload } from '../files/upload';
import { selectStops, toStop } from './dto';
import { loadVisibleStop, stopNotFound } from './queries';

/** Enough for a report; more is an album, which this is not. */
export const MAX_STOP_PHOTOS = 20;

/** The stop, locked, when the actor may report on it (the tour's planners or the local unit's office bearers). */
const loadReportable = async (ctx: TCtx, id: number) => {
  await ctx.db.selectFrom('tour_stop').select('id').where('id', '=', id).forUpdate().execute();
  const stop = await loadVisibleStop(ctx, id);
  if (!hasRoleAt(ctx.actor, stop.tour_unit_path, 'office-bearer'))
    assertRoleAt(ctx.actor, stop.unit_path, 'office-bearer', () => stopNotFound(id));
  if (stop.cancelled_at || stop.tour_cancelled_at) throw invalid('STOP_CANCELLED');
  if (new Date(stop.starts_at).getTime() > Date.now()) throw invalid('REPORT_BEFORE_STOP', 'body');
  return stop;
};

const reload = async (ctx: TCtx, id: number): Promise<TStop> =>
  toStop(ctx.actor, await selectStops(ctx.db).where('s.id', '=', id).executeTakeFirstOrThrow());

/** Adds a photo to a stop's report: stored, linked and audited in one transaction; nothing left behind if it fails. */
export const addStopPhoto = async (ctx: TCtx, store: TFileStore, id: number, upload: TImageUpload): Promise<TStop> => {
  const sha256 = sha256Of(upload.bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await loadReportable(tctx, id);
      const { n } = await trx
        .selectFrom('stored_file')
        .select(sql<number>`count(*)`.as('n'))
        .where('owner_type', '=', 'tour_stop')
        .where('owner_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_STOP_PHOTOS) throw invalid('STOP_PHOTOS_FULL', 'body', { max: MAX_STOP_PHOTOS });
      const file = await storeImage(trx, store, ctx, { type: 'tour_stop', id }, { ...upload, sha256 });
      await recordAudit(trx, ctx, {
        action: 'tour.stop.photo.add',
        entityType: 'tour_stop',
        entityId: id,
        after: { photoFileId: file.id, bytes: file.bytes },
      });
      return reload(tctx, id);
    });
  } catch (err) {
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
};

/** Removes one photo from a stop's report; the audit keeps which file it was, the bytes go once unused. */
export const removeStopPhoto = async (ctx: TCtx, store: TFileStore, id: number, fileId: number): Promise<TStop> => {
  let removed: string | null = null;
  const stop = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    await loadReportable(tctx, id);
    const file = await trx
      .selectFrom('stored_file')
      .select('id')
      .where('id', '=', fileId)
      .where('owner_type', '=', 'tour_stop')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!file) throw new AppError('NOT_FOUND', 'STOP_PHOTO_NOT_FOUND', { params: { id: fileId }, field: 'fileId' });
    removed = await retireFile(trx, fileId);
    await recordAudit(trx, ctx, {
      action: 'tour.stop.photo.remove',
      entityType: 'tour_stop',
      entityId: id,
      before: { photoFileId: fileId },
    });
    return reload(tctx, id);
  });
  await dropUnusedContent(ctx.db, store, ctx.log, removed);
  return stop;
};
