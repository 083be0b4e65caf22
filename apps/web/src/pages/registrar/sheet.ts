/** One data row of the uploaded list as the spreadsheet shows it: `line` counts the header as 1. */
export interface PreviewRow {
  line: number;
  cells: string[];
}

export interface Preview {
  headers: string[];
  rows: PreviewRow[];
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (what Chinese Excel writes), as the API reads it. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * CSV into rows of cells: quoted cells may hold commas, quotes ("") and line breaks; a quote inside
 * an unquoted cell is kept (hand-typed titles like 关于"双减"的提案), as the API's reader allows.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The header and the non-blank data rows, keeping each row's line number (blank rows still count, as in Excel). */
export function previewOf(table: string[][]): Preview {
  const [header = [], ...data] = table;
  const rows: PreviewRow[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ line: index + 2, cells: header.map((_h, column) => (cells[column] ?? '').trim()) });
  });
  return { headers: header.map((h) => h.trim()), rows };
}

/** The row problems the API lists when it refuses a file (IMPORT_ROWS_INVALID, details.problems). */
export interface RowProblem {
  line: number;
  field: string;
  zh: string;
  en: string;
}

export function rowProblemsOf(body: unknown): RowProblem[] {
  const details = (body as { details?: { problems?: unknown } } | null)?.details;
  if (!Array.isArray(details?.problems)) return [];
  return details.problems.filter(
    (p): p is RowProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as RowProblem).line === 'number' &&
      typeof (p as RowProblem).zh === 'string',
  );
}
