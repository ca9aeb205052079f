import type { TImportReport } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { readSheet, type TSheet } from '../../lib/sheet';
import { recordAudit } from '../audit/record';
import { refreshElectionHealth } from '../org-health/election-facts';
import { chunks, errorList, findColumn, parsePositive, parseVotes, partyResolver, refuseIfErrors } from './import-support';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection } from './queries';

const AC_NAMES = ['ac', 'ac no', 'ac code', 'assembly', 'विधानसभा', 'विधानसभा क्षेत्र'];
const PART_NAMES = ['part', 'part no', 'ps no', 'booth', 'बूथ', 'भाग', 'भाग संख्या'];
const TOTAL_NAMES = ['total', 'total votes secured', 'कुल', 'कुल मत'];
const SKIP_NAMES = ['part name', 'name', 'booth name', 'नाम', 'state', 'प्रदेश'];
const CANDIDATE_COLUMN = /^\s*(\d+)\s*-\s*(\S.*?)\s*$/;
const NOTA_NAMES = new Set(['noneoftheabove', 'nota']);
const TRAILER = /total|postal|कुल|डाक/i;

export type TBoothLayout = 'auto' | 'party-columns' | 'form-20';

/** Folds a candidate name so the Form-20 header and the results file meet: case, spaces and punctuation do not count. */
export const foldCandidate = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

/**
 * A Form-20 sheet (the ECI polling-station-wise result): a "Part No" column and candidate columns
 * "<serial> - <NAME>", under an optional group header row. Answers the real header, its line and the rows
 * below it, else null.
 */
export const form20Header = (sheet: TSheet): { header: string[]; headerLine: number; rows: TSheet['rows'] } | null => {
  const isForm20 = (h: string[]) => findColumn(h, ['part no']) >= 0 && h.some((c) => CANDIDATE_COLUMN.test(c));
  if (isForm20(sheet.header)) return { header: sheet.header, headerLine: 1, rows: sheet.rows };
  const second = sheet.rows[0];
  if (second && isForm20(second.cells)) return { header: second.cells, headerLine: second.line, rows: sheet.rows.slice(1) };
  return null;
};

/**
 * The party of each Form-20 candidate column ("<serial> - <NAME>") from the seat's candidate-wise results:
 * the candidate of the same folded name; several of that name (two "HEMA MALINI" in Mathura 2014) are told
 * apart by the ballot serial when the results carry serials, else it is ambiguous unless they share a party.
 * No exact name: the one candidate whose name contains the column's, or is contained in it ("DHARAM YADAV" in
 * "DHARAM YADAV URF D.P.YADAV"), names of 6 letters or more. NOTA maps to NOTA.
 */
export const matchCandidateColumns = (
  columns: string[],
  candidates: { candidate: string; party_key: string; serial: number | null }[],
): { key: string | null; problem: 'unknown' | 'ambiguous' | null }[] => {
  const folded = candidates.map((c) => ({ ...c, fold: foldCandidate(c.candidate) }));
  const nota = folded.find((c) => c.party_key === 'nota' || NOTA_NAMES.has(c.fold))?.party_key ?? 'nota';
  return columns.map((h) => {
    const m = CANDIDATE_COLUMN.exec(h);
    if (!m) return { key: null, problem: 'unknown' };
    const serial = Number(m[1]);
    const name = foldCandidate(m[2] as string);
    if (NOTA_NAMES.has(name)) return { key: nota, problem: null };
    let found = folded.filter((c) => c.fold === name);
    if (found.length === 0 && name.length >= 6)
      found = folded.filter((c) => c.fold.length >= 6 && !NOTA_NAMES.has(c.fold) && (c.fold.includes(name) || name.includes(c.fold)));
    if (found.length === 0) return { key: null, problem: 'unknown' };
    if (found.length > 1) {
      const bySerial = found.filter((c) => c.serial === serial);
      if (bySerial.length === 1) found = bySerial;
      else if (new Set(found.map((c) => c.party_key)).size > 1) return { key: null, problem: 'ambiguous' };
    }
    return { key: (found[0] as (typeof found)[number]).party_key, problem: null };
  });
};

/** The AC number a Form-20 file is named after ("1.csv", "up/403.xlsx"), else null. */
export const acFromFileName = (fileName?: string) => {
  const m = fileName ? /(?:^|[\\/])(\d{1,3})\.(?:csv|xlsx)$/i.exec(fileName.trim()) : null;
  return m ? Number(m[1]) : null;
};

/**
 * Imports booth-wise results: one row per polling station (AC, part number), one column of votes per
 * party, optional total. All-or-nothing. Every part must be a polling station on file for its AC, and
 * every AC must lie in a seat of the election (the AC itself, or the PC it belongs to).
 */
export const importBoothResults = async (
  ctx: TCtx,
  electionId: number,
  bytes: Uint8Array,
  opts: {
    dryRun: boolean;
    state?: string;
    layout?: TBoothLayout;
    ac?: number;
    fileName?: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<TImportReport> => {
  const e = await loadElection(ctx, electionId);
  assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
  const raw = await readSheet(bytes);
  const { errors, add } = errorList(ctx);
  const f20 = opts.layout === 'party-columns' ? null : form20Header(raw);
  const form20 = opts.layout === 'form-20' || f20 !== null;
  const sheet: TSheet = f20 ? { header: f20.header, rows: f20.rows } : raw;
  const headerLine = f20?.headerLine ?? 1;
  const state = e.state_code ?? opts.state ?? null;
  // Form-20: one AC per file (a form field or the file name); party columns: an AC column.
  const form20Ac = form20 ? (opts.ac ?? acFromFileName(opts.fileName)) : null;
  const iAc = form20 ? -1 : findColumn(sheet.header, AC_NAMES);
  const iPart = findColumn(sheet.header, form20 ? ['part no', ...PART_NAMES] : PART_NAMES);
  const iName = form20 ? findColumn(sheet.header, ['part name']) : -1;
  // Form-20 has a voters' "Total" too: the votes total is "Total Votes Secured".
  const iTotal = findColumn(sheet.header, form20 ? ['total votes secured'] : TOTAL_NAMES);
  const skip = new Set([iAc, iPart, iTotal, ...SKIP_NAMES.map((n) => findColumn(sheet.header, [n]))]);
  const partyCols = form20
    ? sheet.header.flatMap((h, i) => (CANDIDATE_COLUMN.test(h) ? [{ h: h.trim(), i }] : []))
    : sheet.header.map((h, i) => ({ h: h.trim(), i })).filter((c) => !skip.has(c.i) && c.h !== '');
  if (form20 && !f20) add(1, 'R_FORM20_HEADER_MISSING', {}, 'file');
  else if (form20 && (form20Ac === null || !state)) add(headerLine, 'R_FORM20_AC_MISSING', {}, 'ac');
  if (!form20 && iAc < 0) add(1, 'R_COLUMN_MISSING', { column: 'ac' }, 'ac');
  if (f20 || !form20) {
    if (iPart < 0) add(headerLine, 'R_COLUMN_MISSING', { column: 'part' }, 'part');
    if (partyCols.length === 0) add(headerLine, 'R_NO_PARTY_COLUMNS', {}, 'file');
  }
  // Trailing total / postal-ballot rows of a Form-20 are not polling stations: skipped, not errors. A row
  // without a part number that does not say so is a row error (its votes are not dropped silently).
  const cellOf = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const isTrailer = (cells: string[]) => {
    const part = cellOf(cells, iPart);
    if (parsePositive(part) !== null) return false;
    return TRAILER.test(part) || TRAILER.test(cellOf(cells, iName)) || cells.every((c) => c.trim() === '');
  };
  if (form20) sheet.rows = sheet.rows.filter((r) => !isTrailer(r.cells));
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
  const cell = cellOf;
  const acCodeOf = (raw: string) =>
    /^[SU]\d{2}-AC-\d+$/i.test(raw) ? raw.toUpperCase() : state && parsePositive(raw) ? `${state}-AC-${Number(raw)}` : null;
  const acRawOf = (cells: string[]) => (form20 ? String(form20Ac) : cell(cells, iAc));
  const wanted = form20
    ? [`${state}-AC-${form20Ac}`]
    : [...new Set(sheet.rows.map((r) => acCodeOf(cell(r.cells, iAc))).filter((c): c is string => c !== null))];
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

  // Party of each vote column: by name (party columns), or through the seat's candidate-wise results (Form-20).
  let columnParty: (string | null)[];
  let parties: Awaited<ReturnType<typeof partyResolver>>;
  if (form20) {
    parties = await partyResolver(ctx.db, []);
    const ac = wanted[0] as string;
    const info = acInfo.get(ac);
    const seatId = seatByGeo.get(ac) ?? (info?.pc_code ? seatByGeo.get(info.pc_code) : undefined);
    const candidates =
      seatId === undefined
        ? []
        : await ctx.db.selectFrom('result_row').select(['candidate', 'party_key', 'serial']).where('seat_id', '=', seatId).execute();
    const seatName = info?.pc_code && !seatByGeo.has(ac) ? info.pc_code : ac;
    const matches = matchCandidateColumns(
      partyCols.map((c) => c.h),
      candidates,
    );
    columnParty = matches.map((m, j) => {
      const h = partyCols[j]?.h as string;
      // Only once the AC lies in a seat: otherwise the AC's own error says it all.
      if (m.problem === 'unknown' && seatId !== undefined)
        add(headerLine, 'R_FORM20_CANDIDATE_UNKNOWN', { candidate: h, seat: seatName }, h);
      if (m.problem === 'ambiguous') add(headerLine, 'R_FORM20_CANDIDATE_AMBIGUOUS', { candidate: h, seat: seatName }, h);
      return m.key;
    });
  } else {
    parties = await partyResolver(
      ctx.db,
      partyCols.map((c) => c.h),
    );
    columnParty = partyCols.map((c) => parties.keyOf(c.h));
  }
  // Two columns of one party (independents, or "BJP" and "भाजपा") add up into one row per booth.
  const keys = [...new Set(columnParty.filter((k): k is string => k !== null))];
  const slotOf = columnParty.map((k) => (k === null ? -1 : keys.indexOf(k)));

  type TBooth = { line: number; ac: string; part: number; seatId: number; psId: number; votes: number[] };
  const booths: TBooth[] = [];
  const seen = new Map<string, number>();
  const reportedAc = new Set<string>();
  for (const { line, cells } of sheet.rows) {
    const acRaw = acRawOf(cells);
    const ac = acCodeOf(acRaw);
    const info = ac ? acInfo.get(ac) : undefined;
    if (!ac || !info || (state !== null && info.state_code !== state)) {
      // A Form-20 file is one AC: said once, not on every row.
      if (!form20 || !reportedAc.has(acRaw)) add(line, 'R_AC_UNKNOWN', { ac: ac ?? acRaw }, 'ac');
      reportedAc.add(acRaw);
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
    const votes = keys.map(() => 0);
    let sum = 0;
    partyCols.forEach((c, j) => {
      const raw = cell(cells, c.i);
      const v = raw === '' ? 0 : parseVotes(raw);
      if (v === null) add(line, 'R_VOTES_INVALID', { value: raw }, c.h);
      const slot = slotOf[j] as number;
      if (slot >= 0) votes[slot] = (votes[slot] as number) + (v ?? 0);
      sum += v ?? 0;
    });
    const totalRaw = cell(cells, iTotal);
    if (totalRaw) {
      const total = parseVotes(totalRaw);
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
