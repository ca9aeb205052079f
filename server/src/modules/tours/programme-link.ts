import type { TInstanceStatus, TInstanceTourStop, TStopProgrammeInstance } from '@samiti/common';
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { hasRoleAt, pathRangeEnd, roleAt } from '../auth/policy';
import { canSeeInstance } from '../programmes/access';
import { rollOut } from '../programmes/rollout';
import { loadVisibleUnit } from '../units/queries';
import { selectStops, stopSnapshot, toStop } from './dto';
import { stopNotFound } from './queries';

// A tour stop may visit a programme instance (migration 0022: tour_stop.programme_instance_id):
// one in the stop's unit, above it on its chain (a PC or state-wide instance) or below it. The
// instance's page lists the stops that visit it. Creating an instance for a stop is the programmes
// module's one-unit roll-out (`rollOut` with the stop's unit), so its counters move as for any other.

const instanceNotFoundAt = (id: number, field: string) =>
  new AppError('NOT_FOUND', 'PROGRAMME_INSTANCE_NOT_FOUND', { params: { id }, field });

/** Programme instances with what a stop shows of them, and the paths that decide who sees them. */
export const selectStopInstances = (db: Kysely<DB>) =>
  db
    .selectFrom('programme_instance as i')
    .innerJoin('programme as p', 'p.id', 'i.programme_id')
    .innerJoin('programme_phase as ph', 'ph.id', 'i.phase_id')
    .innerJoin('unit as pu', 'pu.id', 'p.unit_id')
    .innerJoin('unit as su', 'su.id', 'i.scope_unit_id')
    .leftJoin('unit as iu', 'iu.id', 'i.unit_id')
    .select([
      'i.id',
      'i.programme_id',
      'i.target_key',
      'i.status',
      'i.planned_date',
      'i.unit_id',
      'p.name as programme_name',
      'p.name_hi as programme_name_hi',
      'ph.number as phase',
      'pu.path as issuer_path',
      'su.id as scope_id',
      'su.name as scope_name',
      'su.name_hi as scope_name_hi',
      'su.level as scope_level',
      'su.path as scope_path',
      'iu.name as unit_name',
      'iu.name_hi as unit_name_hi',
      'iu.level as unit_level',
      'iu.path as unit_path',
    ]);
type TStopInstanceRecord = ReturnType<typeof selectStopInstances> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

export const toStopInstance = (r: TStopInstanceRecord): TStopProgrammeInstance => ({
  id: r.id,
  programmeId: r.programme_id,
  programmeName: r.programme_name,
  programmeNameHi: r.programme_name_hi,
  phase: r.phase,
  targetKey: r.target_key,
  unit: r.unit_id === null ? null : { id: r.unit_id, name: r.unit_name ?? '', nameHi: r.unit_name_hi, level: r.unit_level ?? '' },
  scopeUnit: { id: r.scope_id, name: r.scope_name, nameHi: r.scope_name_hi, level: r.scope_level },
  status: r.status as TInstanceStatus,
  plannedDate: r.planned_date,
});

/** Where an instance is: its own unit, else the unit it counts under (a PC's state). */
const placeOf = (r: { unit_path: string | null; scope_path: string }) => r.unit_path ?? r.scope_path;

/** The instance is at the stop's unit, on its chain above, or in its subtree. */
const isNear = (stopPath: string, instancePath: string) => stopPath.startsWith(instancePath) || instancePath.startsWith(stopPath);

/** The checks a link makes: the instance exists and is visible (404), is live and near the stop's unit (400). */
export const checkStopInstance = async (ctx: TCtx, trx: Transaction<DB>, instanceId: number, stopUnitPath: string) => {
  const r = await selectStopInstances(trx).where('i.id', '=', instanceId).executeTakeFirst();
  if (!r || !canSeeInstance(ctx.actor, r)) throw instanceNotFoundAt(instanceId, 'programmeInstanceId');
  if (r.status === 'cancelled') throw invalid('STOP_PROGRAMME_CANCELLED', 'programmeInstanceId');
  if (!isNear(stopUnitPath, placeOf(r))) throw invalid('STOP_PROGRAMME_ELSEWHERE', 'programmeInstanceId');
  return r;
};

/**
 * Instances a stop at `unitId` may link: live, visible to the actor, at the unit, on its chain above
 * or below it; newest first, paged by id.
 */
export const listStopInstanceOptions = async (ctx: TCtx, query: { unit: number; limit: number; cursor?: string }) => {
  const unit = await loadVisibleUnit(ctx, query.unit);
  const above = unit.path.split('/').filter(Boolean).map(Number);
  let qb = selectStopInstances(ctx.db)
    .where('i.status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb('i.unit_id', 'in', above),
        eb.and([eb('iu.path', '>', unit.path), eb('iu.path', '<', pathRangeEnd(unit.path))]),
        eb.and([eb('i.unit_id', 'is', null), eb('i.scope_unit_id', 'in', above)]),
      ]),
    );
  if (query.cursor !== undefined) {
    const last = Number(query.cursor);
    if (!Number.isSafeInteger(last) || last <= 0) throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
    qb = qb.where('i.id', '<', last);
  }
  // Visibility is per row (the programme's unit or the scope unit): read a page, keep the visible.
  const rows = await qb
    .orderBy('i.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.filter((r) => canSeeInstance(ctx.actor, r)).map(toStopInstance),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
};

/** The tour stops that visit an instance (the instance's page), those the actor may see, in time order. */
export const listInstanceTourStops = async (ctx: TCtx, instanceId: number): Promise<TInstanceTourStop[]> => {
  const r = await selectStopInstances(ctx.db).where('i.id', '=', instanceId).executeTakeFirst();
  if (!r || !canSeeInstance(ctx.actor, r)) throw new AppError('NOT_FOUND', 'PROGRAMME_INSTANCE_NOT_FOUND', { params: { id: instanceId } });
  const rows = await selectStops(ctx.db)
    .where('s.programme_instance_id', '=', instanceId)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(200)
    .execute();
  return rows
    .filter((s) => roleAt(ctx.actor, s.unit_path) !== null || roleAt(ctx.actor, s.tour_unit_path) !== null)
    .map((s) => ({
      stopId: s.id,
      tourId: s.tour_id,
      tourTitle: s.tour_title,
      tourTitleHi: s.tour_title_hi,
      leader: { id: s.leader_person_id, name: s.leader_name, nameHi: s.leader_name_hi },
      unit: { id: s.unit_id, name: s.unit_name, nameHi: s.unit_name_hi, level: s.unit_level },
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      isCancelled: s.cancelled_at !== null || s.tour_cancelled_at !== null,
    }));
};

/**
 * Creates the instance of a programme's phase for the stop's unit and links it to the stop, in one
 * transaction: the programmes module's roll-out to that one unit (idempotent: an existing instance
 * of the phase for the unit is reused), then the link with its audit row. If the link is refused,
 * no instance is left behind.
 */
export const createStopInstance = async (ctx: TCtx, stopId: number, input: { programmeId: number; phase: number }) => {
  const stop = await selectStops(ctx.db).where('s.id', '=', stopId).executeTakeFirst();
  if (!stop || (roleAt(ctx.actor, stop.unit_path) === null && roleAt(ctx.actor, stop.tour_unit_path) === null)) throw stopNotFound(stopId);
  if (!hasRoleAt(ctx.actor, stop.tour_unit_path, 'office-bearer')) throw new AppError('FORBIDDEN', 'FORBIDDEN');
  if (stop.cancelled_at || stop.tour_cancelled_at) throw invalid('STOP_CANCELLED');
  const programme = await ctx.db.selectFrom('programme').select('unit_id').where('id', '=', input.programmeId).executeTakeFirst();
  if (!programme) throw new AppError('NOT_FOUND', 'PROGRAMME_NOT_FOUND', { params: { id: input.programmeId }, field: 'programmeId' });
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('tour_stop').select('id').where('id', '=', stopId).forUpdate().executeTakeFirst();
    await rollOut({ ...ctx, db: trx }, input.programmeId, { target: { unitIds: [stop.unit_id] }, underUnitId: programme.unit_id, phase: input.phase });
    const before = await selectStops(trx).where('s.id', '=', stopId).executeTakeFirstOrThrow();
    const inst = await trx
      .selectFrom('programme_instance as i')
      .innerJoin('programme_phase as ph', 'ph.id', 'i.phase_id')
      .select('i.id')
      .where('i.programme_id', '=', input.programmeId)
      .where('ph.number', '=', input.phase)
      .where('i.target_key', '=', `unit:${stop.unit_id}`)
      .executeTakeFirstOrThrow();
    await checkStopInstance(ctx, trx, inst.id, before.unit_path);
    await trx
      .updateTable('tour_stop')
      .set({ programme_instance_id: inst.id, purpose: 'programme', updated_at: new Date() })
      .where('id', '=', stopId)
      .execute();
    const after = await selectStops(trx).where('s.id', '=', stopId).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'tour.stop.programme-create',
      entityType: 'tour_stop',
      entityId: stopId,
      before: stopSnapshot(before),
      after: stopSnapshot(after),
    });
    return toStop(ctx.actor, after);
  });
};
