import {
  checkCompleteness,
  checkReplyContent,
  CONTENT_PROBLEM_KINDS,
  type CompletenessFacts,
  type ContentProblemKind,
  MISSING_ITEM_KINDS,
  type MissingItemKind,
  REPLY_TEXT_LIMIT,
  replyTextFields,
  replyTextLength,
} from './reply-checks';
import {
  DEFAULT_GRADE_CLASSES,
  Disclosure,
  emptyReplyContent,
  REFERENCE_GRADE_CLASS,
  type ReplyContent,
} from './reply-content';

/** The 濮阳 reply to NPC suggestion 269 (fixtures/seeds/puyang-npc-9-1-269.txt), shortened. */
function complete(): ReplyContent {
  return {
    title: '对市九届人大一次会议第269号建议的答复',
    addressees: { people: ['鲁法中'], title: '代表', organisation: null, honorific: '' },
    opening: '您提出的“关于提高社区养老服务水平的几点建议”已收悉。现答复如下：',
    preamble: [],
    sections: [
      {
        heading: '加强组织领导，完善政策体系',
        paragraphs: ['市委、市政府高度重视养老服务工作，把养老服务体系建设列入民生实事。'],
        source: null,
      },
      {
        heading: '实施“四大工程”，实现“四个覆盖”',
        paragraphs: ['一是标准化建设，配建达标。\n二是连锁化运营，提质增效。'],
        source: { kind: 'co_opinion', coAssignmentId: 'a-1', bureauName: '市财政局' },
      },
    ],
    closing: ['欢迎各位代表对我们的工作多提宝贵意见。'],
    headingsOnOwnLine: true,
    issuer: '濮阳市民政局',
    contact: { name: '郭振波', phone: '0393-6687009' },
    cc: [
      { recipient: '市人大选工委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
      { recipient: '市财政局', copies: 1 },
    ],
    disclosure: { level: Disclosure.Public, reason: null },
    proposedGrade: { grade: 'B', justification: '社区养老服务设施正在建设，已列入年度计划。' },
  };
}

const emptyDraft = emptyReplyContent;

function completeFacts(): CompletenessFacts {
  return {
    gradeClasses: DEFAULT_GRADE_CLASSES,
    talkRequired: true,
    talksLogged: 1,
    coBureaus: [{ assignmentId: 'a-1', bureauName: '市财政局', opinion: 'sent' }],
  };
}

function edited(change: (content: ReplyContent) => void): ReplyContent {
  const content = complete();
  change(content);
  return content;
}

describe('replyTextLength', () => {
  it('counts every piece of text in the letter', () => {
    const content = emptyDraft();
    content.title = '标题'; // 2
    content.addressees.people = ['姚峥', '左锋杰']; // 5
    content.opening = '开头'; // 2
    content.preamble = ['引言']; // 2
    content.sections = [{ heading: '一个标题', paragraphs: ['段落', '另一段'], source: null }]; // 4 + 2 + 3
    content.closing = ['谢谢']; // 2
    content.issuer = '市民政局'; // 4
    content.contact = { name: '郭振波', phone: '12345' }; // 3 + 5
    content.cc = [{ recipient: '市政协提案委', copies: 2 }]; // 6
    content.disclosure = { level: Disclosure.NotPublic, reason: '涉密' }; // 2
    content.proposedGrade = { grade: 'A', justification: '已解决' }; // 3
    expect(replyTextLength(content)).toBe(2 + 5 + 2 + 2 + 4 + 2 + 3 + 2 + 4 + 3 + 5 + 6 + 2 + 3);
  });

  it('counts a CJK Extension B character (two UTF-16 units) as one character', () => {
    expect(replyTextLength({ ...emptyDraft(), title: '𠀀𠀁' })).toBe(2);
  });

  it.each([
    [REPLY_TEXT_LIMIT - 1, true],
    [REPLY_TEXT_LIMIT, true],
    [REPLY_TEXT_LIMIT + 1, false],
  ])('a content of %i characters is within the limit: %p', (size, within) => {
    const base = complete();
    const filler = size - replyTextLength(base);
    const content = { ...base, closing: [...base.closing, '字'.repeat(filler)] };
    expect(replyTextLength(content)).toBe(size);
    expect(replyTextLength(content) <= REPLY_TEXT_LIMIT).toBe(within);
  });

  it('is 50,000 characters', () => {
    expect(REPLY_TEXT_LIMIT).toBe(50_000);
  });
});

describe('replyTextFields', () => {
  it('labels text the way the letter numbers it', () => {
    const labels = replyTextFields(complete()).map((f) => [f.path, f.label.zh]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['title', '标题'],
        ['opening', '开头语'],
        ['sections[1].heading', '第二部分标题'],
        ['sections[1].paragraphs[0]', '第二部分第1段'],
        ['closing[0]', '结束语第1段'],
        ['cc[2].recipient', '抄送第3项'],
      ]),
    );
  });
});

describe('checkReplyContent', () => {
  it('accepts a complete reply', () => {
    expect(checkReplyContent(complete(), DEFAULT_GRADE_CLASSES)).toEqual([]);
  });

  it('accepts an empty draft: completeness is only asked for at submission', () => {
    expect(checkReplyContent(emptyDraft(), DEFAULT_GRADE_CLASSES)).toEqual([]);
    expect(checkReplyContent(emptyDraft(), [])).toEqual([]);
  });

  it.each<[string, (c: ReplyContent) => void]>([
    ['no grade yet', (c) => (c.proposedGrade.grade = null)],
    ['a D grade where the body uses four classes', (c) => (c.proposedGrade.grade = 'D')],
    [
      'an organisation as the addressee',
      (c) => (c.addressees = { people: [], title: null, organisation: '民盟本溪市委', honorific: '' }),
    ],
    ['an honorific', (c) => (c.addressees.honorific = '尊敬的')],
    ['several deputies', (c) => (c.addressees.people = ['姚峥', '左锋杰', '韩冰'])],
    ['a name with a middle dot', (c) => (c.addressees.people = ['阿依古丽·买买提'])],
    ['a 20-character name', (c) => (c.addressees.people = ['名'.repeat(20)])],
    ['a reason although the reply is public', (c) => (c.disclosure.reason = '无需理由')],
    ['a not-public reply with no reason yet', (c) => (c.disclosure = { level: Disclosure.NotPublic, reason: null })],
    ['a phone with brackets and spaces', (c) => (c.contact = { name: '郭振波', phone: '(0393) 668 7009' })],
    ['a phone with full-width brackets', (c) => (c.contact = { name: '郭振波', phone: '（0393）6687009' })],
    ['a phone with a country code', (c) => (c.contact = { name: '郭振波', phone: '+86 393-6687009' })],
    ['a five-digit service line', (c) => (c.contact = { name: '郭振波', phone: '12345' })],
    ['a contact without a phone yet', (c) => (c.contact = { name: '郭振波', phone: '' })],
    ['a 40-character cc recipient', (c) => (c.cc[0].recipient = '局'.repeat(40))],
    ['99 copies', (c) => (c.cc[0].copies = 99)],
    ['line breaks and tabs in a paragraph', (c) => (c.sections[0].paragraphs[0] = '第一行\n\t第二行')],
    [
      'a section with a heading and no paragraphs yet',
      (c) => c.sections.push({ heading: '下一步打算', paragraphs: [], source: null }),
    ],
  ])('accepts %s', (_, change) => {
    const classes = [...DEFAULT_GRADE_CLASSES, REFERENCE_GRADE_CLASS];
    expect(checkReplyContent(edited(change), classes)).toEqual([]);
  });

  type ProblemCase = [ContentProblemKind, string, (c: ReplyContent) => void, string, string, string];
  const problemCases: ProblemCase[] = [
    [
      'grade_not_in_scale',
      'a D grade where the body uses A/B/C',
      (c) => (c.proposedGrade.grade = 'D'),
      'proposedGrade.grade',
      '办理结果（拟）“D”不是本届会议的等次（可选：A、B、C）',
      'The proposed grade "D" is not one of this session\'s grades (choose A, B, C)',
    ],
    [
      'grade_not_in_scale',
      'a lower-case grade',
      (c) => (c.proposedGrade.grade = 'a'),
      'proposedGrade.grade',
      '“a”不是本届会议的等次',
      '"a"',
    ],
    [
      'addressees_both',
      'names and an organisation',
      (c) => (c.addressees.organisation = '民盟本溪市委'),
      'addressees',
      '不能同时填写姓名和单位“民盟本溪市委”',
      'either people or one organisation, not both',
    ],
    [
      'addressee_name_blank',
      'a blank name',
      (c) => (c.addressees.people = ['鲁法中', '  ']),
      'addressees.people[1]',
      '答复对象第2位的姓名为空',
      'Addressee 2 has a blank name',
    ],
    [
      'addressee_name_separator',
      'several names typed into one line with 、',
      (c) => (c.addressees.people = ['姚峥、左锋杰']),
      'addressees.people[0]',
      '答复对象第1位姓名“姚峥、左锋杰”含有顿号、逗号等分隔符',
      'Addressee 1 ("姚峥、左锋杰") contains a separator',
    ],
    [
      'addressee_name_separator',
      'names separated by a full-width comma',
      (c) => (c.addressees.people = ['鲁法中', '姚峥，韩冰']),
      'addressees.people[1]',
      '“姚峥，韩冰”',
      'separator',
    ],
    [
      'addressee_name_separator',
      'names separated by an ASCII comma',
      (c) => (c.addressees.people = ['姚峥,韩冰']),
      'addressees.people[0]',
      '“姚峥,韩冰”',
      'separator',
    ],
    [
      'addressee_name_too_long',
      'a 21-character name',
      (c) => (c.addressees.people = ['名'.repeat(21)]),
      'addressees.people[0]',
      '答复对象第1位姓名',
      'longer than 20 characters',
    ],
    [
      'addressee_title_invalid',
      'names without 委员 or 代表',
      (c) => (c.addressees.title = null),
      'addressees.title',
      '称谓须选择“委员”或“代表”',
      '委员 (CPPCC member) or 代表 (NPC deputy)',
    ],
    [
      'addressee_title_invalid',
      'names with an unknown title',
      (c) => (c.addressees.title = '同志' as never),
      'addressees.title',
      '“委员”或“代表”',
      'must be 委员',
    ],
    [
      'section_heading_blank',
      'a second section without a heading',
      (c) => (c.sections[1].heading = ' '),
      'sections[1].heading',
      '第二部分的标题为空',
      'Section 2 has no heading',
    ],
    [
      'contact_phone_invalid',
      'letters in the phone',
      (c) => (c.contact = { name: '郭振波', phone: '0393-668700x' }),
      'contact.phone',
      '联系电话“0393-668700x”格式不正确',
      'The contact phone "0393-668700x" is not a phone number',
    ],
    [
      'contact_phone_invalid',
      'a phone of four digits',
      (c) => (c.contact = { name: '郭振波', phone: '1234' }),
      'contact.phone',
      '5至30位',
      '5 to 30 characters',
    ],
    [
      'contact_phone_invalid',
      'a phone over 30 characters',
      (c) => (c.contact = { name: '郭振波', phone: '1'.repeat(31) }),
      'contact.phone',
      '联系电话',
      'contact phone',
    ],
    [
      'contact_phone_invalid',
      'dashes and no digits',
      (c) => (c.contact = { name: '郭振波', phone: '-----' }),
      'contact.phone',
      '联系电话“-----”',
      '"-----"',
    ],
    [
      'contact_phone_invalid',
      'two numbers joined by 、',
      (c) => (c.contact = { name: '郭振波', phone: '0393-6687009、13800000000' }),
      'contact.phone',
      '联系电话',
      'contact phone',
    ],
    [
      'cc_recipient_blank',
      'a blank cc line',
      (c) => (c.cc[1].recipient = '   '),
      'cc[1].recipient',
      '抄送第2项未填写单位名称',
      'cc entry 2 has no recipient',
    ],
    [
      'cc_recipient_too_long',
      'a 41-character recipient',
      (c) => (c.cc[0].recipient = '局'.repeat(41)),
      'cc[0].recipient',
      '抄送第1项',
      'longer than 40 characters',
    ],
    [
      'cc_recipient_bad_character',
      'the copies typed into the recipient',
      (c) => (c.cc[0].recipient = '市人大选工委（2份）'),
      'cc[0].recipient',
      '抄送第1项“市人大选工委（2份）”含有“（”“）”，会打乱“抄送：市政协提案委（2份），…。”一行',
      'contains "（", "）", which would break the printed cc line',
    ],
    [
      'cc_recipient_bad_character',
      'two recipients in one entry',
      (c) => (c.cc[1].recipient = '市政协提案委，市委督查局'),
      'cc[1].recipient',
      '含有“，”',
      'contains "，"',
    ],
    [
      'cc_recipient_bad_character',
      'recipients joined by 、',
      (c) => (c.cc[0].recipient = '市人大选工委、市政府办'),
      'cc[0].recipient',
      '含有“、”',
      'contains "、"',
    ],
    [
      'cc_recipient_bad_character',
      'a recipient ending in 。',
      (c) => (c.cc[0].recipient = '市人大选工委。'),
      'cc[0].recipient',
      '含有“。”',
      'contains "。"',
    ],
    [
      'cc_recipient_bad_character',
      'a colon',
      (c) => (c.cc[0].recipient = '抄送：市人大选工委'),
      'cc[0].recipient',
      '含有“：”',
      'contains "："',
    ],
    [
      'cc_recipient_bad_character',
      'a semicolon',
      (c) => (c.cc[0].recipient = '市人大选工委;市政府办'),
      'cc[0].recipient',
      '含有“;”',
      'contains ";"',
    ],
    [
      'cc_recipient_bad_character',
      'a line break',
      (c) => (c.cc[0].recipient = '市人大\n选工委'),
      'cc[0].recipient',
      '含有换行',
      'contains a line break',
    ],
    [
      'cc_recipient_digits_only',
      'only the number of copies',
      (c) => (c.cc[0].recipient = '2'),
      'cc[0].recipient',
      '抄送第1项“2”只有数字',
      'cc entry 1 ("2") is only digits',
    ],
    [
      'cc_recipient_repeated',
      'a recipient listed twice',
      (c) => c.cc.push({ recipient: ' 市人大选工委 ', copies: 1 }),
      'cc[3].recipient',
      '抄送单位“市人大选工委”重复（第1项和第4项），请合并为一项',
      '"市人大选工委" is in the cc list twice (entries 1 and 4)',
    ],
    [
      'cc_copies_invalid',
      'zero copies',
      (c) => (c.cc[1].copies = 0),
      'cc[1].copies',
      '抄送单位“市委市政府督查局”的份数应为1至99之间的整数，当前为0',
      'The number of copies for "市委市政府督查局" in the cc list must be a whole number from 1 to 99 (it is 0)',
    ],
    [
      'cc_copies_invalid',
      '100 copies',
      (c) => (c.cc[0].copies = 100),
      'cc[0].copies',
      '“市人大选工委”的份数',
      '(it is 100)',
    ],
    ['cc_copies_invalid', 'half a copy', (c) => (c.cc[0].copies = 1.5), 'cc[0].copies', '当前为1.5', '(it is 1.5)'],
    [
      'disclosure_level_invalid',
      'an unknown disclosure level',
      (c) => (c.disclosure.level = 'secret' as Disclosure),
      'disclosure.level',
      '公开属性“secret”无效',
      'The disclosure level "secret" is not valid',
    ],
    [
      'control_character',
      'a control character pasted into a paragraph',
      (c) => (c.sections[1].paragraphs[0] = '一是标准化建设\u0007，配建达标。'),
      'sections[1].paragraphs[0]',
      '第二部分第1段第8个字处含有不可见的控制字符',
      'Section 2, paragraph 1 contains an invisible control character at character 8',
    ],
    [
      'control_character',
      'a carriage return in the title',
      (c) => (c.title = '对市九届人大一次会议\r\n第269号建议的答复'),
      'title',
      '标题第11个字处',
      'Title contains an invisible control character',
    ],
    [
      'control_character',
      'a DEL character in a cc recipient',
      (c) => (c.cc[0].recipient = '市人大\u007f选工委'),
      'cc[0].recipient',
      '抄送第1项',
      'cc entry 1 contains',
    ],
    [
      'control_character',
      'a C1 control character in the justification',
      (c) => (c.proposedGrade.justification = '正在\u0085解决'),
      'proposedGrade.justification',
      '办理结果（拟）理由',
      'Reason for the proposed grade',
    ],
  ];

  it.each(problemCases)('%s: refuses %s', (kind, _, change, field, zh, en) => {
    const problems = checkReplyContent(edited(change), DEFAULT_GRADE_CLASSES);
    expect(problems).toEqual([
      { field, problem: kind, zh: expect.stringContaining(zh), en: expect.stringContaining(en) },
    ]);
  });

  it('has a case for every problem kind', () => {
    const covered = new Set(problemCases.map(([kind]) => kind));
    expect(CONTENT_PROBLEM_KINDS.filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it('reports every problem at once, each with its own field', () => {
    const content = edited((c) => {
      c.cc = [
        { recipient: '市人大选工委（2份）', copies: 0 },
        { recipient: '', copies: -1 },
      ];
      c.contact = { name: '郭振波', phone: 'abc' };
    });
    const problems = checkReplyContent(content, DEFAULT_GRADE_CLASSES);
    expect(problems.map((p) => [p.field, p.problem])).toEqual([
      ['contact.phone', 'contact_phone_invalid'],
      ['cc[0].recipient', 'cc_recipient_bad_character'],
      ['cc[0].copies', 'cc_copies_invalid'],
      ['cc[1].recipient', 'cc_recipient_blank'],
      ['cc[1].copies', 'cc_copies_invalid'],
    ]);
    // An entry without a recipient is named by its position.
    expect(problems[4].zh).toBe('抄送第2项的份数应为1至99之间的整数，当前为-1');
    expect(problems[4].en).toBe('The number of copies for cc entry 2 must be a whole number from 1 to 99 (it is -1)');
  });

  it('does not list a field twice when its format is already refused', () => {
    const content = edited((c) => (c.contact = { name: '郭振波', phone: '0393\u00016687009' }));
    expect(checkReplyContent(content, DEFAULT_GRADE_CLASSES).map((p) => p.problem)).toEqual(['contact_phone_invalid']);
  });

  it('says when the session has no grade scale configured', () => {
    const [problem] = checkReplyContent(complete(), []);
    expect(problem.zh).toContain('本届会议尚未配置等次');
  });

  it('shortens a long value it quotes', () => {
    const [problem] = checkReplyContent(
      edited((c) => (c.cc[0].recipient = '很'.repeat(60))),
      DEFAULT_GRADE_CLASSES,
    );
    expect(problem.zh).toContain(`“${'很'.repeat(20)}…”`);
  });
});

describe('checkCompleteness', () => {
  it('has nothing to ask of a complete reply', () => {
    expect(checkCompleteness(complete(), completeFacts())).toEqual([]);
  });

  it('lists what an empty draft lacks, top to bottom', () => {
    const facts = { ...completeFacts(), coBureaus: [] };
    expect(checkCompleteness(emptyDraft(), facts).map((m) => m.item)).toEqual([
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
    ]);
  });

  it.each<[string, (c: ReplyContent) => void, Partial<CompletenessFacts>]>([
    [
      'an organisation as the addressee',
      (c) => (c.addressees = { people: [], title: null, organisation: '民盟本溪市委', honorific: '' }),
      {},
    ],
    [
      'a body of preamble paragraphs only (本溪)',
      (c) => ((c.preamble = ['近年来，市政府高度重视养老服务工作。']), (c.sections = [])),
      {},
    ],
    [
      'a D grade where the body uses four classes',
      (c) => (c.proposedGrade.grade = 'D'),
      { gradeClasses: [...DEFAULT_GRADE_CLASSES, REFERENCE_GRADE_CLASS] },
    ],
    [
      'a not-public reply with its reason',
      (c) => (c.disclosure = { level: Disclosure.NotPublic, reason: '涉及个人信息' }),
      {},
    ],
    ['no talk when the rules do not ask for one', () => undefined, { talkRequired: false, talksLogged: 0 }],
    [
      'a waived co opinion',
      () => undefined,
      { coBureaus: [{ assignmentId: 'a-1', bureauName: '市财政局', opinion: 'waived' }] },
    ],
    ['no co bureaus and no co bureau in cc', (c) => (c.cc = c.cc.slice(0, 2)), { coBureaus: [] }],
  ])('accepts %s', (_, change, facts) => {
    expect(checkCompleteness(edited(change), { ...completeFacts(), ...facts })).toEqual([]);
  });

  type MissingCase = [
    MissingItemKind,
    string,
    (c: ReplyContent) => void,
    Partial<CompletenessFacts>,
    string | undefined,
    string,
    string,
  ];
  const none = () => undefined;
  const missingCases: MissingCase[] = [
    [
      'grade',
      'no grade',
      (c) => (c.proposedGrade.grade = null),
      {},
      undefined,
      '尚未填写办理结果（等次）',
      'The grade is missing',
    ],
    [
      'grade',
      'a blank grade',
      (c) => (c.proposedGrade.grade = ' '),
      {},
      undefined,
      '尚未填写办理结果（等次）',
      'The grade is missing',
    ],
    [
      'grade',
      'a grade outside the scale',
      (c) => (c.proposedGrade.grade = 'D'),
      {},
      'D',
      '办理结果“D”不是本届会议的等次（可选：A、B、C）',
      'The grade "D" is not one of this session\'s grades',
    ],
    [
      'grade_justification',
      'no reason for the grade',
      (c) => (c.proposedGrade.justification = '  '),
      {},
      undefined,
      '尚未填写办理结果（等次）的理由',
      'The reason for the proposed grade is missing',
    ],
    ['title', 'no title', (c) => (c.title = ''), {}, undefined, '尚未填写答复标题', 'The title is missing'],
    [
      'addressees',
      'no addressee',
      (c) => (c.addressees = { people: [], title: '代表', organisation: null, honorific: '' }),
      {},
      undefined,
      '尚未填写答复对象',
      'The letter has no addressee',
    ],
    [
      'addressees',
      'a blank organisation',
      (c) => (c.addressees = { people: [], title: null, organisation: ' ', honorific: '' }),
      {},
      undefined,
      '答复对象',
      'no addressee',
    ],
    [
      'opening',
      'no opening',
      (c) => (c.opening = ''),
      {},
      undefined,
      '尚未填写开头语',
      'The opening sentence is missing',
    ],
    [
      'body',
      'sections with headings only',
      (c) => c.sections.forEach((s) => (s.paragraphs = ['', ' '])),
      {},
      undefined,
      '尚未填写答复正文',
      'The body of the reply is empty',
    ],
    [
      'body',
      'no sections and a blank preamble',
      (c) => ((c.sections = []), (c.preamble = [''])),
      {},
      undefined,
      '答复正文',
      'body',
    ],
    ['issuer', 'no issuing bureau', (c) => (c.issuer = ' '), {}, undefined, '尚未填写落款单位', 'The issuing bureau'],
    [
      'contact_name',
      'no contact person',
      (c) => (c.contact = { name: '', phone: '0393-6687009' }),
      {},
      undefined,
      '尚未填写联系人',
      'The contact person is missing',
    ],
    [
      'contact_phone',
      'no contact phone',
      (c) => (c.contact = { name: '郭振波', phone: ' ' }),
      {},
      undefined,
      '尚未填写联系电话',
      'The contact phone number is missing',
    ],
    ['cc', 'no cc list', (c) => (c.cc = []), { coBureaus: [] }, undefined, '尚未填写抄送单位', 'The cc list is empty'],
    [
      'cc_co_bureau',
      'a co bureau missing from cc',
      (c) => (c.cc = c.cc.slice(0, 2)),
      {},
      '市财政局',
      '会办单位“市财政局”不在抄送中',
      'The co-handling bureau 市财政局 is not in the cc list',
    ],
    [
      'disclosure_reason',
      'not public without a reason',
      (c) => (c.disclosure = { level: Disclosure.NotPublic, reason: null }),
      {},
      undefined,
      '公开属性为“不公开”，须填写理由',
      'The reply is marked not public; give the reason',
    ],
    [
      'disclosure_reason',
      'on request with a blank reason',
      (c) => (c.disclosure = { level: Disclosure.OnRequest, reason: '  ' }),
      {},
      undefined,
      '公开属性为“依申请公开”，须填写理由',
      'marked disclosed on request',
    ],
    [
      'talk',
      'no talk logged where the rules require one',
      none,
      { talkRequired: true, talksLogged: 0 },
      undefined,
      '尚未登记与委员/代表的沟通',
      'No talk with the proposer has been logged',
    ],
    [
      'co_opinion',
      'a co opinion not received',
      none,
      { coBureaus: [{ assignmentId: 'a-1', bureauName: '市财政局', opinion: 'missing' }] },
      '市财政局',
      '尚未收到会办单位“市财政局”的会办意见',
      'No co-handling opinion from 市财政局 yet',
    ],
    [
      'co_opinion',
      'a co opinion still in draft',
      none,
      { coBureaus: [{ assignmentId: 'a-1', bureauName: '市财政局', opinion: 'draft' }] },
      '市财政局',
      '会办单位“市财政局”的会办意见尚未正式发送',
      '市财政局 has drafted its co-handling opinion but not sent it yet',
    ],
  ];

  it.each(missingCases)('%s: asks for it when there is %s', (item, _, change, facts, detail, zh, en) => {
    const missing = checkCompleteness(edited(change), { ...completeFacts(), ...facts });
    expect(missing).toEqual([
      {
        item,
        ...(detail === undefined ? {} : { detail }),
        zh: expect.stringContaining(zh),
        en: expect.stringContaining(en),
      },
    ]);
  });

  it('has a case for every missing-item kind', () => {
    const covered = new Set(missingCases.map(([kind]) => kind));
    expect(MISSING_ITEM_KINDS.filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it('asks for contact person and phone when there is no contact at all', () => {
    const missing = checkCompleteness(
      edited((c) => (c.contact = null)),
      completeFacts(),
    );
    expect(missing.map((m) => m.item)).toEqual(['contact_name', 'contact_phone']);
  });

  it('names each co bureau whose opinion is outstanding or which is not in cc', () => {
    const facts: CompletenessFacts = {
      ...completeFacts(),
      coBureaus: [
        { assignmentId: 'a-1', bureauName: '市财政局', opinion: 'sent' },
        { assignmentId: 'a-2', bureauName: '市卫健委', opinion: 'missing' },
        { assignmentId: 'a-3', bureauName: '市人社局', opinion: 'draft' },
        { assignmentId: 'a-4', bureauName: '市住建局', opinion: 'waived' },
      ],
    };
    const content = edited((c) => c.cc.push({ recipient: '市卫健委', copies: 1 }));
    expect(checkCompleteness(content, facts).map((m) => [m.item, m.detail])).toEqual([
      ['cc_co_bureau', '市人社局'],
      ['cc_co_bureau', '市住建局'],
      ['co_opinion', '市卫健委'],
      ['co_opinion', '市人社局'],
    ]);
  });

  it('asks for the cc list and each co bureau in it when cc is empty', () => {
    const missing = checkCompleteness(
      edited((c) => (c.cc = [])),
      completeFacts(),
    );
    expect(missing.map((m) => [m.item, m.detail])).toEqual([
      ['cc', undefined],
      ['cc_co_bureau', '市财政局'],
    ]);
  });
});
