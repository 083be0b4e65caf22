import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { chineseNumeral } from '@dafu/proposals/domain/chinese-numerals';
import { Disclosure, type GradeClass, type ReplyContent } from './reply-content';

/**
 * Two gates on a reply's content. `checkReplyContent` is what a SAVE refuses (400): text that
 * would print wrongly or can never be right. `checkCompleteness` is what SUBMITTING for review
 * refuses (422): what a finished letter still lacks. A half-written draft passes the first.
 */

/** Characters (code points) of all the text in one content; above it a save answers 413. */
export const REPLY_TEXT_LIMIT = 50_000;

export interface BilingualLabel {
  zh: string;
  en: string;
}

/** What the parts of a reply are called on screen; shared with the version diff. */
export const REPLY_LABELS = {
  grade: { zh: '办理结果（拟）', en: 'Proposed grade' },
  gradeJustification: { zh: '办理结果（拟）理由', en: 'Reason for the proposed grade' },
  title: { zh: '标题', en: 'Title' },
  addressees: { zh: '答复对象', en: 'Addressees' },
  honorific: { zh: '答复对象敬称', en: 'Honorific before the addressees' },
  addresseeTitle: { zh: '答复对象称谓（委员/代表）', en: 'Addressee title (委员/代表)' },
  organisation: { zh: '答复对象单位', en: 'Addressee organisation' },
  opening: { zh: '开头语', en: 'Opening' },
  issuer: { zh: '落款单位', en: 'Issuing bureau' },
  contact: { zh: '联系人', en: 'Contact' },
  contactName: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  cc: { zh: '抄送', en: 'Copies to (cc)' },
  headingLayout: { zh: '部分标题版式', en: 'Section heading layout' },
  disclosure: { zh: '公开属性', en: 'Disclosure' },
  disclosureReason: { zh: '公开属性理由', en: 'Reason for the disclosure level' },
} as const satisfies Record<string, BilingualLabel>;

/** 0 → 一 (sections are numbered 一、二、… in the letter). */
function sectionNumeral(index: number): string {
  return index + 1 <= 999 ? chineseNumeral(index + 1) : String(index + 1);
}

export function addresseeNameLabel(index: number): BilingualLabel {
  return { zh: `答复对象第${index + 1}位姓名`, en: `Addressee ${index + 1}'s name` };
}

export function preambleLabel(index: number): BilingualLabel {
  return { zh: `引言第${index + 1}段`, en: `Preamble paragraph ${index + 1}` };
}

export function sectionHeadingLabel(index: number): BilingualLabel {
  return { zh: `第${sectionNumeral(index)}部分标题`, en: `Section ${index + 1} heading` };
}

export function sectionParagraphLabel(sectionIndex: number, paragraphIndex: number): BilingualLabel {
  return {
    zh: `第${sectionNumeral(sectionIndex)}部分第${paragraphIndex + 1}段`,
    en: `Section ${sectionIndex + 1}, paragraph ${paragraphIndex + 1}`,
  };
}

export function closingLabel(index: number): BilingualLabel {
  return { zh: `结束语第${index + 1}段`, en: `Closing paragraph ${index + 1}` };
}

export function ccRecipientLabel(index: number): BilingualLabel {
  return { zh: `抄送第${index + 1}项`, en: `cc entry ${index + 1}` };
}

export interface ReplyTextField {
  /** Same path syntax as ContentProblem.field: 'sections[1].paragraphs[0]'. */
  path: string;
  label: BilingualLabel;
  text: string;
}

/** Every piece of free text in a content, in the letter's order (ids and enum values excluded). */
export function replyTextFields(content: ReplyContent): ReplyTextField[] {
  const fields: ReplyTextField[] = [];
  const add = (path: string, label: BilingualLabel, text: string | null | undefined) => {
    if (typeof text === 'string') fields.push({ path, label, text });
  };
  add('proposedGrade.justification', REPLY_LABELS.gradeJustification, content.proposedGrade.justification);
  add('title', REPLY_LABELS.title, content.title);
  add('addressees.honorific', REPLY_LABELS.honorific, content.addressees.honorific);
  content.addressees.people.forEach((name, i) => add(`addressees.people[${i}]`, addresseeNameLabel(i), name));
  add('addressees.organisation', REPLY_LABELS.organisation, content.addressees.organisation);
  add('opening', REPLY_LABELS.opening, content.opening);
  content.preamble.forEach((text, i) => add(`preamble[${i}]`, preambleLabel(i), text));
  content.sections.forEach((section, i) => {
    add(`sections[${i}].heading`, sectionHeadingLabel(i), section.heading);
    section.paragraphs.forEach((text, j) => add(`sections[${i}].paragraphs[${j}]`, sectionParagraphLabel(i, j), text));
  });
  content.closing.forEach((text, i) => add(`closing[${i}]`, closingLabel(i), text));
  add('issuer', REPLY_LABELS.issuer, content.issuer);
  add('contact.name', REPLY_LABELS.contactName, content.contact?.name);
  add('contact.phone', REPLY_LABELS.contactPhone, content.contact?.phone);
  content.cc.forEach((entry, i) => add(`cc[${i}].recipient`, ccRecipientLabel(i), entry.recipient));
  add('disclosure.reason', REPLY_LABELS.disclosureReason, content.disclosure.reason);
  return fields;
}

/** Length in characters as a reader counts them: a CJK Extension B character is one, not two. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function replyTextLength(content: ReplyContent): number {
  return replyTextFields(content).reduce((sum, field) => sum + characterCount(field.text), 0);
}

// ---------------------------------------------------------------------------------------------
// Save-time checks
// ---------------------------------------------------------------------------------------------

export const CONTENT_PROBLEM_KINDS = [
  'grade_not_in_scale',
  'addressees_both',
  'addressee_name_blank',
  'addressee_name_separator',
  'addressee_name_too_long',
  'addressee_title_invalid',
  'section_heading_blank',
  'contact_phone_invalid',
  'cc_recipient_blank',
  'cc_recipient_too_long',
  'cc_recipient_bad_character',
  'cc_recipient_digits_only',
  'cc_recipient_repeated',
  'cc_copies_invalid',
  'disclosure_level_invalid',
  'control_character',
] as const;
export type ContentProblemKind = (typeof CONTENT_PROBLEM_KINDS)[number];

export interface ContentProblem {
  /** Path into ReplyContent, e.g. 'cc[1].copies', 'sections[0].heading', 'addressees.people[2]'. */
  field: string;
  problem: ContentProblemKind;
  zh: string;
  en: string;
}

export const CC_RECIPIENT_MAX_LENGTH = 40;
export const PERSON_NAME_MAX_LENGTH = 20;
export const CC_COPIES_MIN = 1;
export const CC_COPIES_MAX = 99;

/** Would break `抄送：市政协提案委（2份），…。`: the copies are printed in brackets, entries joined by ，. */
const CC_FORBIDDEN = new Set(['（', '）', '(', ')', ',', '，', '、', '。', ';', '；', ':', '：', '\n', '\t']);
/** Would split one person into two on the addressee line (姚峥、左锋杰、韩冰委员：). */
const NAME_SEPARATORS = new Set(['、', ',', '，', ';', '；', '\n', '\t']);
const PHONE_PATTERN = /^[0-9 +()（）-]{5,30}$/;
const PHONE_MIN_DIGITS = 5;
const DIGITS_ONLY = /^[\p{Nd}\s]+$/u;
const ADDRESSEE_TITLES: readonly string[] = ['委员', '代表'];
const DISCLOSURE_LEVELS: readonly string[] = Object.values(Disclosure);

type ProblemFact =
  | { kind: 'grade_not_in_scale'; grade: string; scale: readonly GradeClass[] }
  | { kind: 'addressees_both'; organisation: string }
  | { kind: 'addressee_name_blank'; index: number }
  | { kind: 'addressee_name_separator'; index: number; name: string }
  | { kind: 'addressee_name_too_long'; index: number; name: string }
  | { kind: 'addressee_title_invalid'; title: string | null }
  | { kind: 'section_heading_blank'; index: number }
  | { kind: 'contact_phone_invalid'; phone: string }
  | { kind: 'cc_recipient_blank'; index: number }
  | { kind: 'cc_recipient_too_long'; index: number; recipient: string }
  | { kind: 'cc_recipient_bad_character'; index: number; recipient: string; characters: string[] }
  | { kind: 'cc_recipient_digits_only'; index: number; recipient: string }
  | { kind: 'cc_recipient_repeated'; index: number; firstIndex: number; recipient: string }
  | { kind: 'cc_copies_invalid'; index: number; recipient: string; copies: unknown }
  | { kind: 'disclosure_level_invalid'; level: unknown }
  | { kind: 'control_character'; field: ReplyTextField; position: number };

/** Refusals for a save. An empty draft has none; completeness is checkCompleteness's business. */
export function checkReplyContent(content: ReplyContent, gradeClasses: readonly GradeClass[]): ContentProblem[] {
  const facts: ProblemFact[] = [];

  const grade = content.proposedGrade.grade;
  if (grade !== null && grade.trim() !== '' && !gradeClasses.some((c) => c.grade === grade)) {
    facts.push({ kind: 'grade_not_in_scale', grade, scale: gradeClasses });
  }

  const { people, organisation, title } = content.addressees;
  if (people.length > 0 && organisation !== null && organisation.trim() !== '') {
    facts.push({ kind: 'addressees_both', organisation: organisation.trim() });
  }
  people.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      facts.push({ kind: 'addressee_name_blank', index });
      return;
    }
    if ([...name].some((ch) => NAME_SEPARATORS.has(ch))) facts.push({ kind: 'addressee_name_separator', index, name });
    if (characterCount(name) > PERSON_NAME_MAX_LENGTH) facts.push({ kind: 'addressee_name_too_long', index, name });
  });
  if (people.length > 0 && (title === null || !ADDRESSEE_TITLES.includes(title))) {
    facts.push({ kind: 'addressee_title_invalid', title });
  }

  content.sections.forEach((section, index) => {
    if (section.heading.trim() === '') facts.push({ kind: 'section_heading_blank', index });
  });

  const phone = content.contact?.phone.trim() ?? '';
  if (phone !== '' && !isPhoneLike(phone)) facts.push({ kind: 'contact_phone_invalid', phone });

  const firstSeen = new Map<string, number>();
  content.cc.forEach((entry, index) => {
    const recipient = entry.recipient.trim();
    if (recipient === '') {
      facts.push({ kind: 'cc_recipient_blank', index });
    } else {
      if (characterCount(recipient) > CC_RECIPIENT_MAX_LENGTH) {
        facts.push({ kind: 'cc_recipient_too_long', index, recipient });
      }
      const bad = [...new Set([...recipient].filter((ch) => CC_FORBIDDEN.has(ch)))];
      if (bad.length > 0) facts.push({ kind: 'cc_recipient_bad_character', index, recipient, characters: bad });
      if (DIGITS_ONLY.test(recipient)) facts.push({ kind: 'cc_recipient_digits_only', index, recipient });
      const firstIndex = firstSeen.get(recipient);
      if (firstIndex === undefined) firstSeen.set(recipient, index);
      else facts.push({ kind: 'cc_recipient_repeated', index, firstIndex, recipient });
    }
    const copies: unknown = entry.copies;
    if (!Number.isInteger(copies) || (copies as number) < CC_COPIES_MIN || (copies as number) > CC_COPIES_MAX) {
      facts.push({ kind: 'cc_copies_invalid', index, recipient, copies });
    }
  });

  if (!DISCLOSURE_LEVELS.includes(content.disclosure.level)) {
    facts.push({ kind: 'disclosure_level_invalid', level: content.disclosure.level });
  }

  const problems = facts.map(describeProblem);
  // A field already refused for its format (a phone with a stray control character) is not listed twice.
  const flagged = new Set(problems.map((p) => p.field));
  for (const field of replyTextFields(content)) {
    const position = controlCharacterPosition(field.text);
    if (position !== null && !flagged.has(field.path)) {
      problems.push(describeProblem({ kind: 'control_character', field, position }));
    }
  }
  return problems;
}

function isPhoneLike(phone: string): boolean {
  return PHONE_PATTERN.test(phone) && (phone.match(/[0-9]/g)?.length ?? 0) >= PHONE_MIN_DIGITS;
}

/** 1-based character position of the first control character other than \n and \t, or null. */
function controlCharacterPosition(text: string): number | null {
  let position = 0;
  for (const ch of text) {
    position += 1;
    const code = ch.codePointAt(0) as number;
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    if (control && ch !== '\n' && ch !== '\t') return position;
  }
  return null;
}

/** Keeps messages short when they quote what the clerk typed. */
function quoted(text: string, max = 20): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

function gradeList(scale: readonly GradeClass[]): { zh: string; en: string } {
  if (scale.length === 0) return { zh: '本届会议尚未配置等次', en: 'no grades are configured for this session' };
  return {
    zh: `可选：${scale.map((c) => c.grade).join('、')}`,
    en: `choose ${scale.map((c) => c.grade).join(', ')}`,
  };
}

function characterNames(characters: string[]): { zh: string; en: string } {
  const name = (ch: string, lang: 'zh' | 'en') => {
    if (ch === '\n') return lang === 'zh' ? '换行' : 'a line break';
    if (ch === '\t') return lang === 'zh' ? '制表符' : 'a tab';
    return lang === 'zh' ? `“${ch}”` : `"${ch}"`;
  };
  return {
    zh: characters.map((ch) => name(ch, 'zh')).join(''),
    en: characters.map((ch) => name(ch, 'en')).join(', '),
  };
}

function ccName(index: number, recipient: string): { zh: string; en: string } {
  return recipient === ''
    ? { zh: `抄送第${index + 1}项`, en: `cc entry ${index + 1}` }
    : { zh: `抄送单位“${quoted(recipient)}”`, en: `"${quoted(recipient)}" in the cc list` };
}

function describeProblem(fact: ProblemFact): ContentProblem {
  const problem = fact.kind;
  switch (fact.kind) {
    case 'grade_not_in_scale': {
      const list = gradeList(fact.scale);
      return {
        field: 'proposedGrade.grade',
        problem,
        zh: `办理结果（拟）“${quoted(fact.grade)}”不是本届会议的等次（${list.zh}）`,
        en: `The proposed grade "${quoted(fact.grade)}" is not one of this session's grades (${list.en})`,
      };
    }
    case 'addressees_both':
      return {
        field: 'addressees',
        problem,
        zh: `答复对象只能是委员/代表个人或一个单位，不能同时填写姓名和单位“${quoted(fact.organisation)}”，请删去其一`,
        en: `The letter answers either people or one organisation, not both: remove the names or the organisation "${quoted(fact.organisation)}"`,
      };
    case 'addressee_name_blank':
      return {
        field: `addressees.people[${fact.index}]`,
        problem,
        zh: `答复对象第${fact.index + 1}位的姓名为空，请填写或删除该行`,
        en: `Addressee ${fact.index + 1} has a blank name: fill it in or remove the line`,
      };
    case 'addressee_name_separator':
      return {
        field: `addressees.people[${fact.index}]`,
        problem,
        zh: `答复对象第${fact.index + 1}位姓名“${quoted(fact.name)}”含有顿号、逗号等分隔符，每位委员/代表请单独填写一行`,
        en: `Addressee ${fact.index + 1} ("${quoted(fact.name)}") contains a separator such as 、 or a comma: enter each person on a line of their own`,
      };
    case 'addressee_name_too_long':
      return {
        field: `addressees.people[${fact.index}]`,
        problem,
        zh: `答复对象第${fact.index + 1}位姓名“${quoted(fact.name)}”超过${PERSON_NAME_MAX_LENGTH}个字`,
        en: `Addressee ${fact.index + 1}'s name ("${quoted(fact.name)}") is longer than ${PERSON_NAME_MAX_LENGTH} characters`,
      };
    case 'addressee_title_invalid':
      return {
        field: 'addressees.title',
        problem,
        zh: '填写了委员/代表姓名时，称谓须选择“委员”或“代表”',
        en: 'When the letter answers people, their title must be 委员 (CPPCC member) or 代表 (NPC deputy)',
      };
    case 'section_heading_blank':
      return {
        field: `sections[${fact.index}].heading`,
        problem,
        zh: `第${sectionNumeral(fact.index)}部分的标题为空，请填写标题或删除该部分`,
        en: `Section ${fact.index + 1} has no heading: write one or remove the section`,
      };
    case 'contact_phone_invalid':
      return {
        field: 'contact.phone',
        problem,
        zh: `联系电话“${quoted(fact.phone)}”格式不正确：只能填写半角数字、空格、“-”、“+”和括号，5至30位，如0393-6687009`,
        en: `The contact phone "${quoted(fact.phone)}" is not a phone number: use digits, spaces, -, + and brackets, 5 to 30 characters, e.g. 0393-6687009`,
      };
    case 'cc_recipient_blank':
      return {
        field: `cc[${fact.index}].recipient`,
        problem,
        zh: `抄送第${fact.index + 1}项未填写单位名称，请填写或删除该项`,
        en: `cc entry ${fact.index + 1} has no recipient: fill it in or remove the entry`,
      };
    case 'cc_recipient_too_long':
      return {
        field: `cc[${fact.index}].recipient`,
        problem,
        zh: `抄送第${fact.index + 1}项“${quoted(fact.recipient)}”超过${CC_RECIPIENT_MAX_LENGTH}个字，请使用单位规范简称`,
        en: `cc entry ${fact.index + 1} ("${quoted(fact.recipient)}") is longer than ${CC_RECIPIENT_MAX_LENGTH} characters: use the organisation's short name`,
      };
    case 'cc_recipient_bad_character': {
      const names = characterNames(fact.characters);
      return {
        field: `cc[${fact.index}].recipient`,
        problem,
        zh: `抄送第${fact.index + 1}项“${quoted(fact.recipient)}”含有${names.zh}，会打乱“抄送：市政协提案委（2份），…。”一行：每项只填一个单位名称，份数填在份数栏`,
        en: `cc entry ${fact.index + 1} ("${quoted(fact.recipient)}") contains ${names.en}, which would break the printed cc line: one organisation per entry, copies in the copies field`,
      };
    }
    case 'cc_recipient_digits_only':
      return {
        field: `cc[${fact.index}].recipient`,
        problem,
        zh: `抄送第${fact.index + 1}项“${quoted(fact.recipient)}”只有数字，应填写单位名称（份数填在份数栏）`,
        en: `cc entry ${fact.index + 1} ("${quoted(fact.recipient)}") is only digits: enter the organisation's name (copies go in the copies field)`,
      };
    case 'cc_recipient_repeated':
      return {
        field: `cc[${fact.index}].recipient`,
        problem,
        zh: `抄送单位“${quoted(fact.recipient)}”重复（第${fact.firstIndex + 1}项和第${fact.index + 1}项），请合并为一项并填写总份数`,
        en: `"${quoted(fact.recipient)}" is in the cc list twice (entries ${fact.firstIndex + 1} and ${fact.index + 1}): merge them into one entry with the total copies`,
      };
    case 'cc_copies_invalid': {
      const name = ccName(fact.index, fact.recipient);
      const shown = quoted(String(fact.copies));
      return {
        field: `cc[${fact.index}].copies`,
        problem,
        zh: `${name.zh}的份数应为${CC_COPIES_MIN}至${CC_COPIES_MAX}之间的整数，当前为${shown}`,
        en: `The number of copies for ${name.en} must be a whole number from ${CC_COPIES_MIN} to ${CC_COPIES_MAX} (it is ${shown})`,
      };
    }
    case 'disclosure_level_invalid':
      return {
        field: 'disclosure.level',
        problem,
        zh: `公开属性“${quoted(String(fact.level))}”无效，请选择公开、依申请公开或不公开`,
        en: `The disclosure level "${quoted(String(fact.level))}" is not valid: choose public, on request or not public`,
      };
    case 'control_character':
      return {
        field: fact.field.path,
        problem,
        zh: `${fact.field.label.zh}第${fact.position}个字处含有不可见的控制字符（多为从其他软件复制粘贴带入），请删除后再保存`,
        en: `${fact.field.label.en} contains an invisible control character at character ${fact.position} (usually pasted from another program): remove it and save again`,
      };
    default:
      return assertUnreachable(fact);
  }
}

// ---------------------------------------------------------------------------------------------
// Completeness for submitting to review
// ---------------------------------------------------------------------------------------------

/** A co bureau's 会办意见 as the lead sees it. */
export type CoOpinionState = 'missing' | 'draft' | 'sent' | 'waived';

export interface CoBureauFact {
  assignmentId: string;
  bureauName: string;
  opinion: CoOpinionState;
}

export interface CompletenessFacts {
  gradeClasses: readonly GradeClass[];
  /** The session body's rules ask for a logged talk with the proposer before review. */
  talkRequired: boolean;
  talksLogged: number;
  /** Co bureaus of the proposal when this reply answers a lead assignment; empty otherwise. */
  coBureaus: readonly CoBureauFact[];
}

/** In the order a clerk meets them reading the draft top to bottom, then the handling steps. */
export const MISSING_ITEM_KINDS = [
  'grade',
  'grade_justification',
  'title',
  'addressees',
  'opening',
  'body',
  'issuer',
  'contact_name',
  'contact_phone',
  'cc',
  'cc_co_bureau',
  'disclosure_reason',
  'talk',
  'co_opinion',
] as const;
export type MissingItemKind = (typeof MISSING_ITEM_KINDS)[number];

export interface MissingItem {
  item: MissingItemKind;
  /** The bureau for cc_co_bureau and co_opinion; the unknown grade for grade. */
  detail?: string;
  zh: string;
  en: string;
}

type MissingFact =
  | { kind: 'grade'; grade: string | null; scale: readonly GradeClass[] }
  | { kind: 'grade_justification' }
  | { kind: 'title' }
  | { kind: 'addressees' }
  | { kind: 'opening' }
  | { kind: 'body' }
  | { kind: 'issuer' }
  | { kind: 'contact_name' }
  | { kind: 'contact_phone' }
  | { kind: 'cc' }
  | { kind: 'cc_co_bureau'; bureauName: string }
  | { kind: 'disclosure_reason'; level: Disclosure }
  | { kind: 'talk' }
  | { kind: 'co_opinion'; bureauName: string; opinion: 'missing' | 'draft' };

const blank = (text: string | null | undefined) => (text ?? '').trim() === '';

/** What submitting for review still needs. Empty means the reply may go to review. */
export function checkCompleteness(content: ReplyContent, facts: CompletenessFacts): MissingItem[] {
  const missing: MissingFact[] = [];

  const grade = content.proposedGrade.grade;
  if (blank(grade) || !facts.gradeClasses.some((c) => c.grade === grade)) {
    missing.push({ kind: 'grade', grade: blank(grade) ? null : grade, scale: facts.gradeClasses });
  }
  if (blank(content.proposedGrade.justification)) missing.push({ kind: 'grade_justification' });
  if (blank(content.title)) missing.push({ kind: 'title' });
  const { people, organisation } = content.addressees;
  if (people.every((name) => blank(name)) && blank(organisation)) missing.push({ kind: 'addressees' });
  if (blank(content.opening)) missing.push({ kind: 'opening' });
  const hasBody =
    content.preamble.some((p) => !blank(p)) || content.sections.some((s) => s.paragraphs.some((p) => !blank(p)));
  if (!hasBody) missing.push({ kind: 'body' });
  if (blank(content.issuer)) missing.push({ kind: 'issuer' });
  if (blank(content.contact?.name)) missing.push({ kind: 'contact_name' });
  if (blank(content.contact?.phone)) missing.push({ kind: 'contact_phone' });

  const ccNames = new Set(content.cc.map((e) => e.recipient.trim()).filter((r) => r !== ''));
  if (ccNames.size === 0) missing.push({ kind: 'cc' });
  const coNames = [...new Set(facts.coBureaus.map((co) => co.bureauName.trim()))];
  for (const bureauName of coNames) {
    if (!ccNames.has(bureauName)) missing.push({ kind: 'cc_co_bureau', bureauName });
  }

  if (content.disclosure.level !== Disclosure.Public && blank(content.disclosure.reason)) {
    missing.push({ kind: 'disclosure_reason', level: content.disclosure.level });
  }
  if (facts.talkRequired && facts.talksLogged <= 0) missing.push({ kind: 'talk' });

  for (const co of facts.coBureaus) {
    switch (co.opinion) {
      case 'sent':
      case 'waived':
        break;
      case 'missing':
      case 'draft':
        missing.push({ kind: 'co_opinion', bureauName: co.bureauName.trim(), opinion: co.opinion });
        break;
      default:
        assertUnreachable(co.opinion);
    }
  }
  return missing.map(describeMissing);
}

function disclosureName(level: Disclosure): { zh: string; en: string } {
  switch (level) {
    case Disclosure.Public:
      return { zh: '公开', en: 'public' };
    case Disclosure.OnRequest:
      return { zh: '依申请公开', en: 'disclosed on request' };
    case Disclosure.NotPublic:
      return { zh: '不公开', en: 'not public' };
    default: {
      // Exhaustive at compile time, but no throw: a stored value outside the enum (refused at save)
      // should still get a message rather than a 500.
      const unknown: never = level;
      return { zh: String(unknown), en: String(unknown) };
    }
  }
}

function describeMissing(fact: MissingFact): MissingItem {
  const item = fact.kind;
  switch (fact.kind) {
    case 'grade': {
      if (fact.grade === null) return { item, zh: '尚未填写办理结果（等次）', en: 'The grade is missing' };
      const list = gradeList(fact.scale);
      return {
        item,
        detail: fact.grade,
        zh: `办理结果“${quoted(fact.grade)}”不是本届会议的等次（${list.zh}）`,
        en: `The grade "${quoted(fact.grade)}" is not one of this session's grades (${list.en})`,
      };
    }
    case 'grade_justification':
      return { item, zh: '尚未填写办理结果（等次）的理由', en: 'The reason for the proposed grade is missing' };
    case 'title':
      return { item, zh: '尚未填写答复标题', en: 'The title is missing' };
    case 'addressees':
      return {
        item,
        zh: '尚未填写答复对象（委员/代表姓名或单位）',
        en: 'The letter has no addressee (the members or deputies, or an organisation)',
      };
    case 'opening':
      return { item, zh: '尚未填写开头语', en: 'The opening sentence is missing' };
    case 'body':
      return { item, zh: '尚未填写答复正文', en: 'The body of the reply is empty' };
    case 'issuer':
      return { item, zh: '尚未填写落款单位', en: 'The issuing bureau (printed above the date) is missing' };
    case 'contact_name':
      return { item, zh: '尚未填写联系人', en: 'The contact person is missing' };
    case 'contact_phone':
      return { item, zh: '尚未填写联系电话', en: 'The contact phone number is missing' };
    case 'cc':
      return { item, zh: '尚未填写抄送单位', en: 'The cc list is empty' };
    case 'cc_co_bureau':
      return {
        item,
        detail: fact.bureauName,
        zh: `会办单位“${fact.bureauName}”不在抄送中，主办单位的答复须抄送各会办单位`,
        en: `The co-handling bureau ${fact.bureauName} is not in the cc list; the lead's reply is copied to every co bureau`,
      };
    case 'disclosure_reason': {
      const level = disclosureName(fact.level);
      return {
        item,
        zh: `公开属性为“${level.zh}”，须填写理由`,
        en: `The reply is marked ${level.en}; give the reason`,
      };
    }
    case 'talk':
      return {
        item,
        zh: '尚未登记与委员/代表的沟通（见面、电话等），按规定须先沟通再提交审核',
        en: 'No talk with the proposer has been logged; the rules require one before the reply goes to review',
      };
    case 'co_opinion':
      return fact.opinion === 'draft'
        ? {
            item,
            detail: fact.bureauName,
            zh: `会办单位“${fact.bureauName}”的会办意见尚未正式发送（仍为草稿）`,
            en: `${fact.bureauName} has drafted its co-handling opinion but not sent it yet`,
          }
        : {
            item,
            detail: fact.bureauName,
            zh: `尚未收到会办单位“${fact.bureauName}”的会办意见（可催收，或注明免于会办）`,
            en: `No co-handling opinion from ${fact.bureauName} yet (chase it, or mark it waived)`,
          };
    default:
      return assertUnreachable(fact);
  }
}
