import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../errors';
import { decodeUtf8, parseCsv } from './csv';

/** Rows of a spreadsheet as text cells, with the line each came from (1 = the header). */
export type TSheet = { header: string[]; rows: { line: number; cells: string[] }[] };

export const MAX_IMPORT_ROWS = 1_000_000;

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": a zip container

/** Reads the row count an XLSX declares for its first sheet without inflating the whole sheet. */
const declaredRows = async (zip: JSZip): Promise<number | null> => {
  const file = zip.file('xl/worksheets/sheet1.xml');
  if (!file) return null;
  const head = await new Promise<string>((resolve, reject) => {
    let text = '';
    const stream = file.nodeStream();
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.length > 8192) {
        stream.pause();
        resolve(text);
      }
    });
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
  const m = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : null;
};

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

/**
 * Reads a CSV (UTF-8) or XLSX upload into text rows. Refuses, before touching any data: a sheet
 * over a million rows, formulas (a cell must hold what it shows), and merged header cells.
 */
export const readSheet = async (bytes: Uint8Array): Promise<TSheet> => {
  if (isXlsx(bytes)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw new AppError('VALIDATION', 'SHEET_UNREADABLE', { field: 'file' });
    }
    const declared = await declaredRows(zip);
    if (declared !== null && declared - 1 > MAX_IMPORT_ROWS) {
      throw new AppError('VALIDATION', 'SHEET_TOO_MANY_ROWS', { field: 'file', params: { rows: declared - 1, max: MAX_IMPORT_ROWS } });
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    } catch {
      throw new AppError('VALIDATION', 'SHEET_UNREADABLE', { field: 'file' });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });
    if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) {
      throw new AppError('VALIDATION', 'SHEET_TOO_MANY_ROWS', { field: 'file', params: { rows: ws.actualRowCount - 1, max: MAX_IMPORT_ROWS } });
    }
    const width = ws.columnCount;
    const rows: { line: number; cells: string[] }[] = [];
    let header: string[] | null = null;
    let formula: string | null = null;
    let merged = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        if (cell.type === ExcelJS.ValueType.Formula && formula === null) formula = cell.address;
        if (header === null && cell.isMerged) merged = true;
        cells.push(cellText(cell).trim());
      }
      if (header === null) header = cells;
      else if (cells.some((c) => c !== '')) rows.push({ line: rowNumber, cells });
    });
    if (formula) throw new AppError('VALIDATION', 'SHEET_FORMULA', { field: 'file', params: { cell: formula } });
    if (merged) throw new AppError('VALIDATION', 'SHEET_MERGED_HEADER', { field: 'file' });
    if (!header) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });
    return { header, rows };
  }
  const all = parseCsv(decodeUtf8(bytes));
  const header = all.shift();
  if (!header) throw new AppError('VALIDATION', 'CSV_EMPTY', { field: 'file' });
  if (all.length > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION', 'SHEET_TOO_MANY_ROWS', { field: 'file', params: { rows: all.length, max: MAX_IMPORT_ROWS } });
  }
  return { header: header.cells.map((c) => c.trim()), rows: all };
};
