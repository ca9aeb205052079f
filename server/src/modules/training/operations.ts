import type { TCourseCreate, TCoursePatch, TSessionCreate, TSessionPatch } from '@samiti/common';
import type { Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { findUnitRecord } from '../units/queries';
import { attendeesOf, refreshTrainingBearers } from './coverage';
import { courseSnapshot, selectCourses, selectSessions, sessionSnapshot, toCourse, toSession } from './dto';
import { courseNotFound, loadVisibleCourse, sessionNotFound } from './queries';

const unitNotFoundAt = (id: number, field: string) => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });
const userOf = (ctx: TCtx) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);
const FIVE_YEARS_MS = 5 * 366 * 86_400_000;

/** A training date years away is a typing slip (2062 for 2026), not a plan. */
const checkStart = (startsAt: string, field: string) => {
  if (Math.abs(Date.parse(startsAt) - Date.now()) > FIVE_YEARS_MS) throw invalid('START_TOO_FAR', field, { date: startsAt.slice(0, 10) });
};

const loadManagedUnit = async (ctx: TCtx, trx: Transaction<DB>, unitId: number, field: string) => {
  const unit = await findUnitRecord(trx, unitId);
  if (!unit) throw unitNotFoundAt(unitId, field);
  assertRoleAt(ctx.actor, unit.path, 'office-bearer', () => unitNotFoundAt(unitId, field));
  if (unit.deleted_at) throw invalid('UNIT_DELETED', field);
  return unit;
};

const checkTrainer = async (ctx: TCtx, trx: Transaction<DB>, personId: number | null | undefined) => {
  if (personId === null || personId === undefined) return;
  const p = await loadVisiblePerson({ ...ctx, db: trx }, personId, 'trainerPersonId');
  if (p.deleted_at || p.merged_into !== null) throw invalid('PERSON_DELETED', 'trainerPersonId');
};

/** Creates a training course at a unit the actor is an office bearer (or more) of. */
export const createCourse = (ctx: TCtx, input: TCourseCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await loadManagedUnit(ctx, trx, input.unitId, 'unitId');
    const { id } = await trx
      .insertInto('training_course')
      .values({
        unit_id: unit.id,
        name: input.name,
        name_hi: input.nameHi ?? null,
        description: input.description ?? null,
        required_sessions: input.requiredSessions,
        created_by: userOf(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await selectCourses(trx).where('c.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'training.course.create',
      entityType: 'training_course',
      entityId: id,
      after: courseSnapshot(row),
    });
    return toCourse(ctx.actor, row);
  });

/** Edits a course's names, description or required sessions. */
export const updateCourse = (ctx: TCtx, id: number, patch: TCoursePatch) =>
  ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('training_course').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const before = await selectCourses(trx).where('c.id', '=', id).executeTakeFirst();
    if (!before) throw courseNotFound(id);
    assertRoleAt(ctx.actor, before.unit_path, 'office-bearer', () => courseNotFound(id));
    await trx
      .updateTable('training_course')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.nameHi !== undefined ? { name_hi: patch.nameHi } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.requiredSessions !== undefined ? { required_sessions: patch.requiredSessions } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await selectCourses(trx).where('c.id', '=', id).executeTakeFirstOrThrow();
    if (after.required_sessions !== before.required_sessions) await refreshTrainingBearers(trx, attendeesOf({ courseId: id }));
    await recordAudit(trx, ctx, {
      action: 'training.course.update',
      entityType: 'training_course',
      entityId: id,
      before: courseSnapshot(before),
      after: courseSnapshot(after),
    });
    return toCourse(ctx.actor, after);
  });

/** Adds a session to a course, at the course's unit or one below it. */
export const createSession = (ctx: TCtx, courseId: number, input: TSessionCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const course = await loadVisibleCourse({ ...ctx, db: trx }, courseId);
    assertRoleAt(ctx.actor, course.unit_path, 'office-bearer', () => courseNotFound(courseId));
    const unit = await loadManagedUnit(ctx, trx, input.unitId ?? course.unit_id, 'unitId');
    if (!unit.path.startsWith(course.unit_path)) throw invalid('SESSION_UNIT_OUTSIDE_COURSE', 'unitId');
    checkStart(input.startsAt, 'startsAt');
    await checkTrainer(ctx, trx, input.trainerPersonId);
    const { id } = await trx
      .insertInto('training_session')
      .values({
        course_id: courseId,
        unit_id: unit.id,
        title: input.title ?? null,
        mode: input.mode,
        link: input.mode === 'online' ? (input.link ?? null) : null,
        venue: input.venue ?? null,
        trainer_person_id: input.trainerPersonId ?? null,
        starts_at: input.startsAt,
        duration_minutes: input.durationMinutes,
        capacity: input.capacity,
        created_by: userOf(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await selectSessions(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'training.session.create',
      entityType: 'training_session',
      entityId: id,
      after: sessionSnapshot(row),
    });
    return toSession(ctx.actor, row);
  });

/** Edits or cancels a session; its capacity never drops below the seats already confirmed or filled. */
export const updateSession = (ctx: TCtx, id: number, patch: TSessionPatch) =>
  ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('training_session').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const before = await selectSessions(trx).where('s.id', '=', id).executeTakeFirst();
    if (!before) throw sessionNotFound(id);
    assertRoleAt(ctx.actor, before.unit_path, 'office-bearer', () => sessionNotFound(id));
    const mode = patch.mode ?? before.mode;
    const link = patch.link !== undefined ? patch.link : before.link;
    const venue = patch.venue !== undefined ? patch.venue : before.venue;
    if ((mode === 'online' && !link) || (mode === 'offline' && !venue))
      throw invalid('SESSION_MODE_FIELDS', mode === 'online' ? 'link' : 'venue');
    if (patch.startsAt !== undefined) checkStart(patch.startsAt, 'startsAt');
    if (patch.capacity !== undefined) {
      const taken = Math.max(Number(before.yes ?? 0), Number(before.present ?? 0));
      if (patch.capacity < taken) throw invalid('CAPACITY_BELOW_TAKEN', 'capacity', { taken });
    }
    await checkTrainer(ctx, trx, patch.trainerPersonId);
    const isCancelled = patch.isCancelled ?? before.cancelled_at !== null;
    await trx
      .updateTable('training_session')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        mode,
        link: mode === 'online' ? link : null,
        venue,
        ...(patch.trainerPersonId !== undefined ? { trainer_person_id: patch.trainerPersonId } : {}),
        ...(patch.startsAt !== undefined ? { starts_at: patch.startsAt } : {}),
        ...(patch.durationMinutes !== undefined ? { duration_minutes: patch.durationMinutes } : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        cancelled_at: isCancelled ? (before.cancelled_at ?? new Date()) : null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await selectSessions(trx).where('s.id', '=', id).executeTakeFirstOrThrow();
    if ((after.cancelled_at === null) !== (before.cancelled_at === null)) await refreshTrainingBearers(trx, attendeesOf({ sessionId: id }));
    await recordAudit(trx, ctx, {
      action: patch.isCancelled === true && before.cancelled_at === null ? 'training.session.cancel' : 'training.session.update',
      entityType: 'training_session',
      entityId: id,
      before: sessionSnapshot(before),
      after: sessionSnapshot(after),
    });
    return toSession(ctx.actor, after);
  });
