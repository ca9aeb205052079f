import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import type { TFileOwnerType } from './owners';
import type { TFileStore } from './storage';
import type { TDocumentUpload, TImageUpload } from './upload';

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Serialises, per content hash, "write the bytes and add a row" against "no live row left, delete
 * the bytes": without it a photo removed at the moment someone uploads the same bytes could lose
 * the newcomer's file. Held until the transaction ends.
 */
const lockContent = (db: Kysely<DB>, sha256: string) => sql`select pg_advisory_xact_lock(hashtextextended(${`file:${sha256}`}, 0))`.execute(db);

export type TStoredFileRow = { id: number; sha256: string; mime: string; bytes: number; width: number | null; height: number | null };

/**
 * Stores an image (or, for document owners, a PDF) for `owner` inside the caller's transaction: bytes into the store (durable before
 * the row commits), a row naming who uploaded it. If the transaction then fails, the caller passes the
 * hash to `dropUnusedContent` so no bytes are left without a row.
 */
export const storeImage = async (
  trx: Kysely<DB>,
  store: TFileStore,
  ctx: Pick<TCtx, 'actor'>,
  owner: { type: TFileOwnerType; id: number },
  upload: (TImageUpload | TDocumentUpload) & { sha256: string },
): Promise<TStoredFileRow> => {
  await lockContent(trx, upload.sha256);
  await store.put(upload.sha256, upload.bytes);
  return trx
    .insertInto('stored_file')
    .values({
      sha256: upload.sha256,
      mime: upload.mime,
      bytes: upload.bytes.length,
      width: upload.width,
      height: upload.height,
      owner_type: owner.type,
      owner_id: owner.id,
      uploaded_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    })
    .returning(['id', 'sha256', 'mime', 'bytes', 'width', 'height'])
    .executeTakeFirstOrThrow();
};

/** Marks a file no longer in use (inside the caller's transaction); returns its hash for `dropUnusedContent`. */
export const retireFile = async (trx: Kysely<DB>, id: number): Promise<string | null> => {
  const row = await trx
    .updateTable('stored_file')
    .set({ deleted_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning('sha256')
    .executeTakeFirst();
  return row?.sha256 ?? null;
};

/**
 * After a commit (or a failed transaction): deletes the bytes of `sha256` from the store unless a
 * live row still uses them. A failure is logged, not thrown: the change it follows has already happened.
 */
export const dropUnusedContent = async (db: Kysely<DB>, store: TFileStore, log: TCtx['log'], sha256: string | null) => {
  if (!sha256) return;
  try {
    await db.transaction().execute(async (trx) => {
      await lockContent(trx, sha256);
      const live = await trx.selectFrom('stored_file').select('id').where('sha256', '=', sha256).where('deleted_at', 'is', null).executeTakeFirst();
      if (!live) await store.delete(sha256);
    });
  } catch (err) {
    log.error({ err, sha256 }, 'could not delete unused file content');
  }
};
