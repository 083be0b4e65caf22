/**
 * What a reply letter says, as the clerk edits it. Every save stores one of these as a new
 * version; the signed version is what the letter prints. Plain data: no framework types.
 */

/** 委员 for CPPCC members, 代表 for NPC deputies. */
export type AddresseeTitle = '委员' | '代表';

/**
 * Who the letter answers: people (姚峥、左锋杰、韩冰委员) or one organisation (民盟本溪市委).
 * Exactly one of the two is used.
 */
export interface Addressees {
  people: string[];
  title: AddresseeTitle | null;
  organisation: string | null;
  /** Printed before the names, e.g. 尊敬的 (焦作's letters); empty for none. */
  honorific: string;
}

/**
 * Where inserted text came from, so a reader can trace it: a co bureau's opinion, a section of an
 * earlier signed reply, or a section of an archived historical letter.
 */
export type TextSource =
  | { kind: 'co_opinion'; coAssignmentId: string; bureauName: string }
  | { kind: 'past_reply'; replyId: string; sectionIndex: number | null }
  | { kind: 'archived_letter'; archivedLetterId: string; sectionIndex: number | null };

/** One numbered part of the body: 一、heading, then its paragraphs. */
export interface ReplySection {
  heading: string;
  paragraphs: string[];
  source: TextSource | null;
}

export interface ReplyContact {
  name: string;
  phone: string;
}

/** 抄送 entry: 市政协提案委（2份）. */
export interface CcEntry {
  recipient: string;
  copies: number;
}

export enum Disclosure {
  Public = 'public',
  OnRequest = 'on_request',
  NotPublic = 'not_public',
}

export interface ReplyDisclosure {
  level: Disclosure;
  /** Required unless public. */
  reason: string | null;
}

/** The grade the drafting bureau proposes; the signatory fixes the final one at sign-off. */
export interface ProposedGrade {
  /** One of the session body's grade classes (A/B/C, or A/B/C/D). */
  grade: string | null;
  justification: string;
}

export interface ReplyContent {
  /** e.g. 对市政协八届一次会议第146号提案的答复 */
  title: string;
  addressees: Addressees;
  /** e.g. 您提出的“关于提高社区养老服务水平的几点建议”已收悉。现答复如下： */
  opening: string;
  /** Paragraphs between the opening and the first numbered section. */
  preamble: string[];
  sections: ReplySection[];
  /** Paragraphs after the sections, e.g. 感谢您对养老服务工作的关心和支持。 */
  closing: string[];
  /** 濮阳 prints each heading on its own line; 三门峡 runs the first paragraph on after it. */
  headingsOnOwnLine: boolean;
  /** The issuing bureau as printed above the date. */
  issuer: string;
  contact: ReplyContact | null;
  cc: CcEntry[];
  disclosure: ReplyDisclosure;
  proposedGrade: ProposedGrade;
}

/** A reply with nothing written yet: the base a draft or a check of one part starts from. */
export function emptyReplyContent(): ReplyContent {
  return {
    title: '',
    addressees: { people: [], title: null, organisation: null, honorific: '' },
    opening: '',
    preamble: [],
    sections: [],
    closing: [],
    headingsOnOwnLine: false,
    issuer: '',
    contact: null,
    cc: [],
    disclosure: { level: Disclosure.Public, reason: null },
    proposedGrade: { grade: null, justification: '' },
  };
}

/** One class of a grade scale, e.g. { grade: 'A', label: '已解决或基本解决', meaning: '…' }. */
export interface GradeClass {
  grade: string;
  label: string;
  meaning: string;
}

/** design.md's default scale; a body whose rules use four classes adds D (留作参考). */
export const DEFAULT_GRADE_CLASSES: readonly GradeClass[] = [
  { grade: 'A', label: '已解决或基本解决', meaning: '所提问题已经解决或基本解决' },
  { grade: 'B', label: '正在解决或列入计划解决', meaning: '所提问题正在解决或已列入计划逐步解决' },
  { grade: 'C', label: '因条件限制暂时不能解决', meaning: '因目前条件限制或其他原因暂时不能解决' },
];

export const REFERENCE_GRADE_CLASS: GradeClass = {
  grade: 'D',
  label: '留作参考',
  meaning: '所提意见建议留作工作参考',
};
