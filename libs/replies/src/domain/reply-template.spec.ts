import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { sessionLabel } from '@dafu/proposals/domain/session-label';
import { Disclosure } from './reply-content';
import {
  checkTemplatePlaceholders,
  DEFAULT_REPLY_TEMPLATES,
  fillTemplate,
  REPLY_TEMPLATE_PLACEHOLDERS,
  startingContent,
  type ProposalForReply,
  type ReplyTemplate,
} from './reply-template';

/** 三门峡's proposal 146, as the seed letter answers it. */
const SANMENXIA_146: ProposalForReply = {
  body: SessionBody.Cppcc,
  sessionLabel: sessionLabel(SessionBody.Cppcc, 8, 1),
  number: 146,
  kind: ProposalKind.Proposal,
  title: '关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案',
  proposers: [
    { name: '姚峥', kind: 'person' },
    { name: '左锋杰', kind: 'person' },
    { name: '韩冰', kind: 'person' },
  ],
};

/** 濮阳's NPC suggestion 269. */
const PUYANG_269: ProposalForReply = {
  body: SessionBody.Npc,
  sessionLabel: sessionLabel(SessionBody.Npc, 9, 1),
  number: 269,
  kind: ProposalKind.Suggestion,
  title: '关于提高社区养老服务水平的几点建议',
  proposers: [{ name: '鲁法中', kind: 'person' }],
};

/** 本溪's proposal 1014 from an organisation; the session is not named in the letter. */
const BENXI_1014: ProposalForReply = {
  body: SessionBody.Cppcc,
  sessionLabel: null,
  number: 1014,
  kind: ProposalKind.Proposal,
  title: '关于应对人口老龄化加快我市养老机构发展的提案',
  proposers: [{ name: '民盟本溪市委', kind: 'organisation' }],
};

const CPPCC = DEFAULT_REPLY_TEMPLATES[SessionBody.Cppcc];
const NPC = DEFAULT_REPLY_TEMPLATES[SessionBody.Npc];

describe('DEFAULT_REPLY_TEMPLATES', () => {
  it.each([
    [SessionBody.Cppcc, ['市政协提案委', '市委市政府督查局'], '委员'],
    [SessionBody.Npc, ['市人大选工委', '市委市政府督查局'], '代表'],
  ])('%s: copies to %j as the 濮阳 letters do, and invites the %s to comment', (body, recipients, title) => {
    const template = DEFAULT_REPLY_TEMPLATES[body];
    expect(template.defaultCc).toEqual(recipients.map((recipient) => ({ recipient, copies: 2 })));
    expect(template.closing.join('')).toContain(`各位${title}`);
    expect(template.closing.join('')).toContain('感谢您对我们工作的关心和支持。');
    expect(template.headingsOnOwnLine).toBe(false);
    expect(template.honorific).toBe('');
  });

  it.each(Object.values(SessionBody))('%s uses only the known placeholders', (body) => {
    const template = DEFAULT_REPLY_TEMPLATES[body];
    for (const text of [template.titleTemplate, template.openingTemplate, template.organisationOpeningTemplate]) {
      expect(checkTemplatePlaceholders(text, REPLY_TEMPLATE_PLACEHOLDERS)).toEqual([]);
    }
  });
});

describe('fillTemplate', () => {
  const values = { session: '市政协八届一次会议', number: '146', kind: '提案', title: '关于…的提案' };

  it.each([
    ['对{session}第{number}号{kind}的答复', '对市政协八届一次会议第146号提案的答复'],
    ['您提出的“{title}”已收悉。现答复如下：', '您提出的“关于…的提案”已收悉。现答复如下：'],
    ['第{number}号{kind}（第{number}号）', '第146号提案（第146号）'],
    ['没有占位符', '没有占位符'],
    ['', ''],
  ])('%s → %s', (template, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('prints a value as given, even one that looks like a placeholder', () => {
    expect(fillTemplate('“{title}”', { title: '关于{number}的提案' })).toBe('“关于{number}的提案”');
  });

  it.each([['第{numero}号'], ['第{}号'], ['{Number}'], ['{ number }']])('refuses %s with a RangeError', (template) => {
    expect(() => fillTemplate(template, values)).toThrow(RangeError);
  });

  it('refuses a known placeholder it was given no value for', () => {
    expect(() => fillTemplate('{session}', { number: '1' })).toThrow(RangeError);
  });

  it('does not take inherited properties for values', () => {
    expect(() => fillTemplate('{toString}', {})).toThrow(RangeError);
  });
});

describe('checkTemplatePlaceholders', () => {
  it.each([
    ['对{session}第{number}号{kind}的答复', []],
    ['第{numero}号{kind}的答复', ['numero']],
    ['{a}{b}{a}', ['a', 'b']],
    ['第{}号', ['']],
    ['未闭合的{session', []],
  ])('%s → %j', (template, unknown) => {
    expect(checkTemplatePlaceholders(template, REPLY_TEMPLATE_PLACEHOLDERS)).toEqual(unknown);
  });
});

describe('startingContent', () => {
  it('drafts the 三门峡 letter head: title, the three members, opening, default cc', () => {
    const content = startingContent(CPPCC, SANMENXIA_146, '三门峡市民政局', []);
    expect(content).toEqual({
      title: '对市政协八届一次会议第146号提案的答复',
      addressees: { people: ['姚峥', '左锋杰', '韩冰'], title: '委员', organisation: null, honorific: '' },
      opening: '您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”已收悉。现答复如下：',
      preamble: [],
      sections: [],
      closing: CPPCC.closing,
      headingsOnOwnLine: false,
      issuer: '三门峡市民政局',
      contact: null,
      cc: [
        { recipient: '市政协提案委', copies: 2 },
        { recipient: '市委市政府督查局', copies: 2 },
      ],
      disclosure: { level: Disclosure.Public, reason: null },
      proposedGrade: { grade: null, justification: '' },
    });
  });

  it('answers an NPC suggestion as 建议 to the 代表, copied to the 人大选工委', () => {
    const content = startingContent(NPC, PUYANG_269, '濮阳市民政局', []);
    expect(content.title).toBe('对市九届人大一次会议第269号建议的答复');
    expect(content.addressees).toEqual({ people: ['鲁法中'], title: '代表', organisation: null, honorific: '' });
    expect(content.cc.map((e) => e.recipient)).toEqual(['市人大选工委', '市委市政府督查局']);
  });

  it('answers an organisation alone, with the organisation opening, even when people co-signed', () => {
    const proposal = {
      ...BENXI_1014,
      proposers: [...BENXI_1014.proposers, { name: '张三', kind: 'person' as const }],
    };
    const content = startingContent(CPPCC, proposal, '本溪市民政局', []);
    expect(content.addressees).toEqual({ people: [], title: null, organisation: '民盟本溪市委', honorific: '' });
    expect(content.opening).toBe('您单位提出的“关于应对人口老龄化加快我市养老机构发展的提案”已收悉。现答复如下：');
  });

  it('addresses only the people when an organisation co-signed a member’s proposal', () => {
    const proposal: ProposalForReply = {
      ...SANMENXIA_146,
      proposers: [
        { name: '姚峥', kind: 'person' },
        { name: '民盟三门峡市委', kind: 'organisation' },
        { name: '韩冰', kind: 'person' },
      ],
    };
    expect(startingContent(CPPCC, proposal, '三门峡市民政局', []).addressees.people).toEqual(['姚峥', '韩冰']);
  });

  it.each([
    ['对{session}第{number}号{kind}的答复', '第1014号提案的答复'],
    ['关于对{session}第{number}号{kind}的答复', '关于第1014号提案的答复'],
    ['（{number}号）办理情况的答复', '（1014号）办理情况的答复'],
    ['{session}第{number}号{kind}', '第1014号提案'],
  ])('without a session, %s gives %s (as 焦作 titles its letter)', (titleTemplate, title) => {
    expect(startingContent({ ...CPPCC, titleTemplate }, BENXI_1014, '本溪市民政局', []).title).toBe(title);
  });

  it('prints the template’s honorific before the names (焦作: 尊敬的)', () => {
    const template: ReplyTemplate = { ...CPPCC, honorific: '尊敬的', headingsOnOwnLine: true };
    const content = startingContent(template, SANMENXIA_146, '焦作市民政局', []);
    expect(content.addressees.honorific).toBe('尊敬的');
    expect(content.headingsOnOwnLine).toBe(true);
  });

  it('copies the reply to each co bureau once, after the default recipients, one copy each', () => {
    const content = startingContent(CPPCC, BENXI_1014, '本溪市民政局', [
      '本溪市财政局',
      '本溪市卫生健康委员会',
      '本溪市财政局',
      '市委市政府督查局',
      '本溪市民政局',
    ]);
    expect(content.cc).toEqual([
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
      { recipient: '本溪市财政局', copies: 1 },
      { recipient: '本溪市卫生健康委员会', copies: 1 },
    ]);
  });

  it('gives the draft its own lists: editing them leaves the template as it was', () => {
    const template: ReplyTemplate = structuredClone(CPPCC);
    const content = startingContent(template, SANMENXIA_146, '三门峡市民政局', []);
    content.closing.push('另');
    content.cc[0].copies = 9;
    expect(template).toEqual(CPPCC);
  });

  it('refuses a template with an unknown placeholder rather than printing it', () => {
    expect(() =>
      startingContent({ ...CPPCC, titleTemplate: '第{numero}号' }, SANMENXIA_146, '三门峡市民政局', []),
    ).toThrow(RangeError);
  });
});
