import type { TInstance } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { dropUnusedContent, retireFile, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TImageUpload } from '../files/upload';
import { loadEditable } from './instances';
import { getInstance } from './queries';

/** Enough for a report; more is an album, which this is not. */
export const MAX_INSTANCE_PHOTOS = 20;

/** Adds a photo to an instance's report: stored, linked and audited in one transaction; nothing left behind if it fails. */
export const addInstancePhoto = async (ctx: TCtx, store: TFileStore, id: number, upload: TImageUpload): Promise<TInstance> => {
  const sha256 = sha256Of(upload.bytes);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await loadEditable({ ...ctx, db: trx }, id);
      if (row.status === 'cancelled') throw invalid('PROGRAMME_CANCELLED');
      const { n } = await trx
        .selectFrom('stored_file')
        .select(sql<number>`count(*)`.as('n'))
        .where('owner_type', '=', 'programme_instance')
        .where('owner_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_INSTANCE_PHOTOS) throw invalid('PROGRAMME_PHOTOS_FULL', 'body', { max: MAX_INSTANCE_PHOTOS });
      const file = await storeImage(trx, store, ctx, { type: 'programme_instance', id }, { ...upload, sha256 });
      await recordAudit(trx, ctx, { action: 'programme.instance.photo.add', entityType: 'programme_instance', entityId: id, after: { photoFileId: file.id, bytes: file.bytes } });
    });
  } catch (err) {
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
  return getInstance(ctx, id);
};

/** Removes one photo from a report; the audit keeps which file it was, the bytes go once unused. */
export const removeInstancePhoto = async (ctx: TCtx, store: TFileStore, id: number, fileId: number): Promise<TInstance> => {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    await loadEditable({ ...ctx, db: trx }, id);
    const file = await trx
      .selectFrom('stored_file')
      .select('id')
      .where('id', '=', fileId)
      .where('owner_type', '=', 'programme_instance')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!file) throw new AppError('NOT_FOUND', 'PROGRAMME_PHOTO_NOT_FOUND', { params: { id: fileId }, field: 'fileId' });
    const sha = await retireFile(trx, fileId);
    await recordAudit(trx, ctx, { action: 'programme.instance.photo.remove', entityType: 'programme_instance', entityId: id, before: { photoFileId: fileId } });
    return sha;
  });
  await dropUnusedContent(ctx.db, store, ctx.log, removed);
  return getInstance(ctx, id);
};
