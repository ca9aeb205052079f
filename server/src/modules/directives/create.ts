import type { TDirective, TDirectiveCreate, TDirectiveJob } from '@samiti/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import type { TJobs } from '../../jobs';
import { recordAudit } from '../audit/record';
import { assertRoleAt, pathRangeEnd } from '../auth/policy';
import { ASSIGNMENT_SMS_QUEUE, notifyNewAssignments } from '../notifications/notify';
import { loadVisiblePerson } from '../people/queries';
import { selectUnitsWithHolder } from '../posts/holders';
import { unitNotFound } from '../units/queries';
import { todayInIndia } from './access';
import { selectDirectives, toDirective } from './dto';
import { onAssignmentsCreated } from '../org-health/aggregates';
import { buildCounters } from './rollup';

export const CASCADE_QUEUE = 'directive-cascade';
/** Cascades up to this many units are built inside the request; larger ones by a job. */
export const INLINE_CASCADE_LIMIT = 5000;

type TUnitRow = { id: number; path: string; level: string; deleted_at: Date | null };
type TSingle = { unitId: number; post: string | null; personId: number | null; isVacant: boolean };
type TPlan =
  | { kind: 'single'; target: Omit<TDirectiveInsert, 'unit_id' | 'text' | 'due_date' | 'meeting_id' | 'created_by'>; one: TSingle }
  | { kind: 'cascade'; level: string; post: string; total: number };
type TDirectiveInsert = {
  unit_id: number;
  meeting_id: number | null;
  text: string;
  due_date: string;
  target_kind: 'unit' | 'post' | 'person' | 'cascade';
  target_unit_id: number | null;
  target_level: string | null;
  target_post: string | null;
  target_person_id: number | null;
  created_by: number | null;
};

const loadUnit = async (db: Kysely<DB>, id: number, field: string): Promise<TUnitRow> => {
  const u = await db.selectFrom('unit').select(['id', 'path', 'level', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (!u) throw new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field });
  return u;
};

const assertPost = async (db: Kysely<DB>, level: string, post: string) => {
  // Any wing's template for the level: a cascade reaches the level's units of every wing.
  const t = await db.selectFrom('effective_post_template').select('post_key').where('level', '=', level).where('post_key', '=', post).executeTakeFirst();
  if (!t) throw invalid('DIRECTIVE_UNKNOWN_POST', 'target', { level, post });
};

/** A unit named by the target: live and at or under the issuer. */
const targetUnit = async (db: Kysely<DB>, issuer: TUnitRow, id: number, field: string) => {
  const u = await loadUnit(db, id, field);
  if (!u.path.startsWith(issuer.path)) throw invalid('TARGET_OUTSIDE_ISSUER', field, { id });
  if (u.deleted_at) throw invalid('UNIT_DELETED', field);
  return u;
};

/** Checks the target and decides who is addressed, without writing anything. */
const planTarget = async (ctx: TCtx, db: Kysely<DB>, issuer: TUnitRow, target: TDirectiveCreate['target'], limit: number): Promise<TPlan> => {
  const none = { target_unit_id: null, target_level: null, target_post: null, target_person_id: null };
  if ('unitId' in target) {
    const u = await targetUnit(db, issuer, target.unitId, 'target.unitId');
    return { kind: 'single', target: { ...none, target_kind: 'unit', target_unit_id: u.id }, one: { unitId: u.id, post: null, personId: null, isVacant: false } };
  }
  if ('postOf' in target) {
    const u = await targetUnit(db, issuer, target.postOf.unitId, 'target.postOf.unitId');
    await assertPost(db, u.level, target.postOf.post);
    const h = await selectUnitsWithHolder(db, { underPath: '', level: u.level, post: target.postOf.post }).where('u.id', '=', u.id).executeTakeFirst();
    const personId = h?.person_id ?? null;
    return {
      kind: 'single',
      target: { ...none, target_kind: 'post', target_unit_id: u.id, target_post: target.postOf.post },
      one: { unitId: u.id, post: target.postOf.post, personId, isVacant: personId === null },
    };
  }
  if ('personId' in target) {
    const p = await loadVisiblePerson({ ...ctx, db }, target.personId, 'target.personId');
    if (p.deleted_at || p.merged_into !== null) throw invalid('PERSON_DELETED', 'target.personId');
    // The assignment counts where the person lives when that is under the issuer, else at the issuer.
    const unitId = p.home_path.startsWith(issuer.path) ? p.home_unit_id : issuer.id;
    return { kind: 'single', target: { ...none, target_kind: 'person', target_person_id: p.id }, one: { unitId, post: null, personId: p.id, isVacant: false } };
  }
  const { level, post } = target.cascade;
  const levels = await db.selectFrom('org_level').select(['key', 'rank']).where('key', 'in', [level, issuer.level]).execute();
  const to = levels.find((l) => l.key === level);
  const from = levels.find((l) => l.key === issuer.level);
  if (!to) throw invalid('CASCADE_UNKNOWN_LEVEL', 'target.cascade.level', { level });
  if (!from || to.rank <= from.rank) throw invalid('CASCADE_LEVEL_NOT_BELOW', 'target.cascade.level', { level, issuerLevel: issuer.level });
  await assertPost(db, level, post);
  // Up to the inline limit, count by walking down from the issuer (stops early); above it, the
  // exact total for the job's progress comes from the path range.
  const walked = await sql<{ n: number }>`select count(*)::int as n from (${walkUnits(issuer.id, level)} limit ${limit + 1}) as w`.execute(db);
  let total = Number(walked.rows[0]?.n ?? 0);
  if (total > limit) {
    const { n } = await db
      .selectFrom('unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where('level', '=', level)
      .where('path', '>', issuer.path)
      .where('path', '<', pathRangeEnd(issuer.path))
      .executeTakeFirstOrThrow();
    total = Number(n);
  }
  if (total === 0) throw invalid('CASCADE_EMPTY', 'target.cascade.level', { level });
  return { kind: 'cascade', level, post, total };
};

/**
 * Ids of the live units of `level` under the issuer, found by walking down the children index and
 * stopping at that level. For a level near the top (national → 4,120 assembly units) this reads a
 * few thousand rows where the path range with a level filter reads the whole tree (14 vs 300 ms).
 */
const walkUnits = (issuerId: number, level: string) => sql<{ id: number }>`
  with recursive walk as (
    select u.id, u.level from unit u where u.parent_id = ${issuerId} and u.deleted_at is null
    union all
    select c.id, c.level from walk w
    join org_level l on l.key = w.level
    join unit c on c.parent_id = w.id and c.deleted_at is null
    where l.rank < (select rank from org_level where key = ${level})
  )
  select id from walk where level = ${level}`;

/** Inserts a cascade's assignments in batches of units (for progress), then its counters. */
export const fillCascade = async (
  trx: Transaction<DB>,
  d: { id: number; issuerId: number; issuerPath: string; level: string; post: string; isWalk?: boolean },
  onProgress?: (created: number) => void,
) => {
  const batch = 20_000;
  let lastUnit = 0;
  let created = 0;
  for (;;) {
    let units = selectUnitsWithHolder(trx, { underPath: d.issuerPath, level: d.level, post: d.post }).where('u.id', '>', lastUnit);
    if (d.isWalk) units = units.where(sql<boolean>`u.id in (${walkUnits(d.issuerId, d.level)})`);
    units = units.orderBy('u.id').limit(batch);
    const rows = await trx
      .insertInto('assignment')
      .columns(['directive_id', 'unit_id', 'post_key', 'person_id', 'is_vacant'])
      .expression(
        trx
          .selectFrom(units.as('x'))
          .select([sql<number>`${d.id}::bigint`.as('directive_id'), 'x.unit_id', sql<string>`${d.post}`.as('post_key'), 'x.person_id', sql<boolean>`x.person_id is null`.as('is_vacant')]),
      )
      .returning('unit_id')
      .execute();
    if (rows.length === 0) break;
    created += rows.length;
    lastUnit = Math.max(...rows.map((r) => r.unit_id));
    onProgress?.(created);
    if (rows.length < batch) break;
  }
  await buildCounters(trx, { subject: 'directive', subjectId: d.id, issuerId: d.issuerId, issuerPath: d.issuerPath }, sql`select unit_id, is_vacant from assignment where directive_id = ${d.id}`);
  await trx.updateTable('directive').set({ status: 'ready', total: created, error: null }).where('id', '=', d.id).execute();
  await notifyNewAssignments(trx, d.id);
  await onAssignmentsCreated(trx, d.id);
  return created;
};

export type TCreateResult = { kind: 'ready'; directive: TDirective } | { kind: 'job'; job: TDirectiveJob };

/**
 * Issues a directive from a unit (office bearers and above there). Small targets and cascades up
 * to `inlineLimit` units are written in this transaction; larger cascades get a 'creating' row
 * and a job that builds them all or nothing.
 */
export const createDirective = async (
  ctx: TCtx,
  input: TDirectiveCreate,
  opts: { jobs: TJobs | null; inlineLimit?: number } = { jobs: null },
): Promise<TCreateResult> => {
  const limit = opts.inlineLimit ?? INLINE_CASCADE_LIMIT;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const issuer = await loadUnit(trx, input.unitId, 'unitId');
    assertRoleAt(ctx.actor, issuer.path, 'office-bearer', () => unitNotFound(input.unitId));
    if (issuer.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
    const today = todayInIndia();
    if (input.dueDate < today) throw invalid('DUE_DATE_PAST', 'dueDate', { date: input.dueDate, today });
    if (input.fromMeetingId !== undefined) {
      const m = await trx.selectFrom('meeting').select(['id', 'unit_id']).where('id', '=', input.fromMeetingId).executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND', 'DIRECTIVE_MEETING_NOT_FOUND', { params: { id: input.fromMeetingId }, field: 'fromMeetingId' });
      if (m.unit_id !== issuer.id) throw invalid('DIRECTIVE_MEETING_OTHER_UNIT', 'fromMeetingId', { id: m.id });
    }
    const plan = await planTarget(ctx, trx, issuer, input.target, limit);
    const base = {
      unit_id: issuer.id,
      meeting_id: input.fromMeetingId ?? null,
      text: input.text,
      due_date: input.dueDate,
      created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    };
    const isJob = plan.kind === 'cascade' && plan.total > limit;
    if (isJob && !opts.jobs) throw new AppError('UNAVAILABLE', 'JOBS_UNAVAILABLE', { params: { total: plan.total } });
    const values: TDirectiveInsert =
      plan.kind === 'single'
        ? { ...base, ...plan.target }
        : { ...base, target_kind: 'cascade', target_unit_id: null, target_level: plan.level, target_post: plan.post, target_person_id: null };
    const { id } = await trx
      .insertInto('directive')
      .values({ ...values, status: isJob ? 'creating' : 'ready', total: plan.kind === 'cascade' ? plan.total : 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'directive.create',
      entityType: 'directive',
      entityId: id,
      after: { ...input, total: plan.kind === 'cascade' ? plan.total : 1, isBackground: isJob },
    });
    if (isJob) return { id, isJob: true as const, total: plan.kind === 'cascade' ? plan.total : 1 };
    if (plan.kind === 'cascade') {
      await fillCascade(trx, { id, issuerId: issuer.id, issuerPath: issuer.path, level: plan.level, post: plan.post, isWalk: true });
    } else {
      await trx
        .insertInto('assignment')
        .values({ directive_id: id, unit_id: plan.one.unitId, post_key: plan.one.post, person_id: plan.one.personId, is_vacant: plan.one.isVacant })
        .execute();
      await buildCounters(trx, { subject: 'directive', subjectId: id, issuerId: issuer.id, issuerPath: issuer.path }, sql`select unit_id, is_vacant from assignment where directive_id = ${id}`);
      await notifyNewAssignments(trx, id);
      await onAssignmentsCreated(trx, id);
    }
    return { id, isJob: false as const, total: 0 };
  });
  if (result.isJob) {
    // Sent after the commit, so the job finds its row.
    await opts.jobs?.send(CASCADE_QUEUE, { directiveId: result.id });
    return { kind: 'job', job: { id: result.id, status: 'creating', created: 0, total: result.total, error: null } };
  }
  // Texts to the addressees leave from a job, so the request does not wait on thousands of them.
  await opts.jobs?.send(ASSIGNMENT_SMS_QUEUE, { directiveId: result.id });
  const row = await selectDirectives(ctx.db).where('d.id', '=', result.id).executeTakeFirstOrThrow();
  return { kind: 'ready', directive: toDirective(ctx.actor, row, todayInIndia()) };
};
