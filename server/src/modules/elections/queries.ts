import type { TAspirantStage, TElection, TElectionType, TSeat } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { hasScopedRole, canSeeUnitScoped, seesUnitScoped } from './policy';

export const electionNotFound = (id: number | string, field?: string) =>
  new AppError('NOT_FOUND', 'ELECTION_NOT_FOUND', { params: { id }, field });
export const seatNotFound = (id: number | string, field?: string) => new AppError('NOT_FOUND', 'SEAT_NOT_FOUND', { params: { id }, field });

const selectElections = (db: Kysely<DB>) =>
  db
    .selectFrom('election as e')
    .leftJoin('geo_area as g', 'g.code', 'e.state_code')
    .leftJoin('unit as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.type',
      'e.state_code',
      'e.unit_id',
      'e.year',
      'e.name',
      'e.name_hi',
      'e.poll_date',
      'e.counting_date',
      'e.is_shipped',
      'e.applications_open',
      'g.name as state_name',
      'g.name_hi as state_name_hi',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.path as unit_path',
      sql<number>`(select count(*) from seat s where s.election_id = e.id)::int`.as('seat_count'),
    ]);
export type TElectionRow = Awaited<ReturnType<ReturnType<typeof selectElections>['executeTakeFirstOrThrow']>>;

export const toElection = (actor: TActor, r: TElectionRow): TElection => {
  const canAdmin = hasScopedRole(actor, r.unit_path, 'admin');
  return {
    id: r.id,
    type: r.type,
    stateCode: r.state_code,
    stateName: r.state_name,
    stateNameHi: r.state_name_hi,
    unit: r.unit_id !== null && r.unit_name !== null ? { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi } : null,
    year: r.year,
    name: r.name,
    nameHi: r.name_hi,
    pollDate: r.poll_date,
    countingDate: r.counting_date,
    isShipped: r.is_shipped,
    seatCount: Number(r.seat_count),
    applicationsOpen: r.applications_open,
    actions: {
      canOpenApplications: hasScopedRole(actor, r.unit_path, 'office-bearer'),
      canEdit: canAdmin && !r.is_shipped,
      canImportResults: canAdmin && !r.is_shipped,
      canAddSeats: canAdmin && r.unit_id !== null,
    },
  };
};

/** An election the actor may see, else 404. */
export const loadElection = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, field?: string) => {
  const row = await selectElections(ctx.db).where('e.id', '=', id).executeTakeFirst();
  if (!row || !canSeeUnitScoped(ctx.actor, row.unit_path)) throw electionNotFound(id, field);
  return row;
};

const decode = <T>(cursor: string, check: (v: unknown) => v is T): T => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(v)) return v;
  } catch {
    // falls through to the error below
  }
  throw new AppError('VALIDATION', 'CURSOR_INVALID', { field: 'cursor' });
};
const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const isNumPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isSafeInteger(x));

export type TElectionQuery = { type?: TElectionType; year?: number; state?: string; limit: number; cursor?: string };

/** Elections the actor may see, newest year first, filtered in SQL. */
export const listElections = async (ctx: TCtx, q: TElectionQuery) => {
  let qb = selectElections(ctx.db).where(seesUnitScoped(ctx.actor, 'u.path'));
  if (q.type) qb = qb.where('e.type', '=', q.type);
  if (q.year) qb = qb.where('e.year', '=', q.year);
  if (q.state) qb = qb.where((eb) => eb.or([eb('e.state_code', '=', q.state as string), eb('e.state_code', 'is', null)]));
  if (q.cursor) {
    const [year, id] = decode(q.cursor, isNumPair);
    qb = qb.where(sql<boolean>`(e.year, e.id) < (${year}, ${id})`);
  }
  const rows = await qb
    .orderBy('e.year', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toElection(ctx.actor, r)),
    nextCursor: rows.length > q.limit && last ? encode([last.year, last.id]) : null,
  };
};

/**
 * Seats with what lists need: the unit (its own, else the party's unit linked to the same geography,
 * else the state unit), aspirant counts, whether a candidate is final, and the winner if results exist.
 */
const selectSeats = (db: Kysely<DB>) =>
  db
    .selectFrom('seat as s')
    .innerJoin('election as e', 'e.id', 's.election_id')
    .leftJoin('geo_area as g', 'g.code', 's.geo_code')
    .leftJoin('unit as u', (j) =>
      j.on(
        'u.id',
        '=',
        sql<number>`coalesce(s.unit_id, (select x.id from unit x where x.geo_code = s.geo_code and x.deleted_at is null and x.wing = 'main' order by x.depth, x.id limit 1),
          (select x.id from unit x where x.geo_code = g.state_code and x.deleted_at is null and x.wing = 'main' order by x.depth, x.id limit 1), e.unit_id)`,
      ),
    )
    .select([
      's.id',
      's.election_id',
      's.code',
      's.number',
      's.name',
      's.name_hi',
      's.geo_code',
      's.reservation',
      's.is_redrawn',
      's.is_uncontested',
      's.applications_open',
      'g.state_code as geo_state',
      'e.state_code as election_state',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.name_hi as unit_name_hi',
      'u.level as unit_level',
      'u.path as unit_path',
      sql<number>`(select count(*) from aspirant a where a.seat_id = s.id)::int`.as('aspirant_count'),
      sql<boolean>`exists (select 1 from aspirant a where a.seat_id = s.id and a.stage = 'candidate')`.as('has_candidate'),
      sql<{
        candidate: string;
        party: string;
        votes: number;
      } | null>`(select json_build_object('candidate', r.candidate, 'party', r.party_key, 'votes', r.votes)
        from result_row r where r.seat_id = s.id and r.party_key <> 'nota' order by r.votes desc, r.serial nulls last, r.id limit 1)`.as(
        'winner',
      ),
    ]);
export type TSeatRow = Awaited<ReturnType<ReturnType<typeof selectSeats>['executeTakeFirstOrThrow']>>;

export const toSeat = (r: TSeatRow): TSeat => ({
  id: r.id,
  electionId: r.election_id,
  code: r.code,
  number: r.number,
  name: r.name,
  nameHi: r.name_hi,
  geoCode: r.geo_code,
  unit:
    r.unit_id !== null && r.unit_name !== null && r.unit_level !== null
      ? { id: r.unit_id, name: r.unit_name, nameHi: r.unit_name_hi, level: r.unit_level }
      : null,
  reservation: r.reservation,
  isRedrawn: r.is_redrawn,
  isUncontested: r.is_uncontested,
  applicationsOpen: r.applications_open,
  aspirantCount: Number(r.aspirant_count),
  hasCandidate: Boolean(r.has_candidate),
  winner: r.winner ? { candidate: r.winner.candidate, party: r.winner.party, votes: Number(r.winner.votes) } : null,
});

/** A seat the actor may see, with its election; `scopePath` is where roles over it are checked. */
export const loadSeat = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number, field?: string) => {
  const row = await selectSeats(ctx.db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw seatNotFound(id, field);
  const election = await selectElections(ctx.db).where('e.id', '=', row.election_id).executeTakeFirstOrThrow();
  if (!canSeeUnitScoped(ctx.actor, election.unit_path)) throw seatNotFound(id, field);
  return { seat: row, election, scopePath: row.unit_path ?? election.unit_path };
};

const isSeatCursor = (v: unknown): v is [number, string, number] =>
  Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && Number.isSafeInteger(v[2]);

export type TSeatQuery = {
  q?: string;
  state?: string;
  coverage?: 'no-aspirant' | 'no-candidate' | 'candidate';
  limit: number;
  cursor?: string;
};

/** An election's seats in number order, with search, state and coverage filters, paged by keyset. */
export const listSeats = async (ctx: TCtx, electionId: number, q: TSeatQuery) => {
  await loadElection(ctx, electionId);
  let qb = selectSeats(ctx.db).where('s.election_id', '=', electionId);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    qb = qb.where((eb) => eb.or([eb('s.name', 'ilike', like), eb('s.name_hi', 'like', like), eb('s.code', 'ilike', like)]));
  }
  if (q.state) qb = qb.where('g.state_code', '=', q.state);
  if (q.coverage === 'no-aspirant') qb = qb.where(sql<boolean>`not exists (select 1 from aspirant a where a.seat_id = s.id)`);
  if (q.coverage === 'no-candidate')
    qb = qb.where(sql<boolean>`not exists (select 1 from aspirant a where a.seat_id = s.id and a.stage = 'candidate')`);
  if (q.coverage === 'candidate')
    qb = qb.where(sql<boolean>`exists (select 1 from aspirant a where a.seat_id = s.id and a.stage = 'candidate')`);
  const countQb = qb.clearSelect().select(sql<number>`count(*)::int`.as('n'));
  if (q.cursor) {
    const [n, code, id] = decode(q.cursor, isSeatCursor);
    qb = qb.where(sql<boolean>`(coalesce(s.number, 0), s.code, s.id) > (${n}, ${code}, ${id})`);
  }
  const [rows, total] = await Promise.all([
    qb
      .orderBy(sql`coalesce(s.number, 0)`)
      .orderBy('s.code')
      .orderBy('s.id')
      .limit(q.limit + 1)
      .execute(),
    countQb.executeTakeFirstOrThrow(),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSeat),
    nextCursor: rows.length > q.limit && last ? encode([last.number ?? 0, last.code, last.id]) : null,
    total: Number(total.n),
  };
};

/** For every seat of an election: how many aspirants, per stage, and whether a candidate is final. */
export const getCoverage = async (ctx: TCtx, electionId: number) => {
  await loadElection(ctx, electionId);
  const [totals, stages] = await Promise.all([
    sql<{ seats: number; with_aspirants: number; with_candidate: number }>`
      select count(*)::int as seats,
        count(*) filter (where exists (select 1 from aspirant a where a.seat_id = s.id))::int as with_aspirants,
        count(*) filter (where exists (select 1 from aspirant a where a.seat_id = s.id and a.stage = 'candidate'))::int as with_candidate
      from seat s where s.election_id = ${electionId}`.execute(ctx.db),
    sql<{ stage: TAspirantStage; n: number }>`
      select a.stage, count(*)::int as n from aspirant a join seat s on s.id = a.seat_id where s.election_id = ${electionId} group by a.stage`.execute(
      ctx.db,
    ),
  ]);
  const t = totals.rows[0] ?? { seats: 0, with_aspirants: 0, with_candidate: 0 };
  const byStage: Record<string, number> = {};
  for (const r of stages.rows) byStage[r.stage] = Number(r.n);
  return {
    electionId,
    seats: Number(t.seats),
    withAspirants: Number(t.with_aspirants),
    withCandidate: Number(t.with_candidate),
    aspirants: Object.values(byStage).reduce((a, b) => a + b, 0),
    byStage,
  };
};
