import type { TAttendanceBody, TInviteBody, TMyRsvpBody, TMyTraining, TRsvp } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, roleAt } from '../auth/policy';
import { personOfActor } from '../directives/access';
import { foldDriveCounts } from '../membership/counters';
import { loadVisibleDrive } from '../membership/queries';
import { mtrx } from '../membership/tables';
import { personNotFound } from '../people/queries';
import { selectCurrentHolders } from '../posts/holders';
import { refreshTrainingBearers } from './coverage';
import { selectSessions, type TSessionRecord, toSession } from './dto';
import { sessionNotFound, toMyTraining } from './queries';

/** More invitees than this to one session is a mistaken rule (a whole state's booths), not a training. */
export const MAX_INVITEES = 20_000;

const userOf = (ctx: TCtx) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);

/** Locks the session row (RSVPs and attendance of one session queue behind each other) and checks the actor may manage it. */
const lockSession = async (ctx: TCtx, trx: Transaction<DB>, id: number): Promise<TSessionRecord> => {
  await trx.selectFrom('training_session').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const s = await selectSessions(trx).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw sessionNotFound(id);
  assertRoleAt(ctx.actor, s.unit_path, 'office-bearer', () => sessionNotFound(id));
  if (s.cancelled_at) throw invalid('SESSION_CANCELLED');
  return s;
};

/** People to invite, as a query of person ids, or the listed ids after checking each is visible. */
const candidates = async (ctx: TCtx, trx: Transaction<DB>, s: TSessionRecord, body: TInviteBody) => {
  if (body.kind === 'posts') {
    return selectCurrentHolders(trx, { underPath: s.unit_path, includeSelf: body.includeSelf, levels: body.levels, posts: body.posts })
      .clearSelect()
      .select('t.person_id')
      .distinct();
  }
  if (body.kind === 'people') {
    const ids = [...new Set(body.personIds)];
    const found = await trx
      .selectFrom('person as p')
      .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
      .select(['p.id', 'h.path', 'p.deleted_at', 'p.merged_into'])
      .where('p.id', 'in', ids)
      .execute();
    for (const id of ids) {
      const p = found.find((f) => f.id === id);
      if (!p || roleAt(ctx.actor, p.path) === null) throw personNotFound(id, 'personIds');
      if (p.deleted_at || p.merged_into !== null) throw invalid('PERSON_DELETED', 'personIds');
    }
    return trx.selectFrom('person').select('person.id as person_id').where('person.id', 'in', ids);
  }
  // Active members of the drive whose membership is under the session's unit: verified, with at
  // least the drive's required verified enrolments of their own (counted at the drive's unit).
  const drive = await loadVisibleDrive({ ...ctx, db: trx }, body.driveId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw new AppError('NOT_FOUND', 'DRIVE_NOT_FOUND', { params: { id: body.driveId }, field: 'driveId' });
    throw err;
  });
  await foldDriveCounts(trx, drive.id);
  const m = mtrx(trx);
  return m
    .selectFrom('membership as ms')
    .innerJoin('unit as mu', 'mu.id', 'ms.unit_id')
    .innerJoin('drive_enroller_count as own', (j) =>
      j
        .onRef('own.drive_id', '=', 'ms.drive_id')
        .on('own.unit_id', '=', drive.unit_id)
        .on('own.enroller_kind', '=', 'person')
        .onRef('own.enroller_id', '=', 'ms.person_id'),
    )
    .where('ms.drive_id', '=', drive.id)
    .where('ms.status', '=', 'verified')
    .where('own.verified', '>=', drive.active_rule_min_verified)
    .where('mu.path', '>=', s.unit_path)
    .where('mu.path', '<', `${s.unit_path}~`)
    .select('ms.person_id')
    .distinct();
};

/** Invites people to a session by post/level rule, by list, or a drive's active members; people already invited are kept as they are. */
export const invite = (ctx: TCtx, sessionId: number, body: TInviteBody) =>
  ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(ctx, trx, sessionId);
    const ids = await candidates(ctx, trx, s, body);
    const fresh = trx
      .selectFrom(ids.as('c'))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('training_invitation as x')
              .select('x.id')
              .where('x.session_id', '=', sessionId)
              .whereRef('x.person_id', '=', 'c.person_id'),
          ),
        ),
      );
    const { n } = await trx.selectFrom(fresh.select('c.person_id').as('f')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const invitedBefore = Number(s.invited ?? 0);
    if (invitedBefore + Number(n) > MAX_INVITEES)
      throw invalid('TOO_MANY_INVITEES', body.kind, { count: invitedBefore + Number(n), max: MAX_INVITEES });
    const source = body.kind === 'posts' ? 'post' : body.kind === 'people' ? 'list' : 'active-members';
    const inserted = await trx
      .insertInto('training_invitation')
      .columns(['session_id', 'person_id', 'source', 'invited_by'])
      .expression(
        // The same order as the column list: insert … select matches by position, not by name.
        fresh.select([
          sql<number>`${sessionId}::bigint`.as('session_id'),
          'c.person_id',
          sql<string>`${source}::text`.as('source'),
          sql<number | null>`${userOf(ctx)}::bigint`.as('invited_by'),
        ]),
      )
      .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
      .returning('person_id')
      .execute();
    const invited = invitedBefore + inserted.length;
    // The audit row names who was added (at most MAX_INVITEES ids), not a copy of every person.
    await recordAudit(trx, ctx, {
      action: 'training.invite',
      entityType: 'training_session',
      entityId: sessionId,
      after: { rule: body, added: inserted.map((r) => r.person_id) },
    });
    return { added: inserted.length, invited, capacity: s.capacity, isOverCapacity: invited > s.capacity };
  });

const loadInvitation = async (trx: Transaction<DB>, sessionId: number, personId: number, field: string) => {
  const inv = await trx
    .selectFrom('training_invitation')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!inv) throw invalid('NOT_INVITED', field, { id: personId });
  return inv;
};

/** Records an invitee's answer (taken by phone or in person by an office bearer); a "yes" needs a free seat. */
export const recordRsvp = (ctx: TCtx, sessionId: number, input: { personId: number; response: TRsvp }) =>
  ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(ctx, trx, sessionId);
    const inv = await loadInvitation(trx, sessionId, input.personId, 'personId');
    const yes = Number(s.yes ?? 0);
    if (input.response === 'yes' && inv.rsvp !== 'yes' && yes >= s.capacity) {
      throw new AppError('CONFLICT', 'SESSION_FULL', { params: { yes, capacity: s.capacity }, field: 'response' });
    }
    await trx.updateTable('training_invitation').set({ rsvp: input.response, rsvp_at: new Date() }).where('id', '=', inv.id).execute();
    await recordAudit(trx, ctx, {
      action: 'training.rsvp',
      entityType: 'training_session',
      entityId: sessionId,
      before: { personId: input.personId, rsvp: inv.rsvp },
      after: { personId: input.personId, rsvp: input.response },
    });
    return toSession(ctx.actor, await selectSessions(trx).where('s.id', '=', sessionId).executeTakeFirstOrThrow());
  });

/**
 * Marks invitees present or absent. Each change is a new attendance row (earlier marks stay as the
 * correction history); unchanged marks write nothing. All or nothing: one bad mark and none is kept.
 */
export const recordAttendance = (ctx: TCtx, sessionId: number, body: TAttendanceBody) =>
  ctx.db.transaction().execute(async (trx) => {
    const s = await lockSession(ctx, trx, sessionId);
    if (new Date(s.starts_at).getTime() > Date.now()) throw invalid('ATTENDANCE_BEFORE_START', 'marks');
    const seen = new Set<number>();
    for (const [i, m] of body.marks.entries()) {
      if (seen.has(m.personId)) throw invalid('DUPLICATE_MARK', `marks.${i}.personId`, { id: m.personId });
      seen.add(m.personId);
    }
    const invitations = await trx
      .selectFrom('training_invitation')
      .select(['id', 'person_id', 'attendance'])
      .where('session_id', '=', sessionId)
      .where('person_id', 'in', [...seen])
      .execute();
    const byPerson = new Map(invitations.map((i) => [i.person_id, i]));
    const changes: { id: number; personId: number; before: string | null; status: 'present' | 'absent' }[] = [];
    for (const [i, m] of body.marks.entries()) {
      const inv = byPerson.get(m.personId);
      if (!inv) throw invalid('NOT_INVITED', `marks.${i}.personId`, { id: m.personId });
      if (inv.attendance !== m.status) changes.push({ id: inv.id, personId: m.personId, before: inv.attendance, status: m.status });
    }
    const present =
      Number(s.present ?? 0) + changes.filter((c) => c.status === 'present').length - changes.filter((c) => c.before === 'present').length;
    if (present > s.capacity) throw invalid('ATTENDANCE_OVER_CAPACITY', 'marks', { present, capacity: s.capacity });
    if (changes.length > 0) {
      await trx
        .insertInto('training_attendance')
        .values(changes.map((c) => ({ invitation_id: c.id, status: c.status, recorded_by: userOf(ctx) })))
        .execute();
      for (const status of ['present', 'absent'] as const) {
        const ids = changes.filter((c) => c.status === status).map((c) => c.id);
        if (ids.length > 0) await trx.updateTable('training_invitation').set({ attendance: status }).where('id', 'in', ids).execute();
      }
      await recordAudit(trx, ctx, {
        action: 'training.attendance',
        entityType: 'training_session',
        entityId: sessionId,
        before: changes.map((c) => ({ personId: c.personId, attendance: c.before })),
        after: changes.map((c) => ({ personId: c.personId, attendance: c.status })),
      });
      await refreshTrainingBearers(
        trx,
        changes.map((c) => c.personId),
      );
    }
    const after = toSession(ctx.actor, await selectSessions(trx).where('s.id', '=', sessionId).executeTakeFirstOrThrow());
    return { recorded: changes.length, counts: after.counts };
  });

/** India time of an instant, as the RSVP-closed message shows it: 2026-12-01 18:00 IST. */
const indiaTime = (at: Date) => `${new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 16).replace('T', ' ')} IST`;

/**
 * An invitee answers their own invitation (the login's linked person): yes takes a free seat, no
 * gives one back. Only before the session starts and while it is not cancelled. A session the
 * person is not invited to is "not found" for them, whatever their grants.
 */
export const recordMyRsvp = (ctx: TCtx, sessionId: number, input: TMyRsvpBody): Promise<TMyTraining> =>
  ctx.db.transaction().execute(async (trx) => {
    const personId = await personOfActor(trx, ctx.actor);
    if (personId === null) throw sessionNotFound(sessionId);
    // The same lock as office bearers' RSVPs: the last seat goes to one of two answers.
    await trx.selectFrom('training_session').select('id').where('id', '=', sessionId).forUpdate().executeTakeFirst();
    const s = await selectSessions(trx).where('s.id', '=', sessionId).executeTakeFirst();
    if (!s) throw sessionNotFound(sessionId);
    const inv = await trx
      .selectFrom('training_invitation')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!inv) throw sessionNotFound(sessionId);
    if (s.cancelled_at) throw invalid('SESSION_CANCELLED', 'response');
    const startsAt = new Date(s.starts_at);
    if (startsAt.getTime() <= Date.now()) throw invalid('RSVP_CLOSED', 'response', { startsAt: indiaTime(startsAt) });
    const yes = Number(s.yes ?? 0);
    if (input.response === 'yes' && inv.rsvp !== 'yes' && yes >= s.capacity) {
      throw new AppError('CONFLICT', 'SESSION_FULL', { params: { yes, capacity: s.capacity }, field: 'response' });
    }
    if (inv.rsvp !== input.response) {
      await trx.updateTable('training_invitation').set({ rsvp: input.response, rsvp_at: new Date() }).where('id', '=', inv.id).execute();
      await recordAudit(trx, ctx, {
        action: 'training.rsvp.self',
        entityType: 'training_session',
        entityId: sessionId,
        before: { personId, rsvp: inv.rsvp },
        after: { personId, rsvp: input.response },
      });
    }
    const after = await selectSessions(trx).where('s.id', '=', sessionId).executeTakeFirstOrThrow();
    return toMyTraining(ctx, after, { rsvp: input.response, attendance: inv.attendance });
  });
