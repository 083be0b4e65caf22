import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { SheetRow } from '../domain/import-row';

// The shape lives with the pure domain code so that the validation never depends on the file readers.
export type { SheetRow } from '../domain/import-row';

/**
 * Reads the first sheet of an uploaded CSV or XLSX file into rows keyed by header. The format is
 * decided by the extension alone. Rows with nothing in any cell are skipped, but still counted, so
 * `line` matches the row number the clerk sees in Excel.
 */
export async function readSheet(file: Buffer, filename: string): Promise<SheetRow[]> {
  const extension = /\.([^.]+)$/u.exec(filename)?.[1]?.toLowerCase();
  let table: string[][];
  if (extension === 'csv') table = readCsv(file, filename);
  else if (extension === 'xlsx') table = await readXlsx(file, filename);
  else throw new DafuError(ErrorCode.ImportFormatUnsupported, { filename });
  return toSheetRows(table);
}

function toSheetRows(table: string[][]): SheetRow[] {
  const [headerRow = [], ...dataRows] = table;
  // A repeated header keeps its first column; later ones would otherwise overwrite it unseen.
  const columns = new Map<string, number>();
  headerRow.forEach((text, index) => {
    const header = text.trim();
    if (header !== '' && !columns.has(header)) columns.set(header, index);
  });
  const rows: SheetRow[] = [];
  dataRows.forEach((values, index) => {
    if (values.every((value) => value.trim() === '')) return;
    const cells: Record<string, string> = {};
    for (const [header, column] of columns) cells[header] = (values[column] ?? '').trim();
    rows.push({ line: index + 2, cells });
  });
  if (rows.length === 0) throw new DafuError(ErrorCode.ImportEmpty);
  return rows;
}

function readCsv(file: Buffer, filename: string): string[][] {
  const text = decodeText(file);
  // NUL never occurs in a text CSV; it means a binary file (often an .xls or .xlsx renamed to .csv).
  if (text.includes('\u0000')) throw new DafuError(ErrorCode.ImportFormatUnsupported, { filename });
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      // Hand-typed lists contain titles like 关于"双减"的提案 without surrounding quotes.
      relax_quotes: true,
      // Blank lines still count as rows in Excel, so they must keep their place for line numbers.
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new DafuError(ErrorCode.ImportFormatUnsupported, { filename });
  }
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK), which Chinese Excel writes. */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

async function readXlsx(file: Buffer, filename: string): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    // exceljs's typings predate the generic Buffer of newer @types/node.
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new DafuError(ErrorCode.ImportFormatUnsupported, { filename });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DafuError(ErrorCode.ImportEmpty);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      values[columnNumber - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(values, (value) => value ?? '');
  });
  return Array.from(table, (values) => values ?? []);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value)
    return value.richText
      .map((run) => run.text)
      .join('')
      .trim();
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('text' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** exceljs turns date serials into Dates whose UTC fields are the calendar date Excel shows. */
function formatDate(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
