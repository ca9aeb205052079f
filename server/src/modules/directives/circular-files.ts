import type { TCircular } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { dropUnusedContent, sha256Of, storeImage } from '../files/operations';
import type { TFileStore } from '../files/storage';
import type { TDocumentUpload } from '../files/upload';
import { circularNotFound } from './access';
import { getCircular, loadVisibleCircular } from './circulars';

export const MAX_CIRCULAR_ATTACHMENTS = 10;

/**
 * Attaches an image or a PDF (a scanned letter, the roadmap document) to a circular: office bearers of the sending
 * unit only. Stored through the files module and served to whoever may see the circular.
 */
export const addCircularAttachment = async (ctx: TCtx, store: TFileStore, id: number, upload: TDocumentUpload): Promise<TCircular> => {
  const c = await loadVisibleCircular(ctx, id);
  assertRoleAt(ctx.actor, c.path, 'office-bearer', () => circularNotFound(id));
  const sha256 = sha256Of(upload.bytes);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.selectFrom('circular').select('id').where('id', '=', id).forUpdate().execute();
      const { n } = await trx
        .selectFrom('stored_file')
        .select(sql<number>`count(*)`.as('n'))
        .where('owner_type', '=', 'circular')
        .where('owner_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_CIRCULAR_ATTACHMENTS) throw invalid('CIRCULAR_FILES_FULL', 'body', { max: MAX_CIRCULAR_ATTACHMENTS });
      const file = await storeImage(trx, store, ctx, { type: 'circular', id }, { ...upload, sha256 });
      await recordAudit(trx, ctx, { action: 'circular.attachment.add', entityType: 'circular', entityId: id, after: { fileId: file.id, bytes: file.bytes } });
    });
  } catch (err) {
    await dropUnusedContent(ctx.db, store, ctx.log, sha256);
    throw err;
  }
  return getCircular(ctx, id);
};
