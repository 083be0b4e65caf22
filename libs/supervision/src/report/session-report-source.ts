import type { LetterFonts } from '@dafu/documents/fonts/letter-fonts';
import { typstString } from '@dafu/documents/pdf/letter-typst-source';
import type { ExportTable } from '../domain/export-table';

export interface SessionReport {
  /** 市政协八届一次会议 */
  sessionName: string;
  /** 提案 for a CPPCC session, 建议 for an NPC one. */
  itemKind: '提案' | '建议';
  /** 全部承办单位, or the one bureau a bureau's user sees. */
  scopeLabel: string;
  /** 2023-06-10 */
  asOf: string;
  figures: ExportTable;
  ranking: ExportTable;
  overdue: ExportTable;
  overdueTotal: number;
}

/** 2023年6月10日 */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function table(t: ExportTable, columns: string, fonts: LetterFonts): string[] {
  const cells = t.rows.flatMap((row) => row.map((cell) => typstString(cell === null ? '' : String(cell))));
  return [
    '#text(size: 9.5pt, table(',
    `  columns: ${columns},`,
    '  inset: 1.8mm,',
    `  table.header(..(${t.headers.map(typstString).join(', ')}).map(h => text(font: ${typstString(fonts.heading.family)}, h))),`,
    ...cells.map((cell) => `  ${cell},`),
    '))',
  ];
}

/**
 * The per-session summary report (办理情况统计报告) as Typst source, in the letters' faces: the
 * figures, the bureau ranking and the overdue items. Every text goes in as a string literal.
 */
export function sessionReportSource(report: SessionReport, fonts: LetterFonts): string {
  const title = `${report.sessionName}${report.itemKind}办理情况统计报告`;
  const heading = (text: string) =>
    `#block(above: 6mm, below: 3mm, text(font: ${typstString(fonts.heading.family)}, size: 14pt, ${typstString(text)}))`;
  const shown = report.overdue.rows.length;
  return [
    `#set document(title: ${typstString(title)})`,
    // Landscape: the ranking and overdue tables have ten columns.
    '#set page(paper: "a4", flipped: true, margin: (x: 15mm, y: 15mm), footer: context align(center, text(size: 10pt, "— " + counter(page).display() + " —")))',
    `#set text(font: (${typstString(fonts.body.family)}, ${typstString(fonts.heading.family)}), size: 11pt, lang: "zh", region: "cn", fallback: false)`,
    `#align(center, text(font: ${typstString(fonts.title.family)}, weight: ${Math.round(fonts.title.weight)}, size: 20pt, ${typstString(title)}))`,
    `#align(center, ${typstString(`统计范围：${report.scopeLabel}\u3000统计日期：${chineseDate(report.asOf)}`)})`,
    heading('一、总体情况'),
    ...table(report.figures, '(auto, auto, auto, auto)', fonts),
    heading('二、承办单位排名'),
    ...table(report.ranking, '(auto, 1fr, auto, auto, auto, auto, auto, auto, auto, auto)', fonts),
    heading(
      `三、逾期事项（共${report.overdueTotal}件${report.overdueTotal > shown ? `，列出逾期最久的${shown}件` : ''}）`,
    ),
    ...(shown === 0
      ? [`#par(${typstString('目前没有逾期事项。')})`]
      : table(report.overdue, '(auto, auto, 1fr, auto, auto, auto, auto, auto, auto, auto)', fonts)),
    '',
  ].join('\n');
}
