import type { TReplacement, TReplacementCreate } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { recordAudit } from '../audit/record';
import { assertRoleAt, hasRoleAt, inJurisdiction, isNationalAdmin } from '../auth/policy';
import { notifyPeople, notifyUsers } from '../notifications/notify';
import { writeOutbox } from '../notify/outbox';
import { loadVisiblePerson } from '../people/queries';
import { appointIn, endIn } from '../posts/operations';
import { unitNotFound } from '../units/queries';
import { indiaToday } from './facts';

const notFound = (id: number) => new AppError('NOT_FOUND', 'REPLACEMENT_NOT_FOUND', { params: { id } });
const tenureNotFound = (id: number, field: string) => new AppError('NOT_FOUND', 'TENURE_NOT_FOUND', { params: { id }, field });
const personName = (p: { name: string | null; name_hi: string | null }) => p.name ?? p.name_hi ?? '';

type TItemRow = {
  tenure_id: number;
  unit_id: number;
  unit_path: string;
  post_key: string;
  person_id: number;
  name: string | null;
  name_hi: string | null;
  phone: string;
  successor_person_id: number | null;
  s_name: string | null;
  s_name_hi: string | null;
  s_phone: string | null;
  new_tenure_id: number | null;
};

const loadItems = (db: Kysely<DB>, replacementId: number) =>
  sql<TItemRow>`
    select i.tenure_id, t.unit_id, u.path as unit_path, t.post_key, t.person_id, p.name, p.name_hi, p.phone,
      i.successor_person_id, s.name as s_name, s.name_hi as s_name_hi, s.phone as s_phone, i.new_tenure_id
    from replacement_item i join tenure t on t.id = i.tenure_id join unit u on u.id = t.unit_id join person p on p.id = t.person_id
    left join person s on s.id = i.successor_person_id
    where i.replacement_id = ${replacementId} order by i.id`
    .execute(db)
    .then((r) => r.rows);

type THead = {
  id: number;
  unit_id: number;
  path: string;
  parent_path: string | null;
  status: 'proposed' | 'approved' | 'rejected';
  note: string | null;
  proposed_by: number;
  proposer: string;
  reviewed_by: number | null;
  reviewer: string | null;
  reviewed_at: Date | null;
  reject_reason: string | null;
  created_at: Date;
};

const selectHead = (db: Kysely<DB>, where: ReturnType<typeof sql>, lock = false, limit = 1) =>
  sql<THead>`
    select r.id, r.unit_id, u.path, pu.path as parent_path, r.status, r.note, r.proposed_by, pb.display_name as proposer,
      r.reviewed_by, rb.display_name as reviewer, r.reviewed_at, r.reject_reason, r.created_at
    from replacement r join unit u on u.id = r.unit_id left join unit pu on pu.id = u.parent_id
    join app_user pb on pb.id = r.proposed_by left join app_user rb on rb.id = r.reviewed_by
    where ${where} order by r.id desc limit ${limit} ${lock ? sql`for update of r` : sql``}`.execute(db);

/** Whether the actor may review: an admin of a unit above the proposal's unit, and not its proposer. */
const canReview = (ctx: TCtx, h: THead) =>
  h.status === 'proposed' &&
  h.proposed_by !== ctx.actor.userId &&
  (h.parent_path === null ? isNationalAdmin(ctx.actor) : hasRoleAt(ctx.actor, h.parent_path, 'admin'));

const toDto = (ctx: TCtx, h: THead, items: TItemRow[]): TReplacement => ({
  id: Number(h.id),
  unitId: Number(h.unit_id),
  status: h.status,
  note: h.note,
  proposedBy: { id: Number(h.proposed_by), name: h.proposer },
  reviewedBy: h.reviewed_by === null ? null : { id: Number(h.reviewed_by), name: h.reviewer ?? '' },
  reviewedAt: h.reviewed_at === null ? null : new Date(h.reviewed_at).toISOString(),
  rejectReason: h.reject_reason,
  createdAt: new Date(h.created_at).toISOString(),
  items: items.map((i) => ({
    tenureId: Number(i.tenure_id),
    unitId: Number(i.unit_id),
    post: i.post_key,
    holder: { id: Number(i.person_id), name: i.name, nameHi: i.name_hi },
    successor: i.successor_person_id === null ? null : { id: Number(i.successor_person_id), name: i.s_name, nameHi: i.s_name_hi },
    newTenureId: i.new_tenure_id === null ? null : Number(i.new_tenure_id),
  })),
  canReview: canReview(ctx, h),
});

const unitLink = (unitId: number) => `/units/${unitId}?tab=health`;
const both = (key: TMessageKey, params: (locale: 'en' | 'hi') => TParams) => ({
  en: t('en', key, params('en')),
  hi: t('hi', key, params('hi')),
});
const STATUS_WORD = { approved: { en: 'approved', hi: 'स्वीकृत' }, rejected: { en: 'rejected', hi: 'अस्वीकृत' } } as const;

/**
 * In-app notices of a new proposal to whoever may review it: the enabled logins with an admin role
 * on a unit above the proposal's unit, and national admins (the proposer excluded), in the
 * proposal's transaction.
 */
const noticeProposed = async (ctx: TCtx, trx: Transaction<DB>, id: number, unitId: number, path: string) => {
  const above = path.split('/').filter(Boolean).map(Number).slice(0, -1);
  const unit = await trx.selectFrom('unit').select(['name', 'name_hi']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const { rows } = await sql<{ user_id: number }>`
    select distinct g.user_id from role_grant g join app_user a on a.id = g.user_id
    where a.disabled_at is null and g.user_id <> ${ctx.actor.userId}
      and (g.role = 'national-admin' or (g.role = 'admin' and g.unit_id = any(${above}::bigint[])))
    order by g.user_id limit 500`.execute(trx);
  await notifyUsers(
    trx,
    rows.map((r) => ({
      userId: Number(r.user_id),
      kind: 'replacement-proposed' as const,
      title: both('REPLACEMENT_NOTICE_PROPOSED', (l) => ({ id, unit: l === 'hi' ? (unit.name_hi ?? unit.name) : unit.name })),
      link: unitLink(unitId),
    })),
  );
};

/**
 * In-app notices of a decision: to the proposer and the reviewer (approved or rejected); on approval
 * also to each office bearer whose tenure ended and each successor, through their linked logins.
 */
const noticeDecided = async (ctx: TCtx, trx: Transaction<DB>, head: THead, status: 'approved' | 'rejected') => {
  const id = Number(head.id);
  const done = both('REPLACEMENT_NOTICE_DONE', (l) => ({ id, status: STATUS_WORD[status][l] }));
  const kind = status === 'approved' ? ('replacement-approved' as const) : ('replacement-rejected' as const);
  const users = [...new Set([Number(head.proposed_by), ...(ctx.actor.userId > 0 ? [ctx.actor.userId] : [])])];
  await notifyUsers(
    trx,
    users.map((userId) => ({ userId, kind, title: done, link: unitLink(Number(head.unit_id)) })),
  );
  if (status !== 'approved') return;
  const { rows } = await sql<{
    person_id: number;
    successor_person_id: number | null;
    unit_id: number;
    u_name: string;
    u_name_hi: string | null;
    p_name: string | null;
    p_name_hi: string | null;
  }>`
    select t.person_id, i.successor_person_id, t.unit_id, u.name as u_name, u.name_hi as u_name_hi, pt.name as p_name, pt.name_hi as p_name_hi
    from replacement_item i join tenure t on t.id = i.tenure_id join unit u on u.id = t.unit_id
    left join effective_post_template pt on pt.wing = u.wing and pt.level = u.level and pt.post_key = t.post_key
    where i.replacement_id = ${id} order by i.id`.execute(trx);
  const names = (r: (typeof rows)[number], l: 'en' | 'hi') => ({
    id,
    unit: l === 'hi' ? (r.u_name_hi ?? r.u_name) : r.u_name,
    post: (l === 'hi' ? r.p_name_hi : r.p_name) ?? '',
  });
  await notifyPeople(
    trx,
    rows.flatMap((r) => [
      {
        personId: Number(r.person_id),
        kind,
        title: both('REPLACEMENT_NOTICE_ENDED', (l) => names(r, l)),
        link: unitLink(Number(r.unit_id)),
      },
      ...(r.successor_person_id === null
        ? []
        : [
            {
              personId: Number(r.successor_person_id),
              kind,
              title: both('REPLACEMENT_NOTICE_APPOINTED', (l) => names(r, l)),
              link: unitLink(Number(r.unit_id)),
            },
          ]),
    ]),
  );
};

/** A successor may not already hold a current post in the unit they would join. */
const checkSuccessor = async (trx: Transaction<DB>, unitId: number, personId: number, field: string) => {
  const held = await sql<{ post_key: string; name: string | null; name_hi: string | null }>`
    select t.post_key, p.name, p.name_hi from tenure t join person p on p.id = t.person_id
    where t.unit_id = ${unitId} and t.person_id = ${personId} and t.end_date is null limit 1`.execute(trx);
  const h = held.rows[0];
  if (h) throw invalid('REPLACEMENT_SUCCESSOR_HOLDS', field, { name: personName(h), post: h.post_key });
};

/**
 * Proposes replacing inactive office bearers of a unit's subtree: each tenure with a successor or
 * left vacant. Admins of the unit only; nothing is ended until an admin above approves.
 */
export const proposeReplacement = (ctx: TCtx, input: TReplacementCreate): Promise<TReplacement> =>
  ctx.db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('unit').select(['id', 'path', 'deleted_at']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.unitId }, field: 'unitId' });
    assertRoleAt(
      ctx.actor,
      unit.path,
      'admin',
      () => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id: input.unitId }, field: 'unitId' }),
    );
    if (unit.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    const seen = new Set<number>();
    const successors = new Set<string>();
    for (const [i, item] of input.items.entries()) {
      const field = `items.${i}.tenureId`;
      if (seen.has(item.tenureId)) throw invalid('REPLACEMENT_DUPLICATE', field, { id: item.tenureId });
      seen.add(item.tenureId);
      const row = await sql<{ unit_id: number; path: string; person_id: number; end_date: string | null }>`
        select t.unit_id, u.path, t.person_id, t.end_date from tenure t join unit u on u.id = t.unit_id where t.id = ${item.tenureId} for update of t`.execute(
        trx,
      );
      const tr = row.rows[0];
      if (!tr) throw tenureNotFound(item.tenureId, field);
      assertRoleAt(ctx.actor, tr.path, 'admin', () => tenureNotFound(item.tenureId, field));
      if (!tr.path.startsWith(unit.path)) throw invalid('REPLACEMENT_OUTSIDE_UNIT', field, { id: item.tenureId });
      if (tr.end_date !== null) throw invalid('REPLACEMENT_TENURE_ENDED', field, { id: item.tenureId });
      const pending = await sql<{ id: number }>`
        select r.id from replacement_item i join replacement r on r.id = i.replacement_id
        where i.tenure_id = ${item.tenureId} and r.status = 'proposed' limit 1`.execute(trx);
      if (pending.rows[0])
        throw new AppError('CONFLICT', 'REPLACEMENT_PENDING', {
          field,
          params: { id: item.tenureId, proposal: Number(pending.rows[0].id) },
        });
      if (item.successorPersonId === null) continue;
      const sField = `items.${i}.successorPersonId`;
      const person = await loadVisiblePerson({ ...ctx, db: trx }, item.successorPersonId, sField);
      if (person.deleted_at) throw invalid('PERSON_DELETED', sField);
      if (Number(tr.person_id) === item.successorPersonId) throw invalid('REPLACEMENT_SUCCESSOR_SELF', sField, { id: item.tenureId });
      const key = `${tr.unit_id}:${item.successorPersonId}`;
      if (successors.has(key)) throw invalid('REPLACEMENT_SUCCESSOR_TWICE', sField);
      successors.add(key);
      await checkSuccessor(trx, Number(tr.unit_id), item.successorPersonId, sField);
    }
    const { id } = await trx
      .insertInto('replacement')
      .values({ unit_id: unit.id, note: input.note ?? null, proposed_by: ctx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('replacement_item')
      .values(input.items.map((i) => ({ replacement_id: id, tenure_id: i.tenureId, successor_person_id: i.successorPersonId })))
      .execute();
    await recordAudit(trx, ctx, { action: 'replacement.propose', entityType: 'replacement', entityId: id, after: input });
    await noticeProposed(ctx, trx, Number(id), Number(unit.id), unit.path);
    return loadReplacementIn(ctx, trx, Number(id));
  });

const loadReplacementIn = async (ctx: TCtx, db: Kysely<DB>, id: number, lock = false) => {
  const head = (await selectHead(db, sql`r.id = ${id}`, lock)).rows[0];
  if (!head) throw notFound(id);
  assertRoleAt(ctx.actor, head.path, 'viewer', () => notFound(id));
  return toDto(ctx, head, await loadItems(db, id));
};

export const getReplacement = (ctx: TCtx, id: number) => loadReplacementIn(ctx, ctx.db, id);

/** Proposals in the actor's jurisdiction under a unit, newest first. */
export const listReplacements = async (ctx: TCtx, q: { underUnitId: number; status?: string; limit: number; cursor?: string }) => {
  const unit = await ctx.db.selectFrom('unit').select(['path']).where('id', '=', q.underUnitId).executeTakeFirst();
  if (!unit) throw unitNotFound(q.underUnitId);
  assertRoleAt(ctx.actor, unit.path, 'viewer', () => unitNotFound(q.underUnitId));
  const before = q.cursor ? Number(q.cursor) : Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(before)) throw invalid('CURSOR_INVALID', 'cursor');
  const heads = (
    await selectHead(
      ctx.db,
      sql`u.path >= ${unit.path} and u.path < ${`${unit.path}~`} and ${inJurisdiction(ctx.actor, 'u.path')} and r.id < ${before}
        ${q.status ? sql`and r.status = ${q.status}` : sql``}`,
      false,
      q.limit + 1,
    )
  ).rows;
  const page = heads.slice(0, q.limit);
  const items = await Promise.all(page.map(async (h) => toDto(ctx, h, await loadItems(ctx.db, Number(h.id)))));
  return { items, nextCursor: heads.length > q.limit ? String(page.at(-1)?.id) : null };
};

/** Checks a reviewer: 404 outside jurisdiction, 409 once reviewed, 403 for the proposer or anyone not an admin above. */
const loadForReview = async (ctx: TCtx, trx: Transaction<DB>, id: number) => {
  const head = (await selectHead(trx, sql`r.id = ${id}`, true)).rows[0];
  if (!head) throw notFound(id);
  assertRoleAt(ctx.actor, head.path, 'viewer', () => notFound(id));
  if (head.status !== 'proposed') throw new AppError('CONFLICT', 'REPLACEMENT_REVIEWED', { params: { status: head.status } });
  if (head.proposed_by === ctx.actor.userId) throw new AppError('FORBIDDEN', 'REPLACEMENT_OWN');
  if (!canReview(ctx, head)) {
    const u = await trx.selectFrom('unit').select(['name']).where('id', '=', head.unit_id).executeTakeFirstOrThrow();
    throw new AppError('FORBIDDEN', 'REPLACEMENT_NOT_HIGHER', { params: { unit: u.name } });
  }
  return head;
};

/**
 * Approves a proposal: in one transaction every tenure ends with reason "inactive" and each
 * successor's tenure starts (the posts module's own checks apply), both are told by SMS, all audited.
 */
export const approveReplacement = (ctx: TCtx, id: number): Promise<TReplacement> =>
  ctx.db.transaction().execute(async (trx) => {
    const head = await loadForReview(ctx, trx, id);
    const today = indiaToday();
    const items = await loadItems(trx, id);
    for (const [i, item] of items.entries()) {
      const ended = await endIn(ctx, trx, Number(item.tenure_id), today, 'inactive');
      await writeOutbox(trx, {
        toPhone: item.phone,
        body: `${t('hi', 'REPLACEMENT_NOTICE_DONE', { id, status: 'स्वीकृत' })} / ${t('en', 'REPLACEMENT_NOTICE_DONE', { id, status: 'approved' })}`,
        purpose: 'replacement',
        unitId: Number(item.unit_id),
        provider: 'outbox',
        status: 'held',
      });
      if (item.successor_person_id === null) continue;
      await checkSuccessor(trx, Number(item.unit_id), Number(item.successor_person_id), `items.${i}.successorPersonId`);
      const started = await appointIn(ctx, trx, {
        unitId: ended.unitId,
        post: ended.post,
        personId: Number(item.successor_person_id),
        startDate: today,
      });
      await sql`update replacement_item set new_tenure_id = ${started.id} where replacement_id = ${id} and tenure_id = ${item.tenure_id}`.execute(
        trx,
      );
      if (item.s_phone) {
        await writeOutbox(trx, {
          toPhone: item.s_phone,
          body: `${t('hi', 'REPLACEMENT_NOTICE_DONE', { id, status: 'स्वीकृत' })} / ${t('en', 'REPLACEMENT_NOTICE_DONE', { id, status: 'approved' })}`,
          purpose: 'replacement',
          unitId: Number(item.unit_id),
          provider: 'outbox',
          status: 'held',
        });
      }
    }
    await sql`update replacement set status = 'approved', reviewed_by = ${ctx.actor.userId > 0 ? ctx.actor.userId : null}, reviewed_at = now() where id = ${id}`.execute(
      trx,
    );
    await recordAudit(trx, ctx, {
      action: 'replacement.approve',
      entityType: 'replacement',
      entityId: id,
      before: { status: head.status },
      after: { status: 'approved' },
    });
    await noticeDecided(ctx, trx, head, 'approved');
    return loadReplacementIn(ctx, trx, id);
  });

/** Rejects a proposal with a reason; the proposal stays, tenures are untouched. */
export const rejectReplacement = (ctx: TCtx, id: number, reason: string): Promise<TReplacement> =>
  ctx.db.transaction().execute(async (trx) => {
    const head = await loadForReview(ctx, trx, id);
    await sql`update replacement set status = 'rejected', reject_reason = ${reason}, reviewed_by = ${ctx.actor.userId > 0 ? ctx.actor.userId : null}, reviewed_at = now() where id = ${id}`.execute(
      trx,
    );
    await recordAudit(trx, ctx, {
      action: 'replacement.reject',
      entityType: 'replacement',
      entityId: id,
      before: { status: head.status },
      after: { status: 'rejected', reason },
    });
    await noticeDecided(ctx, trx, head, 'rejected');
    return loadReplacementIn(ctx, trx, id);
  });
