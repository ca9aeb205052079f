import { normalizeEpic, normalizePhone, phoneticKey, type TPerson } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { assertRoleAt, inJurisdiction, pathRangeEnd } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { selectPeople, type TPersonRecord, toPerson } from './dto';

export const personNotFound = (id: number | string, field?: string) =>
  new AppError('NOT_FOUND', 'PERSON_NOT_FOUND', { params: { id }, field });

export const findPersonRecord = (db: Kysely<DB>, id: number) => selectPeople(db).where('p.id', '=', id).executeTakeFirst();

/** A person the actor may see (their home unit is inside the actor's jurisdiction), else 404. */
export const loadVisiblePerson = async (ctx: TCtx, id: number, field?: string): Promise<TPersonRecord> => {
  const row = await findPersonRecord(ctx.db, id);
  if (!row) throw personNotFound(id, field);
  assertRoleAt(ctx.actor, row.home_path, 'viewer', () => personNotFound(id, field));
  return row;
};

export const getPerson = async (ctx: TCtx, id: number): Promise<TPerson> => toPerson(ctx.actor, await loadVisiblePerson(ctx, id));

export type TPeopleQuery = { q?: string; unit?: number; limit: number; cursor?: string };

/**
 * People inside the actor's jurisdiction (and under `unit`), newest first and paged by id; with
 * `q`, the best name matches in either script, or the exact phone/EPIC when `q` is one.
 */
export const listPeople = async (ctx: TCtx, query: TPeopleQuery) => {
  let qb = selectPeople(ctx.db).where('p.deleted_at', 'is', null).where(inJurisdiction(ctx.actor, 'h.path'));
  if (query.unit !== undefined) {
    const unit = await loadVisibleUnit(ctx, query.unit);
    qb = qb.where('h.path', '>=', unit.path).where('h.path', '<', pathRangeEnd(unit.path));
  }
  const q = query.q?.trim();
  if (q) {
    const phone = /\d{5}/.test(q) ? normalizePhone(q) : null;
    const epic = normalizeEpic(q);
    if (phone?.ok || epic) {
      const rows = await (phone?.ok ? qb.where('p.phone', '=', phone.e164) : qb.where('p.epic', '=', epic as string))
        .limit(query.limit)
        .execute();
      return { items: rows.map((r) => toPerson(ctx.actor, r)), nextCursor: null };
    }
    const key = phoneticKey(q);
    if (!key) return { items: [], nextCursor: null };
    // Same name (any script or spelling the key folds) straight from the btree, then near spellings
    // nearest-first from the trigram index, only if the page is not full yet.
    // No ORDER BY here: a common name has thousands of equal keys, and sorting them all (with the
    // join to their units) costs ~100 ms at 10^7 people, where streaming the first page costs <1 ms.
    const exact = await qb
      .where(sql<boolean>`p.search_key like ${`${key}%`}`)
      .limit(query.limit)
      .execute();
    const rest =
      exact.length < query.limit
        ? await qb
            .where(sql<boolean>`p.search_key % ${key}`)
            .where(sql<boolean>`p.search_key not like ${`${key}%`}`)
            .orderBy(sql`p.search_key <-> ${key}`)
            .limit(query.limit - exact.length)
            .execute()
        : [];
    return { items: [...exact, ...rest].map((r) => toPerson(ctx.actor, r)), nextCursor: null };
  }
  if (query.cursor) {
    const last = Number(query.cursor);
    if (!Number.isSafeInteger(last) || last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('p.id', '<', last);
  }
  const rows = await qb
    .orderBy('p.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => toPerson(ctx.actor, r)),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
};

/** The person's audit trail, newest first, a page at a time (`cursor`: the last entry's id). */
export const personHistory = async (ctx: TCtx, id: number, page: { limit: number; cursor?: string } = { limit: 50 }) => {
  await loadVisiblePerson(ctx, id);
  let q = ctx.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'actor_label', 'before', 'after', 'request_id'])
    .where('entity_type', '=', 'person')
    .where('entity_id', '=', String(id));
  if (page.cursor !== undefined) {
    const last = /^\d{1,15}$/.test(page.cursor) ? Number(page.cursor) : 0;
    if (last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    q = q.where('id', '<', last);
  }
  const rows = await q
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actor_label,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
  }));
  return { items, nextCursor: rows.length > page.limit ? String(items.at(-1)?.id) : null };
};
