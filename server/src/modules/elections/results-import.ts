import type { TImportReport } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { readSheet } from '../../lib/sheet';
import { recordAudit } from '../audit/record';
import { refreshElectionHealth } from '../org-health/election-facts';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection } from './queries';
import { chunks, errorList, findColumn, parsePositive, parseVotes, partyResolver, refuseIfErrors } from './import-support';

const COLUMNS = {
  seat: ['seat', 'seat code', 'constituency', 'सीट', 'क्षेत्र', 'वार्ड', 'ward'],
  serial: ['serial', 'osn', 'क्रम', 'क्रमांक'],
  candidate: ['candidate', 'name', 'प्रत्याशी', 'उम्मीदवार', 'नाम'],
  party: ['party', 'दल', 'पार्टी'],
  votes: ['votes', 'total votes', 'मत', 'वोट'],
  total: ['seat total', 'total', 'कुल', 'कुल मत'],
};

/**
 * Imports candidate-wise results (seat, candidate, party, votes; optional serial and the seat's total)
 * all-or-nothing: every row is checked first and any bad row stops the import with a row report.
 * A seat in the file has its earlier results replaced; the import is audited per seat.
 */
export const importResults = async (
  ctx: TCtx,
  electionId: number,
  bytes: Uint8Array,
  opts: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<TImportReport> => {
  const e = await loadElection(ctx, electionId);
  assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
  if (e.is_shipped) throw new AppError('FORBIDDEN', 'FORBIDDEN');
  const sheet = await readSheet(bytes);
  const { errors, add } = errorList(ctx);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, findColumn(sheet.header, names)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  for (const col of ['seat', 'candidate', 'party', 'votes'] as const) if (at[col] < 0) add(1, 'R_COLUMN_MISSING', { column: col }, col);
  const report = (written: number, seats: number, newParties: string[] = []): TImportReport => ({
    isDryRun: opts.dryRun,
    rows: sheet.rows.length,
    seats,
    written,
    newParties,
    errors,
  });
  if (errors.length) return refuseThen(report(0, 0));

  const seats = await ctx.db.selectFrom('seat').select(['id', 'code', 'number']).where('election_id', '=', electionId).execute();
  const byCode = new Map(seats.map((s) => [s.code.toLowerCase(), s.id]));
  const byNumber = new Map(seats.filter((s) => s.number !== null).map((s) => [String(s.number), s.id]));
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const parties = await partyResolver(ctx.db, sheet.rows.map((r) => cell(r.cells, at.party)).filter(Boolean));

  type TLine = {
    line: number;
    seatId: number;
    seat: string;
    serial: number | null;
    candidate: string;
    party: string;
    votes: number;
    total: number | null;
  };
  const lines: TLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of sheet.rows) {
    const seatRaw = cell(cells, at.seat);
    const seatId = byCode.get(seatRaw.toLowerCase()) ?? byNumber.get(seatRaw);
    if (seatId === undefined) add(line, 'R_SEAT_UNKNOWN', { seat: seatRaw }, 'seat');
    const candidate = cell(cells, at.candidate).replace(/\s+/g, ' ');
    if (!candidate) add(line, 'R_CANDIDATE_MISSING', {}, 'candidate');
    const partyName = cell(cells, at.party);
    const party = partyName ? parties.keyOf(partyName) : 'ind';
    const votes = parseVotes(cell(cells, at.votes));
    if (votes === null) add(line, 'R_VOTES_INVALID', { value: cell(cells, at.votes) }, 'votes');
    const serialRaw = cell(cells, at.serial);
    const serial = serialRaw ? parsePositive(serialRaw) : null;
    if (serialRaw && serial === null) add(line, 'R_NUMBER_INVALID', { value: serialRaw }, 'serial');
    const totalRaw = cell(cells, at.total);
    const total = totalRaw ? parseVotes(totalRaw) : null;
    if (totalRaw && total === null) add(line, 'R_VOTES_INVALID', { value: totalRaw }, 'total');
    // Namesakes are real; with a serial the ballot position tells them apart, without one name + party must be unique.
    const key = `${seatId}|${serial ?? `${candidate.toLowerCase()}|${party}`}`;
    const first = seen.get(key);
    if (seatId !== undefined && candidate && first !== undefined)
      add(line, 'R_CANDIDATE_TWICE', { candidate, party: partyName || 'IND', seat: seatRaw, first }, 'candidate');
    seen.set(key, first ?? line);
    if (seatId !== undefined && candidate && votes !== null)
      lines.push({ line, seatId, seat: seatRaw, serial, candidate, party, votes, total });
  }
  // Totals, where given, must equal the seat's sum.
  const bySeat = new Map<number, TLine[]>();
  for (const l of lines) bySeat.set(l.seatId, [...(bySeat.get(l.seatId) ?? []), l]);
  for (const group of bySeat.values()) {
    const sum = group.reduce((n, l) => n + l.votes, 0);
    for (const l of group)
      if (l.total !== null && l.total !== sum) add(l.line, 'R_TOTAL_MISMATCH', { seat: l.seat, total: l.total, sum }, 'total');
  }
  if (errors.length || opts.dryRun) return refuseThen(report(0, bySeat.size, parties.newNames()));

  await ctx.db.transaction().execute(async (trx) => {
    await parties.createNew(trx);
    const ids = [...bySeat.keys()];
    const before = await trx
      .selectFrom('result_row')
      .select(['seat_id', sql<number>`count(*)::int`.as('n')])
      .where('seat_id', 'in', ids)
      .groupBy('seat_id')
      .execute();
    await trx.deleteFrom('result_row').where('seat_id', 'in', ids).execute();
    let done = 0;
    for (const batch of chunks(lines, 2000)) {
      await trx
        .insertInto('result_row')
        .values(batch.map((l) => ({ seat_id: l.seatId, serial: l.serial, candidate: l.candidate, party_key: l.party, votes: l.votes })))
        .execute();
      done += batch.length;
      opts.onProgress?.(done, lines.length);
    }
    await refreshElectionHealth(trx, { seatIds: ids });
    const prior = new Map(before.map((b) => [b.seat_id, Number(b.n)]));
    await recordAudit(
      trx,
      ctx,
      [...bySeat].map(([seatId, group]) => ({
        action: 'seat.results-import',
        entityType: 'seat',
        entityId: seatId,
        before: prior.has(seatId) ? { rows: prior.get(seatId) } : null,
        after: { rows: group.length, votes: group.reduce((n, l) => n + l.votes, 0), parties: [...new Set(group.map((l) => l.party))] },
      })),
    );
  });
  return report(lines.length, bySeat.size, parties.newNames());
};

const refuseThen = (report: TImportReport) => {
  refuseIfErrors(report);
  return report;
};
