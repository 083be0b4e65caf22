/**
 * The draft editor's state as plain functions over the reply's content (no React): editing the
 * lists, telling whether anything changed since the last save, building the PUT body, and placing
 * the API's completeness items, save refusals and reviewers' comments at the fields they concern.
 */
import type {
  CcEntry,
  CoOpinion,
  ContentProblem,
  Disclosure,
  GradeClass,
  GradeScale,
  MissingItem,
  MissingItemKind,
  ReplyContent,
  ReplySection,
  ReplyStatus,
  SaveDraftBody,
  SessionBody,
  SimilarReply,
} from './types';

/** The parts of the editor a message can point at. `section:N` is the Nth section (0-based). */
export type FieldKey =
  | 'general'
  | 'grade'
  | 'gradeJustification'
  | 'title'
  | 'addressees'
  | 'opening'
  | 'preamble'
  | 'body'
  | 'closing'
  | 'issuer'
  | 'contactName'
  | 'contactPhone'
  | 'cc'
  | 'disclosure'
  | 'disclosureReason'
  | `section:${number}`;

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Moves one item up (-1) or down (+1); a move past either end leaves the list as it was. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}

export function emptySection(): ReplySection {
  return { heading: '', paragraphs: [''], source: null };
}

export function addSection(content: ReplyContent, section: ReplySection = emptySection()): ReplyContent {
  return { ...content, sections: [...content.sections, section] };
}

export function removeSection(content: ReplyContent, index: number): ReplyContent {
  return { ...content, sections: removeAt(content.sections, index) };
}

export function moveSection(content: ReplyContent, index: number, delta: number): ReplyContent {
  return { ...content, sections: move(content.sections, index, delta) };
}

export function setSectionHeading(content: ReplyContent, index: number, heading: string): ReplyContent {
  const section = content.sections[index];
  return section ? { ...content, sections: replaceAt(content.sections, index, { ...section, heading }) } : content;
}

export function setParagraph(content: ReplyContent, index: number, paragraph: number, text: string): ReplyContent {
  const section = content.sections[index];
  if (!section) return content;
  const paragraphs = replaceAt(section.paragraphs, paragraph, text);
  return { ...content, sections: replaceAt(content.sections, index, { ...section, paragraphs }) };
}

export function addParagraph(content: ReplyContent, index: number): ReplyContent {
  const section = content.sections[index];
  if (!section) return content;
  const paragraphs = [...section.paragraphs, ''];
  return { ...content, sections: replaceAt(content.sections, index, { ...section, paragraphs }) };
}

export function removeParagraph(content: ReplyContent, index: number, paragraph: number): ReplyContent {
  const section = content.sections[index];
  if (!section) return content;
  const paragraphs = removeAt(section.paragraphs, paragraph);
  return { ...content, sections: replaceAt(content.sections, index, { ...section, paragraphs }) };
}

/** The plain paragraph lists of the letter: before the first section, and after the last. */
export type TextList = 'preamble' | 'closing';

export function addText(content: ReplyContent, list: TextList): ReplyContent {
  return { ...content, [list]: [...content[list], ''] };
}

export function setText(content: ReplyContent, list: TextList, index: number, text: string): ReplyContent {
  return { ...content, [list]: replaceAt(content[list], index, text) };
}

export function removeText(content: ReplyContent, list: TextList, index: number): ReplyContent {
  return { ...content, [list]: removeAt(content[list], index) };
}

export type AddresseeMode = 'people' | 'organisation';

/** Who the letter answers: people (王丽委员) or one organisation (民盟本溪市委), never both. */
export function addresseeModeOf(content: ReplyContent): AddresseeMode {
  const { people, organisation } = content.addressees;
  return people.length === 0 && organisation !== null ? 'organisation' : 'people';
}

export function setAddresseeMode(
  content: ReplyContent,
  mode: AddresseeMode,
  defaultTitle: '委员' | '代表',
): ReplyContent {
  const { addressees } = content;
  if (mode === addresseeModeOf(content)) return content;
  return mode === 'organisation'
    ? { ...content, addressees: { ...addressees, people: [], title: null, organisation: '' } }
    : { ...content, addressees: { ...addressees, people: [''], title: defaultTitle, organisation: null } };
}

export function addPerson(content: ReplyContent): ReplyContent {
  return { ...content, addressees: { ...content.addressees, people: [...content.addressees.people, ''] } };
}

export function setPerson(content: ReplyContent, index: number, name: string): ReplyContent {
  const people = replaceAt(content.addressees.people, index, name);
  return { ...content, addressees: { ...content.addressees, people } };
}

export function removePerson(content: ReplyContent, index: number): ReplyContent {
  const people = removeAt(content.addressees.people, index);
  return { ...content, addressees: { ...content.addressees, people } };
}

/** The addressee line as the letter prints it: 尊敬的王丽、李强委员： or 民盟本溪市委：. */
export function addresseeLine(content: ReplyContent): string {
  const { people, title, organisation, honorific } = content.addressees;
  const names = people.map((name) => name.trim()).filter((name) => name !== '');
  const who = names.length > 0 ? `${names.join('、')}${title ?? ''}` : (organisation ?? '').trim();
  return who === '' ? '' : `${honorific}${who}：`;
}

export function addCc(content: ReplyContent, entry: CcEntry = { recipient: '', copies: 1 }): ReplyContent {
  return { ...content, cc: [...content.cc, entry] };
}

export function setCc(content: ReplyContent, index: number, patch: Partial<CcEntry>): ReplyContent {
  const entry = content.cc[index];
  return entry ? { ...content, cc: replaceAt(content.cc, index, { ...entry, ...patch }) } : content;
}

export function removeCc(content: ReplyContent, index: number): ReplyContent {
  return { ...content, cc: removeAt(content.cc, index) };
}

/** The cc line as printed: 抄送：市政协提案委（2份），市政府督查室（1份）。 */
export function ccLine(cc: readonly CcEntry[]): string {
  const entries = cc.filter((e) => e.recipient.trim() !== '').map((e) => `${e.recipient.trim()}（${e.copies}份）`);
  return entries.length === 0 ? '' : `抄送：${entries.join('，')}。`;
}

export function setContact(content: ReplyContent, patch: { name?: string; phone?: string }): ReplyContent {
  const current = content.contact ?? { name: '', phone: '' };
  return { ...content, contact: { ...current, ...patch } };
}

export function setDisclosure(content: ReplyContent, level: Disclosure): ReplyContent {
  return { ...content, disclosure: { ...content.disclosure, level } };
}

export function setDisclosureReason(content: ReplyContent, reason: string): ReplyContent {
  return { ...content, disclosure: { ...content.disclosure, reason } };
}

export function setGrade(content: ReplyContent, grade: string | null): ReplyContent {
  return { ...content, proposedGrade: { ...content.proposedGrade, grade } };
}

export function setGradeJustification(content: ReplyContent, justification: string): ReplyContent {
  return { ...content, proposedGrade: { ...content.proposedGrade, justification } };
}

// ---------------------------------------------------------------------------------------------
// Inserting text from elsewhere
// ---------------------------------------------------------------------------------------------

/**
 * A section of an earlier letter added at the end, recording where it came from as the API's
 * TextSourceDto does: { kind: 'past_reply', replyId, sectionIndex } or
 * { kind: 'archived_letter', archivedLetterId, sectionIndex }.
 */
export function insertSimilarSection(content: ReplyContent, reply: SimilarReply, sectionIndex: number): ReplyContent {
  const section = reply.sections.find((s) => s.index === sectionIndex);
  if (!section) return content;
  const source =
    reply.kind === 'past_reply'
      ? { kind: 'past_reply' as const, replyId: reply.id, sectionIndex: section.index }
      : { kind: 'archived_letter' as const, archivedLetterId: reply.id, sectionIndex: section.index };
  return addSection(content, { heading: section.heading, paragraphs: [...section.paragraphs], source });
}

/** A co bureau's opinion as a new section (its heading left for the clerk), sourced to that bureau. */
export function insertCoOpinion(content: ReplyContent, opinion: CoOpinion): ReplyContent {
  const paragraphs = (opinion.body ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return content;
  return addSection(content, {
    heading: '',
    paragraphs,
    source: { kind: 'co_opinion', coAssignmentId: opinion.assignmentId, bureauName: opinion.bureauName ?? '' },
  });
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

const isBlank = (text: string | null | undefined) => (text ?? '').trim() === '';

/**
 * The content as the API should store it: no contact when both parts are empty, no reason for a
 * public reply, no grade for an empty choice, every section's source explicit.
 */
export function normaliseContent(content: ReplyContent): ReplyContent {
  const contact =
    content.contact && !(isBlank(content.contact.name) && isBlank(content.contact.phone)) ? content.contact : null;
  const reason =
    content.disclosure.level === 'public' || isBlank(content.disclosure.reason) ? null : content.disclosure.reason;
  const grade = isBlank(content.proposedGrade.grade) ? null : content.proposedGrade.grade;
  return {
    ...content,
    addressees: { ...content.addressees },
    sections: content.sections.map((section) => ({
      heading: section.heading,
      paragraphs: [...section.paragraphs],
      source: section.source ?? null,
    })),
    contact: contact ? { name: contact.name, phone: contact.phone } : null,
    cc: content.cc.map((entry) => ({ recipient: entry.recipient, copies: entry.copies })),
    disclosure: { level: content.disclosure.level, reason },
    proposedGrade: { grade, justification: content.proposedGrade.justification },
  };
}

/** PUT /replies/{id}/draft: the edited content on top of the version the editor loaded. */
export function buildSaveBody(version: number, content: ReplyContent): SaveDraftBody {
  return { version, content: normaliseContent(content) };
}

/** Whether the editor holds changes the last save does not have (same letter, whatever the key order). */
export function isDirty(saved: ReplyContent, current: ReplyContent): boolean {
  return stableJson(normaliseContent(saved)) !== stableJson(normaliseContent(current));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export type LocalProblem = 'disclosure_reason_required' | 'section_heading_blank';

/** What the editor refuses to save before asking the API: a non-public reply without its reason, a section without a heading. */
export function localProblems(content: ReplyContent): { field: FieldKey; problem: LocalProblem }[] {
  const problems: { field: FieldKey; problem: LocalProblem }[] = [];
  if (content.disclosure.level !== 'public' && isBlank(content.disclosure.reason)) {
    problems.push({ field: 'disclosureReason', problem: 'disclosure_reason_required' });
  }
  content.sections.forEach((section, index) => {
    if (isBlank(section.heading)) problems.push({ field: `section:${index}`, problem: 'section_heading_blank' });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Where messages go
// ---------------------------------------------------------------------------------------------

/** The field a completeness item is about; talks and co opinions are not in the letter: 'general'. */
export function fieldOfMissing(item: MissingItemKind): FieldKey {
  switch (item) {
    case 'grade':
      return 'grade';
    case 'grade_justification':
      return 'gradeJustification';
    case 'title':
      return 'title';
    case 'addressees':
      return 'addressees';
    case 'opening':
      return 'opening';
    case 'body':
      return 'body';
    case 'issuer':
      return 'issuer';
    case 'contact_name':
      return 'contactName';
    case 'contact_phone':
      return 'contactPhone';
    case 'cc':
    case 'cc_co_bureau':
      return 'cc';
    case 'disclosure_reason':
      return 'disclosureReason';
    case 'talk':
    case 'co_opinion':
      return 'general';
    default: {
      const unknown: never = item;
      return unknown;
    }
  }
}

/** The field a save refusal's path points into: 'sections[1].heading' → section:1, 'cc[0].copies' → cc. */
export function fieldOfPath(path: string): FieldKey {
  const section = /^sections\[(\d+)\]/.exec(path);
  if (section) return `section:${Number(section[1])}`;
  const root = path.split(/[.[]/)[0];
  switch (root) {
    case 'proposedGrade':
      return path.includes('justification') ? 'gradeJustification' : 'grade';
    case 'title':
    case 'addressees':
    case 'opening':
    case 'preamble':
    case 'closing':
    case 'issuer':
    case 'cc':
      return root;
    case 'contact':
      return path.includes('phone') ? 'contactPhone' : 'contactName';
    case 'disclosure':
      return path.includes('reason') ? 'disclosureReason' : 'disclosure';
    default:
      return 'general';
  }
}

/** A reviewer's comment anchor (general, title, …, contact, grade, section:N) as an editor field. */
export function fieldOfAnchor(anchor: string): FieldKey {
  const section = /^section:(\d+)$/.exec(anchor);
  if (section) return `section:${Number(section[1])}`;
  switch (anchor) {
    case 'title':
    case 'addressees':
    case 'opening':
    case 'preamble':
    case 'closing':
    case 'issuer':
    case 'cc':
    case 'disclosure':
    case 'grade':
      return anchor;
    case 'contact':
      return 'contactName';
    default:
      return 'general';
  }
}

/** Messages grouped by the field they belong to, in their order. */
export function byField<T>(items: readonly T[], fieldOf: (item: T) => FieldKey): Map<FieldKey, T[]> {
  const grouped = new Map<FieldKey, T[]>();
  for (const item of items) {
    const field = fieldOf(item);
    grouped.set(field, [...(grouped.get(field) ?? []), item]);
  }
  return grouped;
}

export function missingByField(items: readonly MissingItem[]): Map<FieldKey, MissingItem[]> {
  return byField(items, (item) => fieldOfMissing(item.item));
}

export function problemsByField(problems: readonly ContentProblem[]): Map<FieldKey, ContentProblem[]> {
  return byField(problems, (problem) => fieldOfPath(problem.field));
}

// ---------------------------------------------------------------------------------------------
// Who may do what, and the grade scale
// ---------------------------------------------------------------------------------------------

/** Only a clerk edits, and only while the reply is being drafted. */
export function canEdit(roles: readonly string[], status: ReplyStatus): boolean {
  return roles.includes('clerk') && status === 'drafting';
}

/** A clerk answers comments until the reply is final (the API refuses after sign-off). */
export function canAnswer(roles: readonly string[], status: ReplyStatus): boolean {
  return roles.includes('clerk') && ['drafting', 'in_review', 'awaiting_signoff'].includes(status);
}

export function canSubmit(
  editable: boolean,
  dirty: boolean,
  missing: readonly MissingItem[] | undefined,
): { allowed: boolean; why: 'readOnly' | 'unsaved' | 'checking' | 'incomplete' | null } {
  if (!editable) return { allowed: false, why: 'readOnly' };
  if (dirty) return { allowed: false, why: 'unsaved' };
  if (missing === undefined) return { allowed: false, why: 'checking' };
  if (missing.length > 0) return { allowed: false, why: 'incomplete' };
  return { allowed: true, why: null };
}

/** The session body of a proposal: CPPCC proposals (委员), NPC suggestions (代表). */
export function bodyOf(kind: 'proposal' | 'suggestion' | null, title: '委员' | '代表' | null): SessionBody {
  if (kind === 'suggestion') return 'npc';
  if (kind === 'proposal') return 'cppcc';
  return title === '代表' ? 'npc' : 'cppcc';
}

/** The grade classes of the reply's body; the first scale when the body has none configured. */
export function gradeClassesFor(scales: readonly GradeScale[], body: SessionBody): GradeClass[] {
  return (scales.find((scale) => scale.body === body) ?? scales[0])?.classes ?? [];
}
