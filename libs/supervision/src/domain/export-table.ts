/**
 * A view as a table of cells, the one shape the XLSX and CSV exports are written from. Numbers
 * stay numbers (Excel sums them); text cells that Excel would read as a formula are defused.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** The worksheet name (Excel: at most 31 characters, none of []:*?/\). */
  title: string;
  headers: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A proposal title typed as `=HYPERLINK(...)` must not run in the reader's Excel (CSV injection):
 * text that starts like a formula gets a leading apostrophe, which Excel shows as text.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : defuseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends, preceded by a UTF-8 byte order mark: without it Excel opens
 * a UTF-8 file as the local ANSI code page and the Chinese headers come out garbled.
 */
export function toCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
