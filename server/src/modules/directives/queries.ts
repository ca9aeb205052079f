import type { TAssignmentList, TAssignmentStatus, TDirective, TDirectiveJob, TDirectiveList, TRollup } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { inJurisdiction, isNationalAdmin, pathRangeEnd, roleAt } from '../auth/policy';
import { loadVisibleUnit } from '../units/queries';
import { canSeeDirective, directiveNotFound, loadAddressee, todayInIndia } from './access';
import { closedFlag, decodeCursor, decodeIdCursor, encodeCursor, selectAssignments, selectDirectives, toAssignment, toDirective } from './dto';
import { cascadeProgress } from './progress';
import { rollupView } from './rollup-view';

/** A ready directive the actor may see, else 404 (also while a cascade job is still building it). */
export const loadVisibleDirective = async (ctx: TCtx, id: number) => {
  const row = await selectDirectives(ctx.db).where('d.id', '=', id).executeTakeFirst();
  if (row?.status !== 'ready' || !(await canSeeDirective(ctx.db, ctx.actor, { id, unit_path: row.unit_path }))) throw directiveNotFound(id);
  return row;
};

export const getDirective = async (ctx: TCtx, id: number): Promise<TDirective> => toDirective(ctx.actor, await loadVisibleDirective(ctx, id), todayInIndia());

/** The state of a cascade being built in the background; only its creator or those who see the issuer. */
export const getDirectiveJob = async (ctx: TCtx, id: number): Promise<TDirectiveJob> => {
  const row = await ctx.db
    .selectFrom('directive as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.status', 'd.total', 'd.error', 'd.created_by', 'u.path'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row || (row.created_by !== ctx.actor.userId && roleAt(ctx.actor, row.path) === null)) throw directiveNotFound(id);
  const live = cascadeProgress.get(id);
  const created = row.status === 'ready' ? row.total : row.status === 'creating' ? (live?.created ?? 0) : 0;
  return { id: row.id, status: row.status, created, total: row.total, error: row.error };
};

export type TDirectiveListQuery = { scope: 'issued' | 'received'; overdue?: boolean; meetingId?: number; limit: number; cursor?: string };

/**
 * A unit's directives newest first: those it issued, or those that reach it from above (with the
 * counts of its own subtree). One indexed read either way.
 */
export const listUnitDirectives = async (ctx: TCtx, unitId: number, q: TDirectiveListQuery): Promise<TDirectiveList> => {
  await loadVisibleUnit(ctx, unitId);
  const today = todayInIndia();
  let qb = selectDirectives(ctx.db, q.scope === 'received' ? unitId : undefined).where('d.status', '=', 'ready');
  qb = q.scope === 'issued' ? qb.where('d.unit_id', '=', unitId) : qb.where('d.unit_id', '<>', unitId).where('r.unit_id', 'is not', null);
  if (q.meetingId !== undefined) qb = qb.where('d.meeting_id', '=', q.meetingId);
  if (q.overdue === true) qb = qb.where('d.due_date', '<', today).where(sql<boolean>`r.s_new + r.s_ack + r.s_progress > 0`);
  if (q.overdue === false) qb = qb.where(sql<boolean>`(d.due_date >= ${today} or r.s_new + r.s_ack + r.s_progress = 0)`);
  if (q.cursor) qb = qb.where('d.id', '<', decodeIdCursor(q.cursor));
  const rows = await qb.orderBy('d.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { items: page.map((r) => toDirective(ctx.actor, r, today)), nextCursor: rows.length > q.limit ? String(page.at(-1)?.id) : null };
};

/** Meeting ids are H3's; a directive list of one meeting is the meeting unit's issued list filtered. */
export const listMeetingDirectives = async (ctx: TCtx, meetingId: number, q: Omit<TDirectiveListQuery, 'scope' | 'meetingId'>) => {
  const m = await ctx.db.selectFrom('meeting').select(['id', 'unit_id']).where('id', '=', meetingId).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', 'DIRECTIVE_MEETING_NOT_FOUND', { params: { id: meetingId } });
  return listUnitDirectives(ctx, m.unit_id, { ...q, scope: 'issued', meetingId });
};

/**
 * n of N per child of `unitId` (default: the issuer), with overdue and vacant counts: one read of
 * the counter rows whose parent is that unit. The actor must see the directive and the unit.
 */
export const getDirectiveRollup = async (ctx: TCtx, id: number, q: { unitId?: number; limit: number; cursor?: string }): Promise<TRollup> => {
  const d = await loadVisibleDirective(ctx, id);
  return rollupView(ctx, { subject: 'directive', subjectId: id, issuerId: d.unit_id, issuerPath: d.unit_path, isPastDue: todayInIndia() > d.due_date }, q);
};

export type TAssignmentQuery = { unitId?: number; status?: TAssignmentStatus; overdue?: boolean; vacant?: boolean; limit: number; cursor?: string };

/**
 * A directive's assignments in the tree's order (drill-down to each booth), filtered by subtree,
 * status, overdue and vacant; only those in the actor's jurisdiction unless they see the issuer.
 */
export const listDirectiveAssignments = async (ctx: TCtx, id: number, q: TAssignmentQuery): Promise<TAssignmentList> => {
  const d = await loadVisibleDirective(ctx, id);
  const today = todayInIndia();
  let qb = selectAssignments(ctx.db).where('a.directive_id', '=', id);
  if (roleAt(ctx.actor, d.unit_path) === null && !isNationalAdmin(ctx.actor)) qb = qb.where(inJurisdiction(ctx.actor, 'au.path'));
  if (q.unitId !== undefined) {
    const under = await loadVisibleUnit(ctx, q.unitId);
    qb = qb.where('au.path', '>=', under.path).where('au.path', '<', pathRangeEnd(under.path));
  }
  if (q.status) qb = qb.where('a.status', '=', q.status);
  if (q.vacant !== undefined) qb = qb.where('a.is_vacant', '=', q.vacant);
  if (q.overdue === true) qb = today > d.due_date ? qb.where('a.status', 'in', ['new', 'acknowledged', 'in-progress']) : qb.where(sql<boolean>`false`);
  if (q.overdue === false && today > d.due_date) qb = qb.where('a.status', 'in', ['done', 'declined']);
  if (q.cursor) {
    const [sortKey, lastId] = decodeCursor<[string, number]>(q.cursor, (v) => typeof v[0] === 'string' && Number.isSafeInteger(v[1]));
    qb = qb.where((eb) => eb.or([eb('au.sort_key', '>', sortKey), eb.and([eb('au.sort_key', '=', sortKey), eb('a.id', '>', lastId)])]));
  }
  const rows = await qb.orderBy('au.sort_key').orderBy('a.id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const me = await loadAddressee(ctx.db, ctx.actor);
  const last = page.at(-1);
  return { items: page.map((r) => toAssignment(ctx.actor, me, r, today)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.unit_sort_key, last.id]) : null };
};

/**
 * The actor's inbox: assignments addressed to their person, and to units where they hold a post;
 * open ones first, soonest due first. Empty when the login is not linked to a person.
 */
export const listMyAssignments = async (ctx: TCtx, q: { status?: TAssignmentStatus; limit: number; cursor?: string }): Promise<TAssignmentList> => {
  const me = await loadAddressee(ctx.db, ctx.actor);
  if (me.personId === null) return { items: [], nextCursor: null };
  const today = todayInIndia();
  const held = [...me.heldUnits];
  let qb = selectAssignments(ctx.db)
    .select(closedFlag.as('closed'))
    .where('d.status', '=', 'ready')
    .where((eb) =>
      eb.or([
        eb('a.person_id', '=', me.personId),
        ...(held.length > 0 ? [eb.and([eb('a.person_id', 'is', null), eb('a.post_key', 'is', null), eb('a.unit_id', 'in', held)])] : []),
      ]),
    );
  if (q.status) qb = qb.where('a.status', '=', q.status);
  if (q.cursor) {
    const [closed, due, lastId] = decodeCursor<[number, string, number]>(q.cursor, (v) => (v[0] === 0 || v[0] === 1) && typeof v[1] === 'string' && Number.isSafeInteger(v[2]));
    qb = qb.where(sql<boolean>`(${closedFlag}, d.due_date, a.id) > (${closed}, ${due}::date, ${lastId})`);
  }
  const rows = await qb.orderBy(closedFlag).orderBy('d.due_date').orderBy('a.id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toAssignment(ctx.actor, me, r, today)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([Number(last.closed), last.due_date, last.id]) : null,
  };
};
