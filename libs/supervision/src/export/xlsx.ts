import { Workbook } from 'exceljs';
import type { ExportTable } from '../domain/export-table';

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** One worksheet: a bold, frozen header row, numbers as numbers, columns wide enough for Chinese. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Dafu';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  // Strings go in as shared strings, never as formulas, so a title like =HYPERLINK() stays text.
  sheet.addRows(table.rows);
  table.headers.forEach((header, i) => {
    const widest = Math.max(
      header.length * 2,
      ...table.rows.slice(0, 500).map((row) => {
        const cell = row[i];
        return cell === null ? 0 : typeof cell === 'number' ? String(cell).length : cell.length * 2;
      }),
    );
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  // exceljs's typings predate the generic Buffer of newer @types/node.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
