import { EXPECTED_LETTERS, SEED_LAYOUT, seedSignedLetter } from '@dafu/testing/seed-letters';
import { chineseNumeral } from '@dafu/proposals/domain/chinese-numerals';
import { parseLetterSections } from './letter-text-parser';
import { Disclosure, type ReplyContent } from './reply-content';
import {
  addresseeLine,
  ccLine,
  chineseDate,
  contactLine,
  LINE_WIDTH,
  renderReplyText,
  sectionLines,
  type SignedLetter,
} from './reply-text';

/** n ideographic spaces: how the text pads to the right margin. */
const S = (n: number) => '\u3000'.repeat(n);
const INDENT = S(2);

/** Width in characters as the letter's face sets it: ASCII is half a character. */
function width(line: string): number {
  return [...line].reduce((sum, ch) => sum + ((ch.codePointAt(0) as number) < 0x7f ? 0.5 : 1), 0);
}

/** A shortened 三门峡 reply to proposal 146 (fixtures/seeds/sanmenxia-cppcc-8-1-146.txt). */
const SANMENXIA: ReplyContent = {
  title: '对市政协八届一次会议第146号提案的答复',
  addressees: { people: ['姚峥', '左锋杰', '韩冰'], title: '委员', organisation: null, honorific: '' },
  opening: '您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”收悉。现答复如下：',
  preamble: [],
  sections: [
    {
      heading: '完善政策配套，健全养老服务机制',
      paragraphs: ['我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。'],
      source: null,
    },
    {
      heading: '聚焦老有所养，加快养老服务设施供给',
      paragraphs: [
        '按照城乡统筹、兜住底线、普惠可及的要求，加快补齐养老服务设施短板。',
        '2022年，全市建成县级特困供养机构7个。',
      ],
      source: null,
    },
  ],
  closing: ['最后，感谢您对我市养老事业的关心和支持。'],
  headingsOnOwnLine: false,
  issuer: '三门峡市民政局',
  contact: { name: '王丽', phone: '0398-2868001' },
  cc: [
    { recipient: '市政协提案委', copies: 2 },
    { recipient: '市委市政府督查局', copies: 2 },
  ],
  disclosure: { level: Disclosure.Public, reason: null },
  proposedGrade: { grade: 'A', justification: '所提问题已基本解决' },
};

const SIGNED: SignedLetter = {
  content: SANMENXIA,
  documentNumber: '三民文〔2023〕21号',
  signatoryName: '李立明',
  grade: 'A',
  printGradeMark: true,
  letterDate: '2023-06-30',
};

it('sets 28 characters to a line, as GB/T 9704 does', () => {
  expect(LINE_WIDTH).toBe(28);
});

describe('chineseDate', () => {
  it.each([
    ['2023-07-13', '2023年7月13日'],
    ['2023-07-28', '2023年7月28日'],
    ['2024-06-04', '2024年6月4日'],
    ['2022-02-14', '2022年2月14日'],
    ['2023-10-01', '2023年10月1日'],
    ['2024-02-29', '2024年2月29日'],
    ['2000-02-29', '2000年2月29日'],
    ['2023-12-31', '2023年12月31日'],
  ])('%s → %s', (iso, chinese) => {
    expect(chineseDate(iso)).toBe(chinese);
  });

  it.each([
    '',
    '2023-7-13',
    '2023/07/13',
    '2023-07-13T00:00:00Z',
    ' 2023-07-13',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-02-29',
    '1900-02-29',
    '2023-07-00',
    '２０２３-07-13',
  ])('refuses %p with a RangeError', (input) => {
    expect(() => chineseDate(input)).toThrow(RangeError);
  });
});

describe('addresseeLine', () => {
  it.each([
    [
      { people: ['姚峥', '左锋杰', '韩冰'], title: '委员', organisation: null, honorific: '' },
      '姚峥、左锋杰、韩冰委员：',
    ],
    [{ people: ['鲁法中'], title: '代表', organisation: null, honorific: '' }, '鲁法中代表：'],
    [{ people: ['岳益民'], title: '委员', organisation: null, honorific: '尊敬的' }, '尊敬的岳益民委员：'],
    [{ people: [], title: null, organisation: '民盟本溪市委', honorific: '' }, '民盟本溪市委：'],
    [{ people: [' 姚峥 ', '', '韩冰'], title: '委员', organisation: null, honorific: '' }, '姚峥、韩冰委员：'],
    [{ people: [], title: '委员', organisation: null, honorific: '' }, ''],
  ] as const)('%j → %s', (addressees, line) => {
    expect(addresseeLine({ ...addressees, people: [...addressees.people] })).toBe(line);
  });
});

describe('ccLine', () => {
  it.each([
    [
      [
        { recipient: '市政协提案委', copies: 2 },
        { recipient: '市委市政府督查局', copies: 2 },
      ],
      '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
    ],
    [[{ recipient: '市人大选工委', copies: 2 }], '抄送：市人大选工委（2份）。'],
    [[{ recipient: '本溪市财政局', copies: 1 }], '抄送：本溪市财政局（1份）。'],
    [[], null],
  ])('%j → %s', (cc, line) => {
    expect(ccLine(cc)).toBe(line);
  });
});

describe('contactLine', () => {
  it.each([
    [{ name: '郭振波', phone: '0393-6687009' }, '（联系人：郭振波\u3000联系电话：0393-6687009）'],
    [{ name: ' 郭振波 ', phone: '0393-6687009 ' }, '（联系人：郭振波\u3000联系电话：0393-6687009）'],
    [{ name: '郭振波', phone: '' }, '（联系人：郭振波）'],
    [{ name: '', phone: '' }, null],
    [null, null],
  ])('%j → %s', (contact, line) => {
    expect(contactLine(contact)).toBe(line);
  });
});

describe('sectionLines', () => {
  it('runs the first paragraph on after the heading and its full stop, as 三门峡 does', () => {
    expect(sectionLines(SANMENXIA)).toEqual([
      '一、完善政策配套，健全养老服务机制。我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。',
      '二、聚焦老有所养，加快养老服务设施供给。按照城乡统筹、兜住底线、普惠可及的要求，加快补齐养老服务设施短板。',
      '2022年，全市建成县级特困供养机构7个。',
    ]);
  });

  it('prints each heading on its own line, without a full stop, as 濮阳 does', () => {
    expect(sectionLines({ ...SANMENXIA, headingsOnOwnLine: true })).toEqual([
      '一、完善政策配套，健全养老服务机制',
      '我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。',
      '二、聚焦老有所养，加快养老服务设施供给',
      '按照城乡统筹、兜住底线、普惠可及的要求，加快补齐养老服务设施短板。',
      '2022年，全市建成县级特困供养机构7个。',
    ]);
  });

  it.each([
    ['加强医养结合', '一、加强医养结合。正文'],
    ['加强医养结合。', '一、加强医养结合。正文'],
    ['如何加强医养结合？', '一、如何加强医养结合？正文'],
    ['加强医养结合！', '一、加强医养结合！正文'],
    ['加强医养结合：', '一、加强医养结合：正文'],
    ['加强医养结合；', '一、加强医养结合；正文'],
    [' 加强医养结合 ', '一、加强医养结合。正文'],
  ])('run in, %p reads %s', (heading, line) => {
    expect(
      sectionLines({ headingsOnOwnLine: false, sections: [{ heading, paragraphs: ['正文'], source: null }] }),
    ).toEqual([line]);
  });

  it('numbers past ten as the letters would: 十一、', () => {
    const sections = Array.from({ length: 11 }, (_, i) => ({
      heading: `第${i + 1}部分`,
      paragraphs: [],
      source: null,
    }));
    const lines = sectionLines({ headingsOnOwnLine: true, sections });
    expect(lines[9]).toBe('十、第10部分');
    expect(lines[10]).toBe('十一、第11部分');
  });

  it('prints a paragraph typed with line breaks as separate paragraphs and leaves out blank ones', () => {
    const sections = [{ heading: '标题', paragraphs: ['第一段\n第二段', '  ', '第三段'], source: null }];
    expect(sectionLines({ headingsOnOwnLine: false, sections })).toEqual(['一、标题。第一段', '第二段', '第三段']);
  });
});

describe('renderReplyText', () => {
  it('lays the letter out as the 三门峡 letter is laid out', () => {
    expect(renderReplyText(SIGNED)).toBe(
      [
        `三民文〔2023〕21号${S(12)}签发人：李立明`,
        `${S(22)} 办理结果：A`,
        '',
        `${S(4)} 对市政协八届一次会议第146号提案的答复`,
        '',
        '姚峥、左锋杰、韩冰委员：',
        `${INDENT}您提出的“关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案”收悉。现答复如下：`,
        `${INDENT}一、完善政策配套，健全养老服务机制。我市积极贯彻落实国家、河南省养老服务和康养有关政策法规。`,
        `${INDENT}二、聚焦老有所养，加快养老服务设施供给。按照城乡统筹、兜住底线、普惠可及的要求，加快补齐养老服务设施短板。`,
        `${INDENT}2022年，全市建成县级特困供养机构7个。`,
        `${INDENT}最后，感谢您对我市养老事业的关心和支持。`,
        '',
        `${S(17)}三门峡市民政局`,
        `${S(17)} 2023年6月30日`,
        '',
        '（联系人：王丽\u3000联系电话：0398-2868001）',
        '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
        '',
      ].join('\n'),
    );
  });

  it('ends 签发人, 办理结果 on the right margin, and the date four characters short of it', () => {
    const lines = renderReplyText(SIGNED).split('\n');
    expect(width(lines[0])).toBe(LINE_WIDTH);
    expect(width(lines[1])).toBe(LINE_WIDTH);
    const date = lines.find((line) => line.endsWith('2023年6月30日'))!;
    expect(width(date)).toBe(LINE_WIDTH - 4);
  });

  it.each([
    ['no number', { documentNumber: null }, `${S(21)}签发人：李立明`],
    ['no signatory', { signatoryName: null }, '三民文〔2023〕21号'],
  ])('with %s, the header line keeps the rest in place', (_name, change, header) => {
    expect(renderReplyText({ ...SIGNED, ...change }).split('\n')[0]).toBe(header);
  });

  it.each([
    ['printGradeMark is off', { printGradeMark: false }],
    ['there is no grade', { grade: null }],
  ])('leaves out 办理结果 when %s', (_name, change) => {
    const text = renderReplyText({ ...SIGNED, ...change });
    expect(text).not.toContain('办理结果');
    expect(text.split('\n').slice(0, 2)).toEqual([`三民文〔2023〕21号${S(12)}签发人：李立明`, '']);
  });

  it('starts with the title when there is no number, signatory or grade mark (a draft preview)', () => {
    const text = renderReplyText({ ...SIGNED, documentNumber: null, signatoryName: null, printGradeMark: false });
    expect(text.split('\n')[0]).toBe(`${S(4)} 对市政协八届一次会议第146号提案的答复`);
  });

  it('ends with the date when there is no contact and no cc', () => {
    const text = renderReplyText({ ...SIGNED, content: { ...SANMENXIA, contact: null, cc: [] } });
    expect(text.endsWith(`${S(17)} 2023年6月30日\n`)).toBe(true);
  });

  it('prints the date alone when the issuer is blank', () => {
    const lines = renderReplyText({ ...SIGNED, content: { ...SANMENXIA, issuer: ' ' } }).split('\n');
    const at = lines.indexOf(`${S(17)} 2023年6月30日`);
    expect(lines[at - 1]).toBe('');
  });

  it('breaks a title too long for one line before 答复, as 濮阳 does, and centres both lines', () => {
    const title = '关于对市政协九届二次会议第228号提案及重点提案办理情况的答复';
    const lines = renderReplyText({ ...SIGNED, content: { ...SANMENXIA, title } }).split('\n');
    expect(lines.slice(3, 5).map((line) => line.trim())).toEqual([
      '关于对市政协九届二次会议第228号提案及重点提案办理情况的',
      '答复',
    ]);
    expect(lines[4]).toBe(`${S(13)}答复`);
  });

  it('breaks a long title that does not end in 的答复 into full lines', () => {
    const title = '关于对市政协九届二次会议第228号提案及相关重点提案办理情况的答复意见函';
    const lines = renderReplyText({ ...SIGNED, content: { ...SANMENXIA, title } }).split('\n');
    const titleLines = lines.slice(3, lines.indexOf('', 3));
    expect(titleLines.map((line) => line.trim()).join('')).toBe(title);
    expect(titleLines).toHaveLength(2);
    for (const line of titleLines) expect(width(line)).toBeLessThanOrEqual(LINE_WIDTH);
  });

  it('answers an organisation on the addressee line', () => {
    const content: ReplyContent = {
      ...SANMENXIA,
      addressees: { people: [], title: null, organisation: '民盟本溪市委', honorific: '' },
    };
    expect(renderReplyText({ ...SIGNED, content }).split('\n')).toContain('民盟本溪市委：');
  });

  it('gives the same text for the same letter and leaves no trailing blanks', () => {
    const text = renderReplyText(SIGNED);
    expect(renderReplyText(structuredClone(SIGNED))).toBe(text);
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('refuses a letter date that is not YYYY-MM-DD', () => {
    expect(() => renderReplyText({ ...SIGNED, letterDate: '2023-06-31' })).toThrow(RangeError);
  });
});

describe.each(EXPECTED_LETTERS.map((expected) => [expected.file, expected] as const))(
  'the seed letter %s, rendered again',
  (file, expected) => {
    const letter = seedSignedLetter(expected);
    const text = renderReplyText(letter);
    const lines = text.split('\n');
    const { people, title, organisation } = expected.addressees;

    it('carries every section heading, numbered 一、二、…', () => {
      expected.sectionHeadings.forEach((heading, i) => {
        const numbered = `${INDENT}${chineseNumeral(i + 1)}、${heading}`;
        if (SEED_LAYOUT[file].headingsOnOwnLine) expect(lines).toContain(numbered);
        else expect(lines.some((line) => line.startsWith(`${numbered}。`))).toBe(true);
      });
      expect(lines.filter((line) => /^\u3000\u3000[一二三四五六七八九十]+、/.test(line))).toHaveLength(
        expected.sectionHeadings.length,
      );
    });

    it('answers the proposers on the addressee line', () => {
      const names = organisation ?? `${people.join('、')}${title}`;
      expect(lines).toContain(`${SEED_LAYOUT[file].honorific}${names}：`);
    });

    it('carries the number, signatory and grade mark the letter has', () => {
      if (expected.documentNumber) expect(lines[0].startsWith(expected.documentNumber)).toBe(true);
      if (expected.signatory) expect(lines[0].endsWith(`签发人：${expected.signatory}`)).toBe(true);
      if (expected.grade) expect(lines[1]).toMatch(new RegExp(`^\u3000+ ?办理结果：${expected.grade}$`));
      if (!expected.documentNumber && !expected.signatory) expect(text).not.toContain('签发人');
    });

    it('carries the date, the issuer, the contact and the cc entries with their copies', () => {
      if (expected.date) {
        const [y, m, d] = expected.date.split('-').map(Number);
        expect(lines.map((line) => line.trim())).toContain(`${y}年${m}月${d}日`);
      }
      if (expected.issuer) expect(lines.map((line) => line.trim())).toContain(expected.issuer);
      if (expected.contact) {
        expect(lines).toContain(`（联系人：${expected.contact.name}\u3000联系电话：${expected.contact.phone}）`);
      } else {
        expect(text).not.toContain('联系人');
      }
      for (const entry of expected.cc) expect(text).toContain(`${entry.recipient}（${entry.copies}份）`);
      expect(lines.filter((line) => line.startsWith('抄送：'))).toEqual(
        expected.cc.length > 0 ? [ccLine(expected.cc)] : [],
      );
    });

    it('reads back into the same preamble, sections and closing', () => {
      const parsed = parseLetterSections(text);
      const { content } = letter;
      expect(parsed).toEqual({
        preamble: content.preamble,
        sections: content.sections.map(({ heading, paragraphs }) => ({ heading, paragraphs })),
        closing: content.closing,
      });
    });
  },
);
