import type { LetterFonts } from '../fonts/letter-fonts';
import { typstString } from './letter-typst-source';

/** One letter to post: what the mailroom prints, packs and sends. */
export interface MailroomListRow {
  documentNumber: string;
  recipientName: string;
  postalAddress: string | null;
  copies: number;
}

export interface MailroomList {
  /** 三门峡市民政局 */
  bureauName: string;
  /** 2023年7月13日: the day the list was printed. */
  printedOn: string;
  rows: MailroomListRow[];
}

/**
 * The mailroom's printable list (邮寄清单) as Typst source: a table of the letters still to post,
 * with the copies each recipient gets and a column to tick. Every text goes in as a string literal.
 */
export function mailroomListSource(list: MailroomList, fonts: LetterFonts): string {
  const cells = list.rows.flatMap((row, i) => [
    typstString(String(i + 1)),
    typstString(row.documentNumber),
    typstString(row.recipientName),
    typstString(row.postalAddress ?? ''),
    typstString(`${row.copies}份`),
    typstString(''),
  ]);
  const totalCopies = list.rows.reduce((sum, row) => sum + row.copies, 0);
  return [
    `#set document(title: ${typstString(`${list.bureauName}答复函邮寄清单`)})`,
    '#set page(paper: "a4", margin: (x: 20mm, y: 20mm), footer: context align(center, text(size: 10pt, "— " + counter(page).display() + " —")))',
    `#set text(font: (${typstString(fonts.body.family)}, ${typstString(fonts.heading.family)}), size: 12pt, lang: "zh", region: "cn", fallback: false)`,
    `#align(center, text(font: ${typstString(fonts.title.family)}, weight: ${Math.round(fonts.title.weight)}, size: 18pt, ${typstString(`${list.bureauName}答复函邮寄清单`)}))`,
    `#align(center, ${typstString(`打印日期：${list.printedOn}\u3000共${list.rows.length}件，${totalCopies}份`)})`,
    '#v(4mm)',
    '#table(',
    '  columns: (auto, auto, 1.5fr, 1fr, auto, 12mm),',
    '  inset: 2.5mm,',
    '  align: (center, left, left, left, center, center),',
    `  table.header(..(${['序号', '文号', '收件人', '地址', '份数', '已寄'].map(typstString).join(', ')}).map(h => text(font: ${typstString(fonts.heading.family)}, h))),`,
    ...cells.map((cell) => `  ${cell},`),
    ')',
    '',
  ].join('\n');
}
