import type { TMeetingResolution, TMeetingResolutionList } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB, MeetingResolutionTable } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import type { Selectable } from 'kysely';
import { meetingActions, type TMeetingRecord } from './dto';
import { assertOpen } from './operations';
import { loadRunnableMeeting, loadVisibleMeeting } from './queries';

type TRow = Selectable<MeetingResolutionTable>;

const resolutionNotFound = (id: number) => new AppError('NOT_FOUND', 'RESOLUTION_NOT_FOUND', { params: { id } });

const toResolution = (actor: TActor, m: Pick<TMeetingRecord, 'unit_path' | 'status' | 'minutes'>, r: TRow): TMeetingResolution => {
  const canWrite = meetingActions(actor, m).canEditMinutes && r.status === 'active';
  return {
    id: r.id,
    meetingId: r.meeting_id,
    number: r.number,
    text: r.text,
    status: r.status,
    withdrawnReason: r.withdrawn_reason,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    actions: { canEdit: canWrite, canWithdraw: canWrite },
  };
};

export const selectResolutions = (db: Kysely<DB>, meetingId: number) =>
  db.selectFrom('meeting_resolution').selectAll().where('meeting_id', '=', meetingId).orderBy('number');

/** A meeting's resolutions in number order, withdrawn ones included (their numbers are never reused). */
export const listResolutions = async (ctx: TCtx, meetingId: number): Promise<TMeetingResolutionList> => {
  const m = await loadVisibleMeeting(ctx, meetingId);
  const rows = await selectResolutions(ctx.db, meetingId).execute();
  return { items: rows.map((r) => toResolution(ctx.actor, m, r)), canAdd: meetingActions(ctx.actor, m).canEditMinutes };
};

const snapshot = (r: TRow) => ({ resolutionId: r.id, number: r.number, text: r.text, status: r.status, withdrawnReason: r.withdrawn_reason });

/** Adds the next-numbered resolution to a held meeting. The meeting row lock makes numbering race-free. */
export const addResolution = (ctx: TCtx, meetingId: number, text: string): Promise<TMeetingResolution> =>
  ctx.db.transaction().execute(async (trx) => {
    const m = await loadRunnableMeeting({ ...ctx, db: trx }, meetingId);
    assertOpen(m, 'held');
    const { next } = await trx
      .selectFrom('meeting_resolution')
      .select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('meeting_resolution')
      .values({ meeting_id: meetingId, number: Number(next), text, created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'meeting.resolution.add', entityType: 'meeting', entityId: meetingId, after: snapshot(row) });
    await trx.updateTable('meeting').set({ updated_at: sql<Date>`now()` }).where('id', '=', meetingId).execute();
    return toResolution(ctx.actor, m, row);
  });

const loadForChange = async (ctx: TCtx, trx: Transaction<DB>, meetingId: number, id: number) => {
  const m = await loadRunnableMeeting({ ...ctx, db: trx }, meetingId);
  const row = await trx.selectFrom('meeting_resolution').selectAll().where('id', '=', id).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!row) throw resolutionNotFound(id);
  assertOpen(m, 'held');
  if (row.status === 'withdrawn') throw invalid('RESOLUTION_WITHDRAWN');
  return { m, row };
};

/** Changes a resolution's text; the earlier text stays in the audit log. */
export const editResolution = (ctx: TCtx, meetingId: number, id: number, text: string): Promise<TMeetingResolution> =>
  ctx.db.transaction().execute(async (trx) => {
    const { m, row } = await loadForChange(ctx, trx, meetingId, id);
    const after = await trx
      .updateTable('meeting_resolution')
      .set({ text, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'meeting.resolution.edit', entityType: 'meeting', entityId: meetingId, before: snapshot(row), after: snapshot(after) });
    return toResolution(ctx.actor, m, after);
  });

/** Withdraws a resolution with a reason; it keeps its number and stays on the record. */
export const withdrawResolution = (ctx: TCtx, meetingId: number, id: number, reason: string): Promise<TMeetingResolution> =>
  ctx.db.transaction().execute(async (trx) => {
    const { m, row } = await loadForChange(ctx, trx, meetingId, id);
    const after = await trx
      .updateTable('meeting_resolution')
      .set({ status: 'withdrawn', withdrawn_reason: reason, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'meeting.resolution.withdraw', entityType: 'meeting', entityId: meetingId, before: snapshot(row), after: snapshot(after) });
    return toResolution(ctx.actor, m, after);
  });
