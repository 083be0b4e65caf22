import { diffArrays, diffChars } from 'diff';
import {
  closingLabel,
  preambleLabel,
  REPLY_LABELS,
  sectionHeadingLabel,
  sectionParagraphLabel,
  type BilingualLabel,
} from './reply-checks';
import { Disclosure, type ReplyContent, type ReplyDisclosure } from './reply-content';
import { addresseeLine, ccLine, contactLine } from './reply-text';

/**
 * What changed between two versions of a reply, field by field in the letter's order, for a
 * clerk or reviewer comparing drafts. Text is compared character by character (Chinese has no
 * spaces to split words on); the short lists (addressees, cc, contact, disclosure, grade) are
 * compared as the one line the letter prints (reply-text's lines, so a
 * diff shows exactly what would print).
 */

export type ReplyChangeKind = 'added' | 'removed' | 'changed';
export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface ReplyChange {
  /** Path into ReplyContent: 'title', 'sections[1].paragraphs[0]', 'cc'… (an added paragraph: its new index). */
  path: string;
  label: BilingualLabel;
  kind: ReplyChangeKind;
  before: string | null;
  after: string | null;
  /** before → after: equal, delete and insert runs; joining equal+delete gives before, equal+insert gives after. */
  segments: DiffSegment[];
}

/**
 * Above this many inserted plus deleted characters in one field the character diff gives up and
 * shows the field as rewritten: a wholesale rewrite reads better that way, and it bounds the cost
 * (Myers is O(length × edits)) deterministically, unlike a timeout.
 */
const MAX_EDIT_LENGTH = 1_000;

export function diffReplyContents(before: ReplyContent, after: ReplyContent): ReplyChange[] {
  const changes: ReplyChange[] = [];
  const compare = (path: string, label: BilingualLabel, a: string | null, b: string | null) => {
    const change = compareText(path, label, a, b);
    if (change) changes.push(change);
  };

  // The 办理结果 mark sits at the top right of page 1; its justification is read with it.
  compare('proposedGrade.grade', REPLY_LABELS.grade, before.proposedGrade.grade, after.proposedGrade.grade);
  compare(
    'proposedGrade.justification',
    REPLY_LABELS.gradeJustification,
    before.proposedGrade.justification,
    after.proposedGrade.justification,
  );
  compare('title', REPLY_LABELS.title, before.title, after.title);
  compare(
    'addressees',
    REPLY_LABELS.addressees,
    addresseeLine(before.addressees) || null,
    addresseeLine(after.addressees) || null,
  );
  compare('opening', REPLY_LABELS.opening, before.opening, after.opening);
  changes.push(...compareParagraphs(before.preamble, after.preamble, (i) => `preamble[${i}]`, preambleLabel));

  const sectionCount = Math.max(before.sections.length, after.sections.length);
  for (let i = 0; i < sectionCount; i++) {
    const a = before.sections[i];
    const b = after.sections[i];
    compare(`sections[${i}].heading`, sectionHeadingLabel(i), a?.heading ?? null, b?.heading ?? null);
    changes.push(
      ...compareParagraphs(
        a?.paragraphs ?? [],
        b?.paragraphs ?? [],
        (j) => `sections[${i}].paragraphs[${j}]`,
        (j) => sectionParagraphLabel(i, j),
      ),
    );
  }

  changes.push(...compareParagraphs(before.closing, after.closing, (i) => `closing[${i}]`, closingLabel));
  compare('issuer', REPLY_LABELS.issuer, before.issuer, after.issuer);
  compare('contact', REPLY_LABELS.contact, contactLine(before.contact), contactLine(after.contact));
  compare('cc', REPLY_LABELS.cc, ccLine(before.cc), ccLine(after.cc));
  compare(
    'headingsOnOwnLine',
    REPLY_LABELS.headingLayout,
    headingLayoutLine(before.headingsOnOwnLine),
    headingLayoutLine(after.headingsOnOwnLine),
  );
  compare('disclosure', REPLY_LABELS.disclosure, disclosureLine(before.disclosure), disclosureLine(after.disclosure));
  return changes;
}

/** `不公开（理由：涉及个人隐私）`. */
export function disclosureLine(disclosure: ReplyDisclosure): string {
  const reason = disclosure.reason?.trim() ?? '';
  const level = disclosureLevelName(disclosure.level);
  return reason === '' ? level : `${level}（理由：${reason}）`;
}

function disclosureLevelName(level: Disclosure): string {
  switch (level) {
    case Disclosure.Public:
      return '公开';
    case Disclosure.OnRequest:
      return '依申请公开';
    case Disclosure.NotPublic:
      return '不公开';
    default: {
      // Old versions are shown as stored, even a value the save check would now refuse.
      const unknown: never = level;
      return String(unknown);
    }
  }
}

function headingLayoutLine(onOwnLine: boolean): string {
  return onOwnLine ? '部分标题单独成行' : '部分标题后接正文';
}

/** One entry, or null when both sides read the same. Blank text counts as absent. */
function compareText(
  path: string,
  label: BilingualLabel,
  before: string | null,
  after: string | null,
): ReplyChange | null {
  const a = before === null || before.trim() === '' ? null : before;
  const b = after === null || after.trim() === '' ? null : after;
  if (a === b) return null;
  const kind: ReplyChangeKind = a === null ? 'added' : b === null ? 'removed' : 'changed';
  return { path, label, kind, before: a, after: b, segments: diffText(a ?? '', b ?? '') };
}

/**
 * Paragraph lists are aligned on the paragraphs that did not change, so inserting one paragraph
 * does not show every later one as rewritten; within a run of changes, removed and added
 * paragraphs are paired in order as edits, and the rest are added or removed.
 */
function compareParagraphs(
  before: readonly string[],
  after: readonly string[],
  pathOf: (index: number) => string,
  labelOf: (index: number) => BilingualLabel,
): ReplyChange[] {
  const changes: ReplyChange[] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    const emit = (index: number, a: string | null, b: string | null) => {
      const change = compareText(pathOf(index), labelOf(index), a, b);
      if (change) changes.push(change);
    };
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      if (k < paired) emit(added[k], before[removed[k]], after[added[k]]);
      else if (k < removed.length) emit(removed[k], before[removed[k]], null);
      else emit(added[k], null, after[added[k]]);
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...before], [...after])) {
    if (part.removed) {
      for (let k = 0; k < part.count; k++) removed.push(beforeIndex++);
    } else if (part.added) {
      for (let k = 0; k < part.count; k++) added.push(afterIndex++);
    } else {
      flush();
      beforeIndex += part.count;
      afterIndex += part.count;
    }
  }
  flush();
  return changes;
}

type Piece = { kind: 'equal'; text: string } | { kind: 'edit'; deleted: string; inserted: string };

/**
 * Character diff grouped for reading: runs of deletions and insertions at one place become one
 * delete followed by one insert, and a short stretch left equal between two edits (a 的 that
 * happens to survive a rewrite) is folded into them when it is no longer than the edits on
 * either side — the same rule as diff-match-patch's semantic cleanup.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const { prefix, suffix } = commonEnds(before, after);
  const oldMiddle = before.slice(prefix.length, before.length - suffix.length);
  const newMiddle = after.slice(prefix.length, after.length - suffix.length);

  const pieces: Piece[] = [];
  const push = (piece: Piece) => {
    const last = pieces[pieces.length - 1];
    if (piece.kind === 'equal' && piece.text === '') return;
    if (last?.kind === 'equal' && piece.kind === 'equal') last.text += piece.text;
    else if (last?.kind === 'edit' && piece.kind === 'edit') {
      last.deleted += piece.deleted;
      last.inserted += piece.inserted;
    } else pieces.push({ ...piece });
  };

  push({ kind: 'equal', text: prefix });
  const changes = diffChars(oldMiddle, newMiddle, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    push({ kind: 'edit', deleted: oldMiddle, inserted: newMiddle });
  } else {
    for (const change of changes) {
      if (change.removed) push({ kind: 'edit', deleted: change.value, inserted: '' });
      else if (change.added) push({ kind: 'edit', deleted: '', inserted: change.value });
      else push({ kind: 'equal', text: change.value });
    }
  }
  push({ kind: 'equal', text: suffix });

  foldShortEqualities(pieces);

  const segments: DiffSegment[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'equal') segments.push({ op: 'equal', text: piece.text });
    else {
      if (piece.deleted !== '') segments.push({ op: 'delete', text: piece.deleted });
      if (piece.inserted !== '') segments.push({ op: 'insert', text: piece.inserted });
    }
  }
  return segments;
}

function foldShortEqualities(pieces: Piece[]): void {
  const size = (text: string) => [...text].length;
  let i = 1;
  while (i < pieces.length - 1) {
    const left = pieces[i - 1];
    const middle = pieces[i];
    const right = pieces[i + 1];
    if (middle.kind === 'equal' && left.kind === 'edit' && right.kind === 'edit') {
      const length = size(middle.text);
      const leftSize = Math.max(size(left.deleted), size(left.inserted));
      const rightSize = Math.max(size(right.deleted), size(right.inserted));
      if (length <= leftSize && length <= rightSize) {
        pieces.splice(i - 1, 3, {
          kind: 'edit',
          deleted: left.deleted + middle.text + right.deleted,
          inserted: left.inserted + middle.text + right.inserted,
        });
        // The merged edit (now at i - 1) is bigger, so the equality before it may fold too.
        i = Math.max(1, i - 2);
        continue;
      }
    }
    i += 1;
  }
}

/** Shared start and end, never splitting a surrogate pair (a CJK Extension B character). */
function commonEnds(a: string, b: string): { prefix: string; suffix: string } {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(a.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(a.charCodeAt(a.length - end))) end--;
  return { prefix: a.slice(0, start), suffix: a.slice(a.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
