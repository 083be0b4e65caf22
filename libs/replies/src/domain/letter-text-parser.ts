import { chineseNumeral } from '@dafu/proposals/domain/chinese-numerals';

/**
 * Reads the body of a reply letter kept as plain text (the seed letters; later the importer's
 * historical replies) back into the parts of a ReplyContent. Heuristic by nature: it knows the
 * layouts of the 三门峡, 焦作, 濮阳 and 本溪 letters, and nothing of the meaning.
 */

export interface ParsedLetterSection {
  heading: string;
  paragraphs: string[];
}

export interface ParsedLetter {
  preamble: string[];
  sections: ParsedLetterSection[];
  closing: string[];
}

/** Word-processor leftovers from converting the DOCX: [bookmark: _Toc130618874]. */
const ARTEFACT = /\[bookmark:[^\]]*\]/g;
/** The opening sentence ends the letter's head: 您提出的“…”已收悉。现答复如下： */
const OPENING = /收悉|答复如下/;
/** 2023年7月13日, or 二〇二三年七月十三日 in older letters. */
const DATE_LINE =
  /^(\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
const CONTACT_OR_CC = /^[（(]?(联系人|联系电话)|^抄送/;
/** The issuer stands far right; a paragraph indent is at most a few characters. */
const SIGNATURE_INDENT_HALVES = 12;
/**
 * Closing paragraphs begin by thanking, inviting opinions or looking ahead: 最后，感谢您…;
 * 欢迎各位委员…; 随着…的不断完善…. Only a trailing run of such paragraphs after the last
 * section counts, so a 感谢 inside a section stays there. 下一步… is deliberately not among them:
 * bureaus use it inside sections as often as after them.
 */
const CLOSING_START = /^(最后|感谢|衷心感谢|再次感谢|十分感谢|非常感谢|谢谢|欢迎|随着|敬请|恳请)/;

interface Line {
  /** Without artefacts, trimmed (String.prototype.trim also strips U+3000 and a BOM). */
  text: string;
  /** Leading blank space, in half characters: how far right the line starts. */
  indentHalves: number;
}

function readLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw) => {
    const cleaned = raw.replace(ARTEFACT, '');
    const leading = /^\s*/.exec(cleaned)?.[0] ?? '';
    let indentHalves = 0;
    for (const ch of leading) indentHalves += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
    return { text: cleaned.trim(), indentHalves };
  });
}

/** Where the body stops: the issuer (set far right), the date, the contact or the cc line. */
function isSignatureBlock(line: Line): boolean {
  if (line.text === '') return false;
  return DATE_LINE.test(line.text) || CONTACT_OR_CC.test(line.text) || line.indentHalves >= SIGNATURE_INDENT_HALVES;
}

/** 一、完善政策配套，健全养老服务机制。我市… → heading and the paragraph run in after its first 。 */
function splitHeading(rest: string): ParsedLetterSection {
  const stop = rest.indexOf('。');
  if (stop < 0) return { heading: rest.trim(), paragraphs: [] };
  const runIn = rest.slice(stop + 1).trim();
  return { heading: rest.slice(0, stop).trim(), paragraphs: runIn === '' ? [] : [runIn] };
}

/**
 * The preamble starts after the opening sentence (the first line with 收悉 or 答复如下), so a whole
 * letter can be passed in: its number, title and addressee line are left out. Without an opening
 * sentence everything before 一、 is preamble. The body ends at the signature block.
 */
export function parseLetterSections(text: string): ParsedLetter {
  const lines = readLines(text);

  // Headings are 一、二、… in order; a stray 三、 before any 二、 is body text.
  const headingAt: number[] = [];
  lines.forEach((line, i) => {
    if (line.text.startsWith(`${chineseNumeral(headingAt.length + 1)}、`)) headingAt.push(i);
  });

  const beforeSections = headingAt.length > 0 ? headingAt[0] : lines.length;
  const openingAt = lines.slice(0, beforeSections).findIndex((line) => OPENING.test(line.text));
  const bodyStart = openingAt + 1;
  const tailStart = headingAt.length > 0 ? headingAt[headingAt.length - 1] + 1 : bodyStart;
  let bodyEnd = lines.findIndex((line, i) => i >= tailStart && isSignatureBlock(line));
  if (bodyEnd < 0) bodyEnd = lines.length;

  const texts = (from: number, to: number) =>
    lines
      .slice(from, to)
      .map((line) => line.text)
      .filter((t) => t !== '');

  const preamble = texts(bodyStart, Math.min(beforeSections, bodyEnd));
  const sections = headingAt.map((at, k) => {
    const section = splitHeading(lines[at].text.slice(`${chineseNumeral(k + 1)}、`.length));
    const next = k + 1 < headingAt.length ? headingAt[k + 1] : bodyEnd;
    return { heading: section.heading, paragraphs: [...section.paragraphs, ...texts(at + 1, next)] };
  });

  // The closing is taken from the end of the last section (or of the preamble when there are no
  // sections), which always keeps at least one paragraph.
  const tail = sections.length > 0 ? sections[sections.length - 1].paragraphs : preamble;
  const closing: string[] = [];
  while (tail.length > 1 && CLOSING_START.test(tail[tail.length - 1])) closing.unshift(tail.pop() as string);
  return { preamble, sections, closing };
}
