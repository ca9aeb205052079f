import type { TCircular, TCircularCreate, TCircularList, TReceiptStatus } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, pathRangeEnd, roleAt } from '../auth/policy';
import { notifyCircular } from '../notifications/notify';
import { loadVisibleUnit, unitNotFound } from '../units/queries';
import { circularNotFound, personOfActor, unitsHeldBy } from './access';
import { decodeIdCursor } from './dto';
import { buildCounters, chainBelow, emptyCounts, moveCount, RECEIPT_COLUMN, toCounts } from './rollup';

const selectCirculars = (db: Kysely<DB>, countsAt?: number) =>
  db
    .selectFrom('circular as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .leftJoin('app_user as cu', 'cu.id', 'c.created_by')
    .leftJoin('rollup_count as r', (j) => {
      const on = j.on('r.subject', '=', 'circular').onRef('r.subject_id', '=', 'c.id');
      return countsAt === undefined ? on.onRef('r.unit_id', '=', 'c.unit_id') : on.on('r.unit_id', '=', countsAt);
    })
    .select(['c.id', 'c.unit_id', 'c.title', 'c.body', 'c.target_level', 'c.created_at', 'u.name', 'u.name_hi', 'u.level', 'u.path'])
    .select(['cu.display_name as created_by_name', 'r.total', 'r.vacant', 'r.s_new', 'r.s_ack', 'r.s_progress', 'r.s_done', 'r.s_declined'])
    .select(sql<number[]>`array(select f.id from stored_file f where f.owner_type = 'circular' and f.owner_id = c.id and f.deleted_at is null order by f.id)`.as('file_ids'))
    .select(sql<string[]>`array(select f.mime from stored_file f where f.owner_type = 'circular' and f.owner_id = c.id and f.deleted_at is null order by f.id)`.as('file_mimes'));
type TRow = Awaited<ReturnType<ReturnType<typeof selectCirculars>['executeTakeFirstOrThrow']>>;

const toBrief = (r: TRow) => ({
  id: r.id,
  unit: { id: r.unit_id, name: r.name, nameHi: r.name_hi, level: r.level },
  title: r.title,
  level: r.target_level,
  counts:
    r.total === null
      ? emptyCounts()
      : toCounts({ total: r.total, vacant: r.vacant ?? 0, s_new: r.s_new ?? 0, s_ack: r.s_ack ?? 0, s_progress: r.s_progress ?? 0, s_done: r.s_done ?? 0, s_declined: r.s_declined ?? 0 }, false),
  createdBy: r.created_by_name,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Sends a circular from a unit (office bearers and above there) to every live unit of its subtree,
 * or only those of one level: a receipt per unit, counters, notifications, in one transaction.
 */
export const createCircular = (ctx: TCtx, input: TCircularCreate): Promise<TCircular> =>
  ctx.db
    .transaction()
    .execute(async (trx) => {
      const issuer = await trx.selectFrom('unit').select(['id', 'path', 'level', 'deleted_at']).where('id', '=', input.unitId).executeTakeFirst();
      if (!issuer) throw unitNotFound(input.unitId);
      assertRoleAt(ctx.actor, issuer.path, 'office-bearer', () => unitNotFound(input.unitId));
      if (issuer.deleted_at) throw invalid('UNIT_DELETED', 'unitId');
      if (input.level !== undefined) {
        const levels = await trx.selectFrom('org_level').select(['key', 'rank']).where('key', 'in', [input.level, issuer.level]).execute();
        const to = levels.find((l) => l.key === input.level);
        const from = levels.find((l) => l.key === issuer.level);
        if (!to) throw invalid('CASCADE_UNKNOWN_LEVEL', 'level', { level: input.level });
        if (!from || to.rank <= from.rank) throw invalid('CASCADE_LEVEL_NOT_BELOW', 'level', { level: input.level, issuerLevel: issuer.level });
      }
      const { id } = await trx
        .insertInto('circular')
        .values({ unit_id: issuer.id, title: input.title, body: input.body, target_level: input.level ?? null, created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const levelFilter = input.level === undefined ? sql`` : sql`and level = ${input.level}`;
      const inserted = await sql<{ n: number }>`
        with x as (
          insert into circular_receipt (circular_id, unit_id)
          select ${id}::bigint, id from unit
          where deleted_at is null and path > ${issuer.path} and path < ${pathRangeEnd(issuer.path)} ${levelFilter}
          returning 1)
        select count(*)::int as n from x`.execute(trx);
      const total = Number(inserted.rows[0]?.n ?? 0);
      if (total === 0) throw invalid('CASCADE_EMPTY', 'level', { level: input.level ?? '' });
      await trx.updateTable('circular').set({ total }).where('id', '=', id).execute();
      await buildCounters(trx, { subject: 'circular', subjectId: id, issuerId: issuer.id, issuerPath: issuer.path }, sql`select unit_id, false from circular_receipt where circular_id = ${id}`);
      await notifyCircular(trx, id);
      await recordAudit(trx, ctx, { action: 'circular.create', entityType: 'circular', entityId: id, after: { ...input, total } });
      return id;
    })
    .then((id) => getCircular(ctx, id));

/** Units whose receipts the actor answers for: granted there as office bearer or admin, or holding a post there. */
const answeringUnits = async (ctx: TCtx) => {
  const granted = ctx.actor.grants.filter((g) => g.unitId !== null && (g.role === 'admin' || g.role === 'office-bearer')).map((g) => g.unitId as number);
  const held = await unitsHeldBy(ctx.db, await personOfActor(ctx.db, ctx.actor));
  return [...new Set([...granted, ...held])];
};

const loadVisibleCircular = async (ctx: TCtx, id: number) => {
  const row = await selectCirculars(ctx.db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw circularNotFound(id);
  if (roleAt(ctx.actor, row.path) !== null) return row;
  const grantUnits = ctx.actor.grants.map((g) => g.unitId).filter((u): u is number => u !== null);
  const reached = grantUnits.length
    ? await ctx.db.selectFrom('rollup_count').select('unit_id').where('subject', '=', 'circular').where('subject_id', '=', id).where('unit_id', 'in', grantUnits).executeTakeFirst()
    : undefined;
  if (!reached) throw circularNotFound(id);
  return row;
};

type TReceipt = { id: number; unit_id: number; status: TReceiptStatus; path: string; name: string; name_hi: string | null; level: string };

const setReceipt = async (ctx: TCtx, trx: Kysely<DB>, circular: { id: number; path: string }, r: TReceipt, to: TReceiptStatus) => {
  const now = sql<Date>`now()`;
  const by = ctx.actor.userId > 0 ? ctx.actor.userId : null;
  await trx
    .updateTable('circular_receipt')
    .set(to === 'received' ? { status: to, received_at: now, received_by: by } : { status: to, acknowledged_at: now, acknowledged_by: by, ...(r.status === 'new' ? { received_at: now, received_by: by } : {}) })
    .where('id', '=', r.id)
    .execute();
  await moveCount(trx, 'circular', circular.id, chainBelow(circular.path, r.path), RECEIPT_COLUMN[r.status] ?? 's_new', RECEIPT_COLUMN[to] ?? 's_new');
  await recordAudit(trx, ctx, { action: `circular.${to}`, entityType: 'circular_receipt', entityId: r.id, before: { status: r.status }, after: { status: to, unitId: r.unit_id } });
};

const receiptsAt = (db: Kysely<DB>, circularId: number, unitIds: number[]) =>
  db
    .selectFrom('circular_receipt as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'r.status', 'u.path', 'u.name', 'u.name_hi', 'u.level'])
    .where('r.circular_id', '=', circularId)
    .where('r.unit_id', 'in', unitIds.length ? unitIds : [0])
    .orderBy('r.id');

/**
 * A circular as the actor sees it. Opening it marks "received" the receipts of the units the actor
 * answers for (once, audited), and lists them so the actor can acknowledge.
 */
export const getCircular = async (ctx: TCtx, id: number): Promise<TCircular> => {
  const row = await loadVisibleCircular(ctx, id);
  const units = await answeringUnits(ctx);
  let mine = await receiptsAt(ctx.db, id, units).execute();
  if (mine.some((r) => r.status === 'new')) {
    await ctx.db.transaction().execute(async (trx) => {
      const fresh = await receiptsAt(trx, id, units).where('r.status', '=', 'new').forUpdate().execute();
      for (const r of fresh) await setReceipt(ctx, trx, row, r, 'received');
    });
    mine = await receiptsAt(ctx.db, id, units).execute();
  }
  const now = await selectCirculars(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow();
  return {
    ...toBrief(now),
    body: now.body,
    attachmentFileIds: (now.file_ids ?? []).map(Number),
    attachments: (now.file_ids ?? []).map((id, i) => ({ fileId: Number(id), isPdf: now.file_mimes?.[i] === 'application/pdf' })),
    myReceipts: mine.map((r) => ({ id: r.id, unit: { id: r.unit_id, name: r.name, nameHi: r.name_hi, level: r.level }, status: r.status })),
  };
};

/** Acknowledges a circular for one unit: only those who answer for that unit (else 403; 404 outside jurisdiction). */
export const acknowledgeCircular = async (ctx: TCtx, id: number, unitId: number): Promise<TCircular> => {
  const row = await loadVisibleCircular(ctx, id);
  // Read before the transaction: on PGlite a query outside it would wait for it forever.
  const answers = (await answeringUnits(ctx)).includes(unitId);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await receiptsAt(trx, id, [unitId]).forUpdate().executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', 'RECEIPT_NOT_FOUND', { params: { id: unitId }, field: 'unitId' });
    if (roleAt(ctx.actor, r.path) === null && !answers) throw unitNotFound(unitId);
    if (!answers) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    if (r.status === 'acknowledged') throw invalid('RECEIPT_ALREADY_ACKNOWLEDGED', 'unitId');
    await setReceipt(ctx, trx, row, r, 'acknowledged');
  });
  return getCircular(ctx, id);
};

/** A unit's circulars newest first: sent by it, or reaching it from above (with its subtree's counts). */
export const listUnitCirculars = async (ctx: TCtx, unitId: number, q: { scope: 'sent' | 'received'; limit: number; cursor?: string }): Promise<TCircularList> => {
  await loadVisibleUnit(ctx, unitId);
  let qb = selectCirculars(ctx.db, q.scope === 'received' ? unitId : undefined);
  qb = q.scope === 'sent' ? qb.where('c.unit_id', '=', unitId) : qb.where('c.unit_id', '<>', unitId).where('r.unit_id', 'is not', null);
  if (q.cursor) qb = qb.where('c.id', '<', decodeIdCursor(q.cursor));
  const rows = await qb.orderBy('c.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { items: page.map(toBrief), nextCursor: rows.length > q.limit ? String(page.at(-1)?.id) : null };
};

export { loadVisibleCircular };
