import type { TAssignment, TAssignmentStatus } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { listHistory, recordAudit } from '../audit/record';
import { assignmentNotFound, canSeeAssignment, isAddressee, loadAddressee, todayInIndia } from './access';
import { isOpenStatus, selectAssignments, toAssignment } from './dto';
import { onAssignmentChanged } from '../org-health/aggregates';
import { chainBelow, moveCount, STATE_COLUMN } from './rollup';

export type TAssignmentAction =
  | { kind: 'acknowledge' }
  | { kind: 'progress'; text?: string; numbers?: Record<string, number> }
  | { kind: 'complete'; text: string; numbers?: Record<string, number> }
  | { kind: 'decline'; reason: string };

const TO: Record<TAssignmentAction['kind'], TAssignmentStatus> = {
  acknowledge: 'acknowledged',
  progress: 'in-progress',
  complete: 'done',
  decline: 'declined',
};

// acknowledged → in progress → done, or declined; each step may be skipped, none undone.
const ALLOWED: Record<TAssignmentAction['kind'], readonly TAssignmentStatus[]> = {
  acknowledge: ['new'],
  progress: ['new', 'acknowledged', 'in-progress'],
  complete: ['new', 'acknowledged', 'in-progress'],
  decline: ['new', 'acknowledged', 'in-progress'],
};

/** Loads one assignment the actor may see (else 404), inside the caller's transaction when given. */
export const getAssignment = async (ctx: TCtx, id: number): Promise<TAssignment> => {
  const row = await selectAssignments(ctx.db).where('a.id', '=', id).where('d.status', '=', 'ready').executeTakeFirst();
  const me = await loadAddressee(ctx.db, ctx.actor);
  if (!row || !canSeeAssignment(ctx.actor, me, row)) throw assignmentNotFound(id);
  return toAssignment(ctx.actor, me, row, todayInIndia());
};

/**
 * Moves an assignment along its life, by its addressee only: 404 when the actor cannot see it,
 * 403 when they see it but it is not theirs. The counters of every unit from the issuer down move
 * in the same transaction, with the audit row.
 */
export const actOnAssignment = (ctx: TCtx, id: number, action: TAssignmentAction): Promise<TAssignment> =>
  ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('assignment').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const row = locked ? await selectAssignments(trx).where('a.id', '=', id).where('d.status', '=', 'ready').executeTakeFirst() : undefined;
    const me = await loadAddressee(trx, ctx.actor);
    if (!row || !canSeeAssignment(ctx.actor, me, row)) throw assignmentNotFound(id);
    if (!isAddressee(ctx.actor, me, row)) throw new AppError('FORBIDDEN', 'ASSIGNMENT_NOT_ADDRESSEE');
    const to = TO[action.kind];
    if (!ALLOWED[action.kind].includes(row.status)) throw invalid('ASSIGNMENT_BAD_TRANSITION', 'status', { from: row.status, to });
    const today = todayInIndia();
    const before = toAssignment(ctx.actor, me, row, today);
    const report =
      action.kind === 'progress' || action.kind === 'complete'
        ? {
            report_text: action.text ?? row.report_text,
            report_numbers: action.numbers ? JSON.stringify(action.numbers) : row.report_numbers === null ? null : JSON.stringify(row.report_numbers),
          }
        : {};
    await trx
      .updateTable('assignment')
      .set({
        status: to,
        ...report,
        ...(action.kind === 'decline' ? { decline_reason: action.reason } : {}),
        acted_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        updated_at: sql<Date>`now()`,
        closed_at: isOpenStatus(to) ? null : sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await moveCount(trx, 'directive', row.directive_id, chainBelow(row.issuer_path, row.unit_path), STATE_COLUMN[row.status] ?? 's_new', STATE_COLUMN[to] ?? 's_new');
    await onAssignmentChanged(trx, id);
    const after = await selectAssignments(trx).where('a.id', '=', id).executeTakeFirstOrThrow();
    const dto = toAssignment(ctx.actor, me, after, today);
    await recordAudit(trx, ctx, {
      action: `assignment.${action.kind}`,
      entityType: 'assignment',
      entityId: id,
      before: { status: before.status, report: before.report, declineReason: before.declineReason },
      after: { status: dto.status, report: dto.report, declineReason: dto.declineReason },
    });
    return dto;
  });

/** Every change of one assignment (status, report, decline), newest first, for whoever may see it. */
export const assignmentHistory = async (ctx: TCtx, id: number) => {
  await getAssignment(ctx, id);
  return listHistory(ctx.db, 'assignment', id);
};
