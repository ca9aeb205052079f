import { LOCAL_BODY_TYPES, type TElectionCreate, type TSeatCreate } from '@samiti/common';
import { sql, type Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError, invalid } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin, assertRoleAt, isNationalAdmin } from '../auth/policy';
import { refreshElectionHealth } from '../org-health/election-facts';
import { findUnitRecord } from '../units/queries';
import { normalisePartyName } from './party-names';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection, loadSeat, toElection, toSeat } from './queries';

const unitMissing = (id: number) => new AppError('NOT_FOUND', 'UNIT_NOT_FOUND', { params: { id }, field: 'unitId' });

/** Whether the unit lies in the state: it, or one of its ancestors, links to the state or to geography inside it. */
const unitInState = async (trx: Transaction<DB>, unitPath: string, state: string) => {
  const row = await sql<{ ok: boolean }>`select exists (
      select 1 from unit a left join geo_area g on g.code = a.geo_code
      where starts_with(${unitPath}::text, a.path) and (a.geo_code = ${state} or g.state_code = ${state})) as ok`.execute(trx);
  return Boolean(row.rows[0]?.ok);
};

/**
 * Creates an election. Lok Sabha (national) and Vidhan Sabha (one state) take their seats from the
 * shipped geography and need a national admin; a local-body election belongs to a unit (its admins
 * create it) and gets its seats by hand or from a CSV.
 */
export const createElection = (ctx: TCtx, input: TElectionCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const isLocal = LOCAL_BODY_TYPES.includes(input.type);
    if (input.type === 'lok-sabha' && input.stateCode) throw invalid('ELECTION_STATE_NOT_ALLOWED', 'stateCode');
    if (input.type !== 'lok-sabha' && !input.stateCode) throw invalid('ELECTION_STATE_REQUIRED', 'stateCode', { type: input.type });
    if (isLocal && input.unitId === undefined) throw invalid('ELECTION_UNIT_REQUIRED', 'unitId');
    if (!isLocal && input.unitId !== undefined) throw invalid('ELECTION_UNIT_NOT_ALLOWED', 'unitId');
    if (input.pollDate && input.countingDate && input.countingDate < input.pollDate) throw invalid('ELECTION_DATES', 'countingDate');
    if (input.stateCode) {
      const state = await trx
        .selectFrom('geo_area')
        .select('code')
        .where('code', '=', input.stateCode)
        .where('kind', '=', 'state')
        .executeTakeFirst();
      if (!state) throw invalid('UNKNOWN_STATE', 'stateCode', { code: input.stateCode });
    }
    let unitId: number | null = null;
    if (isLocal) {
      const unit = await findUnitRecord(trx, input.unitId as number);
      if (!unit || unit.deleted_at) throw unitMissing(input.unitId as number);
      assertRoleAt(ctx.actor, unit.path, 'admin', () => unitMissing(unit.id));
      if (!(await unitInState(trx, unit.path, input.stateCode as string))) {
        throw invalid('UNIT_NOT_IN_STATE', 'unitId', { id: unit.id, state: input.stateCode as string });
      }
      unitId = unit.id;
      const same = await trx
        .selectFrom('election')
        .select('id')
        .where('type', '=', input.type)
        .where('unit_id', '=', unitId)
        .where('year', '=', input.year)
        .executeTakeFirst();
      if (same)
        throw new AppError('CONFLICT', 'ELECTION_EXISTS', {
          params: { type: input.type, year: input.year },
          field: 'year',
          extra: { existingId: same.id },
        });
    } else {
      assertNationalAdmin(ctx.actor);
      const same = await trx
        .selectFrom('election')
        .select('id')
        .where('type', '=', input.type)
        .where('year', '=', input.year)
        .where('unit_id', 'is', null)
        .where(sql<boolean>`coalesce(state_code, '') = ${input.stateCode ?? ''}`)
        .executeTakeFirst();
      if (same)
        throw new AppError('CONFLICT', 'ELECTION_EXISTS', {
          params: { type: input.type, year: input.year },
          field: 'year',
          extra: { existingId: same.id },
        });
    }
    const { id } = await trx
      .insertInto('election')
      .values({
        type: input.type,
        state_code: input.stateCode ?? null,
        unit_id: unitId,
        year: input.year,
        name: input.name,
        name_hi: input.nameHi ?? null,
        poll_date: input.pollDate ?? null,
        counting_date: input.countingDate ?? null,
        created_by: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!isLocal) {
      const kind = input.type === 'lok-sabha' ? 'pc' : 'ac';
      await sql`insert into seat (election_id, code, number, name, name_hi, geo_code, reservation)
        select ${id}, g.code, g.number, g.name, g.name_hi, g.code, g.reservation from geo_area g
        where g.kind = ${kind} and (${input.stateCode ?? null}::text is null or g.state_code = ${input.stateCode ?? null}::text)`.execute(
        trx,
      );
    }
    const election = toElection(ctx.actor, await loadElection({ db: trx, actor: ctx.actor }, id));
    await recordAudit(trx, ctx, { action: 'election.create', entityType: 'election', entityId: id, after: election });
    return election;
  });

/** The rules a local-body seat must meet; shared by hand entry and the CSV import. */
export const assertSeatUnit = async (trx: Transaction<DB>, electionUnitPath: string, unitId: number) => {
  const unit = await findUnitRecord(trx, unitId);
  if (!unit || unit.deleted_at) throw unitMissing(unitId);
  if (!unit.path.startsWith(electionUnitPath)) throw invalid('SEAT_UNIT_OUTSIDE', 'unitId', { id: unitId });
  return unit;
};

/** Adds one local-body seat by hand (admins of the election's unit). */
export const createSeat = (ctx: TCtx, electionId: number, input: TSeatCreate) =>
  ctx.db.transaction().execute(async (trx) => {
    const e = await loadElection({ db: trx, actor: ctx.actor }, electionId);
    assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
    if (e.unit_path === null) throw invalid('SEATS_FROM_GEOGRAPHY');
    if (input.unitId !== undefined) await assertSeatUnit(trx, e.unit_path, input.unitId);
    const taken = await trx
      .selectFrom('seat')
      .select('id')
      .where('election_id', '=', electionId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', 'SEAT_CODE_TAKEN', { params: { code: input.code }, field: 'code', extra: { existingId: taken.id } });
    const { id } = await trx
      .insertInto('seat')
      .values({
        election_id: electionId,
        code: input.code,
        number: input.number ?? null,
        name: input.name,
        name_hi: input.nameHi ?? null,
        unit_id: input.unitId ?? null,
        reservation: input.reservation ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seat = toSeat((await loadSeat({ db: trx, actor: ctx.actor }, id)).seat);
    await recordAudit(trx, ctx, { action: 'seat.create', entityType: 'seat', entityId: id, after: seat });
    return seat;
  });

/** Finds a party by key or any of its names (folded); 400 on `field` when unknown. */
export const resolveParty = async (db: Transaction<DB> | TCtx['db'], name: string, field: string) => {
  const folded = normalisePartyName(name);
  const row = await db
    .selectFrom('party as p')
    .leftJoin('party_alias as a', 'a.party_key', 'p.key')
    .select(['p.key'])
    .where((eb) => eb.or([eb('p.key', '=', name.trim().toLowerCase()), eb('a.folded', '=', folded)]))
    .limit(1)
    .executeTakeFirst();
  if (!row) throw invalid('PARTY_UNKNOWN', field, { party: name });
  return row.key;
};

const partyRef = (p: { key: string; short_name: string | null; name: string; name_hi: string | null }) => ({
  key: p.key,
  short: p.short_name,
  name: p.name,
  nameHi: p.name_hi,
});

/** Which party is "ours": read by anyone logged in, changed by a national admin. */
export const getElectionSetting = async (ctx: TCtx) => {
  const row = await ctx.db
    .selectFrom('election_setting as s')
    .leftJoin('party as p', 'p.key', 's.our_party_key')
    .select(['p.key', 'p.short_name', 'p.name', 'p.name_hi'])
    .executeTakeFirst();
  return {
    ourParty: row?.key && row.name ? partyRef({ key: row.key, short_name: row.short_name, name: row.name, name_hi: row.name_hi }) : null,
    canEdit: isNationalAdmin(ctx.actor),
  };
};

export const setOurParty = (ctx: TCtx, party: string | null) =>
  ctx.db.transaction().execute(async (trx) => {
    assertNationalAdmin(ctx.actor);
    const key = party === null ? null : await resolveParty(trx, party, 'ourParty');
    const before = await trx.selectFrom('election_setting').select('our_party_key').executeTakeFirst();
    await trx
      .updateTable('election_setting')
      .set({ our_party_key: key, updated_by: ctx.actor.userId > 0 ? ctx.actor.userId : null, updated_at: sql`now()` })
      .where('singleton', '=', true)
      .execute();
    if (key !== (before?.our_party_key ?? null)) await refreshElectionHealth(trx, 'all');
    await recordAudit(trx, ctx, {
      action: 'election-setting.update',
      entityType: 'election_setting',
      entityId: 1,
      before: { ourParty: before?.our_party_key ?? null },
      after: { ourParty: key },
    });
    return getElectionSetting({ ...ctx, db: trx });
  });

export { partyRef };
