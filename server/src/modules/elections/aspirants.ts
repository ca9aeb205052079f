import { ASPIRANT_STAGES, maskPhone, type TAspirant, type TAspirantCreate, type TAspirantStage } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, roleAt } from '../auth/policy';
import { epicOrThrow, findOrCreatePerson, phoneOrThrow } from '../membership/persons';
import { canSeeContact } from '../people/dto';
import { loadVisiblePerson } from '../people/queries';
import { findUnitRecord } from '../units/queries';
import { assertScopedRole, hasScopedRole } from './policy';
import { loadSeat, seatNotFound, toSeat } from './queries';

export const aspirantNotFound = (id: number) => new AppError('NOT_FOUND', 'ASPIRANT_NOT_FOUND', { params: { id } });
const userOf = (ctx: TCtx) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);
const stageIndex = (s: TAspirantStage) => ASPIRANT_STAGES.indexOf(s);

/** Adds an aspirant to a seat: an existing person, or one given inline (matched by phone/EPIC, else created). */
export const addAspirant = (ctx: TCtx, seatId: number, input: TAspirantCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const { scopePath } = await loadSeat({ db: trx, actor: ctx.actor }, seatId);
    assertScopedRole(ctx.actor, scopePath, 'data-entry', () => seatNotFound(seatId));
    let personId: number;
    if (input.personId !== undefined) {
      const person = await loadVisiblePerson({ ...ctx, db: trx }, input.personId, 'personId');
      if (person.deleted_at) throw invalid('PERSON_DELETED', 'personId');
      personId = person.id;
    } else {
      const p = input.person as NonNullable<TAspirantCreate['person']>;
      const home = await findUnitRecord(trx, p.homeUnitId);
      const homeMissing = () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: p.homeUnitId }, field: 'person.homeUnitId' });
      if (!home || home.deleted_at) throw homeMissing();
      assertRoleAt(ctx.actor, home.path, 'data-entry', homeMissing);
      const found = await findOrCreatePerson(
        ctx,
        trx,
        {
          name: p.name ?? null,
          nameHi: p.nameHi ?? null,
          phone: phoneOrThrow(p.phone, 'person.phone'),
          epic: p.epic ? epicOrThrow(p.epic, 'person.epic') : null,
          consent: p.consent,
          homeUnitId: home.id,
        },
        'person.',
      );
      personId = found.id;
    }
    const taken = await trx
      .selectFrom('aspirant')
      .select('id')
      .where('seat_id', '=', seatId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'ASPIRANT_EXISTS', { field: 'personId', extra: { existingId: taken.id } });
    const { id } = await trx
      .insertInto('aspirant')
      .values({ seat_id: seatId, person_id: personId, statement: input.statement ?? null, created_by: userOf(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('aspirant_stage')
      .values({ aspirant_id: id, from_stage: null, to_stage: 'applied', moved_by: userOf(ctx), moved_by_label: ctx.actor.username })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'aspirant.create',
      entityType: 'aspirant',
      entityId: id,
      after: { seatId, personId, stage: 'applied', statement: input.statement ?? null },
    });
    return loadAspirant(ctx, trx, id);
  });

/**
 * Moves an aspirant along the pipeline. Forward moves may skip stages; a move backwards, out
 * ("not selected") or away from a final candidate needs a reason. One final candidate per seat.
 */
export const moveAspirant = (ctx: TCtx, id: number, input: { to: TAspirantStage; reason?: string }) =>
  ctx.db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('aspirant').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!a) throw aspirantNotFound(id);
    const { scopePath } = await loadSeat({ db: trx, actor: ctx.actor }, a.seat_id).catch(() => {
      throw aspirantNotFound(id);
    });
    assertScopedRole(ctx.actor, scopePath, 'admin', () => aspirantNotFound(id));
    const from = a.stage as TAspirantStage;
    if (from === input.to) throw invalid('ASPIRANT_SAME_STAGE', 'to', { stage: input.to });
    const needsReason =
      input.to === 'not-selected' || from === 'not-selected' || from === 'candidate' || stageIndex(input.to) < stageIndex(from);
    if (needsReason && !input.reason) throw invalid('ASPIRANT_REASON_REQUIRED', 'reason', { from, to: input.to });
    if (input.to === 'candidate') {
      // Lock the seat row: two simultaneous nominations for one seat queue here, and the second then
      // sees the first (the partial unique index is the last line of defence).
      await sql`select id from seat where id = ${a.seat_id} for update`.execute(trx);
      const other = await sql<{ id: number; name: string | null; name_hi: string | null }>`
        select a.id, p.name, p.name_hi from aspirant a join person p on p.id = a.person_id
        where a.seat_id = ${a.seat_id} and a.stage = 'candidate' and a.id <> ${id}`.execute(trx);
      const holder = other.rows[0];
      if (holder)
        throw new AppError('VALIDATION', 'SEAT_HAS_CANDIDATE', {
          field: 'to',
          params: { name: holder.name ?? holder.name_hi ?? String(holder.id) },
        });
    }
    await trx.updateTable('aspirant').set({ stage: input.to, updated_at: sql`now()` }).where('id', '=', id).execute();
    await trx
      .insertInto('aspirant_stage')
      .values({
        aspirant_id: id,
        from_stage: from,
        to_stage: input.to,
        reason: input.reason ?? null,
        moved_by: userOf(ctx),
        moved_by_label: ctx.actor.username,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'aspirant.move',
      entityType: 'aspirant',
      entityId: id,
      before: { stage: from },
      after: { stage: input.to, reason: input.reason ?? null },
    });
    return loadAspirant(ctx, trx, id);
  });

type TAspirantBase = {
  id: number;
  seat_id: number;
  stage: TAspirantStage;
  statement: string | null;
  channel: 'office' | 'public';
  created_at: Date;
  person_id: number;
  name: string | null;
  name_hi: string | null;
  phone: string;
  home_path: string;
};

/** Aspirants with their party record (posts, members enrolled), stage history and mean screening scores. */
const describe = async (
  ctx: TCtx,
  db: Transaction<DB> | TCtx['db'],
  rows: TAspirantBase[],
  scopePath: string | null,
): Promise<TAspirant[]> => {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const [history, posts, enrolled, scores, trained, completed, programmes, documents] = await Promise.all([
    db.selectFrom('aspirant_stage').selectAll().where('aspirant_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('tenure as t')
      .innerJoin('unit as u', 'u.id', 't.unit_id')
      .leftJoin('post_template as pt', (j) => j.onRef('pt.level', '=', 'u.level').onRef('pt.post_key', '=', 't.post_key'))
      .select(['t.person_id', 'u.name', 'u.name_hi', 'u.path', 't.post_key', 'pt.name as post_name', 't.start_date', 't.end_date'])
      .where('t.person_id', 'in', personIds)
      // In-charge tenures of programme events and clusters show under programmes, not as posts.
      .where('t.programme_instance_id', 'is', null)
      .where('t.programme_cluster_id', 'is', null)
      .orderBy(sql`t.end_date is null`, 'desc')
      .orderBy('t.start_date', 'desc')
      .execute(),
    sql<{ person_id: number; n: number }>`select enrolled_by_person as person_id, count(*)::int as n from membership
      where enrolled_by_person in (${sql.join(personIds)}) and status <> 'rejected' group by enrolled_by_person`.execute(db),
    db
      .selectFrom('screening_score')
      .select(['aspirant_id', 'criterion_id', sql<number>`avg(score)::float8`.as('mean'), sql<number>`count(*)::int`.as('n')])
      .where('aspirant_id', 'in', ids)
      .groupBy(['aspirant_id', 'criterion_id'])
      .execute(),
    sql<{ person_id: number; n: number }>`select person_id, count(*)::int as n from training_invitation
      where person_id in (${sql.join(personIds)}) and attendance = 'present' group by person_id`.execute(db),
    // Completed = present at as many (not cancelled) sessions as the course requires, as training counts it.
    sql<{ person_id: number; course_id: number; name: string; name_hi: string | null; sessions: number }>`
      select i.person_id, c.id as course_id, c.name, c.name_hi, count(*)::int as sessions
      from training_invitation i
      join training_session s on s.id = i.session_id and s.cancelled_at is null
      join training_course c on c.id = s.course_id
      where i.person_id in (${sql.join(personIds)}) and i.attendance = 'present'
      group by i.person_id, c.id, c.name, c.name_hi, c.required_sessions
      having count(*) >= c.required_sessions
      order by c.name`.execute(db),
    // Programme events: in charge (a tenure pointing at the instance) or on its team.
    sql<{
      person_id: number;
      role: 'in-charge' | 'team';
      instance_id: number;
      name: string;
      name_hi: string;
      status: string;
      held_on: string | null;
      path: string;
    }>`
      select x.person_id, x.role, pi.id as instance_id, p.name, p.name_hi, pi.status, pi.held_on::text as held_on, su.path
      from (
        select person_id, programme_instance_id as instance_id, 'in-charge' as role from tenure
        where person_id in (${sql.join(personIds)}) and programme_instance_id is not null
        union
        select person_id, instance_id, 'team' as role from programme_team_member where person_id in (${sql.join(personIds)})
      ) x
      join programme_instance pi on pi.id = x.instance_id
      join programme p on p.id = pi.programme_id
      join unit su on su.id = pi.scope_unit_id
      order by coalesce(pi.held_on, pi.planned_date) desc nulls last, pi.id desc`.execute(db),
    sql<{ aspirant_id: number; n: number }>`select aspirant_id, count(*)::int as n from aspirant_document
      where aspirant_id in (${sql.join(ids)}) and removed_at is null group by aspirant_id`.execute(db),
  ]);
  const canMove = hasScopedRole(ctx.actor, scopePath, 'admin');
  const canScore = hasScopedRole(ctx.actor, scopePath, 'office-bearer');
  return rows.map((r) => {
    const own = scores
      .filter((s) => s.aspirant_id === r.id)
      .map((s) => ({ criterionId: s.criterion_id, mean: Math.round(Number(s.mean) * 100) / 100, screeners: Number(s.n) }));
    const showContact = canSeeContact(ctx.actor, r.home_path);
    return {
      id: r.id,
      seatId: r.seat_id,
      stage: r.stage,
      statement: r.statement,
      person: {
        id: r.person_id,
        name: r.name,
        nameHi: r.name_hi,
        phone: showContact ? r.phone : maskPhone(r.phone),
        isContactMasked: !showContact,
      },
      posts: posts
        .filter((p) => p.person_id === r.person_id && roleAt(ctx.actor, p.path) !== null)
        .map((p) => ({
          unitName: p.name,
          unitNameHi: p.name_hi,
          post: p.post_name ?? p.post_key,
          startDate: p.start_date,
          endDate: p.end_date,
        })),
      membersEnrolled: Number(enrolled.rows.find((e) => Number(e.person_id) === r.person_id)?.n ?? 0),
      trainingsAttended: Number(trained.rows.find((e) => Number(e.person_id) === r.person_id)?.n ?? 0),
      trainingsCompleted: completed.rows
        .filter((c) => Number(c.person_id) === r.person_id)
        .map((c) => ({ courseId: Number(c.course_id), name: c.name, nameHi: c.name_hi, sessions: Number(c.sessions) })),
      // Events the reader's jurisdiction does not reach are left out, as posts are.
      ...(() => {
        const own = programmes.rows.filter((p) => Number(p.person_id) === r.person_id && roleAt(ctx.actor, p.path) !== null);
        return {
          programmeCount: own.length,
          programmes: own.slice(0, 20).map((p) => ({
            instanceId: Number(p.instance_id),
            programme: p.name,
            programmeHi: p.name_hi,
            role: p.role,
            status: p.status,
            heldOn: p.held_on,
          })),
        };
      })(),
      channel: r.channel,
      documentCount: Number(documents.rows.find((d) => Number(d.aspirant_id) === r.id)?.n ?? 0),
      history: history
        .filter((h) => h.aspirant_id === r.id)
        .map((h) => ({
          id: h.id,
          from: h.from_stage as TAspirantStage | null,
          to: h.to_stage as TAspirantStage,
          reason: h.reason,
          by: h.moved_by_label,
          at: h.moved_at.toISOString(),
        })),
      scores: own,
      totalScore: own.length ? Math.round(own.reduce((n, s) => n + s.mean, 0) * 100) / 100 : null,
      createdAt: r.created_at.toISOString(),
      actions: { canMove, canScore },
    };
  });
};

const selectAspirants = (db: Transaction<DB> | TCtx['db']) =>
  db
    .selectFrom('aspirant as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('unit as h', 'h.id', 'p.home_unit_id')
    .select([
      'a.id',
      'a.seat_id',
      'a.stage',
      'a.statement',
      'a.channel',
      'a.created_at',
      'a.person_id',
      'p.name',
      'p.name_hi',
      'p.phone',
      'h.path as home_path',
    ]);

export const loadAspirant = async (ctx: TCtx, db: Transaction<DB>, id: number) => {
  const row = await selectAspirants(db).where('a.id', '=', id).executeTakeFirstOrThrow();
  const { scopePath } = await loadSeat({ db, actor: ctx.actor }, row.seat_id);
  const [a] = await describe(ctx, db, [row], scopePath);
  return a as TAspirant;
};

/** A seat's aspirants for the comparison view: pipeline order, then total score. */
export const listSeatAspirants = async (ctx: TCtx, seatId: number) => {
  const { seat, election, scopePath } = await loadSeat(ctx, seatId);
  const [rows, criteria] = await Promise.all([
    selectAspirants(ctx.db).where('a.seat_id', '=', seatId).orderBy('a.id').execute(),
    ctx.db.selectFrom('screening_criterion').selectAll().where('election_id', '=', election.id).orderBy('sort').orderBy('id').execute(),
  ]);
  const items = await describe(ctx, ctx.db, rows, scopePath);
  const order = (st: TAspirantStage) => (st === 'not-selected' ? -1 : stageIndex(st));
  items.sort((a, b) => order(b.stage) - order(a.stage) || (b.totalScore ?? -1) - (a.totalScore ?? -1) || a.id - b.id);
  return {
    seat: toSeat(seat),
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, nameHi: c.name_hi, maxScore: c.max_score, sort: c.sort })),
    items,
    canAdd: hasScopedRole(ctx.actor, scopePath, 'data-entry'),
  };
};
