import { searchKey, type TLocale, toDevanagari } from '@samiti/common';
import { sql } from 'kysely';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { decodeUtf8, headerKey, parseCsv } from '../../lib/csv';
import { recordAudit } from '../audit/record';
import { assertNationalAdmin } from '../auth/policy';

/** Header spellings accepted for each column (ECI/CEO exports, the Karnataka KGIS table, Hindi). */
const COLUMNS = {
  state: ['state', 'statecode', 'stcode', 'राज्य', 'राज्यकोड'],
  ac: ['ac', 'acno', 'acnumber', 'accode', 'assembly', 'विधानसभा', 'विधानसभासंख्या'],
  part: ['part', 'partno', 'partnumber', 'psno', 'pollingstationno', 'boothno', 'भाग', 'भागसंख्या', 'बूथसंख्या'],
  name: ['name', 'psname', 'partname', 'pollingstation', 'pollingstationname', 'नाम', 'मतदानकेंद्र'],
  nameHi: ['namehi', 'hindiname', 'हिंदीनाम'],
  lat: ['lat', 'latitude', 'centroidlat'],
  lon: ['lon', 'lng', 'long', 'longitude', 'centroidlon'],
} as const;
type TColumn = keyof typeof COLUMNS;

export type TRowError = { line: number; messages: string[] };
export type TImportReport = {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  mergedDuplicates: number;
  errors: TRowError[];
};

type TStation = { line: number; acCode: string; part: number; name: string; nameHi: string | null; lat: number | null; lon: number | null };

const MAX_ROWS = 200_000;

const findColumns = (header: string[]) => {
  const keys = header.map(headerKey);
  const at = {} as Record<TColumn, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [TColumn, readonly string[]][]) {
    at[col] = keys.findIndex((k) => names.includes(k));
  }
  return at;
};

const parseCoord = (v: string, min: number, max: number) => {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : null;
};

/**
 * Imports polling stations from CSV (state code, AC number, part number, name, optional lat/lon)
 * all-or-nothing: one bad row and nothing is written; the report names every bad row and why.
 * A row for an existing (AC, part) updates it. National admins only: geography is reference data.
 */
export const importPollingStations = async (
  ctx: TCtx,
  bytes: Uint8Array,
  opts: { defaultState?: string; dryRun?: boolean } = {},
): Promise<TImportReport> => {
  assertNationalAdmin(ctx.actor);
  const locale: TLocale = ctx.locale;
  const rows = parseCsv(decodeUtf8(bytes));
  const header = rows.shift();
  if (!header || rows.length === 0) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });
  if (rows.length > MAX_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE');
  const at = findColumns(header.cells);
  const required: TColumn[] = opts.defaultState ? ['ac', 'part', 'name'] : ['state', 'ac', 'part', 'name'];
  for (const col of required) {
    if (at[col] < 0) {
      throw new AppError('VALIDATION', 'CSV_MISSING_COLUMN', {
        field: 'file',
        params: { column: col, found: header.cells.join(', ') },
      });
    }
  }
  const acs = await ctx.db.selectFrom('geo_area').select(['code', 'state_code', 'number']).where('kind', '=', 'ac').execute();
  const acCodes = new Set(acs.map((a) => a.code));
  const states = new Set(acs.map((a) => a.state_code));
  const errors: TRowError[] = [];
  const seen = new Map<string, TStation>();
  let merged = 0;
  for (const { line, cells } of rows) {
    const msgs: string[] = [];
    const err = (key: TMessageKey, params?: TParams) => msgs.push(t(locale, key, params));
    const cell = (c: TColumn) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
    const state = (cell('state') || opts.defaultState || '').toUpperCase();
    const acRaw = cell('ac');
    const partRaw = cell('part');
    const name = cell('name').replace(/\s+/g, ' ');
    const ac = /^\d{1,3}$/.test(acRaw) ? Number(acRaw) : null;
    const part = /^\d{1,4}$/.test(partRaw) && Number(partRaw) > 0 ? Number(partRaw) : null;
    if (!states.has(state)) err('ROW_UNKNOWN_STATE', { value: state });
    if (ac === null || ac === 0) err('ROW_BAD_AC', { value: acRaw });
    if (part === null) err('ROW_BAD_PART', { value: partRaw });
    if (!name) err('ROW_NO_NAME');
    if (name.length > 200) err('ROW_NAME_TOO_LONG');
    const acCode = `${state}-AC-${ac}`;
    if (states.has(state) && ac && !acCodes.has(acCode)) err('ROW_UNKNOWN_AC', { ac: String(ac), state });
    const latRaw = cell('lat');
    const lonRaw = cell('lon');
    const lat = latRaw ? parseCoord(latRaw, 6, 38) : null;
    const lon = lonRaw ? parseCoord(lonRaw, 68, 98) : null;
    if (latRaw && lat === null) err('ROW_BAD_COORD', { column: 'lat', value: latRaw });
    if (lonRaw && lon === null) err('ROW_BAD_COORD', { column: 'lon', value: lonRaw });
    if (msgs.length === 0 && ac !== null && part !== null) {
      const key = `${acCode}/${part}`;
      const first = seen.get(key);
      if (first && first.name.toLowerCase() === name.toLowerCase()) {
        merged++; // the same station listed twice (e.g. a catchment drawn as several polygons)
      } else if (first) {
        err('ROW_DUPLICATE', { part: String(part), ac: String(ac), line: String(first.line) });
      } else {
        seen.set(key, { line, acCode, part, name, nameHi: cell('nameHi') || null, lat, lon });
      }
    }
    if (msgs.length) errors.push({ line, messages: msgs });
  }
  const stations = [...seen.values()];
  const report: TImportReport = { dryRun: Boolean(opts.dryRun), rows: rows.length, inserted: 0, updated: 0, unchanged: 0, mergedDuplicates: merged, errors };
  if (errors.length > 0) return report;

  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < stations.length; i += 1000) {
      const batch = stations.slice(i, i + 1000);
      const res = await sql<{ inserted: boolean; changed: boolean }>`
        insert into polling_station as p (ac_code, part_number, name, name_hi, lat, lon, search_key)
        select * from unnest(${batch.map((s) => s.acCode)}::text[], ${batch.map((s) => s.part)}::int[],
          ${batch.map((s) => s.name)}::text[], ${batch.map((s) => s.nameHi ?? toDevanagari(s.name))}::text[],
          ${batch.map((s) => s.lat)}::float8[], ${batch.map((s) => s.lon)}::float8[],
          ${batch.map((s) => searchKey(s.name, s.nameHi))}::text[])
        on conflict (ac_code, part_number) do update
          set name = excluded.name, name_hi = excluded.name_hi, lat = excluded.lat, lon = excluded.lon,
              search_key = excluded.search_key, updated_at = now()
          where (p.name, p.name_hi, p.lat, p.lon) is distinct from (excluded.name, excluded.name_hi, excluded.lat, excluded.lon)
        returning (xmax = 0) as inserted, true as changed`.execute(trx);
      const ins = res.rows.filter((r) => r.inserted).length;
      report.inserted += ins;
      report.updated += res.rows.length - ins;
    }
    report.unchanged = stations.length - report.inserted - report.updated;
    await recordAudit(trx, ctx, {
      action: 'polling-stations.import',
      entityType: 'polling-station-import',
      entityId: ctx.requestId,
      after: { rows: report.rows, inserted: report.inserted, updated: report.updated, acs: [...new Set(stations.map((s) => s.acCode))].slice(0, 50) },
    });
    if (opts.dryRun) throw new DryRunRollback();
  }).catch((e: unknown) => {
    if (!(e instanceof DryRunRollback)) throw e;
  });
  return report;
};

/** Thrown inside the transaction to roll back a dry run after counting what it would do. */
class DryRunRollback extends Error {}
