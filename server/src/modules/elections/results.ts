import type { TPartyRef } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { getElectionSetting, partyRef, resolveParty } from './operations';
import { loadElection, loadSeat, toElection, toSeat } from './queries';
import { boothLines, seatUnits } from './seat-extras';
import { diff, pct } from './share';

type TRow = { seat_id: number; serial: number | null; candidate: string; party_key: string; votes: number };
type TSeatInfo = {
  id: number;
  code: string;
  name: string;
  name_hi: string | null;
  geo_code: string | null;
  state_code: string | null;
  is_redrawn: boolean;
  is_uncontested: boolean;
};

export type TSeatCalc = {
  seat: TSeatInfo;
  total: number;
  ranked: (TRow & { rank: number | null; share: number | null })[];
  byParty: Map<string, { votes: number; rank: number | null }>;
};

/** Ranks one seat's rows: NOTA counts in the total but never ranks; an uncontested seat has no shares. */
export const calcSeat = (seat: TSeatInfo, rows: TRow[]): TSeatCalc => {
  const sorted = [...rows].sort(
    (a, b) => b.votes - a.votes || (a.serial ?? 1e9) - (b.serial ?? 1e9) || a.candidate.localeCompare(b.candidate),
  );
  const total = seat.is_uncontested ? 0 : sorted.reduce((n, r) => n + r.votes, 0);
  let rank = 0;
  const ranked = sorted.map((r) => ({
    ...r,
    votes: Number(r.votes),
    rank: r.party_key === 'nota' ? null : ++rank,
    share: pct(Number(r.votes), total),
  }));
  const byParty = new Map<string, { votes: number; rank: number | null }>();
  for (const r of ranked) {
    const p = byParty.get(r.party_key) ?? { votes: 0, rank: null };
    p.votes += r.votes;
    if (r.rank !== null && (p.rank === null || r.rank < p.rank)) p.rank = r.rank;
    byParty.set(r.party_key, p);
  }
  return { seat, total, ranked, byParty };
};

/**
 * Every seat of an election with its result rows, one row per seat with the candidates as a JSON
 * array: returning ~17,000 rows one by one costs PGlite about 5 µs each, the arrays cost little.
 */
const queryCalcs = async (db: Kysely<DB>, electionId: number, state?: string, seatId?: number) => {
  const { rows } = await sql<TSeatInfo & { rows: [number | null, string, string, number][] }>`
    select s.id, s.code, s.name, s.name_hi, s.geo_code, s.is_redrawn, s.is_uncontested,
      coalesce(g.state_code, e.state_code) as state_code,
      json_agg(json_build_array(r.serial, r.candidate, r.party_key, r.votes)) as rows
    from seat s
    join election e on e.id = s.election_id
    left join geo_area g on g.code = s.geo_code
    join result_row r on r.seat_id = s.id
    where s.election_id = ${electionId}
      ${state ? sql`and coalesce(g.state_code, e.state_code) = ${state}` : sql``}
      ${seatId !== undefined ? sql`and s.id = ${seatId}` : sql``}
    group by s.id, g.state_code, e.state_code
    order by s.number, s.code`.execute(db);
  return rows.map((s) =>
    calcSeat(
      s,
      s.rows.map(([serial, candidate, party_key, votes]) => ({ seat_id: s.id, serial, candidate, party_key, votes: Number(votes) })),
    ),
  );
};

// Shipped results never change (imports refuse them), so their seat calculations are kept per database
// connection: a national results page then costs ~10 ms instead of ~400 ms on PGlite.
const shippedCache = new WeakMap<object, Map<string, Promise<TSeatCalc[]>>>();
const loadCalcs = async (db: Kysely<DB>, electionId: number, state?: string, seatId?: number) => {
  const e = await db.selectFrom('election').select('is_shipped').where('id', '=', electionId).executeTakeFirst();
  if (!e?.is_shipped) return queryCalcs(db, electionId, state, seatId);
  let byKey = shippedCache.get(db);
  if (!byKey) {
    byKey = new Map();
    shippedCache.set(db, byKey);
  }
  const key = `${electionId}|${state ?? ''}|${seatId ?? ''}`;
  let hit = byKey.get(key);
  if (!hit) {
    hit = queryCalcs(db, electionId, state, seatId);
    byKey.set(key, hit);
    hit.catch(() => byKey?.delete(key));
  }
  return hit;
};

/** The latest earlier election of the same type over the same area (same state, same running unit). */
export const previousElectionId = async (
  db: Kysely<DB>,
  e: { id: number; type: string; state_code: string | null; unit_id: number | null; year: number },
) => {
  const row = await db
    .selectFrom('election')
    .select('id')
    .where('type', '=', e.type as 'lok-sabha')
    .where('year', '<', e.year)
    .where(sql<boolean>`coalesce(state_code, '') = ${e.state_code ?? ''} and coalesce(unit_id, 0) = ${e.unit_id ?? 0}`)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
};

/** A seat's match in the previous election: the same geography, else (local bodies) the same code. */
const matchKey = (s: TSeatInfo) => s.geo_code ?? `code:${s.code}`;

const loadParties = async (db: Kysely<DB>, keys: string[]) => {
  if (!keys.length) return new Map<string, TPartyRef>();
  const rows = await db.selectFrom('party').select(['key', 'short_name', 'name', 'name_hi']).where('key', 'in', keys).execute();
  return new Map(rows.map((p) => [p.key, partyRef(p)]));
};

const chosenParty = async (ctx: TCtx, party?: string) =>
  party ? resolveParty(ctx.db, party, 'party') : ((await getElectionSetting(ctx)).ourParty?.key ?? null);

/** Seats won and vote share per party, and per seat the winner, margin and the chosen party's share, rank and swing. */
export const getElectionResults = async (ctx: TCtx, electionId: number, q: { party?: string; state?: string }) => {
  const e = await loadElection(ctx, electionId);
  const partyKey = await chosenParty(ctx, q.party);
  const prevId = await previousElectionId(ctx.db, e);
  const [calcs, prevCalcs] = await Promise.all([
    loadCalcs(ctx.db, electionId, q.state),
    prevId ? loadCalcs(ctx.db, prevId, q.state) : Promise.resolve([]),
  ]);
  const prevByKey = new Map(prevCalcs.map((c) => [matchKey(c.seat), c]));
  const tally = (list: TSeatCalc[]) => {
    const won = new Map<string, number>();
    const votes = new Map<string, number>();
    let total = 0;
    for (const c of list) {
      const w = c.ranked.find((r) => r.rank === 1);
      if (w) won.set(w.party_key, (won.get(w.party_key) ?? 0) + 1);
      total += c.total;
      if (c.total > 0) for (const [k, p] of c.byParty) votes.set(k, (votes.get(k) ?? 0) + p.votes);
    }
    return { won, votes, total };
  };
  const now = tally(calcs);
  const prev = tally(prevCalcs);
  const top = [...now.votes.keys()]
    .filter((k) => k !== 'nota')
    .sort((a, b) => (now.won.get(b) ?? 0) - (now.won.get(a) ?? 0) || (now.votes.get(b) ?? 0) - (now.votes.get(a) ?? 0));
  // Every party that won a seat now or last time, the 20 largest by votes, and the chosen one.
  const byVotes = [...now.votes.keys()].filter((k) => k !== 'nota').sort((a, b) => (now.votes.get(b) ?? 0) - (now.votes.get(a) ?? 0));
  const wonBefore = [...prev.won.keys()].filter((k) => !now.won.has(k));
  const shown = [
    ...new Set([...top.filter((k) => (now.won.get(k) ?? 0) > 0), ...byVotes.slice(0, 20), ...wonBefore, ...(partyKey ? [partyKey] : [])]),
  ];
  const winnerKeys = calcs.map((c) => c.ranked.find((r) => r.rank === 1)?.party_key).filter((k): k is string => !!k);
  const refs = await loadParties(ctx.db, [...new Set([...shown, ...winnerKeys])]);
  const parties = shown
    .filter((k) => refs.has(k))
    .map((k) => ({
      ...(refs.get(k) as TPartyRef),
      seatsWon: now.won.get(k) ?? 0,
      votes: now.votes.get(k) ?? 0,
      share: pct(now.votes.get(k) ?? 0, now.total),
      previousSeatsWon: prevId ? (prev.won.get(k) ?? 0) : null,
      previousShare: prevId ? pct(prev.votes.get(k) ?? 0, prev.total) : null,
    }))
    .sort((a, b) => b.seatsWon - a.seatsWon || b.votes - a.votes);
  const seats = calcs.map((c) => {
    const w = c.ranked.find((r) => r.rank === 1);
    const second = c.ranked.find((r) => r.rank === 2);
    const p = partyKey ? c.byParty.get(partyKey) : undefined;
    const before = prevByKey.get(matchKey(c.seat));
    const pb = before && partyKey ? before.byParty.get(partyKey) : undefined;
    const share = p ? pct(p.votes, c.total) : c.total > 0 && partyKey ? 0 : null;
    const previousShare = before && before.total > 0 && partyKey ? (pct(pb?.votes ?? 0, before.total) ?? null) : null;
    return {
      seatId: c.seat.id,
      code: c.seat.code,
      name: c.seat.name,
      nameHi: c.seat.name_hi,
      stateCode: c.seat.state_code,
      winner: w
        ? {
            candidate: w.candidate,
            party: refs.get(w.party_key) ?? { key: w.party_key, short: null, name: w.party_key, nameHi: null },
            votes: w.votes,
            share: w.share,
          }
        : null,
      margin: w && second && c.total > 0 ? w.votes - second.votes : null,
      party:
        partyKey && c.total > 0
          ? { votes: p?.votes ?? 0, share, rank: p?.rank ?? 0, previousShare, swing: diff(share, previousShare) }
          : null,
      isRedrawn: c.seat.is_redrawn || (before?.seat.is_redrawn ?? false),
      isUncontested: c.seat.is_uncontested,
    };
  });
  return {
    election: toElection(ctx.actor, e),
    previousElectionId: prevId,
    party: partyKey ? ((await loadParties(ctx.db, [partyKey])).get(partyKey) ?? null) : null,
    totalVotes: now.total,
    seatsWithResults: calcs.length,
    parties,
    seats,
  };
};

/** One seat: every candidate with share and rank, winner and margin, the chosen party's result and swing, booths and the party's units there. */
export const getSeatResult = async (ctx: TCtx, seatId: number, q: { party?: string }) => {
  const { seat, election } = await loadSeat(ctx, seatId);
  const partyKey = await chosenParty(ctx, q.party);
  const [calc] = await loadCalcs(ctx.db, election.id, undefined, seatId);
  const prevId = await previousElectionId(ctx.db, election);
  const prevSeat = prevId
    ? await ctx.db
        .selectFrom('seat')
        .select(['id', 'code', 'geo_code'])
        .where('election_id', '=', prevId)
        .where(seat.geo_code ? sql<boolean>`geo_code = ${seat.geo_code}` : sql<boolean>`code = ${seat.code} and geo_code is null`)
        .executeTakeFirst()
    : undefined;
  const [prevCalc] = prevId && prevSeat ? await loadCalcs(ctx.db, prevId, undefined, prevSeat.id) : [];
  const keys = [
    ...new Set([...(calc?.ranked ?? []), ...(prevCalc?.ranked ?? [])].map((r) => r.party_key).concat(partyKey ? [partyKey] : [])),
  ];
  const refs = await loadParties(ctx.db, keys);
  const ref = (k: string) => refs.get(k) ?? { key: k, short: null, name: k, nameHi: null };
  const line = (r: TSeatCalc['ranked'][number]) => ({
    serial: r.serial,
    candidate: r.candidate,
    party: ref(r.party_key),
    votes: r.votes,
    share: r.share,
    rank: r.rank,
  });
  const candidates = (calc?.ranked ?? []).map(line);
  const w = calc?.ranked.find((r) => r.rank === 1);
  const second = calc?.ranked.find((r) => r.rank === 2);
  const p = partyKey && calc ? calc.byParty.get(partyKey) : undefined;
  const share = calc && partyKey && calc.total > 0 ? pct(p?.votes ?? 0, calc.total) : null;
  const previousShare = prevCalc && partyKey && prevCalc.total > 0 ? pct(prevCalc.byParty.get(partyKey)?.votes ?? 0, prevCalc.total) : null;
  const pw = prevCalc?.ranked.find((r) => r.rank === 1);
  const booths = await boothLines(ctx.db, election.id, prevId, seatId, partyKey);
  const units = await seatUnits(ctx.db, seat.unit_id, seat.geo_code);
  return {
    seat: toSeat(seat),
    election: { id: election.id, name: election.name, nameHi: election.name_hi, year: election.year, type: election.type },
    totalVotes: calc?.total ?? 0,
    candidates,
    winner: w ? line(w) : null,
    margin: w && second && calc && calc.total > 0 ? w.votes - second.votes : null,
    party: partyKey ? ref(partyKey) : null,
    partyResult:
      calc && partyKey
        ? {
            votes: p?.votes ?? 0,
            share,
            rank: p?.rank ?? null,
            margin: w && calc.total > 0 ? (p?.rank === 1 && second ? w.votes - second.votes : (p?.votes ?? 0) - w.votes) : null,
            previousShare,
            swing: diff(share, previousShare),
          }
        : null,
    previous:
      prevId && prevSeat && prevCalc
        ? {
            electionId: prevId,
            seatId: prevSeat.id,
            year: (await loadElection(ctx, prevId)).year,
            winner: pw ? line(pw) : null,
            isRedrawn: prevCalc.seat.is_redrawn,
          }
        : null,
    booths,
    units,
  };
};
