import { SEAT_RESERVATIONS, type TImportReport } from '@samiti/common';
import type { TCtx } from '../../context';
import { invalid } from '../../errors';
import { readSheet } from '../../lib/sheet';
import { recordAudit } from '../audit/record';
import { errorList, findColumn, parsePositive, refuseIfErrors } from './import-support';
import { assertScopedRole } from './policy';
import { electionNotFound, loadElection } from './queries';

const COLUMNS = {
  code: ['code', 'seat code', 'ward code', 'कोड', 'वार्ड कोड'],
  number: ['number', 'no', 'ward no', 'ward number', 'संख्या', 'वार्ड संख्या', 'क्रमांक'],
  name: ['name', 'seat', 'ward', 'english name', 'नाम (अंग्रेज़ी)'],
  nameHi: ['name hi', 'hindi name', 'नाम', 'वार्ड'],
  reservation: ['reservation', 'आरक्षण'],
  unit: ['unit', 'unit id', 'इकाई'],
};

/**
 * Creates the seats of a local-body election from a CSV or XLSX (e.g. every ward of a district
 * panchayat): code (or number), name, optional Hindi name, reservation and owning unit id.
 * All-or-nothing, with a row report; a code already in the election is a row error.
 */
export const importSeats = async (ctx: TCtx, electionId: number, bytes: Uint8Array, opts: { dryRun: boolean }): Promise<TImportReport> => {
  const e = await loadElection(ctx, electionId);
  assertScopedRole(ctx.actor, e.unit_path, 'admin', () => electionNotFound(electionId));
  if (e.unit_path === null || e.unit_id === null) throw invalid('SEATS_FROM_GEOGRAPHY');
  const electionPath = e.unit_path;
  const sheet = await readSheet(bytes);
  const { errors, add } = errorList(ctx);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, findColumn(sheet.header, names)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  if (at.code < 0 && at.number < 0) add(1, 'R_COLUMN_MISSING', { column: 'code' }, 'code');
  if (at.name < 0 && at.nameHi < 0) add(1, 'R_COLUMN_MISSING', { column: 'name' }, 'name');
  const report = (written: number): TImportReport => ({
    isDryRun: opts.dryRun,
    rows: sheet.rows.length,
    seats: written,
    written,
    newParties: [],
    errors,
  });
  const finish = (r: TImportReport) => {
    refuseIfErrors(r);
    return r;
  };
  if (errors.length) return finish(report(0));
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const existing = new Set(
    (await ctx.db.selectFrom('seat').select('code').where('election_id', '=', electionId).execute()).map((s) => s.code.toLowerCase()),
  );
  const unitIds = [...new Set(sheet.rows.map((r) => parsePositive(cell(r.cells, at.unit))).filter((n): n is number => n !== null))];
  const units = unitIds.length
    ? await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', 'in', unitIds).where('deleted_at', 'is', null).execute()
    : [];
  const unitPath = new Map(units.map((u) => [u.id, u.path]));
  type TSeatRow = {
    code: string;
    number: number | null;
    name: string;
    nameHi: string | null;
    reservation: string | null;
    unitId: number | null;
  };
  const seats: TSeatRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of sheet.rows) {
    const numberRaw = cell(cells, at.number);
    const number = numberRaw ? parsePositive(numberRaw) : null;
    if (numberRaw && number === null) add(line, 'R_NUMBER_INVALID', { value: numberRaw }, 'number');
    const code = cell(cells, at.code) || (number !== null ? String(number) : '');
    if (!code || code.length > 40) add(line, 'R_SEAT_CODE_INVALID', {}, 'code');
    const name = cell(cells, at.name) || cell(cells, at.nameHi);
    if (!name || name.length > 200) add(line, 'R_SEAT_NAME_INVALID', {}, 'name');
    const nameHi = at.nameHi >= 0 && at.nameHi !== at.name ? cell(cells, at.nameHi) || null : null;
    const reservation = cell(cells, at.reservation) || null;
    if (reservation && !(SEAT_RESERVATIONS as readonly string[]).includes(reservation)) {
      add(line, 'R_RESERVATION_INVALID', { value: reservation, values: SEAT_RESERVATIONS.join(', ') }, 'reservation');
    }
    const unitRaw = cell(cells, at.unit);
    const unitId = unitRaw ? parsePositive(unitRaw) : null;
    if (unitRaw && (unitId === null || !unitPath.get(unitId)?.startsWith(electionPath)))
      add(line, 'SEAT_UNIT_OUTSIDE', { id: unitRaw }, 'unit');
    const first = seen.get(code.toLowerCase());
    if (code && first !== undefined) add(line, 'R_SEAT_TWICE', { code, first }, 'code');
    else if (code && existing.has(code.toLowerCase())) add(line, 'SEAT_CODE_TAKEN', { code }, 'code');
    if (code) seen.set(code.toLowerCase(), first ?? line);
    seats.push({ code, number, name, nameHi, reservation, unitId });
  }
  if (errors.length || opts.dryRun) return finish(report(0));
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('seat')
      .values(
        seats.map((s) => ({
          election_id: electionId,
          code: s.code,
          number: s.number,
          name: s.name,
          name_hi: s.nameHi,
          reservation: s.reservation,
          unit_id: s.unitId,
        })),
      )
      .returning(['id', 'code', 'number', 'name', 'name_hi', 'reservation', 'unit_id'])
      .execute();
    await recordAudit(
      trx,
      ctx,
      rows.map((r) => ({ action: 'seat.create', entityType: 'seat', entityId: r.id, after: { electionId, ...r } })),
    );
  });
  return report(seats.length);
};
