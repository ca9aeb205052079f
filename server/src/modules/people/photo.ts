import type { TPerson } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { dropUnusedContent, retireFile, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TImageUpload } from '../files/upload';
import { toPerson } from './dto';
import { findPersonRecord, loadVisiblePerson, personNotFound } from './queries';

/** The person, locked for this transaction, whom the actor may edit (data-entry over their home unit). */
const loadEditable = async (ctx: TCtx, id: number) => {
  // Two photo changes of one person at once must not both retire the same old file.
  await ctx.db.selectFrom('person').select('id').where('id', '=', id).forUpdate().execute();
  const person = await loadVisiblePerson(ctx, id);
  assertRoleAt(ctx.actor, person.home_path, 'data-entry', () => personNotFound(id));
  return person;
};

const reload = async (ctx: TCtx, id: number): Promise<TPerson> => {
  const row = await findPersonRecord(ctx.db, id);
  if (!row) throw personNotFound(id);
  return toPerson(ctx.actor, row);
};

/**
 * Sets (or replaces) a person's photo: the checked image is stored, linked and audited in one
 * transaction; a replaced photo's bytes are deleted from the store after the commit.
 */
export const setPersonPhoto = async (ctx: TCtx, store: TFileStore, id: number, upload: TImageUpload): Promise<TPerson> => {
  const sha256 = sha256Of(upload.bytes);
  let replaced: string | null = null;
  let person: TPerson;
  try {
    person = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const before = await loadEditable(tctx, id);
      if (before.deleted_at) throw invalid('PERSON_DELETED');
      const file = await storeImage(trx, store, ctx, { type: 'person', id }, { ...upload, sha256 });
      replaced = before.photo_file_id === null ? null : await retireFile(trx, before.photo_file_id);
      await trx.updateTable('person').set({ photo_file_id: file.id, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'person.photo.update',
        entityType: 'person',
        entityId: id,
        before: { photoFileId: before.photo_file_id },
        after: { photoFileId: file.id },
      });
      return reload(tctx, id);
    });
  } catch (err) {
    // Nothing was linked: bytes written for this upload must not stay behind without a row.
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
  await dropUnusedContent(ctx.db, store, ctx.log, replaced);
  return person;
};

/**
 * Removes a person's photo (also from a deleted person's record: someone may ask for their photo to
 * go); the bytes are deleted from the store after the commit, the audit keeps which file it was.
 */
export const removePersonPhoto = async (ctx: TCtx, store: TFileStore, id: number): Promise<TPerson> => {
  let removed: string | null = null;
  const person = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = await loadEditable(tctx, id);
    if (before.photo_file_id === null) throw new AppError('NOT_FOUND', 'PHOTO_NONE');
    removed = await retireFile(trx, before.photo_file_id);
    await trx.updateTable('person').set({ photo_file_id: null, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'person.photo.update',
      entityType: 'person',
      entityId: id,
      before: { photoFileId: before.photo_file_id },
      after: { photoFileId: null },
    });
    return reload(tctx, id);
  });
  await dropUnusedContent(ctx.db, store, ctx.log, removed);
  return person;
};
