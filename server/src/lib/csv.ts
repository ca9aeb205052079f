import { AppError } from '../errors';

/** Decodes bytes as UTF-8 (dropping a BOM) or refuses: Excel's ANSI/UTF-16 saves must be re-saved. */
export const decodeUtf8 = (bytes: Uint8Array): string => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('VALIDATION', 'CSV_ENCODING', { field: 'file' });
  }
  if (text.includes('\u0000')) throw new AppError('VALIDATION', 'CSV_ENCODING', { field: 'file' });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

/**
 * RFC 4180 CSV: quoted fields with "" escapes and embedded newlines; CRLF, LF or CR line ends.
 * Returns rows with the 1-based line number each row starts on, for error reports.
 */
export const parseCsv = (text: string): { line: number; cells: string[] }[] => {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
};

/** Folds a header to a comparable key: lower case, no spaces, dots, hyphens or underscores. */
export const headerKey = (h: string) => h.normalize('NFC').trim().toLowerCase().replace(/[\s._\-()]+/g, '');
