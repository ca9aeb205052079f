import type { TImportReport } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { readSheet } from '../../lib/sheet';
import { recordAudit } from '../audit/record';
import { refreshElectionHealth } from '../org-health/election-facts';
import { chunks, errorList, findColumn, parsePositive, parseVotes, partyResolver, refuseIfErrors } from './import-support';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection } from './queries';

const AC_NAMES = ['ac', 'ac no', 'ac code', 'assembly', 'विधानसभा', 'विधानसभा क्षेत्र'];
const PART_NAMES = ['part', 'part no', 'ps no', 'booth', 'बूथ', 'भाग', 'भाग संख्या'];
const TOTAL_NAMES = ['total', 'total votes secured', 'कुल', 'कुल मत'];
const SKIP_NAMES = ['part name', 'name', 'booth name', 'नाम', 'state', 'प्रदेश'];

/**
 * Imports booth-wise results: one row per polling station (AC, part number), one column of votes per
 * party, optional total. All-or-nothing. Every part must be a polling station on file for its AC, and
 * every AC must lie in a seat of the election (the AC itself, or the PC it belongs to).
 */
export const importBoothResults = async (
  ctx: TCtx,
  electionId: number,
  bytes: Uint8Array,
  opts: { dryRun: boolean; state?: string; onProgress?: (done: number, total: number) => void },
): Promise<TImportReport> => {
  const e = await loadElection(ctx, electionId);
  assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
  const sheet = await readSheet(bytes);
  const { errors, add } = errorList(ctx);
  const iAc = findColumn(sheet.header, AC_NAMES);
  const iPart = findColumn(sheet.header, PART_NAMES);
  const iTotal = findColumn(sheet.header, TOTAL_NAMES);
  const skip = new Set([iAc, iPart, iTotal, ...SKIP_NAMES.map((n) => findColumn(sheet.header, [n]))]);
  const partyCols = sheet.header.map((h, i) => ({ h: h.trim(), i })).filter((c) => !skip.has(c.i) && c.h !== '');
  if (iAc < 0) add(1, 'R_COLUMN_MISSING', { column: 'ac' }, 'ac');
  if (iPart < 0) add(1, 'R_COLUMN_MISSING', { column: 'part' }, 'part');
  if (partyCols.length === 0) add(1, 'R_NO_PARTY_COLUMNS', {}, 'file');
  const report = (written: number, seats: number, newParties: string[] = []): TImportReport => ({
    isDryRun: opts.dryRun,
    rows: sheet.rows.length,
    seats,
    written,
    newParties,
    errors,
  });
  if (errors.length) {
    refuseIfErrors(report(0, 0));
    return report(0, 0);
  }
  const state = e.state_code ?? opts.state ?? null;
  const parties = await partyResolver(
    ctx.db,
    partyCols.map((c) => c.h),
  );
  const keys = partyCols.map((c) => parties.keyOf(c.h));

  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const acCodeOf = (raw: string) =>
    /^[SU]\d{2}-AC-\d+$/i.test(raw) ? raw.toUpperCase() : state && parsePositive(raw) ? `${state}-AC-${Number(raw)}` : null;
  const wanted = [...new Set(sheet.rows.map((r) => acCodeOf(cell(r.cells, iAc))).filter((c): c is string => c !== null))];
  const acs = wanted.length
    ? await ctx.db
        .selectFrom('geo_area')
        .select(['code', 'state_code', 'pc_code'])
        .where('kind', '=', 'ac')
        .where('code', 'in', wanted)
        .execute()
    : [];
  const acInfo = new Map(acs.map((a) => [a.code, a]));
  const seats = await ctx.db
    .selectFrom('seat')
    .select(['id', 'geo_code'])
    .where('election_id', '=', electionId)
    .where('geo_code', 'is not', null)
    .execute();
  const seatByGeo = new Map(seats.map((s) => [s.geo_code as string, s.id]));
  const stations = wanted.length
    ? await ctx.db.selectFrom('polling_station').select(['id', 'ac_code', 'part_number']).where('ac_code', 'in', wanted).execute()
    : [];
  const psOf = new Map(stations.map((p) => [`${p.ac_code}|${p.part_number}`, p.id]));
  const acHasBooths = new Set(stations.map((p) => p.ac_code));

  type TBooth = { line: number; ac: string; part: number; seatId: number; psId: number; votes: number[] };
  const booths: TBooth[] = [];
  const seen = new Map<string, number>();
  const reportedAc = new Set<string>();
  for (const { line, cells } of sheet.rows) {
    const acRaw = cell(cells, iAc);
    const ac = acCodeOf(acRaw);
    const info = ac ? acInfo.get(ac) : undefined;
    if (!ac || !info || (state !== null && info.state_code !== state)) {
      add(line, 'R_AC_UNKNOWN', { ac: acRaw }, 'ac');
      continue;
    }
    const seatId = seatByGeo.get(ac) ?? (info.pc_code ? seatByGeo.get(info.pc_code) : undefined);
    if (seatId === undefined) {
      if (!reportedAc.has(ac)) add(line, 'R_AC_NOT_IN_SEAT', { ac }, 'ac');
      reportedAc.add(ac);
      continue;
    }
    if (!acHasBooths.has(ac)) {
      if (!reportedAc.has(ac)) add(line, 'R_AC_NO_BOOTHS', { ac }, 'ac');
      reportedAc.add(ac);
      continue;
    }
    const partRaw = cell(cells, iPart);
    const part = parsePositive(partRaw);
    const psId = part === null ? undefined : psOf.get(`${ac}|${part}`);
    if (part === null || psId === undefined) {
      add(line, 'R_PART_UNKNOWN', { part: partRaw, ac }, 'part');
      continue;
    }
    const first = seen.get(`${ac}|${part}`);
    if (first !== undefined) add(line, 'R_PART_TWICE', { ac, part, first }, 'part');
    seen.set(`${ac}|${part}`, first ?? line);
    const votes = partyCols.map((c) => {
      const raw = cell(cells, c.i);
      const v = raw === '' ? 0 : parseVotes(raw);
      if (v === null) add(line, 'R_VOTES_INVALID', { value: raw }, c.h);
      return v ?? 0;
    });
    const totalRaw = cell(cells, iTotal);
    if (totalRaw) {
      const total = parseVotes(totalRaw);
      const sum = votes.reduce((a, b) => a + b, 0);
      if (total === null) add(line, 'R_VOTES_INVALID', { value: totalRaw }, 'total');
      else if (total !== sum) add(line, 'R_TOTAL_MISMATCH', { seat: `${ac}/${part}`, total, sum }, 'total');
    }
    booths.push({ line, ac, part, seatId, psId, votes });
  }
  const seatCount = new Set(booths.map((b) => b.seatId)).size;
  if (errors.length || opts.dryRun) {
    refuseIfErrors(report(0, seatCount, parties.newNames()));
    return report(0, seatCount, parties.newNames());
  }
  const rows = booths.flatMap((b) =>
    keys.map((party, i) => ({
      election_id: electionId,
      seat_id: b.seatId,
      ac_code: b.ac,
      part_number: b.part,
      polling_station_id: b.psId,
      party_key: party,
      votes: b.votes[i] ?? 0,
    })),
  );
  await ctx.db.transaction().execute(async (trx) => {
    await parties.createNew(trx);
    // Earlier rows of the same booths go first: one statement for all of them, then one audit row per AC.
    const byAc = new Map<string, number>();
    for (const b of booths) byAc.set(b.ac, (byAc.get(b.ac) ?? 0) + 1);
    await sql`delete from booth_result br
      using unnest(${booths.map((b) => b.ac)}::text[], ${booths.map((b) => b.part)}::int[]) as k (ac, part)
      where br.election_id = ${electionId} and br.ac_code = k.ac and br.part_number = k.part`.execute(trx);
    await recordAudit(
      trx,
      ctx,
      [...byAc].map(([ac, parts]) => ({
        action: 'election.booth-results-import',
        entityType: 'election',
        entityId: electionId,
        after: { ac, parts, parties: keys },
      })),
    );
    // Column arrays through unnest: one statement per 20,000 rows, no per-value parameters.
    let done = 0;
    for (const batch of chunks(rows, 20_000)) {
      const col = <T>(f: (r: (typeof rows)[number]) => T) => batch.map(f);
      await sql`insert into booth_result (election_id, seat_id, ac_code, part_number, polling_station_id, party_key, votes)
        select ${electionId}::bigint, x.* from unnest(${col((r) => r.seat_id)}::bigint[], ${col((r) => r.ac_code)}::text[],
          ${col((r) => r.part_number)}::int[], ${col((r) => r.polling_station_id)}::bigint[], ${col((r) => r.party_key)}::text[],
          ${col((r) => r.votes)}::int[]) as x`.execute(trx);
      done += batch.length;
      opts.onProgress?.(done, rows.length);
    }
    await refreshElectionHealth(trx, { pollingStationIds: booths.map((b) => b.psId) });
  });
  return report(rows.length, seatCount, parties.newNames());
};
