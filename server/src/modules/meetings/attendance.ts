import { maskPhone, type TMeetingAttendance, type TMeetingAttendanceBody, type TMeetingInvitee } from '@samiti/common';
import type { Insertable, Kysely } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB, MeetingAttendanceTable } from '../../db/types';
import { invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { onMeetingChanged } from '../org-health/aggregates';
import { assertRoleAt } from '../auth/policy';
import { canSeeContact, selectPeople } from '../people/dto';
import { createPerson } from '../people/operations';
import { personNotFound } from '../people/queries';
import { countsFor, EMPTY_COUNTS, meetingActions } from './dto';
import { assertOpen } from './operations';
import { loadRunnableMeeting, loadVisibleMeeting } from './queries';

/** Invitees in the order of a printed sheet: the unit's own office bearers, then sub-units in tree order, individuals, walk-ins. */
export const selectInvitees = (db: Kysely<DB>, meetingId: number) =>
  db
    .selectFrom('meeting_invitee as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .leftJoin('unit as pu', 'pu.id', 'i.post_unit_id')
    .leftJoin('effective_post_template as pt', (j) => j.onRef('pt.wing', '=', 'pu.wing').onRef('pt.level', '=', 'pu.level').onRef('pt.post_key', '=', 'i.post_key'))
    .select([
      'i.id',
      'i.person_id',
      'i.source',
      'i.post_key',
      'i.post_unit_id',
      'p.name',
      'p.name_hi',
      'p.phone',
      'h.path as home_path',
      'pu.name as unit_name',
      'pu.name_hi as unit_name_hi',
      'pu.level as unit_level',
      'pt.name as post_name',
      'pt.name_hi as post_name_hi',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy((eb) => eb.case().when('i.source', '=', 'walk-in').then(1).else(0).end())
    .orderBy('pu.depth', (o) => o.asc().nullsLast())
    .orderBy('pu.path')
    .orderBy('pt.sort')
    .orderBy('i.id');

type TInviteeRow = Awaited<ReturnType<ReturnType<typeof selectInvitees>['execute']>>[number];

export const toInvitee = (actor: TActor, r: TInviteeRow, history: TMeetingInvitee['history'] = []): TMeetingInvitee => {
  const isMasked = !canSeeContact(actor, r.home_path);
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    nameHi: r.name_hi,
    phone: isMasked ? maskPhone(r.phone) : r.phone,
    isContactMasked: isMasked,
    source: r.source,
    post:
      r.post_key !== null && r.post_unit_id !== null && r.unit_name !== null && r.unit_level !== null
        ? {
            key: r.post_key,
            name: r.post_name ?? r.post_key,
            nameHi: r.post_name_hi ?? r.post_key,
            unit: { id: r.post_unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level },
          }
        : null,
    current: history[0] ?? null,
    history,
  };
};

/** Every invitee with their current attendance and its corrections, newest first. */
export const listAttendance = async (ctx: Pick<TCtx, 'actor'> & { db: Kysely<DB> }, meetingId: number, onlyPeople?: readonly number[]) => {
  let invitees = selectInvitees(ctx.db, meetingId);
  let records = ctx.db
    .selectFrom('meeting_attendance as a')
    .leftJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select(['a.invitee_id', 'a.status', 'a.note', 'a.recorded_at', 'u.display_name'])
    .where('a.meeting_id', '=', meetingId);
  if (onlyPeople) {
    invitees = invitees.where('i.person_id', 'in', onlyPeople.length ? [...onlyPeople] : [0]);
    records = records.where('a.invitee_id', 'in', (eb) => eb.selectFrom('meeting_invitee').select('id').where('meeting_id', '=', meetingId).where('person_id', 'in', onlyPeople.length ? [...onlyPeople] : [0]));
  }
  const [inviteeRows, recordRows] = await Promise.all([invitees.execute(), records.orderBy('a.id', 'desc').execute()]);
  const byInvitee = new Map<number, TMeetingInvitee['history']>();
  for (const a of recordRows) {
    const list = byInvitee.get(a.invitee_id) ?? [];
    list.push({ status: a.status, note: a.note, recordedAt: new Date(a.recorded_at).toISOString(), recordedBy: a.display_name });
    byInvitee.set(a.invitee_id, list);
  }
  return inviteeRows.map((r) => toInvitee(ctx.actor, r, byInvitee.get(r.id)));
};

/** Every invitee's attendance, or (after a write) only those of `onlyPeople`, always with the meeting's counts. */
export const getAttendance = async (ctx: TCtx, id: number, onlyPeople?: readonly number[]): Promise<TMeetingAttendance> => {
  const m = await loadVisibleMeeting(ctx, id);
  const [items, counts] = await Promise.all([listAttendance(ctx, id, onlyPeople), countsFor(ctx.db, [id])]);
  return { meetingId: id, items, counts: counts.get(id) ?? EMPTY_COUNTS, canTakeAttendance: meetingActions(ctx.actor, m).canTakeAttendance };
};

/**
 * Records attendance: one new record per entry whose status or note differs from the invitee's
 * current one (a correction never overwrites: the earlier record stays as history). People who
 * were not invited are refused unless flagged as walk-ins; a walk-in may be a new person, created
 * first through the people module (phone/EPIC dedupe, consent; a clash answers 409 with the
 * existing person's id, for the caller to send instead). Answers with the entries' rows and the counts.
 */
export const recordAttendance = async (ctx: TCtx, id: number, body: TMeetingAttendanceBody): Promise<TMeetingAttendance> => {
  // Check the meeting before creating anyone, so a locked meeting leaves no new people behind.
  assertOpen(await loadRunnableMeeting(ctx, id), 'planned-or-held');
  const entries: (TMeetingAttendanceBody['entries'][number] & { personId: number })[] = [];
  for (const e of body.entries) {
    entries.push({ ...e, personId: e.newPerson ? (await createPerson(ctx, e.newPerson)).id : (e.personId as number) });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    assertOpen(await loadRunnableMeeting(tctx, id), 'planned-or-held');
    const invitees = new Map((await trx.selectFrom('meeting_invitee').select(['id', 'person_id']).where('meeting_id', '=', id).execute()).map((i) => [i.person_id, i.id]));
    const latest = new Map(
      (
        await trx
          .selectFrom('meeting_attendance')
          .distinctOn('invitee_id')
          .select(['invitee_id', 'status', 'note'])
          .where('meeting_id', '=', id)
          .where('invitee_id', 'in', [0, ...entries.flatMap((e) => invitees.get(e.personId) ?? [])])
          .orderBy('invitee_id')
          .orderBy('id', 'desc')
          .execute()
      ).map((a) => [a.invitee_id, a]),
    );
    const strangers = entries.filter((e) => !invitees.has(e.personId)).map((e) => e.personId);
    const people = new Map(strangers.length ? (await selectPeople(trx).where('p.id', 'in', strangers).execute()).map((p) => [p.id, p]) : []);
    const seen = new Set<number>();
    const changes: { personId: number; from: string | null; to: string; note: string | null; walkIn?: true }[] = [];
    const rows: Insertable<MeetingAttendanceTable>[] = [];
    for (const [i, e] of entries.entries()) {
      const field = `entries.${i}.personId`;
      if (seen.has(e.personId)) throw invalid('MEETING_DUPLICATE_ENTRY', field, { id: e.personId });
      seen.add(e.personId);
      let inviteeId = invitees.get(e.personId);
      if (inviteeId === undefined) {
        const p = people.get(e.personId);
        if (!p) throw personNotFound(e.personId, field);
        assertRoleAt(ctx.actor, p.home_path, 'viewer', () => personNotFound(e.personId, field));
        if (!e.walkIn) throw invalid('MEETING_NOT_INVITED', field, { name: p.name_hi && ctx.locale === 'hi' ? p.name_hi : (p.name ?? p.name_hi ?? '') });
        if (p.deleted_at) throw invalid('PERSON_DELETED', field);
        const added = await trx
          .insertInto('meeting_invitee')
          .values({ meeting_id: id, person_id: e.personId, source: 'walk-in', added_by: ctx.actor.userId > 0 ? ctx.actor.userId : null })
          .returning('id')
          .executeTakeFirstOrThrow();
        inviteeId = added.id;
      }
      const note = e.note ?? null;
      const current = latest.get(inviteeId);
      if (current && current.status === e.status && current.note === note) continue;
      rows.push({ meeting_id: id, invitee_id: inviteeId, status: e.status, note, recorded_by: ctx.actor.userId > 0 ? ctx.actor.userId : null });
      changes.push({ personId: e.personId, from: current?.status ?? null, to: e.status, note, ...(invitees.has(e.personId) ? {} : { walkIn: true as const }) });
    }
    if (changes.length > 0) {
      // One statement for the whole sheet: a district's 2,000 rows must not be 2,000 round trips.
      await trx.insertInto('meeting_attendance').values(rows).execute();
      await recordAudit(trx, ctx, {
        action: 'meeting.attendance',
        entityType: 'meeting',
        entityId: id,
        before: changes.filter((c) => c.from !== null).map((c) => ({ personId: c.personId, status: c.from })),
        after: changes.map((c) => ({ personId: c.personId, status: c.to, note: c.note, ...(c.walkIn ? { walkIn: true } : {}) })),
      });
      await trx.updateTable('meeting').set({ updated_at: new Date() }).where('id', '=', id).execute();
      await onMeetingChanged(trx, id);
    }
  });
  // Only the rows just written come back (with the counts): a phone tapping one row of 2,000 gets one.
  return getAttendance(ctx, id, entries.map((e) => e.personId));
};
