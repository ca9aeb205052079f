import { maskPhone, type TInvitee, type TMyTraining, type TPersonTraining, type TTrainingCoverage } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { listHistory } from '../audit/record';
import { assertRoleAt, inJurisdiction, pathRangeEnd } from '../auth/policy';
import { personOfActor } from '../directives/access';
import { canSeeContact } from '../people/dto';
import { loadVisiblePerson } from '../people/queries';
import { loadVisibleUnit } from '../units/queries';
import { readTrainingCoverage } from './coverage';
import { selectCourses, selectSessions, type TCourseRecord, type TSessionRecord, toCourse, toSession } from './dto';

export const courseNotFound = (id: number | string, field?: string) =>
  new AppError('NOT_FOUND', 'COURSE_NOT_FOUND', { params: { id }, field });
export const sessionNotFound = (id: number | string) => new AppError('NOT_FOUND', 'SESSION_NOT_FOUND', { params: { id } });

const cursorId = (cursor: string | undefined) => {
  if (cursor === undefined) return undefined;
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
  return n;
};

/** A course whose unit the actor may see, else 404. */
export const loadVisibleCourse = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, field?: string): Promise<TCourseRecord> => {
  const row = await selectCourses(ctx.db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw courseNotFound(id, field);
  assertRoleAt(ctx.actor, row.unit_path, 'viewer', () => courseNotFound(id, field));
  return row;
};

/** A session whose unit the actor may see, else 404. */
export const loadVisibleSession = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TSessionRecord> => {
  const row = await selectSessions(ctx.db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw sessionNotFound(id);
  assertRoleAt(ctx.actor, row.unit_path, 'viewer', () => sessionNotFound(id));
  return row;
};

export type TCourseQuery = { unit?: number; q?: string; limit: number; cursor?: string };

/** Courses in the actor's jurisdiction (under `unit`), newest first, paged by id. */
export const listCourses = async (ctx: TCtx, query: TCourseQuery) => {
  let qb = selectCourses(ctx.db).where(inJurisdiction(ctx.actor, 'u.path'));
  if (query.unit !== undefined) {
    const unit = await loadVisibleUnit(ctx, query.unit);
    qb = qb.where('u.path', '>=', unit.path).where('u.path', '<', pathRangeEnd(unit.path));
  }
  const q = query.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.name_hi', 'ilike', like)]));
  }
  const last = cursorId(query.cursor);
  if (last !== undefined) qb = qb.where('c.id', '<', last);
  const rows = await qb
    .orderBy('c.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { items: page.map((r) => toCourse(ctx.actor, r)), nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null };
};

/** A course with its sessions in time order. */
export const getCourse = async (ctx: TCtx, id: number) => {
  const course = await loadVisibleCourse(ctx, id);
  const sessions = await selectSessions(ctx.db).where('s.course_id', '=', id).orderBy('s.starts_at').orderBy('s.id').limit(500).execute();
  return { ...toCourse(ctx.actor, course), sessions: sessions.map((s) => toSession(ctx.actor, s)) };
};

export const getSession = async (ctx: TCtx, id: number) => toSession(ctx.actor, await loadVisibleSession(ctx, id));

export type TInviteeQuery = {
  rsvp?: 'yes' | 'no' | 'maybe' | 'none';
  attendance?: 'present' | 'absent' | 'none';
  limit: number;
  cursor?: string;
};

/** A session's invitees with RSVP and attendance, paged by person id; phones masked outside the actor's reach. */
export const listInvitees = async (ctx: TCtx, sessionId: number, query: TInviteeQuery) => {
  await loadVisibleSession(ctx, sessionId);
  let qb = ctx.db
    .selectFrom('training_invitation as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .select([
      'i.person_id',
      'i.source',
      'i.rsvp',
      'i.attendance',
      'p.name',
      'p.name_hi',
      'p.phone',
      'h.id as home_id',
      'h.name as home_name',
      'h.name_hi as home_name_hi',
      'h.level as home_level',
      'h.path as home_path',
    ])
    .where('i.session_id', '=', sessionId);
  if (query.rsvp) qb = query.rsvp === 'none' ? qb.where('i.rsvp', 'is', null) : qb.where('i.rsvp', '=', query.rsvp);
  if (query.attendance)
    qb = query.attendance === 'none' ? qb.where('i.attendance', 'is', null) : qb.where('i.attendance', '=', query.attendance);
  const last = cursorId(query.cursor);
  if (last !== undefined) qb = qb.where('i.person_id', '>', last);
  const rows = await qb
    .orderBy('i.person_id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const items: TInvitee[] = page.map((r) => {
    const isMasked = !canSeeContact(ctx.actor, r.home_path);
    return {
      personId: r.person_id,
      name: r.name,
      nameHi: r.name_hi,
      phone: isMasked ? maskPhone(r.phone) : r.phone,
      isContactMasked: isMasked,
      homeUnit: { id: r.home_id, name: r.home_name, nameHi: r.home_name_hi, level: r.home_level },
      source: r.source,
      rsvp: r.rsvp,
      attendance: r.attendance,
    };
  });
  return { items, nextCursor: rows.length > query.limit ? String(page.at(-1)?.person_id) : null };
};

/**
 * A person's training history: every course they were invited to, with their sessions and whether
 * they completed it. The person must be visible to the actor; the courses are shown whatever unit
 * ran them, since the history belongs to the person (a booth worker trained by the state).
 */
export const listPersonTrainings = async (ctx: TCtx, personId: number): Promise<TPersonTraining[]> => {
  await loadVisiblePerson(ctx, personId);
  const rows = await ctx.db
    .selectFrom('training_invitation as i')
    .innerJoin('training_session as s', 's.id', 'i.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .select([
      'c.id as course_id',
      'c.name as course_name',
      'c.name_hi as course_name_hi',
      'c.required_sessions',
      's.id as session_id',
      's.starts_at',
      's.mode',
      's.cancelled_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'i.rsvp',
      'i.attendance',
    ])
    .where('i.person_id', '=', personId)
    .orderBy('s.starts_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(1000)
    .execute();
  const byCourse = new Map<number, TPersonTraining>();
  for (const r of rows) {
    const entry = byCourse.get(r.course_id) ?? {
      courseId: r.course_id,
      courseName: r.course_name,
      courseNameHi: r.course_name_hi,
      requiredSessions: r.required_sessions,
      attended: 0,
      isComplete: false,
      sessions: [],
    };
    const isCancelled = r.cancelled_at !== null;
    if (r.attendance === 'present' && !isCancelled) entry.attended++;
    entry.isComplete = entry.attended >= entry.requiredSessions;
    entry.sessions.push({
      sessionId: r.session_id,
      startsAt: new Date(r.starts_at).toISOString(),
      mode: r.mode,
      unit: { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
      isCancelled,
      rsvp: r.rsvp,
      attendance: r.attendance,
    });
    byCourse.set(r.course_id, entry);
  }
  return [...byCourse.values()];
};

/** People who completed a course (any course when `courseId` is null): present at ≥ its required sessions. */
export const selectCompleters = (db: Kysely<DB>, courseId: number | null) => {
  let q = db
    .selectFrom('training_invitation as i')
    .innerJoin('training_session as s', 's.id', 'i.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .where('i.attendance', '=', 'present')
    .where('s.cancelled_at', 'is', null);
  if (courseId !== null) q = q.where('c.id', '=', courseId);
  return q
    .select('i.person_id')
    .groupBy(['i.person_id', 'c.id', 'c.required_sessions'])
    .having(sql<boolean>`count(*) >= c.required_sessions`);
};

/**
 * The share of the unit's current office bearers (distinct people holding a committee post in its
 * subtree, itself included) who are trained: from the stored counters (`coverage.ts`). For one
 * course, the bearers still come from the counter and the completers of that course (at most its
 * invitees) are counted among the unit's bearers.
 */
export const getTrainingCoverage = async (ctx: TCtx, unitId: number, courseId: number | null): Promise<TTrainingCoverage> => {
  await loadVisibleUnit(ctx, unitId);
  if (courseId !== null) await loadVisibleCourse(ctx, courseId, 'course');
  const counts = (await readTrainingCoverage(ctx.db, [unitId])).get(unitId) ?? { officeBearers: 0, trained: 0 };
  let completed = counts.trained;
  if (courseId !== null) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (${selectCompleters(ctx.db, courseId)}) done
      join training_bearer b on b.person_id = done.person_id
      where ${unitId}::bigint = any(b.unit_ids)`.execute(ctx.db);
    completed = Number(rows[0]?.n ?? 0);
  }
  const bearers = counts.officeBearers;
  return { unitId, courseId, officeBearers: bearers, completed, share: bearers === 0 ? 0 : completed / bearers };
};

export const courseHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleCourse(ctx, id);
  return listHistory(ctx.db, 'training_course', id);
};

export const sessionHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleSession(ctx, id);
  return listHistory(ctx.db, 'training_session', id);
};

/** An invitation of the actor's own person, as "my trainings" shows it. */
export const toMyTraining = (
  ctx: Pick<TCtx, 'actor'>,
  s: TSessionRecord,
  inv: { rsvp: TMyTraining['rsvp']; attendance: TMyTraining['attendance'] },
): TMyTraining => {
  const session = toSession(ctx.actor, s);
  const isOpen = !session.isCancelled && new Date(s.starts_at).getTime() > Date.now();
  return {
    session,
    rsvp: inv.rsvp,
    attendance: inv.attendance,
    canRsvp: isOpen,
    isFull: inv.rsvp !== 'yes' && session.counts.yes >= session.capacity,
  };
};

/**
 * The logged-in user's own invitations (their login's linked person), newest invitation first,
 * paged by invitation id; upcoming only unless `all`. Empty for a login with no linked person.
 * Shown whatever unit ran the session: the invitation itself is the reason to see it.
 */
export const listMyTrainings = async (ctx: TCtx, query: { when: 'upcoming' | 'all'; limit: number; cursor?: string }) => {
  const personId = await personOfActor(ctx.db, ctx.actor);
  if (personId === null) return { items: [], nextCursor: null };
  let qb = selectSessions(ctx.db)
    .innerJoin('training_invitation as mine', (j) => j.onRef('mine.session_id', '=', 's.id').on('mine.person_id', '=', personId))
    .select(['mine.id as invitation_id', 'mine.rsvp as my_rsvp', 'mine.attendance as my_attendance']);
  if (query.when === 'upcoming') qb = qb.where(sql<boolean>`s.starts_at + make_interval(mins => s.duration_minutes) > now()`);
  const last = cursorId(query.cursor);
  if (last !== undefined) qb = qb.where('mine.id', '<', last);
  const rows = await qb
    .orderBy('mine.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => toMyTraining(ctx, r, { rsvp: r.my_rsvp, attendance: r.my_attendance })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.invitation_id) : null,
  };
};
