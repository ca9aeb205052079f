import { MEETING_MAX_INVITEES, type TMeetingInviteeSpec } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt } from '../auth/policy';
import { personNotFound } from '../people/queries';
import { selectCurrentHolders } from '../posts/holders';
import { selectPeople } from '../people/dto';
import { loadRunnableMeeting, loadVisibleMeeting, meetingDto } from './queries';

type TUnitRef = { id: number; path: string; level: string };

/** Rules may only name levels below the meeting's unit and posts some level has: a typo would silently invite nobody. */
const checkSpec = async (db: Kysely<DB>, unit: TUnitRef, spec: TMeetingInviteeSpec, at: string) => {
  const levels = new Map((await db.selectFrom('org_level').select(['key', 'rank']).execute()).map((l) => [l.key, l.rank]));
  const unitRank = levels.get(unit.level) ?? 0;
  const posts = new Set((await db.selectFrom('effective_post_template').select('post_key').distinct().execute()).map((p) => p.post_key));
  spec.rules.forEach((rule, i) => {
    rule.levels.forEach((level, j) => {
      const rank = levels.get(level);
      if (rank === undefined || rank <= unitRank) throw invalid('MEETING_RULE_LEVEL', `${at}rules.${i}.levels.${j}`, { level, unitLevel: unit.level });
    });
    rule.posts.forEach((post, j) => {
      if (!posts.has(post)) throw invalid('MEETING_RULE_POST', `${at}rules.${i}.posts.${j}`, { post });
    });
  });
};

/**
 * Replaces a meeting's invitee rows by what the spec picks today: the unit's own office bearers,
 * then each rule's holders, then individuals. A person is invited once, as the first post found
 * (the highest unit), in one `insert … select` per rule so a district's booths never pass through Node.
 * `at` prefixes error fields ('invitees.' when the spec is part of a larger body).
 */
export const materialiseInvitees = async (ctx: TCtx, trx: Transaction<DB>, meetingId: number, unit: TUnitRef, spec: TMeetingInviteeSpec, at = '') => {
  await checkSpec(trx, unit, spec, at);
  const addedBy = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  await trx.deleteFrom('meeting_invitee').where('meeting_id', '=', meetingId).execute();
  const holderSets = [
    ...(spec.includeSelf ? [selectCurrentHolders(trx, { underPath: unit.path, includeSelf: true }).where('u.id', '=', unit.id)] : []),
    ...spec.rules.map((r) => selectCurrentHolders(trx, { underPath: unit.path, levels: r.levels, posts: r.posts })),
  ];
  for (const holders of holderSets) {
    const picked = trx
      .selectFrom(holders.as('h'))
      .distinctOn('h.person_id')
      .select([
        sql<number>`${meetingId}::bigint`.as('meeting_id'),
        'h.person_id',
        sql<'rule'>`'rule'`.as('source'),
        'h.post_key',
        'h.unit_id as post_unit_id',
        sql<number | null>`${addedBy}::bigint`.as('added_by'),
      ])
      .orderBy('h.person_id')
      .orderBy(sql`length(h.unit_path)`)
      .orderBy('h.tenure_id');
    await trx
      .insertInto('meeting_invitee')
      .columns(['meeting_id', 'person_id', 'source', 'post_key', 'post_unit_id', 'added_by'])
      .expression(picked)
      .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doNothing())
      .execute();
  }
  const ids = [...new Set(spec.personIds)];
  if (ids.length > 0) {
    const people = new Map((await selectPeople(trx).where('p.id', 'in', ids).execute()).map((p) => [p.id, p]));
    ids.forEach((id, i) => {
      const p = people.get(id);
      const field = `${at}personIds.${i}`;
      if (!p) throw personNotFound(id, field);
      assertRoleAt(ctx.actor, p.home_path, 'viewer', () => personNotFound(id, field));
      if (p.deleted_at) throw invalid('PERSON_DELETED', field);
    });
    await trx
      .insertInto('meeting_invitee')
      .values(ids.map((person_id) => ({ meeting_id: meetingId, person_id, source: 'individual' as const, added_by: addedBy })))
      .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doNothing())
      .execute();
  }
  const { n } = await trx
    .selectFrom('meeting_invitee')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  if (Number(n) > MEETING_MAX_INVITEES) throw invalid('MEETING_TOO_MANY_INVITEES', at ? at.slice(0, -1) : 'rules', { count: Number(n), max: MEETING_MAX_INVITEES });
  return Number(n);
};

/**
 * Rebuilds the invitee list of a planned meeting from a new spec (current post holders change
 * between planning and the day). Refused once attendance has been taken: those rows are history.
 */
export const updateInvitees = (ctx: TCtx, id: number, spec: TMeetingInviteeSpec) =>
  ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const m = await loadRunnableMeeting(tctx, id);
    if (m.status !== 'planned') throw new AppError('VALIDATION', 'MEETING_NOT_PLANNED', { params: { status: m.status } });
    const taken = await trx.selectFrom('meeting_attendance').select('id').where('meeting_id', '=', id).limit(1).executeTakeFirst();
    if (taken) throw invalid('MEETING_ATTENDANCE_STARTED', 'invitees');
    const before = await trx.selectFrom('meeting_invitee').select('person_id').where('meeting_id', '=', id).orderBy('person_id').execute();
    const count = await materialiseInvitees(ctx, trx, id, { id: m.unit_id, path: m.unit_path, level: m.unit_level }, spec);
    await trx.updateTable('meeting').set({ invitee_rule: JSON.stringify(spec), updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    const after = await trx.selectFrom('meeting_invitee').select('person_id').where('meeting_id', '=', id).orderBy('person_id').execute();
    await recordAudit(trx, ctx, {
      action: 'meeting.invitees',
      entityType: 'meeting',
      entityId: id,
      before: { rule: m.invitee_rule, personIds: before.map((r) => r.person_id) },
      after: { rule: spec, count, personIds: after.map((r) => r.person_id) },
    });
    return meetingDto(tctx, await loadVisibleMeeting(tctx, id));
  });
