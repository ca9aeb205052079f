import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { FILE_OWNERS, isFileOwnerType } from './owners';

export const fileNotFound = (id: number) => new AppError('NOT_FOUND', 'FILE_NOT_FOUND', { params: { id } });

/**
 * A live file the actor may see through the record it belongs to, else 404 (also when that record is
 * outside the actor's jurisdiction, so ids do not leak what exists).
 */
export const loadVisibleFile = async (ctx: TCtx, id: number) => {
  const row = await ctx.db
    .selectFrom('stored_file')
    .select(['id', 'sha256', 'mime', 'bytes', 'owner_type', 'owner_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isFileOwnerType(row.owner_type)) throw fileNotFound(id);
  try {
    await FILE_OWNERS[row.owner_type](ctx, row.owner_id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw fileNotFound(id);
    throw err;
  }
  return row;
};
