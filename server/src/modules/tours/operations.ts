import type { TConflict, TStopCreate, TStopPatch, TStopReportBody, TTourCreate, TTourPatch } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, hasRoleAt, inJurisdiction, roleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { findUnitRecord } from '../units/queries';
import { checkStopConflicts } from './conflicts';
import { checkStopInstance } from './programme-link';
import { selectStops, selectTours, stopSnapshot, toStop, toTour, tourSnapshot, type TTourRecord } from './dto';
import { indiaDate, stopNotFound, tourNotFound } from './queries';

const userOf = (ctx: TCtx) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);
const unitNotFoundAt = (id: number, field: string) => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });

const livePerson = async (ctx: TCtx, trx: Transaction<DB>, id: number, field: string) => {
  const p = await loadVisiblePerson({ ...ctx, db: trx }, id, field);
  if (p.deleted_at || p.merged_into !== null) throw invalid('PERSON_DELETED', field);
  return p;
};

/** Locks the tour (its stops are checked against each other) and checks the actor plans at its unit. */
const lockTour = async (ctx: TCtx, trx: Transaction<DB>, id: number): Promise<TTourRecord> => {
  await trx.selectFrom('tour').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const tour = await selectTours(trx).where('t.id', '=', id).executeTakeFirst();
  if (!tour) throw tourNotFound(id);
  assertRoleAt(ctx.actor, tour.unit_path, 'office-bearer', () => tourNotFound(id));
  if (tour.cancelled_at) throw invalid('TOUR_CANCELLED');
  return tour;
};

/** Creates a tour for a leader, organised by a unit the actor is an office bearer (or more) of. */
export const createTour = (ctx: TCtx, input: TTourCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await findUnitRecord(trx, input.unitId);
    if (!unit) throw unitNotFoundAt(input.unitId, 'unitId');
    assertRoleAt(ctx.actor, unit.path, 'office-bearer', () => unitNotFoundAt(input.unitId, 'unitId'));
    if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    await livePerson(ctx, trx, input.leaderPersonId, 'leaderPersonId');
    if (Date.parse(input.endsOn) - Date.parse(input.startsOn) > 366 * 86_400_000) throw invalid('TOUR_TOO_LONG', 'endsOn');
    const { id } = await trx
      .insertInto('tour')
      .values({
        unit_id: unit.id,
        leader_person_id: input.leaderPersonId,
        title: input.title,
        title_hi: input.titleHi ?? null,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        notes: input.notes ?? null,
        created_by: userOf(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await selectTours(trx).where('t.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'tour.create', entityType: 'tour', entityId: id, after: tourSnapshot(row) });
    return toTour(ctx.actor, row);
  });

/** Edits or cancels a tour; new dates must still hold every live stop. */
export const updateTour = (ctx: TCtx, id: number, patch: TTourPatch) =>
  ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('tour').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const before = await selectTours(trx).where('t.id', '=', id).executeTakeFirst();
    if (!before) throw tourNotFound(id);
    assertRoleAt(ctx.actor, before.unit_path, 'office-bearer', () => tourNotFound(id));
    if (before.cancelled_at && patch.isCancelled !== false) throw invalid('TOUR_CANCELLED');
    const startsOn = patch.startsOn ?? before.starts_on;
    const endsOn = patch.endsOn ?? before.ends_on;
    if (endsOn < startsOn) throw invalid('END_BEFORE_START', 'endsOn', { start: startsOn, end: endsOn });
    if (Date.parse(endsOn) - Date.parse(startsOn) > 366 * 86_400_000) throw invalid('TOUR_TOO_LONG', 'endsOn');
    if (startsOn !== before.starts_on || endsOn !== before.ends_on) {
      const stops = await trx
        .selectFrom('tour_stop')
        .select(['starts_at', 'ends_at'])
        .where('tour_id', '=', id)
        .where('cancelled_at', 'is', null)
        .execute();
      const outside = stops.filter((s) => indiaDate(new Date(s.starts_at)) < startsOn || indiaDate(new Date(s.ends_at)) > endsOn).length;
      if (outside > 0)
        throw invalid('TOUR_DATES_EXCLUDE_STOPS', patch.startsOn !== undefined ? 'startsOn' : 'endsOn', {
          count: outside,
          start: startsOn,
          end: endsOn,
        });
    }
    await trx
      .updateTable('tour')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.titleHi !== undefined ? { title_hi: patch.titleHi } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        starts_on: startsOn,
        ends_on: endsOn,
        ...(patch.isCancelled !== undefined ? { cancelled_at: patch.isCancelled ? (before.cancelled_at ?? new Date()) : null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await selectTours(trx).where('t.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: patch.isCancelled === true && !before.cancelled_at ? 'tour.cancel' : 'tour.update',
      entityType: 'tour',
      entityId: id,
      before: tourSnapshot(before),
      after: tourSnapshot(after),
    });
    return toTour(ctx.actor, after);
  });

type TStopFields = {
  unitId: number;
  startsAt: string;
  endsAt: string;
  meetingId: number | null;
  programmeInstanceId: number | null;
  coordinatorPersonId: number | null;
};

/** The checks every stop write makes: unit visible (404 outside jurisdiction), inside the tour's dates, linked records visible. */
const checkStop = async (ctx: TCtx, trx: Transaction<DB>, tour: TTourRecord, s: TStopFields) => {
  const unit = await findUnitRecord(trx, s.unitId);
  if (!unit || roleAt(ctx.actor, unit.path) === null) throw unitNotFoundAt(s.unitId, 'unitId');
  if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
  const start = new Date(s.startsAt);
  const end = new Date(s.endsAt);
  if (end <= start) throw invalid('END_BEFORE_START', 'endsAt', { start: s.startsAt, end: s.endsAt });
  if (end.getTime() - start.getTime() > 24 * 3_600_000) throw invalid('STOP_TOO_LONG', 'endsAt');
  for (const [date, field] of [
    [indiaDate(start), 'startsAt'],
    [indiaDate(end), 'endsAt'],
  ] as const) {
    if (date < tour.starts_on || date > tour.ends_on)
      throw invalid('STOP_OUTSIDE_TOUR', field, { date, start: tour.starts_on, end: tour.ends_on });
  }
  if (s.coordinatorPersonId !== null) await livePerson(ctx, trx, s.coordinatorPersonId, 'coordinatorPersonId');
  if (s.meetingId !== null) {
    const m = await trx
      .selectFrom('meeting as m')
      .innerJoin('unit as mu', 'mu.id', 'm.unit_id')
      .select('m.id')
      .where('m.id', '=', s.meetingId)
      .where(inJurisdiction(ctx.actor, 'mu.path'))
      .executeTakeFirst();
    if (!m) throw new AppError('NOT_FOUND', 'MEETING_NOT_FOUND', { params: { id: s.meetingId }, field: 'meetingId' });
  }
  if (s.programmeInstanceId !== null) await checkStopInstance(ctx, trx, s.programmeInstanceId, unit.path);
  return { start, end };
};

/** 409 with the list, unless the planner has seen it and confirms; then the list is stored with the stop. */
const conflictGate = (conflicts: TConflict[], confirm: boolean) => {
  if (conflicts.length > 0 && !confirm) {
    throw new AppError('CONFLICT', 'STOP_CONFLICTS', { params: { count: conflicts.length }, extra: { conflicts } });
  }
};

/** Adds a stop to a tour's itinerary, checking the leader's other stops for clashes. */
export const addStop = (ctx: TCtx, tourId: number, input: TStopCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const tour = await lockTour(ctx, trx, tourId);
    const fields = {
      unitId: input.unitId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      meetingId: input.meetingId ?? null,
      programmeInstanceId: input.programmeInstanceId ?? null,
      coordinatorPersonId: input.coordinatorPersonId ?? null,
    };
    const { start, end } = await checkStop(ctx, trx, tour, fields);
    // One leader's stops are checked one writer at a time, whichever tour they belong to.
    await sql`select pg_advisory_xact_lock(${7_140_001}::int, ${tour.leader_person_id}::int)`.execute(trx);
    const conflicts = await checkStopConflicts(trx, tour.leader_person_id, {
      id: null,
      unitId: input.unitId,
      startsAt: start,
      endsAt: end,
    });
    conflictGate(conflicts, input.confirm);
    const { id } = await trx
      .insertInto('tour_stop')
      .values({
        tour_id: tourId,
        unit_id: input.unitId,
        leader_person_id: tour.leader_person_id,
        starts_at: start,
        ends_at: end,
        purpose: input.purpose,
        meeting_id: fields.meetingId,
        programme_instance_id: fields.programmeInstanceId,
        coordinator_person_id: fields.coordinatorPersonId,
        notes: input.notes ?? null,
        conflicts: JSON.stringify(conflicts),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await selectStops(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: conflicts.length > 0 ? 'tour.stop.create-confirmed' : 'tour.stop.create',
      entityType: 'tour_stop',
      entityId: id,
      after: stopSnapshot(row),
    });
    await trx.updateTable('tour').set({ updated_at: new Date() }).where('id', '=', tourId).execute();
    return toStop(ctx.actor, row);
  });

const loadStopForWrite = async (trx: Transaction<DB>, id: number) => {
  const ref = await trx.selectFrom('tour_stop').select('tour_id').where('id', '=', id).executeTakeFirst();
  if (!ref) throw stopNotFound(id);
  const tour = await selectTours(trx).where('t.id', '=', ref.tour_id).executeTakeFirstOrThrow();
  const stop = await selectStops(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
  return { tour, stop };
};

/** Moves, edits or cancels a stop; a changed time or place is checked for clashes again. */
export const updateStop = (ctx: TCtx, id: number, patch: TStopPatch) =>
  ctx.db.transaction().execute(async (trx) => {
    const { tour: t0, stop: before } = await loadStopForWrite(trx, id);
    if (roleAt(ctx.actor, before.unit_path) === null && roleAt(ctx.actor, t0.unit_path) === null) throw stopNotFound(id);
    // The local unit sees the stop but only the tour's planners move it.
    if (!hasRoleAt(ctx.actor, t0.unit_path, 'office-bearer')) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    const tour = await lockTour(ctx, trx, t0.id);
    if (before.cancelled_at && patch.isCancelled !== false) throw invalid('STOP_CANCELLED');
    const fields: TStopFields = {
      unitId: patch.unitId ?? before.unit_id,
      startsAt: patch.startsAt ?? new Date(before.starts_at).toISOString(),
      endsAt: patch.endsAt ?? new Date(before.ends_at).toISOString(),
      meetingId: patch.meetingId !== undefined ? patch.meetingId : before.meeting_id,
      programmeInstanceId: patch.programmeInstanceId !== undefined ? patch.programmeInstanceId : before.programme_instance_id,
      coordinatorPersonId: patch.coordinatorPersonId !== undefined ? patch.coordinatorPersonId : before.coordinator_person_id,
    };
    const { start, end } = await checkStop(ctx, trx, tour, fields);
    const isCancelled = patch.isCancelled ?? before.cancelled_at !== null;
    const moved =
      fields.unitId !== before.unit_id ||
      start.getTime() !== new Date(before.starts_at).getTime() ||
      end.getTime() !== new Date(before.ends_at).getTime();
    let conflicts = Array.isArray(before.conflicts) ? (before.conflicts as TConflict[]) : [];
    if (isCancelled) conflicts = [];
    else if (moved || before.cancelled_at) {
      await sql`select pg_advisory_xact_lock(${7_140_001}::int, ${tour.leader_person_id}::int)`.execute(trx);
      conflicts = await checkStopConflicts(trx, tour.leader_person_id, { id, unitId: fields.unitId, startsAt: start, endsAt: end });
      conflictGate(conflicts, patch.confirm ?? false);
    }
    await trx
      .updateTable('tour_stop')
      .set({
        unit_id: fields.unitId,
        starts_at: start,
        ends_at: end,
        meeting_id: fields.meetingId,
        programme_instance_id: fields.programmeInstanceId,
        coordinator_person_id: fields.coordinatorPersonId,
        ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        conflicts: JSON.stringify(conflicts),
        cancelled_at: isCancelled ? (before.cancelled_at ?? new Date()) : null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await selectStops(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action:
        patch.isCancelled === true && !before.cancelled_at
          ? 'tour.stop.cancel'
          : conflicts.length > 0 && moved
            ? 'tour.stop.update-confirmed'
            : 'tour.stop.update',
      entityType: 'tour_stop',
      entityId: id,
      before: stopSnapshot(before),
      after: stopSnapshot(after),
    });
    return toStop(ctx.actor, after);
  });

/** Reports what happened at a stop (held or not, a summary); a later report corrects an earlier one, which stays. */
export const reportStop = (ctx: TCtx, id: number, body: TStopReportBody) =>
  ctx.db.transaction().execute(async (trx) => {
    const { tour, stop } = await loadStopForWrite(trx, id);
    const isPlanner = hasRoleAt(ctx.actor, tour.unit_path, 'office-bearer');
    if (!isPlanner) assertRoleAt(ctx.actor, stop.unit_path, 'office-bearer', () => stopNotFound(id));
    if (stop.cancelled_at || tour.cancelled_at) throw invalid('STOP_CANCELLED');
    if (new Date(stop.starts_at).getTime() > Date.now()) throw invalid('REPORT_BEFORE_STOP', 'isHeld');
    const { id: reportId } = await trx
      .insertInto('tour_stop_report')
      .values({ stop_id: id, is_held: body.isHeld, summary: body.summary ?? null, reported_by: userOf(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await selectStops(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'tour.stop.report',
      entityType: 'tour_stop',
      entityId: id,
      before: stop.is_held === null ? null : { isHeld: stop.is_held, summary: stop.summary },
      after: { reportId, isHeld: body.isHeld, summary: body.summary ?? null },
    });
    return toStop(ctx.actor, after);
  });
