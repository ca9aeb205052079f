import type { TDirective } from '@samiti/common';
import type { TCtx } from '../../context';
import { invalid } from '../../errors';
import { listHistory, recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { directiveNotFound, todayInIndia } from './access';
import { selectDirectives, toDirective } from './dto';
import { loadVisibleDirective } from './queries';

/**
 * Corrects a directive's text or moves its due date (office bearers of the issuing unit). The
 * assignments stay as they are; the change is audited with before and after.
 */
export const updateDirective = async (ctx: TCtx, id: number, patch: { text?: string; dueDate?: string }): Promise<TDirective> => {
  const visible = await loadVisibleDirective(ctx, id);
  assertRoleAt(ctx.actor, visible.unit_path, 'office-bearer', () => directiveNotFound(id));
  const today = todayInIndia();
  if (patch.dueDate !== undefined && patch.dueDate < today) throw invalid('DUE_DATE_PAST', 'dueDate', { date: patch.dueDate, today });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('directive').select(['text', 'due_date']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    await trx
      .updateTable('directive')
      .set({ ...(patch.text !== undefined ? { text: patch.text } : {}), ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'directive.update',
      entityType: 'directive',
      entityId: id,
      before: { text: before.text, dueDate: before.due_date },
      after: { text: patch.text ?? before.text, dueDate: patch.dueDate ?? before.due_date },
    });
  });
  return toDirective(ctx.actor, await selectDirectives(ctx.db).where('d.id', '=', id).executeTakeFirstOrThrow(), today);
};

/** The audit trail of a directive (creation, corrections) for whoever may see it. */
export const directiveHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleDirective(ctx, id);
  return listHistory(ctx.db, 'directive', id);
};
