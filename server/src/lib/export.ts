import ExcelJS from 'exceljs';

// Signs, digits, X (masked digits), spaces and brackets cannot make a formula: phone numbers stay as they are.
const PLAIN_NUMBER = /^[+-]?[\dX\s().]+$/;

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe, so an exported name like "=HYPERLINK(…)" stays text when the file is opened.
 */
export const neutralise = (v: string | number | null | undefined): string | number => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
};

export type TTable = { columns: { key: string; header: string }[]; rows: Record<string, string | number | null>[] };

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a BOM, so Excel opens Devanagari correctly. */
export const toCsv = (t: TTable): Buffer => {
  const lines = [t.columns.map((c) => csvCell(neutralise(c.header))).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(neutralise(r[c.key]))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
};

export const toXlsx = async (t: TTable, sheetName: string): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = t.columns.map((c) => ({ header: String(neutralise(c.header)), key: c.key, width: Math.min(60, Math.max(12, c.header.length + 4)) }));
  for (const r of t.rows) {
    const row: Record<string, string | number> = {};
    for (const c of t.columns) row[c.key] = neutralise(r[c.key]);
    ws.addRow(row);
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
};
