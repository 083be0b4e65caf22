import { Disclosure, type ReplyContent } from './reply-content';
import { diffReplyContents, diffText, type DiffSegment, type ReplyChange } from './reply-diff';

/** The 三门峡 reply to CPPCC proposal 146 (fixtures/seeds/sanmenxia-cppcc-8-1-146.txt), shortened. */
function draft(): ReplyContent {
  return {
    title: '对市政协八届一次会议第146号提案的答复',
    addressees: { people: ['姚峥', '左锋杰', '韩冰'], title: '委员', organisation: null, honorific: '' },
    opening: '您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”收悉。现答复如下：',
    preamble: [],
    sections: [
      {
        heading: '完善政策配套，健全养老服务机制',
        paragraphs: [
          '我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。',
          '民政部门联合发改部门共同编制了规划。',
        ],
        source: null,
      },
      {
        heading: '聚焦老有所养，加快养老服务设施供给',
        paragraphs: ['2022年，全市建成社区日间照料中心167个。'],
        source: null,
      },
    ],
    closing: ['最后，感谢您对我市养老事业的关心和支持。'],
    headingsOnOwnLine: false,
    issuer: '三门峡市民政局',
    contact: { name: '李明', phone: '0398-2822000' },
    cc: [
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    disclosure: { level: Disclosure.Public, reason: null },
    proposedGrade: { grade: 'A', justification: '所提问题已基本解决。' },
  };
}

function edited(change: (content: ReplyContent) => void): ReplyContent {
  const content = draft();
  change(content);
  return content;
}

/** Joining the segments back must give both versions: nothing is lost or invented. */
function expectSegmentsRebuild(change: ReplyChange): void {
  const join = (ops: DiffSegment['op'][]) =>
    change.segments
      .filter((s) => ops.includes(s.op))
      .map((s) => s.text)
      .join('');
  expect(join(['equal', 'delete'])).toBe(change.before ?? '');
  expect(join(['equal', 'insert'])).toBe(change.after ?? '');
}

describe('diffReplyContents', () => {
  it('finds no change between identical versions', () => {
    expect(diffReplyContents(draft(), draft())).toEqual([]);
  });

  it('shows an edit inside a paragraph as only the characters that changed', () => {
    const after = edited((c) => (c.sections[1].paragraphs[0] = '2022年，全市建成社区日间照料中心180个。'));
    expect(diffReplyContents(draft(), after)).toEqual([
      {
        path: 'sections[1].paragraphs[0]',
        label: { zh: '第二部分第1段', en: 'Section 2, paragraph 1' },
        kind: 'changed',
        before: '2022年，全市建成社区日间照料中心167个。',
        after: '2022年，全市建成社区日间照料中心180个。',
        segments: [
          { op: 'equal', text: '2022年，全市建成社区日间照料中心1' },
          { op: 'delete', text: '67' },
          { op: 'insert', text: '80' },
          { op: 'equal', text: '个。' },
        ],
      },
    ]);
  });

  it('shows words inserted into a heading as insertions between unchanged text', () => {
    const after = edited((c) => (c.sections[0].heading = '进一步完善政策配套，健全养老服务长效机制'));
    const [change] = diffReplyContents(draft(), after);
    expect(change.label.zh).toBe('第一部分标题');
    expect(change.segments).toEqual([
      { op: 'insert', text: '进一步' },
      { op: 'equal', text: '完善政策配套，健全养老服务' },
      { op: 'insert', text: '长效' },
      { op: 'equal', text: '机制' },
    ]);
  });

  it('shows an added section heading and paragraphs as added, numbered as the letter will', () => {
    const after = edited((c) =>
      c.sections.push({
        heading: '深化体制创新，提升养老服务品质',
        paragraphs: ['探索“以大带小”模式。', '', '开展会员式养老。'],
        source: null,
      }),
    );
    expect(diffReplyContents(draft(), after)).toEqual([
      {
        path: 'sections[2].heading',
        label: { zh: '第三部分标题', en: 'Section 3 heading' },
        kind: 'added',
        before: null,
        after: '深化体制创新，提升养老服务品质',
        segments: [{ op: 'insert', text: '深化体制创新，提升养老服务品质' }],
      },
      {
        path: 'sections[2].paragraphs[0]',
        label: { zh: '第三部分第1段', en: 'Section 3, paragraph 1' },
        kind: 'added',
        before: null,
        after: '探索“以大带小”模式。',
        segments: [{ op: 'insert', text: '探索“以大带小”模式。' }],
      },
      {
        path: 'sections[2].paragraphs[2]',
        label: { zh: '第三部分第3段', en: 'Section 3, paragraph 3' },
        kind: 'added',
        before: null,
        after: '开展会员式养老。',
        segments: [{ op: 'insert', text: '开展会员式养老。' }],
      },
    ]);
  });

  it('shows a removed section as removed', () => {
    const after = edited((c) => c.sections.pop());
    expect(diffReplyContents(draft(), after).map((c) => [c.label.zh, c.kind, c.before, c.after])).toEqual([
      ['第二部分标题', 'removed', '聚焦老有所养，加快养老服务设施供给', null],
      ['第二部分第1段', 'removed', '2022年，全市建成社区日间照料中心167个。', null],
    ]);
  });

  it('shows a removed cc entry on the printed cc line', () => {
    const after = edited((c) => c.cc.pop());
    expect(diffReplyContents(draft(), after)).toEqual([
      {
        path: 'cc',
        label: { zh: '抄送', en: 'Copies to (cc)' },
        kind: 'changed',
        before: '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
        after: '抄送：市政协提案委（2份）。',
        segments: [
          { op: 'equal', text: '抄送：市政协提案委（2份）' },
          { op: 'delete', text: '，市委市政府督查局（2份）' },
          { op: 'equal', text: '。' },
        ],
      },
    ]);
  });

  it('shows a changed number of copies', () => {
    const after = edited((c) => (c.cc[0].copies = 3));
    const [change] = diffReplyContents(draft(), after);
    expect(change.segments).toEqual([
      { op: 'equal', text: '抄送：市政协提案委（' },
      { op: 'delete', text: '2' },
      { op: 'insert', text: '3' },
      { op: 'equal', text: '份），市委市政府督查局（2份）。' },
    ]);
  });

  it('shows an inserted paragraph as one addition, not every later paragraph as rewritten', () => {
    const after = edited((c) => c.sections[0].paragraphs.splice(1, 0, '同时，出台了养老服务综合监管制度。'));
    expect(diffReplyContents(draft(), after).map((c) => [c.path, c.label.zh, c.kind, c.after])).toEqual([
      ['sections[0].paragraphs[1]', '第一部分第2段', 'added', '同时，出台了养老服务综合监管制度。'],
    ]);
  });

  it('shows a deleted paragraph under its old number', () => {
    const after = edited((c) => c.sections[0].paragraphs.shift());
    expect(diffReplyContents(draft(), after).map((c) => [c.label.zh, c.kind, c.before])).toEqual([
      ['第一部分第1段', 'removed', '我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。'],
    ]);
  });

  type FieldCase = [
    string,
    (c: ReplyContent) => void,
    string,
    string,
    ReplyChange['kind'],
    string | null,
    string | null,
  ];
  it.each<FieldCase>([
    ['the grade', (c) => (c.proposedGrade.grade = 'B'), 'proposedGrade.grade', '办理结果（拟）', 'changed', 'A', 'B'],
    [
      'a grade cleared',
      (c) => (c.proposedGrade.grade = null),
      'proposedGrade.grade',
      '办理结果（拟）',
      'removed',
      'A',
      null,
    ],
    [
      'the grade justification',
      (c) => (c.proposedGrade.justification = '所提问题已解决。'),
      'proposedGrade.justification',
      '办理结果（拟）理由',
      'changed',
      '所提问题已基本解决。',
      '所提问题已解决。',
    ],
    [
      'the title',
      (c) => (c.title = '对市政协八届一次会议第147号提案的答复'),
      'title',
      '标题',
      'changed',
      '对市政协八届一次会议第146号提案的答复',
      '对市政协八届一次会议第147号提案的答复',
    ],
    [
      'an addressee removed',
      (c) => c.addressees.people.pop(),
      'addressees',
      '答复对象',
      'changed',
      '姚峥、左锋杰、韩冰委员：',
      '姚峥、左锋杰委员：',
    ],
    [
      'an honorific added',
      (c) => (c.addressees.honorific = '尊敬的'),
      'addressees',
      '答复对象',
      'changed',
      '姚峥、左锋杰、韩冰委员：',
      '尊敬的姚峥、左锋杰、韩冰委员：',
    ],
    [
      'an organisation instead of people',
      (c) => (c.addressees = { people: [], title: null, organisation: '民盟本溪市委', honorific: '' }),
      'addressees',
      '答复对象',
      'changed',
      '姚峥、左锋杰、韩冰委员：',
      '民盟本溪市委：',
    ],
    [
      'the opening',
      (c) => (c.opening = c.opening.replace('收悉', '已收悉')),
      'opening',
      '开头语',
      'changed',
      '您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”收悉。现答复如下：',
      '您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”已收悉。现答复如下：',
    ],
    [
      'a preamble paragraph',
      (c) => (c.preamble = ['近年来，市委、市政府高度重视养老服务工作。']),
      'preamble[0]',
      '引言第1段',
      'added',
      null,
      '近年来，市委、市政府高度重视养老服务工作。',
    ],
    [
      'a section heading',
      (c) => (c.sections[1].heading = '聚焦老有所养'),
      'sections[1].heading',
      '第二部分标题',
      'changed',
      '聚焦老有所养，加快养老服务设施供给',
      '聚焦老有所养',
    ],
    [
      'the closing',
      (c) => (c.closing = []),
      'closing[0]',
      '结束语第1段',
      'removed',
      '最后，感谢您对我市养老事业的关心和支持。',
      null,
    ],
    [
      'the issuer',
      (c) => (c.issuer = '三门峡市民政局办公室'),
      'issuer',
      '落款单位',
      'changed',
      '三门峡市民政局',
      '三门峡市民政局办公室',
    ],
    [
      'the contact phone',
      (c) => (c.contact = { name: '李明', phone: '0398-2822001' }),
      'contact',
      '联系人',
      'changed',
      '（联系人：李明　联系电话：0398-2822000）',
      '（联系人：李明　联系电话：0398-2822001）',
    ],
    [
      'the contact removed',
      (c) => (c.contact = null),
      'contact',
      '联系人',
      'removed',
      '（联系人：李明　联系电话：0398-2822000）',
      null,
    ],
    [
      'a cc entry added',
      (c) => c.cc.push({ recipient: '市财政局', copies: 1 }),
      'cc',
      '抄送',
      'changed',
      '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
      '抄送：市政协提案委（2份），市委市政府督查局（2份），市财政局（1份）。',
    ],
    [
      'the heading layout',
      (c) => (c.headingsOnOwnLine = true),
      'headingsOnOwnLine',
      '部分标题版式',
      'changed',
      '部分标题后接正文',
      '部分标题单独成行',
    ],
    [
      'the disclosure level',
      (c) => (c.disclosure = { level: Disclosure.NotPublic, reason: '涉及个人信息' }),
      'disclosure',
      '公开属性',
      'changed',
      '公开',
      '不公开（理由：涉及个人信息）',
    ],
    [
      'disclosure on request',
      (c) => (c.disclosure.level = Disclosure.OnRequest),
      'disclosure',
      '公开属性',
      'changed',
      '公开',
      '依申请公开',
    ],
  ])('shows %s', (_, change, path, label, kind, before, after) => {
    const changes = diffReplyContents(draft(), edited(change));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path, label: { zh: label }, kind, before, after });
    expectSegmentsRebuild(changes[0]);
  });

  it('lists changes in the order of the letter', () => {
    const after = edited((c) => {
      c.disclosure = { level: Disclosure.NotPublic, reason: '涉密' };
      c.cc.pop();
      c.contact = null;
      c.issuer = '三门峡市民政局（盖章）';
      c.closing = ['感谢您的关心。'];
      c.sections[1].paragraphs[0] = '全市建成日间照料中心。';
      c.sections[0].heading = '完善政策';
      c.preamble = ['近年来。'];
      c.opening = '现答复如下：';
      c.addressees.people = ['姚峥'];
      c.title = '答复';
      c.proposedGrade = { grade: 'B', justification: '正在解决。' };
      c.headingsOnOwnLine = true;
    });
    expect(diffReplyContents(draft(), after).map((c) => c.label.zh)).toEqual([
      '办理结果（拟）',
      '办理结果（拟）理由',
      '标题',
      '答复对象',
      '开头语',
      '引言第1段',
      '第一部分标题',
      '第二部分第1段',
      '结束语第1段',
      '落款单位',
      '联系人',
      '抄送',
      '部分标题版式',
      '公开属性',
    ]);
  });

  it('treats blank text as absent', () => {
    const before = edited((c) => (c.title = ''));
    const after = edited((c) => (c.title = '  '));
    expect(diffReplyContents(before, after)).toEqual([]);
    expect(diffReplyContents(before, draft())[0]).toMatchObject({ path: 'title', kind: 'added', before: null });
  });

  it('ignores where a section was copied from: the letter does not print it', () => {
    const after = edited((c) => (c.sections[0].source = { kind: 'past_reply', replyId: 'r-1', sectionIndex: 0 }));
    expect(diffReplyContents(draft(), after)).toEqual([]);
  });
});

describe('diffText', () => {
  it('does not fragment a rewrite around a character that happens to survive', () => {
    expect(diffText('加强组织的领导', '完善政策的体系')).toEqual([
      { op: 'delete', text: '加强组织的领导' },
      { op: 'insert', text: '完善政策的体系' },
    ]);
  });

  it('keeps a long unchanged stretch between two edits', () => {
    expect(diffText('甲建立健全养老服务体系乙', '丙建立健全养老服务体系丁')).toEqual([
      { op: 'delete', text: '甲' },
      { op: 'insert', text: '丙' },
      { op: 'equal', text: '建立健全养老服务体系' },
      { op: 'delete', text: '乙' },
      { op: 'insert', text: '丁' },
    ]);
  });

  it('never splits a CJK Extension B character', () => {
    expect(diffText('王𠀀明', '王𠀁明')).toEqual([
      { op: 'equal', text: '王' },
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: '明' },
    ]);
  });

  it('shows a wholesale rewrite of a long paragraph as one deletion and one insertion', () => {
    const oldText = Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7) % 500))).join('');
    const newText = Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x5000 + ((i * 11) % 500))).join('');
    expect(diffText(`开头${oldText}结尾`, `开头${newText}结尾`)).toEqual([
      { op: 'equal', text: '开头' },
      { op: 'delete', text: oldText },
      { op: 'insert', text: newText },
      { op: 'equal', text: '结尾' },
    ]);
  });

  it.each([
    ['', ''],
    ['相同', '相同'],
    ['', '新增'],
    ['删除', ''],
    ['一是推进社区居家养老服务网络建设', '二是继续推进示范型居家和社区养老服务中心建设'],
    ['预计投资7000万元，增加床位580张', '预计投入2.3亿元以上，增加床位2000张'],
  ])('rebuilds both sides from the segments: %p → %p', (before, after) => {
    const segments = diffText(before, after);
    const join = (ops: DiffSegment['op'][]) =>
      segments
        .filter((s) => ops.includes(s.op))
        .map((s) => s.text)
        .join('');
    expect(join(['equal', 'delete'])).toBe(before);
    expect(join(['equal', 'insert'])).toBe(after);
    expect(segments.every((s) => s.text !== '')).toBe(true);
  });
});
