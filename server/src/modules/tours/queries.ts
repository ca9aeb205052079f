import type { TCalendar, TTourDetail } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { listHistory } from '../audit/record';
import { inJurisdiction, pathRangeEnd, roleAt } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';
import { loadVisibleUnit } from '../units/queries';
import { selectStops, selectTours, type TStopRecord, type TTourRecord, toStop, toTour } from './dto';

export const tourNotFound = (id: number | string) => new AppError('NOT_FOUND', 'TOUR_NOT_FOUND', { params: { id } });
export const stopNotFound = (id: number | string) => new AppError('NOT_FOUND', 'STOP_NOT_FOUND', { params: { id } });

/** India has one time zone; tour dates are days there. */
export const indiaDate = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 10);
/** The first instant of a day in India. */
export const indiaDayStart = (date: string) => new Date(`${date}T00:00:00+05:30`);

/**
 * A tour the actor may see: its organising unit is in their jurisdiction (then every stop is shown),
 * or one of its stops is (then only those stops: a district sees the state president's visit to it).
 */
export const loadVisibleTour = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<{ tour: TTourRecord; isFull: boolean }> => {
  const tour = await selectTours(ctx.db).where('t.id', '=', id).executeTakeFirst();
  if (!tour) throw tourNotFound(id);
  if (roleAt(ctx.actor, tour.unit_path) !== null) return { tour, isFull: true };
  const some = await ctx.db
    .selectFrom('tour_stop as s')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .select('s.id')
    .where('s.tour_id', '=', id)
    .where(inJurisdiction(ctx.actor, 'u.path'))
    .limit(1)
    .executeTakeFirst();
  if (!some) throw tourNotFound(id);
  return { tour, isFull: false };
};

/** A stop whose unit or tour's unit the actor may see, else 404. */
export const loadVisibleStop = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TStopRecord> => {
  const row = await selectStops(ctx.db).where('s.id', '=', id).executeTakeFirst();
  if (!row || (roleAt(ctx.actor, row.unit_path) === null && roleAt(ctx.actor, row.tour_unit_path) === null)) throw stopNotFound(id);
  return row;
};

/** A tour with its itinerary in time order (cancelled stops included, marked). */
export const getTour = async (ctx: TCtx, id: number): Promise<TTourDetail> => {
  const { tour, isFull } = await loadVisibleTour(ctx, id);
  const rows = await selectStops(ctx.db).where('s.tour_id', '=', id).orderBy('s.starts_at').orderBy('s.id').limit(500).execute();
  const visible = isFull ? rows : rows.filter((r) => roleAt(ctx.actor, r.unit_path) !== null);
  return { ...toTour(ctx.actor, tour), stops: visible.map((r) => toStop(ctx.actor, r)), hiddenStops: rows.length - visible.length };
};

export type TTourQuery = { unit?: number; leader?: number; from?: string; to?: string; limit: number; cursor?: string };

/** Tours organised in the actor's jurisdiction (under `unit`), by leader and overlapping dates, newest first. */
export const listTours = async (ctx: TCtx, query: TTourQuery) => {
  let qb = selectTours(ctx.db).where(inJurisdiction(ctx.actor, 'u.path'));
  if (query.unit !== undefined) {
    const unit = await loadVisibleUnit(ctx, query.unit);
    qb = qb.where('u.path', '>=', unit.path).where('u.path', '<', pathRangeEnd(unit.path));
  }
  if (query.leader !== undefined) qb = qb.where('t.leader_person_id', '=', query.leader);
  if (query.from) qb = qb.where('t.ends_on', '>=', query.from);
  if (query.to) qb = qb.where('t.starts_on', '<=', query.to);
  if (query.cursor !== undefined) {
    const last = Number(query.cursor);
    if (!Number.isSafeInteger(last) || last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('t.id', '<', last);
  }
  const rows = await qb
    .orderBy('t.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { items: page.map((r) => toTour(ctx.actor, r)), nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null };
};

const CALENDAR_LIMIT = 500;

const calendarOf = (ctx: TCtx, rows: TStopRecord[]): TCalendar => ({
  items: rows.slice(0, CALENDAR_LIMIT).map((r) => ({
    ...toStop(ctx.actor, r),
    tour: { id: r.tour_id, title: r.tour_title, titleHi: r.tour_title_hi },
    leader: { id: r.leader_person_id, name: r.leader_name, nameHi: r.leader_name_hi },
  })),
  isTruncated: rows.length > CALENDAR_LIMIT,
});

const inRange = (q: { from: string; to: string }) => {
  const from = indiaDayStart(q.from);
  const to = new Date(indiaDayStart(q.to).getTime() + 86_400_000);
  return { from, to };
};

/** "Who is visiting my district this month": live stops at the unit or below it, in time order. */
export const unitCalendar = async (ctx: TCtx, unitId: number, q: { from: string; to: string }) => {
  const unit = await loadVisibleUnit(ctx, unitId);
  const { from, to } = inRange(q);
  const rows = await selectStops(ctx.db)
    .where('u.path', '>=', unit.path)
    .where('u.path', '<', pathRangeEnd(unit.path))
    .where('s.starts_at', '<', to)
    .where('s.ends_at', '>', from)
    .where('s.cancelled_at', 'is', null)
    .where('t.cancelled_at', 'is', null)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(CALENDAR_LIMIT + 1)
    .execute();
  return calendarOf(ctx, rows);
};

/** A leader's live stops in the range, those the actor may see (the stop's unit or its tour's unit in jurisdiction). */
export const leaderCalendar = async (ctx: TCtx, personId: number, q: { from: string; to: string }) => {
  await loadVisiblePerson(ctx, personId);
  const { from, to } = inRange(q);
  const rows = await selectStops(ctx.db)
    .where('s.leader_person_id', '=', personId)
    .where('s.starts_at', '<', to)
    .where('s.ends_at', '>', from)
    .where('s.cancelled_at', 'is', null)
    .where('t.cancelled_at', 'is', null)
    .where(sql<boolean>`(${inJurisdiction(ctx.actor, 'u.path')} or ${inJurisdiction(ctx.actor, 'tu.path')})`)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(CALENDAR_LIMIT + 1)
    .execute();
  return calendarOf(ctx, rows);
};

export const tourHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleTour(ctx, id);
  return listHistory(ctx.db, 'tour', id);
};

export const stopHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleStop(ctx, id);
  return listHistory(ctx.db, 'tour_stop', id);
};
