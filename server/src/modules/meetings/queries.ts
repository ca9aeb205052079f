import type { TMeeting, TMeetingList, TMeetingListQuery } from '@samiti/common';
import type { Kysely } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { listHistory } from '../audit/record';
import { assertRoleAt, inJurisdiction, pathRangeEnd } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { countsFor, EMPTY_COUNTS, selectMeetings, type TMeetingRecord, toMeeting } from './dto';

export const meetingNotFound = (id: number | string) => new AppError('NOT_FOUND', 'MEETING_NOT_FOUND', { params: { id } });

/** A meeting the actor may see (its unit is in their jurisdiction), else 404. `lock` holds the row for this transaction. */
export const loadVisibleMeeting = async (ctx: TCtx, id: number, lock = false): Promise<TMeetingRecord> => {
  // Locking first serialises two writers of one meeting (two phones taking attendance at once).
  if (lock) await ctx.db.selectFrom('meeting').select('id').where('id', '=', id).forUpdate().execute();
  const row = await selectMeetings(ctx.db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw meetingNotFound(id);
  assertRoleAt(ctx.actor, row.unit_path, 'viewer', () => meetingNotFound(id));
  return row;
};

/** A meeting the actor may run (office bearer or above at its unit), locked for this transaction; 404 outside jurisdiction, 403 for viewers. */
export const loadRunnableMeeting = async (ctx: TCtx, id: number): Promise<TMeetingRecord> => {
  const row = await loadVisibleMeeting(ctx, id, true);
  assertRoleAt(ctx.actor, row.unit_path, 'office-bearer', () => meetingNotFound(id));
  return row;
};

/** The meeting as the actor sees it, with counts. */
export const meetingDto = async (ctx: Pick<TCtx, 'actor'> & { db: Kysely<DB> }, row: TMeetingRecord): Promise<TMeeting> =>
  toMeeting(ctx.actor, row, (await countsFor(ctx.db, [row.id])).get(row.id) ?? EMPTY_COUNTS);

export const getMeeting = async (ctx: TCtx, id: number): Promise<TMeeting> => meetingDto(ctx, await loadVisibleMeeting(ctx, id));

const encodeCursor = (startsAt: Date, id: number) => Buffer.from(JSON.stringify([startsAt.toISOString(), id])).toString('base64url');
const decodeCursor = (cursor: string): [Date, number] => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) {
      const at = new Date(v[0]);
      if (!Number.isNaN(at.getTime())) return [at, v[1] as number];
    }
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
};

/** The start of an India calendar day (IST has no daylight saving, so a fixed offset is exact). */
export const indiaDayStart = (date: string) => new Date(`${date}T00:00:00+05:30`);

/**
 * A unit's meetings (with `includeSubunits`, its whole subtree's, limited in SQL to the actor's
 * jurisdiction), newest first, filtered by type, status and India dates, paged by (starts_at, id).
 */
export const listUnitMeetings = async (ctx: TCtx, unitId: number, query: TMeetingListQuery): Promise<TMeetingList> => {
  const unit = await loadVisibleUnit(ctx, unitId);
  let qb = selectMeetings(ctx.db);
  qb =
    query.includeSubunits === 'true'
      ? qb.where('u.path', '>=', unit.path).where('u.path', '<', pathRangeEnd(unit.path)).where(inJurisdiction(ctx.actor, 'u.path'))
      : qb.where('m.unit_id', '=', unitId);
  if (query.type) qb = qb.where('m.type', '=', query.type);
  if (query.status) qb = qb.where('m.status', '=', query.status);
  if (query.from) qb = qb.where('m.starts_at', '>=', indiaDayStart(query.from));
  if (query.to) qb = qb.where('m.starts_at', '<', new Date(indiaDayStart(query.to).getTime() + 86_400_000));
  if (query.from && query.to && query.from > query.to) throw new AppError('VALIDATION', 'MEETING_RANGE', { field: 'to', params: { from: query.from, to: query.to } });
  if (query.cursor) {
    const [at, lastId] = decodeCursor(query.cursor);
    qb = qb.where((eb) => eb.or([eb('m.starts_at', '<', at), eb.and([eb('m.starts_at', '=', at), eb('m.id', '<', lastId)])]));
  }
  const rows = await qb.orderBy('m.starts_at', 'desc').orderBy('m.id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const counts = await countsFor(ctx.db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((r) => toMeeting(ctx.actor, r, counts.get(r.id) ?? EMPTY_COUNTS)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(new Date(last.starts_at), last.id) : null,
  };
};

/** Every audited change of the meeting: edits, status moves, invitees, attendance, minutes, resolutions. */
export const meetingHistory = async (ctx: TCtx, id: number) => {
  await loadVisibleMeeting(ctx, id);
  return listHistory(ctx.db, 'meeting', id);
};
