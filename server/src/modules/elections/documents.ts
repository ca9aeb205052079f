import type { TAspirantDocument } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { dropUnusedContent, retireFile, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TDocumentUpload } from '../files/upload';
import { aspirantNotFound } from './aspirants';
import { assertScopedRole, hasScopedRole } from './policy';
import { loadSeat } from './queries';
import { edb } from './tables';

// Documents of an aspirant (affidavit, certificates, photos): PDFs and images checked by their bytes
// in the files module, stored with owner type `aspirant`. Those with a role over the seat read them;
// data entry and above add and remove them. Removal is soft and audited.

export const MAX_ASPIRANT_DOCUMENTS = 20;
const userOf = (ctx: TCtx) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);
const documentNotFound = (id: number) => new AppError('NOT_FOUND', 'ASPIRANT_DOCUMENT_NOT_FOUND', { params: { id } });

/**
 * The aspirant with the path where roles over it are checked; 404 unless the actor has a role over the
 * seat (those who only see the election from below do not see its aspirants' papers), 403 below `min`.
 */
export const loadAspirantFor = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, min: 'viewer' | 'data-entry') => {
  const a = await ctx.db.selectFrom('aspirant').select(['id', 'seat_id']).where('id', '=', id).executeTakeFirst();
  if (!a) throw aspirantNotFound(id);
  const { scopePath } = await loadSeat(ctx, a.seat_id).catch(() => {
    throw aspirantNotFound(id);
  });
  if (!hasScopedRole(ctx.actor, scopePath, 'viewer')) throw aspirantNotFound(id);
  assertScopedRole(ctx.actor, scopePath, min, () => aspirantNotFound(id));
  return { ...a, scopePath };
};

const toDocument = (r: {
  id: number;
  file_id: number;
  name: string;
  label: string | null;
  mime: string;
  bytes: number;
  username: string | null;
  created_at: Date;
}): TAspirantDocument => ({
  id: r.id,
  fileId: r.file_id,
  name: r.name,
  label: r.label,
  mime: r.mime,
  bytes: r.bytes,
  uploadedBy: r.username,
  createdAt: new Date(r.created_at).toISOString(),
});

const selectDocuments = (ctx: Pick<TCtx, 'db'>) =>
  edb(ctx.db)
    .selectFrom('aspirant_document as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select(['d.id', 'd.file_id', 'd.name', 'd.label', 'f.mime', 'f.bytes', 'u.username', 'd.created_at'])
    .where('d.removed_at', 'is', null);

/** The aspirant's live documents, oldest first, paged by id. */
export const listAspirantDocuments = async (ctx: TCtx, aspirantId: number, q: { limit: number; cursor?: string }) => {
  const a = await loadAspirantFor(ctx, aspirantId, 'viewer');
  let qb = selectDocuments(ctx).where('d.aspirant_id', '=', aspirantId);
  if (q.cursor) {
    if (!/^\d{1,15}$/.test(q.cursor)) throw invalid('CURSOR_INVALID', 'cursor');
    qb = qb.where('d.id', '>', Number(q.cursor));
  }
  const rows = await qb
    .orderBy('d.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(toDocument),
    nextCursor: rows.length > q.limit ? String(page.at(-1)?.id) : null,
    canUpload: hasScopedRole(ctx.actor, a.scopePath, 'data-entry'),
  };
};

/** Adds a document (PDF or image, already checked by its bytes) to the aspirant; at most 20 live ones. */
export const addAspirantDocument = async (
  ctx: TCtx,
  store: TFileStore,
  aspirantId: number,
  upload: TDocumentUpload,
  meta: { name: string; label?: string },
): Promise<TAspirantDocument> => {
  await loadAspirantFor(ctx, aspirantId, 'data-entry');
  const sha256 = sha256Of(upload.bytes);
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      await trx.selectFrom('aspirant').select('id').where('id', '=', aspirantId).forUpdate().execute();
      const { n } = await edb(trx)
        .selectFrom('aspirant_document')
        .select(sql<number>`count(*)`.as('n'))
        .where('aspirant_id', '=', aspirantId)
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ASPIRANT_DOCUMENTS) throw invalid('ASPIRANT_DOCUMENTS_FULL', 'body', { max: MAX_ASPIRANT_DOCUMENTS });
      const file = await storeImage(trx, store, ctx, { type: 'aspirant', id: aspirantId }, { ...upload, sha256 });
      const doc = await edb(trx)
        .insertInto('aspirant_document')
        .values({ aspirant_id: aspirantId, file_id: file.id, name: meta.name, label: meta.label ?? null, uploaded_by: userOf(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'aspirant.document.add',
        entityType: 'aspirant',
        entityId: aspirantId,
        after: { documentId: doc.id, fileId: file.id, name: meta.name, label: meta.label ?? null, mime: file.mime, bytes: file.bytes },
      });
      return doc.id;
    });
    return toDocument(await selectDocuments(ctx).where('d.id', '=', id).executeTakeFirstOrThrow());
  } catch (err) {
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
};

/** Removes a document: the row stays (marked removed, by whom), its file is retired and no longer served. */
export const removeAspirantDocument = async (ctx: TCtx, store: TFileStore, aspirantId: number, documentId: number) => {
  await loadAspirantFor(ctx, aspirantId, 'data-entry');
  const sha256 = await ctx.db.transaction().execute(async (trx) => {
    const doc = await edb(trx)
      .updateTable('aspirant_document')
      .set({ removed_at: sql<Date>`now()`, removed_by: userOf(ctx) })
      .where('id', '=', documentId)
      .where('aspirant_id', '=', aspirantId)
      .where('removed_at', 'is', null)
      .returning(['id', 'file_id', 'name'])
      .executeTakeFirst();
    if (!doc) throw documentNotFound(documentId);
    const hash = await retireFile(trx, doc.file_id);
    await recordAudit(trx, ctx, {
      action: 'aspirant.document.remove',
      entityType: 'aspirant',
      entityId: aspirantId,
      before: { documentId: doc.id, fileId: doc.file_id, name: doc.name },
    });
    return hash;
  });
  await dropUnusedContent(ctx.db, store, ctx.log, sha256);
};
