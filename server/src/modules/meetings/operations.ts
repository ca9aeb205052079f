import type { TMeeting, TMeetingCreate, TMeetingMinutesBody, TMeetingPatch, TMeetingStatusMove } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { onMeetingChanged } from '../org-health/aggregates';
import { assertRoleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { findUnitRecord } from '../units/queries';
import { meetingSnapshot, type TMeetingRecord } from './dto';
import { materialiseInvitees } from './invitees';
import { loadRunnableMeeting, loadVisibleMeeting, meetingDto } from './queries';

const IST_OFFSET_MS = 330 * 60_000;
const indiaDate = (at: Date) => new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);

/** A planned meeting starts in the future; a held one started today or earlier (India time). */
const checkTime = (status: 'planned' | 'held', startsAt: Date) => {
  if (status === 'planned' && startsAt.getTime() <= Date.now()) throw invalid('MEETING_PLANNED_IN_PAST', 'startsAt');
  if (status === 'held' && indiaDate(startsAt) > indiaDate(new Date())) {
    throw invalid('MEETING_HELD_IN_FUTURE', 'startsAt', { startsAt: indiaDate(startsAt) });
  }
};

/** Attendance, minutes and resolutions change only while the meeting is open for them. */
export const assertOpen = (m: Pick<TMeetingRecord, 'status'>, need: 'held' | 'planned-or-held') => {
  if (m.status === 'minutes-approved') throw invalid('MEETING_LOCKED');
  if (m.status === 'cancelled') throw invalid('MEETING_CANCELLED');
  if (need === 'held' && m.status !== 'held') throw invalid('MEETING_NOT_HELD', undefined, { status: m.status });
};

const unitNotFoundAt = (id: number, field: string) => () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });

/** The venue unit and chair named in a create or edit: both must be visible to the actor and live. */
const checkRefs = async (ctx: TCtx, trx: Transaction<DB>, input: { venueUnitId?: number | null; chairPersonId?: number | null }) => {
  if (input.venueUnitId) {
    const venue = await findUnitRecord(trx, input.venueUnitId);
    if (!venue) throw unitNotFoundAt(input.venueUnitId, 'venueUnitId')();
    assertRoleAt(ctx.actor, venue.path, 'viewer', unitNotFoundAt(input.venueUnitId, 'venueUnitId'));
    if (venue.deleted_at) throw invalid('UNIT_DELETED', 'venueUnitId');
  }
  if (input.chairPersonId) {
    const chair = await loadVisiblePerson({ ...ctx, db: trx }, input.chairPersonId, 'chairPersonId');
    if (chair.deleted_at) throw invalid('PERSON_DELETED', 'chairPersonId');
  }
};

const reload = async (ctx: TCtx, trx: Transaction<DB>, id: number) => meetingDto({ ...ctx, db: trx }, await loadVisibleMeeting({ ...ctx, db: trx }, id));

/**
 * Creates a meeting of a unit (office bearers and above there) and materialises its invitees from
 * the rules, in one transaction with its audit entry.
 */
export const createMeeting = (ctx: TCtx, input: TMeetingCreate): Promise<TMeeting> =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await findUnitRecord(trx, input.unitId);
    if (!unit) throw unitNotFoundAt(input.unitId, 'unitId')();
    assertRoleAt(ctx.actor, unit.path, 'office-bearer', unitNotFoundAt(input.unitId, 'unitId'));
    if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    const startsAt = new Date(input.startsAt);
    checkTime(input.status, startsAt);
    await checkRefs(ctx, trx, input);
    const { id } = await trx
      .insertInto('meeting')
      .values({
        unit_id: unit.id,
        wing: unit.wing,
        type: input.type,
        title: input.title,
        starts_at: startsAt,
        venue: input.venue ?? null,
        venue_unit_id: input.venueUnitId ?? null,
        chair_person_id: input.chairPersonId ?? null,
        organiser_user_id: ctx.actor.userId,
        agenda: JSON.stringify(input.agenda ?? []),
        invitee_rule: JSON.stringify(input.invitees),
        status: input.status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invited = await materialiseInvitees(ctx, trx, id, unit, input.invitees, 'invitees.');
    const created = await loadVisibleMeeting({ ...ctx, db: trx }, id);
    await recordAudit(trx, ctx, { action: 'meeting.create', entityType: 'meeting', entityId: id, after: { ...meetingSnapshot(created), invitees: input.invitees, invited } });
    await onMeetingChanged(trx, id);
    return reload(ctx, trx, id);
  });

/** Edits a planned or held meeting's details; a planned meeting cannot be moved into the past. */
export const updateMeeting = (ctx: TCtx, id: number, patch: TMeetingPatch): Promise<TMeeting> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadRunnableMeeting({ ...ctx, db: trx }, id);
    assertOpen(before, 'planned-or-held');
    if (patch.startsAt !== undefined) checkTime(before.status === 'planned' ? 'planned' : 'held', new Date(patch.startsAt));
    await checkRefs(ctx, trx, patch);
    await trx
      .updateTable('meeting')
      .set({
        ...(patch.type !== undefined ? { type: patch.type } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.startsAt !== undefined ? { starts_at: new Date(patch.startsAt) } : {}),
        ...(patch.venue !== undefined ? { venue: patch.venue } : {}),
        ...(patch.venueUnitId !== undefined ? { venue_unit_id: patch.venueUnitId } : {}),
        ...(patch.chairPersonId !== undefined ? { chair_person_id: patch.chairPersonId } : {}),
        ...(patch.agenda !== undefined ? { agenda: JSON.stringify(patch.agenda) } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = await loadVisibleMeeting({ ...ctx, db: trx }, id);
    await recordAudit(trx, ctx, { action: 'meeting.update', entityType: 'meeting', entityId: id, before: meetingSnapshot(before), after: meetingSnapshot(after) });
    await onMeetingChanged(trx, id);
    return reload(ctx, trx, id);
  });

const MOVES: Record<string, readonly string[]> = { planned: ['held', 'cancelled'], held: ['minutes-approved'] };

/**
 * Moves a meeting along planned → held → minutes-approved, or planned → cancelled with a reason.
 * Approving the minutes locks attendance, minutes and resolutions.
 */
export const moveMeetingStatus = (ctx: TCtx, id: number, move: TMeetingStatusMove): Promise<TMeeting> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadRunnableMeeting({ ...ctx, db: trx }, id);
    if (!(MOVES[before.status] ?? []).includes(move.status)) {
      throw new AppError('VALIDATION', before.status === 'minutes-approved' ? 'MEETING_LOCKED' : 'MEETING_BAD_MOVE', {
        field: 'status',
        params: { from: before.status, to: move.status },
      });
    }
    if (move.status === 'held') checkTime('held', new Date(before.starts_at));
    if (move.status === 'minutes-approved' && (before.minutes ?? '').trim() === '') throw invalid('MEETING_MINUTES_EMPTY', 'status');
    const approving = move.status === 'minutes-approved';
    await trx
      .updateTable('meeting')
      .set({
        status: move.status,
        cancel_reason: move.status === 'cancelled' ? (move.reason ?? null) : null,
        ...(approving ? { minutes_approved_at: sql<Date>`now()`, minutes_approved_by: ctx.actor.userId > 0 ? ctx.actor.userId : null } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = await loadVisibleMeeting({ ...ctx, db: trx }, id);
    await recordAudit(trx, ctx, {
      action: `meeting.${move.status}`,
      entityType: 'meeting',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, reason: move.reason ?? null },
    });
    await onMeetingChanged(trx, id);
    return reload(ctx, trx, id);
  });

/** Writes the minutes of a held meeting (Hindi or English); every version is kept in the audit log. */
export const setMinutes = (ctx: TCtx, id: number, body: TMeetingMinutesBody): Promise<TMeeting> =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await loadRunnableMeeting({ ...ctx, db: trx }, id);
    assertOpen(before, 'held');
    const text = body.text.trim() === '' ? null : body.text;
    await trx.updateTable('meeting').set({ minutes: text, minutes_lang: text === null ? null : body.lang, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'meeting.minutes',
      entityType: 'meeting',
      entityId: id,
      before: { minutes: before.minutes, lang: before.minutes_lang },
      after: { minutes: text, lang: text === null ? null : body.lang },
    });
    return reload(ctx, trx, id);
  });
