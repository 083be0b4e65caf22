import { daysInMonth, formatLocalDate, type LocalDate } from '@dafu/deadlines/domain/local-date';

/** One data row of an uploaded list: cells keyed by the trimmed header text, values trimmed ('' when empty). */
export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it; the header is line 1. */
  line: number;
  cells: Record<string, string>;
}

export interface ImportedProposer {
  name: string;
  kind: 'person' | 'organisation';
}

export interface ImportedRow {
  line: number;
  number: number;
  title: string;
  body: string | null;
  category: string | null;
  receivedOn: LocalDate | null;
  /** The first is the lead proposer (领衔人), the rest co-signers (附议人). */
  proposers: ImportedProposer[];
  leadBureau: string | null;
  coBureaus: string[];
  separateBureaus: string[];
}

/** What is wrong with a row, for machines; `zh`/`en` say it for people. Persisted in no table, but clients match on it. */
export enum ImportProblemCode {
  HeaderDuplicate = 'HEADER_DUPLICATE',
  HeaderMissing = 'HEADER_MISSING',
  NumberEmpty = 'NUMBER_EMPTY',
  NumberInvalid = 'NUMBER_INVALID',
  NumberRepeated = 'NUMBER_REPEATED',
  /** Found by the import service: the session already has a proposal with this number. */
  NumberTaken = 'NUMBER_TAKEN',
  TitleEmpty = 'TITLE_EMPTY',
  TitleTooLong = 'TITLE_TOO_LONG',
  ProposersEmpty = 'PROPOSERS_EMPTY',
  ReceivedOnInvalid = 'RECEIVED_ON_INVALID',
  LeadBureauMultiple = 'LEAD_BUREAU_MULTIPLE',
  CoBureausWithoutLead = 'CO_BUREAUS_WITHOUT_LEAD',
  BureauRepeated = 'BUREAU_REPEATED',
  /** Found by the import service: no bureau in Dafu has this name. */
  BureauUnknown = 'BUREAU_UNKNOWN',
}

export interface RowProblem {
  line: number;
  /** The column concept (an ImportField) or 'header' for problems with the header row. */
  field: string;
  code: ImportProblemCode;
  zh: string;
  en: string;
}

/** A data row as far as it could be read (number and title are null when unreadable), with its problems. */
export interface CheckedRow extends Omit<ImportedRow, 'number' | 'title'> {
  number: number | null;
  title: string | null;
  problems: RowProblem[];
}

export interface ImportCheck {
  /** Problems with the header row (line 1); while there are any, no row can be imported. */
  headerProblems: RowProblem[];
  rows: CheckedRow[];
}

export type ImportField =
  | 'number'
  | 'title'
  | 'proposers'
  | 'coSigners'
  | 'category'
  | 'leadBureau'
  | 'coBureaus'
  | 'separateBureaus'
  | 'body'
  | 'receivedOn';

export interface ImportColumn {
  readonly field: ImportField;
  /** Accepted header texts; the first is the one to put in templates. English ones match case-insensitively. */
  readonly headers: readonly string[];
  readonly required: boolean;
  readonly zh: string;
  readonly en: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'number',
    headers: ['编号', '提案号', '建议号', '案号', 'number'],
    required: true,
    zh: '提案（建议）编号，正整数；可写“146”“146号”或“第146号”，同一文件中不能重复。',
    en: 'Proposal (suggestion) number, a positive integer; "146", "146号" or "第146号"; unique within the file.',
  },
  {
    field: 'title',
    headers: ['标题', '案由', '题目', 'title'],
    required: true,
    zh: '标题（案由），不超过300字。',
    en: 'Title, at most 300 characters.',
  },
  {
    field: 'proposers',
    headers: ['提案人', '提出人', '领衔人', '代表', '委员', 'proposers'],
    required: true,
    zh: '提案人，第一个为领衔人，其余为附议人；多人用顿号、逗号、分号、斜杠或空格分隔。党派、委员会等按单位识别。',
    en: 'Proposers; the first leads, the rest co-sign. Separate names with 、 , ; / or spaces. Parties and committees are recognised as organisations.',
  },
  {
    field: 'coSigners',
    headers: ['附议人', 'coSigners'],
    required: false,
    zh: '附议人，可空；填在领衔人之后。名单用顿号、逗号、分号、斜杠或空格分隔。',
    en: 'Co-signers, optional; listed after the lead. Separate names with 、 , ; / or spaces.',
  },
  {
    field: 'category',
    headers: ['类别', '分类', 'category'],
    required: false,
    zh: '类别，可空。',
    en: 'Category, optional.',
  },
  {
    field: 'leadBureau',
    headers: ['主办单位', '主办', 'lead', 'leadBureau'],
    required: false,
    zh: '主办单位，最多一个，可空。',
    en: 'Lead bureau, at most one, optional.',
  },
  {
    field: 'coBureaus',
    headers: ['会办单位', '协办单位', '会办', 'co', 'coBureaus'],
    required: false,
    zh: '会办单位，可多个；填写会办单位时必须有主办单位。',
    en: 'Co-handling bureaus, several allowed; they need a lead bureau.',
  },
  {
    field: 'separateBureaus',
    headers: ['分办单位', '分办', 'separate', 'separateBureaus'],
    required: false,
    zh: '分办单位，可多个。同一单位在一行中只能出现一次（主办、会办、分办之间不能重复）。',
    en: 'Separately handling bureaus, several allowed. A bureau may appear only once per row across lead, co and separate.',
  },
  {
    field: 'body',
    headers: ['内容', '正文', 'body'],
    required: false,
    zh: '正文，可空。',
    en: 'Body text, optional.',
  },
  {
    field: 'receivedOn',
    headers: ['收到日期', '提交日期', '日期', 'receivedOn'],
    required: false,
    zh: '收到日期，可空；可写2023-07-13、2023/7/13、2023.7.13或2023年7月13日。',
    en: 'Date received, optional: 2023-07-13, 2023/7/13, 2023.7.13 or 2023年7月13日.',
  },
];

export const TITLE_MAX_LENGTH = 300;
/** Proposal numbers are stored in a Postgres integer column. */
const NUMBER_MAX = 2_147_483_647;

const FIELD_EN: Record<ImportField, string> = {
  number: 'number',
  title: 'title',
  proposers: 'proposers',
  coSigners: 'co-signers',
  category: 'category',
  leadBureau: 'lead bureau',
  coBureaus: 'co-handling bureaus',
  separateBureaus: 'separately handling bureaus',
  body: 'body',
  receivedOn: 'received date',
};

const NAME_SEPARATORS = /[、，,;；/／\s]+/u;

/** Splits a cell listing several names; keeps the first of any repeats. */
export function splitNames(cell: string): string[] {
  const names = cell
    .split(NAME_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

const ORGANISATION_MARKS = ['民革', '民盟', '民建', '民进', '农工', '致公', '九三', '台盟', '工商联'];
const ORGANISATION_ENDINGS = ['市委', '委员会', '专委会', '联合会', '总工会', '协会', '界', '小组', '支部', '党组'];

/** Party groups, committees and sectors submit in their own name (e.g. 民盟本溪市委, 经济界). */
export function proposerKind(name: string): ImportedProposer['kind'] {
  if (ORGANISATION_MARKS.some((mark) => name.includes(mark))) return 'organisation';
  if (ORGANISATION_ENDINGS.some((ending) => name.endsWith(ending))) return 'organisation';
  return 'person';
}

/** Clerks often type full-width digits (１４６) in Chinese input mode. */
function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** '146', '146号', '第146号' → 146; anything else, zero or too large → null. */
export function parseProposalNumber(cell: string): number | null {
  const match = /^第?\s*(\d+)\s*号?$/u.exec(toAsciiDigits(cell.trim()));
  if (!match) return null;
  const number = Number(match[1]);
  return number >= 1 && number <= NUMBER_MAX ? number : null;
}

const DATE_WITH_SEPARATOR = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/u;

/** 2023-07-13, 2023/7/13, 2023.7.13, 2023年7月13日 → '2023-07-13'; null unless a real calendar date. */
export function parseReceivedOn(cell: string): LocalDate | null {
  const text = toAsciiDigits(cell.trim());
  const withSeparator = DATE_WITH_SEPARATOR.exec(text);
  const chinese = withSeparator ? null : CHINESE_DATE.exec(text);
  let parts: [string, string, string];
  if (withSeparator) parts = [withSeparator[1], withSeparator[3], withSeparator[4]];
  else if (chinese) parts = [chinese[1], chinese[2], chinese[3]];
  else return null;
  const [year, month, day] = parts.map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatLocalDate(year, month, day);
}

export function rowProblem(line: number, field: string, code: ImportProblemCode, zh: string, en: string): RowProblem {
  return { line, field, code, zh: `第${line}行：${zh}`, en: `Line ${line}: ${en}` };
}

/** Which file header, if any, carries each field. */
type ColumnMap = Partial<Record<ImportField, string>>;

function mapHeaders(headers: readonly string[]): { columns: ColumnMap; problems: RowProblem[] } {
  const columns: ColumnMap = {};
  const problems: RowProblem[] = [];
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    const column = IMPORT_COLUMNS.find((candidate) => candidate.headers.some((alias) => alias.toLowerCase() === key));
    if (!column) continue;
    const earlier = columns[column.field];
    if (earlier !== undefined) {
      // Guessing which of two columns the clerk meant could import the wrong data silently.
      problems.push(
        rowProblem(
          1,
          'header',
          ImportProblemCode.HeaderDuplicate,
          `“${earlier}”和“${header}”两列都表示${column.headers[0]}，请只保留一列`,
          `columns "${earlier}" and "${header}" both mean ${FIELD_EN[column.field]}; keep only one`,
        ),
      );
      continue;
    }
    columns[column.field] = header;
  }
  for (const column of IMPORT_COLUMNS) {
    if (!column.required || columns[column.field] !== undefined) continue;
    problems.push(
      rowProblem(
        1,
        'header',
        ImportProblemCode.HeaderMissing,
        `缺少“${column.headers[0]}”列（可用列名：${column.headers.join('、')}）`,
        `missing the ${FIELD_EN[column.field]} column (accepted headers: ${column.headers.join(', ')})`,
      ),
    );
  }
  return { columns, problems };
}

/**
 * Validates the rows of a 提案委交办清单 and reads each as far as it can. Every problem is reported,
 * not just the first, so a clerk can fix the whole file in one pass. Both the import and its preview
 * start here; the import service adds the checks that need the database (numbers taken, bureaus).
 */
export function checkImportRows(sheetRows: readonly SheetRow[]): ImportCheck {
  // Without rows the headers are unknown; readSheet has already refused such a file as empty.
  if (sheetRows.length === 0) return { headerProblems: [], rows: [] };
  const headers = [...new Set(sheetRows.flatMap((row) => Object.keys(row.cells)))];
  const { columns, problems: headerProblems } = mapHeaders(headers);
  const rows: CheckedRow[] = [];
  const lineOfNumber = new Map<number, number>();

  for (const sheetRow of sheetRows) {
    const { line } = sheetRow;
    const rowProblems: RowProblem[] = [];
    const cell = (field: ImportField): string | null => {
      const header = columns[field];
      return header === undefined ? null : (sheetRow.cells[header] ?? '').trim();
    };
    const label = (field: ImportField): string => columns[field] ?? field;
    const report = (field: ImportField, code: ImportProblemCode, zh: string, en: string): void => {
      rowProblems.push(rowProblem(line, field, code, zh, en));
    };

    const numberCell = cell('number');
    let number: number | null = null;
    if (numberCell === '') {
      report('number', ImportProblemCode.NumberEmpty, `${label('number')}为空`, 'number is empty');
    } else if (numberCell !== null) {
      number = parseProposalNumber(numberCell);
      if (number === null) {
        report(
          'number',
          ImportProblemCode.NumberInvalid,
          `${label('number')}“${numberCell}”不是正整数`,
          `number "${numberCell}" is not a positive integer`,
        );
      } else {
        const earlierLine = lineOfNumber.get(number);
        if (earlierLine !== undefined) {
          report(
            'number',
            ImportProblemCode.NumberRepeated,
            `${label('number')}${number}与第${earlierLine}行重复`,
            `number ${number} is already used on line ${earlierLine}`,
          );
        } else {
          lineOfNumber.set(number, line);
        }
      }
    }

    const title = cell('title');
    if (title === '') {
      report('title', ImportProblemCode.TitleEmpty, `${label('title')}为空`, 'title is empty');
    } else if (title !== null) {
      const length = [...title].length;
      if (length > TITLE_MAX_LENGTH) {
        report(
          'title',
          ImportProblemCode.TitleTooLong,
          `${label('title')}超过${TITLE_MAX_LENGTH}字（现有${length}字）`,
          `title is longer than ${TITLE_MAX_LENGTH} characters (${length})`,
        );
      }
    }

    // A list may name the lead in 领衔人 and the rest in a separate 附议人 column.
    const proposerNames = [
      ...new Set([...splitNames(cell('proposers') ?? ''), ...splitNames(cell('coSigners') ?? '')]),
    ];
    if (columns.proposers !== undefined && proposerNames.length === 0) {
      report('proposers', ImportProblemCode.ProposersEmpty, `${label('proposers')}为空`, 'no proposer given');
    }

    const receivedOnCell = cell('receivedOn') ?? '';
    const receivedOn = receivedOnCell === '' ? null : parseReceivedOn(receivedOnCell);
    if (receivedOnCell !== '' && receivedOn === null) {
      report(
        'receivedOn',
        ImportProblemCode.ReceivedOnInvalid,
        `${label('receivedOn')}“${receivedOnCell}”不是有效日期，请写成2023-07-13或2023年7月13日`,
        `received date "${receivedOnCell}" is not a valid date; write it as 2023-07-13 or 2023年7月13日`,
      );
    }

    const leadCell = cell('leadBureau') ?? '';
    const leadBureaus = splitNames(leadCell);
    if (leadBureaus.length > 1) {
      report(
        'leadBureau',
        ImportProblemCode.LeadBureauMultiple,
        `${label('leadBureau')}只能有一个，现填了“${leadCell}”`,
        `only one lead bureau is allowed, got "${leadCell}"`,
      );
    }
    const coBureaus = splitNames(cell('coBureaus') ?? '');
    if (coBureaus.length > 0 && leadBureaus.length === 0) {
      report(
        'coBureaus',
        ImportProblemCode.CoBureausWithoutLead,
        `填写了${label('coBureaus')}，必须同时填写主办单位`,
        'co-handling bureaus need a lead bureau',
      );
    }
    const separateBureaus = splitNames(cell('separateBureaus') ?? '');
    const bureauFields: [ImportField, string[]][] = [
      ['leadBureau', leadBureaus],
      ['coBureaus', coBureaus],
      ['separateBureaus', separateBureaus],
    ];
    const fieldOfBureau = new Map<string, ImportField>();
    for (const [field, bureaus] of bureauFields) {
      for (const bureau of bureaus) {
        const earlierField = fieldOfBureau.get(bureau);
        if (earlierField === undefined) {
          fieldOfBureau.set(bureau, field);
          continue;
        }
        report(
          field,
          ImportProblemCode.BureauRepeated,
          `“${bureau}”同时出现在${label(earlierField)}和${label(field)}中，同一单位只能出现一次`,
          `"${bureau}" appears in both ${FIELD_EN[earlierField]} and ${FIELD_EN[field]}; a bureau may appear only once`,
        );
      }
    }

    rows.push({
      line,
      number,
      title: title || null,
      body: cell('body') || null,
      category: cell('category') || null,
      receivedOn,
      proposers: proposerNames.map((name) => ({ name, kind: proposerKind(name) })),
      leadBureau: leadBureaus[0] ?? null,
      coBureaus,
      separateBureaus,
      problems: rowProblems,
    });
  }
  return { headerProblems, rows };
}

/** Every problem of the file: the header's first, then the rows' in line order. */
export function importProblems(check: ImportCheck): RowProblem[] {
  return [...check.headerProblems, ...check.rows.flatMap((row) => row.problems)];
}

/** The rows an import would register: those without problems, and none while the header is wrong. */
export function importableRows(check: ImportCheck): ImportedRow[] {
  if (check.headerProblems.length > 0) return [];
  return check.rows.flatMap(({ problems, number, title, ...row }) =>
    problems.length === 0 && number !== null && title !== null ? [{ ...row, number, title }] : [],
  );
}
