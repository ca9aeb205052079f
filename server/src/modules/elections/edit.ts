import type { TElectionPatch, TSeatPatch } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { refreshElectionHealth } from '../org-health/election-facts';
import { assertSeatUnit } from './operations';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection, loadSeat, seatNotFound, toElection, toSeat } from './queries';

/** Renames an election or corrects its dates (admins of the election; shipped elections are read-only). Audited. */
export const updateElection = (ctx: TCtx, id: number, patch: TElectionPatch) =>
  ctx.db.transaction().execute(async (trx) => {
    const e = await loadElection({ db: trx, actor: ctx.actor }, id);
    assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(id));
    if (e.is_shipped) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    const poll = patch.pollDate === undefined ? e.poll_date : patch.pollDate;
    const counting = patch.countingDate === undefined ? e.counting_date : patch.countingDate;
    if (poll && counting && counting < poll) throw invalid('ELECTION_DATES', 'countingDate');
    const before = toElection(ctx.actor, e);
    await trx
      .updateTable('election')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.nameHi !== undefined ? { name_hi: patch.nameHi } : {}),
        poll_date: poll,
        counting_date: counting,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    const after = toElection(ctx.actor, await loadElection({ db: trx, actor: ctx.actor }, id));
    await recordAudit(trx, ctx, { action: 'election.update', entityType: 'election', entityId: id, before, after });
    return after;
  });

/** Corrects a local-body seat's name, reservation or owning unit (admins of the election). Audited. */
export const updateSeat = (ctx: TCtx, id: number, patch: TSeatPatch) =>
  ctx.db.transaction().execute(async (trx) => {
    const { seat, election } = await loadSeat({ db: trx, actor: ctx.actor }, id);
    assertScopedRole(ctx.actor, election.unit_path, 'admin', () => seatNotFound(id));
    if (election.unit_path === null) throw invalid('SEATS_FROM_GEOGRAPHY');
    if (patch.unitId) await assertSeatUnit(trx, election.unit_path, patch.unitId);
    const before = toSeat(seat);
    await trx
      .updateTable('seat')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.nameHi !== undefined ? { name_hi: patch.nameHi } : {}),
        ...(patch.reservation !== undefined ? { reservation: patch.reservation } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (patch.unitId !== undefined && patch.unitId !== seat.unit_id) await refreshElectionHealth(trx, { seatIds: [id], unitIds: seat.unit_id === null ? [] : [seat.unit_id] });
    const after = toSeat((await loadSeat({ db: trx, actor: ctx.actor }, id)).seat);
    await recordAudit(trx, ctx, { action: 'seat.update', entityType: 'seat', entityId: id, before, after });
    return after;
  });
