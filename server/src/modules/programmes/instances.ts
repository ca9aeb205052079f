import type { TInstance, TInstancePatch, TInstanceReport, TInstanceStatus } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import type { TJobs } from '../../jobs';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { loadVisiblePerson } from '../people/queries';
import { canEditInstance, canSeeInstance, instanceNotFound, loadInstanceRow, type TInstanceRow, todayInIndia } from './access';
import { currentInCharge, endInCharge, startInCharge } from './in-charge';
import { getInstance } from './queries';
import { notifyInstancePeople, queueProgrammeSms } from './notices';
import { moveInstance } from './tally';

/** The instance, locked for the change, when the actor may run it: 404 outside jurisdiction, 403 when the role is too weak. */
export const loadEditable = async (ctx: TCtx, id: number): Promise<TInstanceRow> => {
  await ctx.db.selectFrom('programme_instance').select('id').where('id', '=', id).forUpdate().execute();
  const row = await loadInstanceRow(ctx.db, id);
  if (!row || !canSeeInstance(ctx.actor, row)) throw instanceNotFound(id);
  if (!canEditInstance(ctx.actor, row)) throw new AppError('FORBIDDEN', 'FORBIDDEN');
  return row;
};

const snapshot = (ctx: TCtx, id: number) =>
  ctx.db
    .selectFrom('programme_instance')
    .select(['status', 'cancel_reason', 'planned_date', 'venue', 'held_on', 'attendance', 'notes', 'has_in_charge'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const counted = (row: TInstanceRow) => ({
  phaseId: row.phase_id,
  stateCode: row.state_code,
  clusterId: row.cluster_id,
  issuerPath: row.issuer_path,
  scopePath: row.scope_path,
});

/** The status a patch leads to, or a clear refusal. Cancelled is final; held and reported move only by a report. */
const nextStatus = (current: TInstanceStatus, patch: TInstancePatch, plannedDate: string | null): TInstanceStatus => {
  const wanted = patch.status ?? (current === 'not-planned' && patch.plannedDate ? 'planned' : current);
  if (wanted === current && patch.status === undefined) return current;
  const isFromOpen = current === 'not-planned' || current === 'planned';
  if (!isFromOpen && wanted !== current) throw invalid('PROGRAMME_STATUS_MOVE', 'status', { from: current, to: wanted });
  if (wanted === 'planned' && !plannedDate) throw invalid('PROGRAMME_PLAN_NEEDS_DATE', 'plannedDate');
  if (wanted === 'cancelled' && !patch.cancelReason) throw invalid('PROGRAMME_CANCEL_NEEDS_REASON', 'cancelReason');
  return wanted;
};

/**
 * Plans an instance (date, venue, status), appoints or replaces its in-charge (a tenure) and sets its
 * team, in one transaction with its counters and one audit row (before/after).
 */
export const updateInstance = async (
  ctx: TCtx,
  id: number,
  patch: TInstancePatch,
  opts: { jobs?: TJobs | null } = {},
): Promise<TInstance> => {
  const appointed = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const row = await loadEditable(tctx, id);
    const status = row.status as TInstanceStatus;
    if (status === 'cancelled') throw invalid('PROGRAMME_CANCELLED');
    const before = await snapshot(tctx, id);
    const beforeTeam = await trx.selectFrom('programme_team_member').select('person_id').where('instance_id', '=', id).execute();
    const beforeInCharge = await currentInCharge(tctx, { kind: 'instance', id });
    const plannedDate = patch.plannedDate !== undefined ? patch.plannedDate : row.planned_date;
    const next = nextStatus(status, patch, plannedDate);
    let hasInCharge = row.has_in_charge;
    let newInCharge: number | null = null;
    let addedTeam: number[] = [];
    if (patch.inChargePersonId !== undefined && patch.inChargePersonId !== (beforeInCharge?.person_id ?? null)) {
      if (beforeInCharge) await endInCharge(tctx, beforeInCharge.id);
      if (patch.inChargePersonId !== null) {
        await startInCharge(tctx, { kind: 'instance', id, unitId: row.scope_unit_id, personId: patch.inChargePersonId });
        newInCharge = patch.inChargePersonId;
      }
      hasInCharge = patch.inChargePersonId !== null;
    }
    if (patch.team) {
      const ids = [...new Set(patch.team)];
      const had = new Set(beforeTeam.map((t) => t.person_id));
      addedTeam = ids.filter((pid) => !had.has(pid));
      for (const pid of ids) {
        const p = await loadVisiblePerson(tctx, pid, 'team');
        if (p.deleted_at || p.merged_into !== null) throw invalid('PROGRAMME_PERSON_DELETED', 'team', { id: pid });
      }
      let del = trx.deleteFrom('programme_team_member').where('instance_id', '=', id);
      if (ids.length > 0) del = del.where('person_id', 'not in', ids);
      await del.execute();
      if (ids.length > 0) {
        await trx
          .insertInto('programme_team_member')
          .values(ids.map((pid) => ({ instance_id: id, person_id: pid })))
          .onConflict((oc) => oc.columns(['instance_id', 'person_id']).doNothing())
          .execute();
      }
    }
    await trx
      .updateTable('programme_instance')
      .set({
        status: next,
        cancel_reason: next === 'cancelled' ? (patch.cancelReason ?? null) : null,
        planned_date: plannedDate,
        venue: patch.venue !== undefined ? patch.venue : before.venue,
        has_in_charge: hasInCharge,
        updated_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await moveInstance(trx, counted(row), { status, hasInCharge: row.has_in_charge }, { status: next, hasInCharge });
    await recordAudit(trx, ctx, {
      action: 'programme.instance.update',
      entityType: 'programme_instance',
      entityId: id,
      before: { ...before, inChargePersonId: beforeInCharge?.person_id ?? null, team: beforeTeam.map((t) => t.person_id) },
      after: { ...(await snapshot(tctx, id)), ...patch },
    });
    await notifyInstancePeople(trx, id, { inChargeId: newInCharge, addedTeam });
    return newInCharge;
  });
  if (appointed !== null) await queueProgrammeSms(opts.jobs, { kind: 'appointed', instanceId: id, personIds: [appointed] });
  return getInstance(ctx, id);
};

/**
 * Reports an instance: held on, attendance per audience segment of the programme, notes. `isFinal`
 * false leaves it 'held' (report to follow). A cancelled instance cannot be reported; a reported one
 * can be corrected (the audit keeps the earlier report).
 */
export const reportInstance = async (ctx: TCtx, id: number, input: TInstanceReport): Promise<TInstance> => {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const row = await loadEditable(tctx, id);
    const status = row.status as TInstanceStatus;
    if (status === 'cancelled') throw invalid('PROGRAMME_CANCELLED');
    const next: TInstanceStatus = input.isFinal ? 'reported' : 'held';
    if (status === 'reported' && next === 'held') throw invalid('PROGRAMME_STATUS_MOVE', 'isFinal', { from: status, to: next });
    if (input.heldOn > todayInIndia()) throw invalid('PROGRAMME_HELD_IN_FUTURE', 'heldOn', { date: input.heldOn });
    const segments = await trx.selectFrom('programme_segment').select('segment_key').where('programme_id', '=', row.programme_id).execute();
    const allowed = new Set(segments.map((s) => s.segment_key));
    const bad = Object.keys(input.attendance).find((k) => !allowed.has(k));
    if (bad) throw invalid('PROGRAMME_REPORT_SEGMENT', `attendance.${bad}`, { key: bad });
    const before = await snapshot(tctx, id);
    await trx
      .updateTable('programme_instance')
      .set({
        status: next,
        held_on: input.heldOn,
        attendance: JSON.stringify(input.attendance),
        notes: input.notes ?? null,
        reported_at: next === 'reported' ? sql<Date>`now()` : null,
        updated_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await moveInstance(trx, counted(row), { status, hasInCharge: row.has_in_charge }, { status: next, hasInCharge: row.has_in_charge });
    await recordAudit(trx, ctx, {
      action: 'programme.instance.report',
      entityType: 'programme_instance',
      entityId: id,
      before,
      after: { status: next, ...input },
    });
  });
  return getInstance(ctx, id);
};
