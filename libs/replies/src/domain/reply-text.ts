import { chineseNumeral } from '@dafu/proposals/domain/chinese-numerals';
import type { Addressees, CcEntry, ReplyContact, ReplyContent } from './reply-content';

/** GB/T 9704-2012: 28 characters per line of the body. */
export const LINE_WIDTH = 28;

const IDEOGRAPHIC_SPACE = '\u3000';
/** Body paragraphs start two characters in. */
const INDENT = IDEOGRAPHIC_SPACE.repeat(2);
/** GB/T 9704-2012 7.3.5.1: the date stands four characters in from the right margin. */
const DATE_RIGHT_MARGIN = 4;

/**
 * Widths are counted in half characters: in the letter's FangSong face ASCII digits and letters
 * are half as wide as a CJK character, and the lines that get aligned are full of them
 * (三民文〔2023〕21号, 2023年7月13日, 0393-6687009). Counting every code point as one would push
 * 签发人 and the date visibly left of the margin.
 */
const LINE_HALVES = LINE_WIDTH * 2;

function halfWidths(text: string): number {
  let halves = 0;
  for (const ch of text) halves += (ch.codePointAt(0) as number) < 0x7f ? 1 : 2;
  return halves;
}

/** Blank space `halves` half characters wide: ideographic spaces, and one ASCII space for an odd half. */
function blank(halves: number): string {
  const n = Math.max(0, halves);
  return IDEOGRAPHIC_SPACE.repeat(Math.floor(n / 2)) + (n % 2 === 1 ? ' ' : '');
}

/** `left` flush left and `right` flush right on one line; at least one character apart when they do not fit. */
function spread(left: string, right: string, rightMarginHalves = 0): string {
  const gap = LINE_HALVES - rightMarginHalves - halfWidths(left) - halfWidths(right);
  return left + blank(Math.max(gap, left === '' ? 0 : 2)) + right;
}

function centred(text: string): string {
  return blank(Math.floor((LINE_HALVES - halfWidths(text)) / 2)) + text;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 2023-07-13 → 2023年7月13日: Arabic digits without leading zeros, as the letters date themselves. */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = match.slice(1).map(Number);
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) throw new RangeError(`No such date: "${date}"`);
  return `${year}年${month}月${day}日`;
}

/**
 * 姚峥、左锋杰、韩冰委员： / 民盟本溪市委： / 尊敬的岳益民委员：. An unfinished draft that names
 * nobody yet gives '' (the preview leaves the line out).
 */
export function addresseeLine(a: Addressees): string {
  const organisation = a.organisation?.trim() ?? '';
  if (organisation !== '') return `${a.honorific}${organisation}：`;
  const people = a.people.map((name) => name.trim()).filter((name) => name !== '');
  if (people.length === 0) return '';
  return `${a.honorific}${people.join('、')}${a.title ?? ''}：`;
}

/** 抄送：市政协提案委（2份），市委市政府督查局（2份）。 */
export function ccLine(cc: CcEntry[]): string | null {
  if (cc.length === 0) return null;
  return `抄送：${cc.map((entry) => `${entry.recipient.trim()}（${entry.copies}份）`).join('，')}。`;
}

/** （联系人：郭振波 联系电话：0393-6687009）, the two parts one ideographic space (U+3000) apart. */
export function contactLine(c: ReplyContact | null): string | null {
  if (c === null) return null;
  const name = c.name.trim();
  const phone = c.phone.trim();
  if (name === '' && phone === '') return null;
  const parts = [name === '' ? null : `联系人：${name}`, phone === '' ? null : `联系电话：${phone}`];
  return `（${parts.filter((p) => p !== null).join(IDEOGRAPHIC_SPACE)}）`;
}

/** A run-in heading is a sentence of its own: it gets a full stop unless it already ends in one of these. */
const SENTENCE_END = /[。！？；：.!?;:…]$/;

/** A paragraph typed with line breaks prints as several paragraphs, each indented; blank ones print nothing. */
function paragraphLines(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((p) => p.split(/\r\n|\r|\n/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The numbered sections, unindented. 濮阳 prints each heading on its own line; 三门峡 runs the
 * first paragraph on after the heading: 一、完善政策配套，健全养老服务机制。我市积极贯彻落实…
 */
export function sectionLines(content: Pick<ReplyContent, 'sections' | 'headingsOnOwnLine'>): string[] {
  return content.sections.flatMap((section, i) => {
    const heading = `${chineseNumeral(i + 1)}、${section.heading.trim()}`;
    const paragraphs = paragraphLines(section.paragraphs);
    if (content.headingsOnOwnLine) return [heading, ...paragraphs];
    const runIn = SENTENCE_END.test(heading) ? heading : `${heading}。`;
    const [first, ...rest] = paragraphs;
    return [runIn + (first ?? ''), ...rest];
  });
}

/** What the letter needs beyond its content: the signed Reply's number, signatory, grade and date. */
export interface SignedLetter {
  content: ReplyContent;
  documentNumber: string | null;
  signatoryName: string | null;
  grade: string | null;
  printGradeMark: boolean;
  /** The date the letter bears, YYYY-MM-DD. */
  letterDate: string;
}

/** 三民文〔2023〕21号 flush left, 签发人：李立明 flush right; then 办理结果：A flush right. */
function headerLines(letter: SignedLetter): string[] {
  const lines: string[] = [];
  const number = letter.documentNumber?.trim() ?? '';
  const signatory = letter.signatoryName?.trim() ?? '';
  if (number !== '' || signatory !== '') lines.push(spread(number, signatory === '' ? '' : `签发人：${signatory}`));
  const grade = letter.grade?.trim() ?? '';
  if (letter.printGradeMark && grade !== '') lines.push(spread('', `办理结果：${grade}`));
  return lines.map((line) => line.trimEnd());
}

/**
 * The title centred; one too long for a line is broken like 濮阳's (…第228号提案的 / 答复) when
 * that fits, otherwise into full lines.
 */
function titleLines(title: string): string[] {
  const text = title.trim();
  if (text === '') return [];
  if (halfWidths(text) <= LINE_HALVES) return [centred(text)];
  const head = text.slice(0, -2);
  if (text.endsWith('的答复') && halfWidths(head) <= LINE_HALVES) return [centred(head), centred('答复')];
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (halfWidths(line + ch) > LINE_HALVES) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  lines.push(line);
  return lines.map(centred);
}

function bodyLines(content: ReplyContent): string[] {
  return [
    ...paragraphLines([content.opening]),
    ...paragraphLines(content.preamble),
    ...sectionLines(content),
    ...paragraphLines(content.closing),
  ].map((line) => INDENT + line);
}

/** GB/T 9704-2012 7.3.5.1: the date four characters from the right, the issuer centred above it. */
function signatureLines(issuer: string, date: string): string[] {
  const dateHalves = halfWidths(date);
  const dateStart = LINE_HALVES - DATE_RIGHT_MARGIN * 2 - dateHalves;
  const lines = [blank(dateStart) + date];
  const name = issuer.trim();
  if (name !== '') {
    const nameHalves = halfWidths(name);
    const centredStart = dateStart + Math.floor((dateHalves - nameHalves) / 2);
    lines.unshift(blank(Math.min(centredStart, LINE_HALVES - nameHalves)) + name);
  }
  return lines;
}

/**
 * The letter as plain text, laid out like the seed letters on a 28-character line: number and
 * signatory, grade mark, title, addressees, indented body, issuer and date, contact, cc.
 * Pure: the same letter always gives the same text.
 */
export function renderReplyText(letter: SignedLetter): string {
  const { content } = letter;
  const addressee = addresseeLine(content.addressees);
  const blocks: string[][] = [
    headerLines(letter),
    titleLines(content.title),
    [...(addressee === '' ? [] : [addressee]), ...bodyLines(content)],
    signatureLines(content.issuer, chineseDate(letter.letterDate)),
    [contactLine(content.contact), ccLine(content.cc)].filter((line): line is string => line !== null),
  ];
  return `${blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n')}\n`;
}
