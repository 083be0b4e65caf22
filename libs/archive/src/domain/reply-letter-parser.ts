import { parseChineseNumber } from '@dafu/proposals/domain/chinese-numerals';

/**
 * Reads a historical reply letter (答复函) from plain text — what a DOCX or PDF of a bureau's
 * reply to a CPPCC proposal or an NPC suggestion becomes after conversion — and recovers the facts
 * an importer needs: number, signatory, grade, issuer, kind, session, proposal number, addressees,
 * proposal title, section headings, date, contact and cc list.
 *
 * It never guesses. A field the letter does not carry at all (焦作 has no 文号) is null (or [])
 * without complaint; a field the letter seems to carry but that cannot be read with certainty is
 * null and named in `problems`. A text that is not recognisable as a reply letter at all gives
 * every field null and names every field. Pure: no I/O, never throws.
 */

export type ParsedKind = 'proposal' | 'suggestion';
export type ParsedSessionBody = 'cppcc' | 'npc';

export interface ParsedSession {
  /** As printed, e.g. 市政协八届一次会议, 市九届人大一次会议. */
  label: string;
  body: ParsedSessionBody;
  term: number;
  sitting: number;
}

export interface ParsedAddressees {
  people: string[];
  title: '委员' | '代表' | null;
  organisation: string | null;
}

export interface ParsedContact {
  name: string;
  phone: string;
}

export interface ParsedCcEntry {
  recipient: string;
  /** null: the letter names the recipient without a number of copies. */
  copies: number | null;
}

export interface ParseProblem {
  field: ParsedField;
  reason: string;
}

export interface ParsedReplyLetter {
  documentNumber: string | null;
  signatory: string | null;
  grade: string | null;
  issuer: string | null;
  kind: ParsedKind | null;
  session: ParsedSession | null;
  proposalNumber: number | null;
  addressees: ParsedAddressees | null;
  proposalTitle: string | null;
  sectionHeadings: string[] | null;
  date: string | null;
  contact: ParsedContact | null;
  cc: ParsedCcEntry[] | null;
  problems: ParseProblem[];
}

export const PARSED_FIELDS = [
  'documentNumber',
  'signatory',
  'grade',
  'issuer',
  'kind',
  'session',
  'proposalNumber',
  'addressees',
  'proposalTitle',
  'sectionHeadings',
  'date',
  'contact',
  'cc',
] as const;

export type ParsedField = (typeof PARSED_FIELDS)[number];

const NUMERAL_CHARS = '零〇○一二两三四五六七八九十百0-9０-９';

/* ------------------------------------------------------------------------------------------------
 * Normalisation
 * ---------------------------------------------------------------------------------------------- */

/** Full-width ASCII forms (：，（）Ａ１) to ASCII, the ideographic space to a space. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** For matching only: half-width punctuation, no whitespace at all. */
function compact(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

const WHITESPACE = /^[\s\u3000\uFEFF\u00A0]+|[\s\u3000\uFEFF\u00A0]+$/g;

function trimAll(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** `[bookmark: _GoBack]`, `[bookmark: _Toc130618874]`: left by DOCX conversion, anywhere in a line. */
const BOOKMARK = /[[［]\s*bookmark\s*[:：][^\]］]*[\]］]/gi;

/** — 1 —, - 2 -, －3－, (— 1 —), or a lone piece of one (the 本溪 footer broken over five lines). */
const FOOTER = /^[()（）\s]*[—–\-－―~～]*\s*\d{0,4}\s*[—–\-－―~～]*[()（）\s]*$/;

/** 第 1 页 共 3 页, 第1页/共3页, 1/3, Page 2 of 5: what a PDF conversion leaves of its page numbers. */
const PAGE_LINE =
  /^(?:第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/**
 * — 2 — caught inside a line, where a conversion ran the footer into the text it interrupted.
 * Only dashes of the footer kind (not the hyphen of 2020-2021) around at most three digits.
 */
const INLINE_FOOTER = /\s*[—―－]\s*\d{1,3}\s*[—―－]\s*/g;

/** The letter's lines: bookmarks gone, trimmed, page footers dropped; blank lines dropped. */
function cleanLines(text: string): string[] {
  return (
    text
      // Zero-width characters (spaces, joiners, stray byte order marks) that editors and web pages
      // leave inside words: invisible, but they break every pattern they fall into.
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((line) => trimAll(line.replace(BOOKMARK, '')))
      .filter((line) => line !== '' && !FOOTER.test(line) && !PAGE_LINE.test(line))
      .map((line) => trimAll(line.replace(INLINE_FOOTER, '')))
      .filter((line) => line !== '')
  );
}

/** The letter's text as the archive keeps it: bookmarks, page footers and blank lines gone, one line per line. */
export function cleanLetterText(text: string): string {
  return cleanLines(text).join('\n');
}

/* ------------------------------------------------------------------------------------------------
 * Field readers
 * ---------------------------------------------------------------------------------------------- */

const CJK = '\\u3400-\\u9fff';
const ORGANISATION_LINE = new RegExp(
  `^[${CJK}（）()]{2,40}?(?:局|委员会|委|办公室|办|厅|院|政府|中心|管委会|总工会|联合会|公司|集团|部|处|署|支队|大队|分行|银行|协会|商会|学校|大学)(?:文件)?$`,
);

interface Problems {
  add(field: ParsedField, reason: string): void;
  list: ParseProblem[];
}

function problemList(): Problems {
  const list: ParseProblem[] = [];
  return {
    list,
    add(field, reason) {
      list.push({ field, reason });
    },
  };
}

function hasProposalNumber(text: string): boolean {
  return /\d+号/.test(text) || /第[一二三四五六七八九十百零〇]+号/.test(text);
}

/** Could this line be the first part of a title broken over lines? Not a header, issuer or sentence. */
function titlePart(line: string): boolean {
  return (
    line !== '' &&
    line.length <= 40 &&
    !/签发人|办理结果|[:。！？]$/.test(line) &&
    !/[〔[(]\d{4}[〕\])]/.test(line) &&
    !ORGANISATION_LINE.test(line)
  );
}

/** Index of the title line (the one that says 答复) and the title itself, joined when split. */
function findTitle(lines: string[], from = 0): { index: number; start: number; text: string } | null {
  const limit = Math.min(lines.length, from + 15);
  for (let i = from; i < limit; i++) {
    const c = compact(lines[i]);
    if (!/答复$|答复函$|答复的函$|的答复|答复意见$/.test(c) || /^(您|你)/.test(c) || c.length > 80) continue;
    // A类答复 at the top right is the grade mark, not the title.
    if (/^\(?[A-D]类/.test(c)) continue;
    // A title broken over two or three lines (…第228号提案的 / 答复): the first part is above.
    let text = c;
    let start = i;
    while (start > 0 && i - start < 2 && !/^(关于|对)/.test(text)) {
      const above = compact(lines[start - 1]);
      if (!titlePart(above)) break;
      if (hasProposalNumber(text) && !/会议$|^(关于|对)|届/.test(above)) break;
      text = above + text;
      start -= 1;
    }
    if (start < i && !hasProposalNumber(text)) return { index: i, start: i, text: c };
    return { index: i, start, text };
  }
  return null;
}

/** Bounds of what a real letter can say; a larger figure is a misreading, reported rather than stored. */
const MAX_TERM = 99;
const MAX_SITTING = 20;
// Some cities number proposals with the year in front (第20230146号); nine digits hold those.
const MAX_PROPOSAL_NUMBER = 999_999_999;

const SESSION = new RegExp(`^(.*?第?([${NUMERAL_CHARS}]+)届(.{0,12}?)第?([${NUMERAL_CHARS}]+)次(?:全体)?会议)`);

function readSession(title: string, problems: Problems): ParsedSession | null {
  // 濮阳市民政局关于对市政协…: the issuer before 关于 is not part of the meeting's name.
  const about = title.indexOf('关于');
  let text = (about >= 0 ? title.slice(about + 2) : title).replace(/^对/, '');
  // 焦作市民政局对市政协…会议…的答复函: the issuer before 对 is not part of it either.
  const to = text.indexOf('对');
  if (to > 0 && to < text.indexOf('会议')) text = text.slice(to + 1);
  if (!text.includes('会议')) return null;
  const m = SESSION.exec(text);
  if (!m) {
    problems.add('session', `the title names a meeting the parser cannot read: ${title}`);
    return null;
  }
  const label = m[1];
  const term = parseChineseNumber(m[2]);
  const sitting = parseChineseNumber(m[4]);
  const body: ParsedSessionBody | null = /政协|政治协商/.test(label)
    ? 'cppcc'
    : /人大|人民代表大会/.test(label)
      ? 'npc'
      : null;
  if (term === null || sitting === null || term === 0 || sitting === 0 || body === null) {
    problems.add('session', `cannot read body, term and sitting from "${label}"`);
    return null;
  }
  if (term > MAX_TERM || sitting > MAX_SITTING) {
    problems.add('session', `term ${term} or sitting ${sitting} is beyond any real meeting: "${label}"`);
    return null;
  }
  return { label, body, term, sitting };
}

function readNumber(title: string, problems: Problems): number | null {
  const arabic = /(\d+)号/.exec(title);
  const chinese = arabic ? null : new RegExp(`第([${NUMERAL_CHARS}]+)号`).exec(title);
  const n = arabic ? Number(arabic[1]) : chinese ? parseChineseNumber(chinese[1]) : null;
  if (n !== null && n > MAX_PROPOSAL_NUMBER) {
    problems.add('proposalNumber', `the proposal number ${n} is beyond any real session's: ${title}`);
    return null;
  }
  if (n !== null) return n;
  problems.add('proposalNumber', `the title carries no proposal number: ${title}`);
  return null;
}

function kindOf(word: string): ParsedKind | null {
  if (word === '提案') return 'proposal';
  if (word === '建议' || word === '议案') return 'suggestion';
  return null;
}

const QUOTES: [string, string][] = [
  ['“', '”'],
  ['《', '》'],
  ['"', '"'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
  ["'", "'"],
];

/** From the opening line: 您提出的“关于…的提案”收悉 / 您委提出的《…》收悉. */
function readProposalTitle(opening: string | null): string | null {
  if (opening === null) return null;
  const m = /提出的|所提|提交的/.exec(opening);
  const from = m ? m.index + m[0].length : 0;
  // 您提出的第228号“…” / 题为“…”的提案: a number or a word may stand before the quoted title.
  const rest = opening.slice(from).replace(/^\s*(?:第\s*\d+\s*号(?:提案|建议|议案)?|题为|名为|标题为)\s*[:：]?\s*/, '');
  for (const [open, close] of QUOTES) {
    if (!rest.startsWith(open)) continue;
    const end = rest.indexOf(close, open.length);
    if (end < 0) continue;
    const title = trimAll(rest.slice(open.length, end));
    return title === '' ? null : title;
  }
  const bare = /^(关于.+?(?:提案|建议|议案))(?:已)?收悉/.exec(trimAll(rest));
  return bare ? bare[1] : null;
}

function readAddressees(line: string): ParsedAddressees | null {
  // 姚峥 左锋杰 韩冰委员: names set apart by spaces instead of 、.
  const text = compact(trimAll(toHalfWidth(line)).replace(/\s+/g, '、'))
    .replace(/^(尊敬的|敬爱的)、?/, '')
    .replace(/[:]$/, '')
    .replace(/^(尊敬的|敬爱的)/, '');
  if (text === '') return null;
  const titled = /^(.+?)(委员|代表)(?:们)?$/.exec(text);
  if (titled) {
    // 张三、李四等5位委员: the names printed; the count says others signed too.
    const people = titled[1]
      .replace(new RegExp(`等(?:[${NUMERAL_CHARS}]+)?(?:位|名)?$`), '')
      .split(/[、,;]/)
      .map((name) => name.replace(/(委员|代表)$/, ''))
      .filter((name) => name !== '');
    if (people.length === 0 || people.some((name) => !new RegExp(`^[${CJK}·•]{2,6}$`).test(name) || name === '各位'))
      return null;
    return { people, title: titled[2] as '委员' | '代表', organisation: null };
  }
  // 姚峥同志: a person addressed without a member's or deputy's title, not an organisation.
  const addressed = /^(.+?)(?:同志|先生|女士)(?:们)?$/.exec(text);
  if (addressed) {
    const people = addressed[1].split(/[、,;]/).filter((name) => name !== '');
    if (people.length === 0 || people.some((name) => !new RegExp(`^[${CJK}·•]{2,6}$`).test(name))) return null;
    return { people, title: null, organisation: null };
  }
  if (!new RegExp(`^[${CJK}()（）·]{2,40}$`).test(text)) return null;
  return { people: [], title: null, organisation: text };
}

/** 一、完善政策配套，健全养老服务机制。我市… → 完善政策配套，健全养老服务机制; numbered 一, 二, 三… in order. */
/**
 * The numbered headings 一、二、三…; a letter with none of those but （一）（二）… at the head of
 * its paragraphs is read by those instead.
 */
function readSectionHeadings(lines: string[]): string[] {
  const headings = headingsNumbered(lines, /^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$/);
  if (headings.length > 0) return headings;
  const bracketed = headingsNumbered(lines, /^[(（]([一二三四五六七八九十]+)[)）]\s*[、.．]?\s*(.+)$/);
  if (bracketed.length > 0) return bracketed;
  // 1、2、3、 (or 1. 2.) where a letter numbers its parts in figures; 1.5万 is not a heading.
  return headingsNumbered(lines, /^(\d{1,2})\s*[、.．](?!\d)\s*(.+)$/);
}

function headingsNumbered(lines: string[], numbered: RegExp): string[] {
  const headings: string[] = [];
  for (const line of lines) {
    const m = numbered.exec(line);
    if (!m || (/^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1])) !== headings.length + 1) continue;
    const stop = m[2].search(/[。！？!?]/);
    const heading = trimAll((stop < 0 ? m[2] : m[2].slice(0, stop)).replace(/[：:；;]$/, ''));
    if (heading === '') continue;
    headings.push(heading);
  }
  return headings;
}

const DATE_LINE = new RegExp(
  `^(?:(\\d{4}|[零〇○一二三四五六七八九]{4})年([${NUMERAL_CHARS}]{1,3})月([${NUMERAL_CHARS}]{1,3})日|(\\d{4})([./-])(\\d{1,2})\\5(\\d{1,2}))$`,
);

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/* ------------------------------------------------------------------------------------------------
 * The parser
 * ---------------------------------------------------------------------------------------------- */

function nothing(problems: ParseProblem[]): ParsedReplyLetter {
  return {
    documentNumber: null,
    signatory: null,
    grade: null,
    issuer: null,
    kind: null,
    session: null,
    proposalNumber: null,
    addressees: null,
    proposalTitle: null,
    sectionHeadings: null,
    date: null,
    contact: null,
    cc: null,
    problems,
  };
}

export function parseReplyLetter(text: string): ParsedReplyLetter {
  try {
    return parse(typeof text === 'string' ? text : '');
  } catch (error) {
    const reason = `the parser failed: ${error instanceof Error ? error.message : String(error)}`;
    return nothing(PARSED_FIELDS.map((field) => ({ field, reason })));
  }
}

/**
 * 尊敬的张三委员：您提出的…收悉: when the addressee and the opening share a line (a paragraph
 * mark lost in conversion), they become two lines again.
 */
function splitAddresseeLine(lines: string[], titleIndex: number): string[] {
  for (let i = titleIndex + 1; i <= titleIndex + 4 && i < lines.length; i++) {
    const m = /^((?:尊敬的|敬爱的)?[^，。,：:]{2,40}?(?:委员|代表)(?:们)?[：:])\s*(\S.*)$/.exec(lines[i]);
    if (m) return [...lines.slice(0, i), m[1], m[2], ...lines.slice(i + 1)];
    if (/[:：]$/.test(lines[i]) && lines[i].length <= 40) return lines;
  }
  return lines;
}

function parse(text: string): ParsedReplyLetter {
  const cleaned = cleanLines(text);
  // A page saved from a website may repeat the title above its own header lines: the letter's
  // title is the one an addressee line follows.
  let found = findTitle(cleaned);
  let lines = found ? splitAddresseeLine(cleaned, found.index) : cleaned;
  const addresseeAfter = (t: { index: number } | null) =>
    lines.findIndex((line, i) => (t === null || i > t.index) && i < (t?.index ?? 0) + 4 && /[:：]$/.test(line));
  for (let tries = 0; found !== null && addresseeAfter(found) < 0 && tries < 3; tries++) {
    const next = findTitle(cleaned, found.index + 1);
    if (next === null) break;
    found = next;
    lines = splitAddresseeLine(cleaned, found.index);
  }
  const title = found;
  const addresseeIndex = addresseeAfter(title);
  if (title === null || addresseeIndex < 0) {
    const reason =
      lines.length === 0 ? 'the text is empty' : 'not recognisable as a reply letter: no title and addressee line';
    return nothing(PARSED_FIELDS.map((field) => ({ field, reason })));
  }

  const problems = problemList();
  const result = nothing(problems.list);

  // Header: everything above the title.
  const header = lines.slice(0, title.start);
  const headerText = header.map(compact).join('\n');
  // A类 三民文〔2023〕21号 签发人：…: marks set apart by wide gaps on one line are read apart,
  // so the grade does not run into the number's prefix.
  const headerCells = header
    .flatMap((line) =>
      toHalfWidth(line)
        .split(/\s{2,}/)
        .map(compact),
    )
    .filter((c) => c !== '');

  const numberPattern = /([\u3400-\u9fff]{1,10})[〔[(（［【]\s*(\d{4})\s*[〕\])）］】]\s*(?:第)?(\d{1,5})号/;
  const number = numberPattern.exec(headerCells.join('\n')) ?? numberPattern.exec(headerText);
  if (number) result.documentNumber = `${number[1]}〔${number[2]}〕${Number(number[3])}号`;
  else if (/[〔[(（［【]\d{4}[〕\])）］】]|文号/.test(headerText))
    problems.add('documentNumber', 'a document number is there but cannot be read');

  if (/签发人/.test(headerText)) {
    const m = new RegExp(`签发人[:]?([${CJK}·]{2,6})(?:$|\\n)`).exec(headerText);
    if (m) result.signatory = m[1];
    else problems.add('signatory', 'the 签发人 line names nobody readable');
  }

  const gradeLabel = /办理结果|办理类别|答复类别|答复类型|办理类型|答复分类|(?:^|\n)类别/;
  if (gradeLabel.test(headerText)) {
    const m =
      /(?:办理结果|办理类别|答复类别|答复类型|办理类型|答复分类|(?:^|\n)类别)[:]?([A-Da-d])类?(?:\([^)\n]{1,20}\))?(?:$|\n)/.exec(
        headerText,
      );
    if (m) result.grade = m[1].toUpperCase();
    else problems.add('grade', 'the 办理结果 mark carries no grade A–D');
  } else {
    // A mark standing alone at the top right: A类, (B), C类答复.
    const alone = headerCells.find((cell) => /^\(?[A-D]类?(?:答复|件)?\)?$/.test(cell));
    if (alone) result.grade = (/[A-D]/.exec(alone) as RegExpExecArray)[0];
  }

  // 濮阳市民政局关于对…的答复: the issuer opens the title.
  const titleOrg = (/^(.+?)关于/.exec(title.text) ?? /^(.+?)对(?=.*会议)/.exec(title.text))?.[1];
  const headerOrg =
    header.find((line) => ORGANISATION_LINE.test(compact(line))) ??
    (titleOrg && ORGANISATION_LINE.test(titleOrg) ? titleOrg : undefined);

  // Title: kind, number, session.
  const session = readSession(title.text, problems);
  result.session = session;
  result.proposalNumber = readNumber(title.text, problems);
  const titleKind = /号(提案|建议|议案)/.exec(title.text);

  // Addressees and the opening line.
  const addressees = readAddressees(lines[addresseeIndex]);
  if (addressees) result.addressees = addressees;
  else problems.add('addressees', `cannot read the addressee line: ${lines[addresseeIndex]}`);

  const body = lines.slice(addresseeIndex + 1);
  const opening = body.find((line) => /收悉|提出的|所提/.test(line)) ?? null;
  const proposalTitle = readProposalTitle(opening);
  if (proposalTitle) result.proposalTitle = proposalTitle;
  else problems.add('proposalTitle', 'the opening line does not quote the proposal title');

  const quotedKind = proposalTitle ? /(提案|建议|议案)$/.exec(proposalTitle) : null;
  const kind =
    kindOf(titleKind?.[1] ?? '') ??
    (session ? (session.body === 'cppcc' ? 'proposal' : 'suggestion') : null) ??
    kindOf(quotedKind?.[1] ?? '');
  if (kind) result.kind = kind;
  else problems.add('kind', 'neither the title nor the quoted proposal says 提案 or 建议');
  if (session && kind && (session.body === 'cppcc') !== (kind === 'proposal')) {
    problems.add('kind', `the title names a ${session.body} session but a ${kind}`);
    problems.add('session', `the title names a ${session.body} session but a ${kind}`);
    result.kind = null;
    result.session = null;
  }

  const headings = readSectionHeadings(body);
  if (headings.length > 0) result.sectionHeadings = headings;
  else problems.add('sectionHeadings', 'no numbered sections (一、二、…) in the body');

  // Foot: date, issuer, contact, cc.
  let dateIndex = -1;
  let sameLineOrg: string | null = null;
  for (let i = body.length - 1; i >= 0; i--) {
    const line = compact(body[i]);
    let m = DATE_LINE.exec(line);
    if (!m) {
      // 本溪市民政局 2022年2月14日 on one line.
      const at = line.search(/(?:\d{4}|[零〇○一二三四五六七八九]{4})年[^年]*日$/);
      if (at <= 0 || !ORGANISATION_LINE.test(line.slice(0, at))) continue;
      m = DATE_LINE.exec(line.slice(at));
      if (!m) continue;
      sameLineOrg = line.slice(0, at);
    }
    dateIndex = i;
    const parts = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[6], m[7]];
    const [year, month, day] = parts.map(parseChineseNumber);
    const iso = year !== null && month !== null && day !== null ? isoDate(year, month, day) : null;
    if (iso) result.date = iso;
    else problems.add('date', `no such date: ${body[i]}`);
    break;
  }

  const footOrg =
    sameLineOrg ?? (dateIndex > 0 && ORGANISATION_LINE.test(compact(body[dateIndex - 1])) ? body[dateIndex - 1] : null);
  const issuer = footOrg ?? headerOrg ?? null;
  if (issuer) result.issuer = compact(issuer).replace(/文件$/, '');

  const foot = dateIndex >= 0 ? body.slice(dateIndex + 1) : body.slice(-4);
  // Usually below the date; some bureaus put it just above, opening its own line.
  const contactAt = foot.findIndex((line) => /联系人|联系电话/.test(line));
  const contactAbove =
    dateIndex > 0
      ? body.slice(Math.max(0, dateIndex - 3), dateIndex).find((line) => /^[(（]?联系人/.test(line))
      : undefined;
  const contactLine = contactAt >= 0 ? foot[contactAt] : contactAbove;
  if (contactLine) {
    // 联系人：张三 / 联系电话：… over two lines.
    const next = contactAt >= 0 ? foot[contactAt + 1] : undefined;
    const joined =
      !/电话|手机|方式/.test(contactLine) && next !== undefined && /^[(（]?(?:联系)?(?:电话|手机|方式)/.test(next)
        ? contactLine + next
        : contactLine;
    const c = compact(joined).replace(/(\d)[—–―~～](\d)/g, '$1-$2');
    // A mobile number first: its first eight digits would pass for a landline's.
    const m = new RegExp(
      `联系人(?:及(?:联系)?(?:电话|方式))?[:]?([${CJK}·]{2,6}?)[,;、]?(?:(?:联系)?(?:电话|手机|方式)[:]?)?` +
        `(1\\d{10}(?!\\d)|(?:\\d{3,4}-)?\\d{7,8}(?:-\\d{1,5})?(?!\\d))`,
    ).exec(c);
    if (m) result.contact = { name: m[1], phone: m[2] };
    else problems.add('contact', `cannot read the contact line: ${joined}`);
  }

  const ccAt = foot.findIndex((line) => /^抄送/.test(compact(line)));
  if (ccAt >= 0) {
    // A long cc list wraps: take the lines that continue it, up to the one ending in 。.
    let ccLine = compact(foot[ccAt]);
    for (let j = ccAt + 1; j < foot.length && !/[。.]$/.test(ccLine); j++) {
      const more = compact(foot[j]);
      if (/联系人|联系电话|印发|^\d{4}年/.test(more) || !/份\)|[,、;。]$/.test(more)) break;
      ccLine += more;
    }
    const entries = ccLine
      .replace(/^抄送[:]?/, '')
      .replace(/[。.]$/, '')
      .split(/[,，、;；]/)
      .filter((entry) => entry !== '');
    const cc = entries.map((entry) => new RegExp(`^([${CJK}()·]{2,40}?)(?:\\((\\d+)份\\))?$`).exec(entry));
    if (cc.length > 0 && cc.every((m) => m !== null)) {
      result.cc = cc.map((m) => {
        const [, recipient, copies] = m as RegExpExecArray;
        return { recipient, copies: copies === undefined ? null : Number(copies) };
      });
    } else problems.add('cc', `cannot read the cc line: ${ccLine}`);
  } else result.cc = [];

  return result;
}
