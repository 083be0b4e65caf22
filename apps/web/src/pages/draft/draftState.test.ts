import {
  addCc,
  addPerson,
  addresseeLine,
  addSection,
  addText,
  buildSaveBody,
  bodyOf,
  canSubmit,
  ccLine,
  fieldOfAnchor,
  fieldOfMissing,
  fieldOfPath,
  gradeClassesFor,
  insertCoOpinion,
  insertSimilarSection,
  isDirty,
  localProblems,
  missingByField,
  move,
  moveSection,
  removeSection,
  setAddresseeMode,
  setCc,
  setContact,
  setDisclosure,
  setDisclosureReason,
  setParagraph,
  setPerson,
  setSectionHeading,
} from './draftState';
import { sampleContent, sampleSimilar } from './fixtures';
import type { GradeScale, MissingItem } from './types';

describe('draft state', () => {
  it('adds, edits, moves and removes sections without touching the original', () => {
    const original = sampleContent();
    let content = addSection(original);
    content = setSectionHeading(content, 2, '加强队伍建设');
    content = setParagraph(content, 2, 0, '培训社区工作者。');
    expect(content.sections.map((s) => s.heading)).toEqual(['完善政策配套', '扩大服务供给', '加强队伍建设']);

    content = moveSection(content, 2, -1);
    expect(content.sections.map((s) => s.heading)).toEqual(['完善政策配套', '加强队伍建设', '扩大服务供给']);
    content = removeSection(content, 0);
    expect(content.sections.map((s) => s.heading)).toEqual(['加强队伍建设', '扩大服务供给']);
    expect(content.sections[0].paragraphs).toEqual(['培训社区工作者。']);
    expect(original.sections).toHaveLength(2);
  });

  it('leaves a list as it was when a move would go past either end', () => {
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('tells unsaved changes from a round trip to the same text', () => {
    const saved = sampleContent();
    expect(isDirty(saved, sampleContent())).toBe(false);
    const edited = setSectionHeading(saved, 0, '完善政策配套措施');
    expect(isDirty(saved, edited)).toBe(true);
    expect(isDirty(saved, setSectionHeading(edited, 0, '完善政策配套'))).toBe(false);
    // An empty contact typed and cleared again is no change: both mean "no contact".
    const noContact = { ...saved, contact: null };
    expect(isDirty(noContact, setContact(noContact, { name: '' }))).toBe(false);
  });

  it('builds the PUT body with the version and the normalised content', () => {
    let content = setContact(sampleContent(), { name: '郭振波', phone: '0393-6687009' });
    content = setDisclosureReason(content, '草稿中的理由');
    const body = buildSaveBody(7, content);
    expect(body.version).toBe(7);
    expect(body.content.contact).toEqual({ name: '郭振波', phone: '0393-6687009' });
    // A public reply carries no reason.
    expect(body.content.disclosure).toEqual({ level: 'public', reason: null });
    const hidden = buildSaveBody(7, setDisclosure(content, 'not_public'));
    expect(hidden.content.disclosure).toEqual({ level: 'not_public', reason: '草稿中的理由' });
    expect(body.content.sections.every((s) => s.source === null)).toBe(true);
  });

  it('asks for a reason when the reply is not public, and a heading for every section', () => {
    const content = setDisclosure(sampleContent(), 'not_public');
    expect(localProblems(content)).toEqual([{ field: 'disclosureReason', problem: 'disclosure_reason_required' }]);
    expect(localProblems(setDisclosureReason(content, '涉及个人隐私'))).toEqual([]);
    expect(localProblems(addSection(sampleContent()))).toEqual([
      { field: 'section:2', problem: 'section_heading_blank' },
    ]);
  });

  it('switches the addressees between people and an organisation and prints the line', () => {
    let content = sampleContent();
    content = addPerson(content);
    content = setPerson(content, 1, '李强');
    expect(addresseeLine(content)).toBe('王丽、李强委员：');
    content = setAddresseeMode(content, 'organisation', '委员');
    expect(content.addressees).toMatchObject({ people: [], title: null, organisation: '' });
    content = { ...content, addressees: { ...content.addressees, organisation: '民盟本溪市委' } };
    expect(addresseeLine(content)).toBe('民盟本溪市委：');
  });

  it('prints the cc line with copy counts', () => {
    let content = addCc(sampleContent(), { recipient: '市政府督查室', copies: 1 });
    content = setCc(content, 0, { copies: 2 });
    expect(ccLine(content.cc)).toBe('抄送：市政协提案委（2份），市政府督查室（1份）。');
  });

  it('inserts a similar reply section with the source the API records', () => {
    const similar = sampleSimilar();
    const content = insertSimilarSection(sampleContent(), similar, 1);
    expect(content.sections[2]).toEqual({
      heading: '建设社区养老服务中心',
      paragraphs: ['2023年新建社区养老服务中心12个。'],
      source: { kind: 'past_reply', replyId: similar.id, sectionIndex: 1 },
    });
    const archived = insertSimilarSection(sampleContent(), { ...similar, kind: 'archived_letter' }, 0);
    expect(archived.sections[2].source).toEqual({
      kind: 'archived_letter',
      archivedLetterId: similar.id,
      sectionIndex: 0,
    });
  });

  it("inserts a co bureau's opinion as a sourced section, one paragraph per line", () => {
    const content = insertCoOpinion(sampleContent(), {
      assignmentId: 'co-1',
      bureauId: 'b2',
      bureauName: '市财政局',
      status: 'sent',
      body: '安排资金300万元。\n\n下达至各县区。',
      sentAt: null,
      waivedAt: null,
      waiveReason: null,
      dueOn: '2026-04-01',
      version: 2,
    });
    expect(content.sections[2]).toEqual({
      heading: '',
      paragraphs: ['安排资金300万元。', '下达至各县区。'],
      source: { kind: 'co_opinion', coAssignmentId: 'co-1', bureauName: '市财政局' },
    });
  });

  it('places completeness items, save refusals and comment anchors at their fields', () => {
    expect(fieldOfMissing('contact_phone')).toBe('contactPhone');
    expect(fieldOfMissing('cc_co_bureau')).toBe('cc');
    expect(fieldOfMissing('talk')).toBe('general');
    expect(fieldOfPath('sections[3].paragraphs[0]')).toBe('section:3');
    expect(fieldOfPath('cc[1].copies')).toBe('cc');
    expect(fieldOfPath('addressees.people[0]')).toBe('addressees');
    expect(fieldOfPath('proposedGrade.grade')).toBe('grade');
    expect(fieldOfPath('disclosure.reason')).toBe('disclosureReason');
    expect(fieldOfAnchor('section:1')).toBe('section:1');
    expect(fieldOfAnchor('contact')).toBe('contactName');
    expect(fieldOfAnchor('general')).toBe('general');
    const items: MissingItem[] = [
      { item: 'cc', zh: '尚未填写抄送单位', en: '' },
      { item: 'cc_co_bureau', zh: '会办单位不在抄送中', en: '' },
      { item: 'grade', zh: '尚未填写办理结果（等次）', en: '' },
    ];
    const grouped = missingByField(items);
    expect(grouped.get('cc')?.map((i) => i.zh)).toEqual(['尚未填写抄送单位', '会办单位不在抄送中']);
    expect(grouped.get('grade')).toHaveLength(1);
  });

  it('allows submitting only a saved, complete, editable draft', () => {
    expect(canSubmit(true, false, [])).toEqual({ allowed: true, why: null });
    expect(canSubmit(true, true, []).why).toBe('unsaved');
    expect(canSubmit(true, false, [{ item: 'cc', zh: '', en: '' }]).why).toBe('incomplete');
    expect(canSubmit(true, false, undefined).why).toBe('checking');
    expect(canSubmit(false, false, []).why).toBe('readOnly');
  });

  it("picks the grade scale of the proposal's body", () => {
    const scales: GradeScale[] = [
      { body: 'cppcc', version: 1, classes: [{ grade: 'A', label: '已解决', meaning: '' }] },
      { body: 'npc', version: 1, classes: [{ grade: 'D', label: '留作参考', meaning: '' }] },
    ];
    expect(gradeClassesFor(scales, bodyOf('suggestion', null)).map((c) => c.grade)).toEqual(['D']);
    expect(gradeClassesFor(scales, bodyOf(null, '代表')).map((c) => c.grade)).toEqual(['D']);
    expect(gradeClassesFor(scales, bodyOf('proposal', '代表')).map((c) => c.grade)).toEqual(['A']);
    expect(gradeClassesFor([], 'npc')).toEqual([]);
  });

  it('adds empty preamble paragraphs', () => {
    expect(addText(sampleContent(), 'preamble').preamble).toEqual(['']);
  });
});
