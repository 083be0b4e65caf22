import { EXPECTED_LETTERS as EXPECTED, readSeedLetter } from '@dafu/testing/seed-letters';
import { parseLetterSections } from './letter-text-parser';

const read = (file: string) => parseLetterSections(readSeedLetter(file));

describe('parseLetterSections on the seed letters', () => {
  it.each(EXPECTED.map((letter) => [letter.file, letter.sectionHeadings] as const))(
    '%s: the headings are exactly those of expected.json',
    (file, headings) => {
      expect(read(file).sections.map((s) => s.heading)).toEqual(headings);
    },
  );

  it.each(EXPECTED.map((letter) => [letter.file] as const))('%s: every section has its text', (file) => {
    for (const section of read(file).sections) {
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of section.paragraphs) expect(paragraph).toBe(paragraph.trim());
    }
  });

  it('keeps 焦作’s half-width comma in its third heading', () => {
    expect(read('jiaozuo-cppcc-192.txt').sections[2].heading).toBe('养老设施筑基,服务网络基本形成');
  });

  it('drops the Word bookmark before 三门峡’s second heading', () => {
    const { sections } = read('sanmenxia-cppcc-8-1-146.txt');
    expect(sections[1].heading).toBe('聚焦老有所养，加快养老服务设施供给');
    expect(JSON.stringify(sections)).not.toContain('bookmark');
  });

  it('splits a run-in heading from its paragraph at the first full stop (三门峡)', () => {
    const [first] = read('sanmenxia-cppcc-8-1-146.txt').sections;
    expect(first.paragraphs[0].startsWith('我市积极贯彻落实国家、河南省养老服务和康养有关政策法规')).toBe(true);
  });

  it('takes the lines after a heading on its own line as its paragraphs (濮阳)', () => {
    const { sections } = read('puyang-cppcc-9-2-228.txt');
    expect(sections.map((s) => s.paragraphs.map((p) => p.slice(0, 8)))).toEqual([
      ['一是建立完善“四'],
      ['一是推动养老服务'],
      ['立足高质量推进“'],
    ]);
  });

  it.each([
    [
      'sanmenxia-cppcc-8-1-146.txt',
      [],
      ['最后，感谢您对我市养老事业的关心和支持，并希望您在以后的工作中多给我们提供宝贵意见。'],
    ],
    ['jiaozuo-cppcc-192.txt', [], ['感谢您对养老服务工作的关心和支持。']],
    ['puyang-npc-9-1-269.txt', ['首先感谢您', '近年来，市委'], ['随着社区居家', '欢迎各位代表']],
    ['puyang-cppcc-9-2-228.txt', ['首先感谢您', '近年来，濮阳'], ['随着我市基本', '欢迎各位委员']],
    ['benxi-cppcc-1014.txt', ['近年来，市政', '下一步，全市'], []],
  ])('%s: the preamble and closing begin %j and %j', (file, preamble, closing) => {
    const letter = read(file);
    expect(letter.preamble.map((p, i) => p.slice(0, (preamble[i] ?? '').length))).toEqual(preamble);
    expect(letter.closing.map((p, i) => p.slice(0, (closing[i] ?? '').length))).toEqual(closing);
  });

  it('leaves the signature block, contact and cc out of the last section (濮阳)', () => {
    const { sections } = read('puyang-npc-9-1-269.txt');
    const last = sections[sections.length - 1];
    expect(last.paragraphs).toHaveLength(1);
    expect(last.paragraphs[0].startsWith('持续推动“万人助中心”')).toBe(true);
  });

  it('leaves 本溪’s issuer, date and page number out of the last section', () => {
    const { sections } = read('benxi-cppcc-1014.txt');
    const last = sections[sections.length - 1].paragraphs;
    expect(last).toHaveLength(1);
    expect(last[0].endsWith('增加社区养老服务供给能力。')).toBe(true);
  });
});

describe('parseLetterSections', () => {
  it('counts only consecutive numerals as headings', () => {
    const text = [
      '您提出的“X”已收悉。现答复如下：',
      '三、不是标题。',
      '一、第一。正文一',
      '三、仍不是标题',
      '二、第二。正文二',
    ].join('\n');
    expect(parseLetterSections(text)).toEqual({
      preamble: ['三、不是标题。'],
      sections: [
        { heading: '第一', paragraphs: ['正文一', '三、仍不是标题'] },
        { heading: '第二', paragraphs: ['正文二'] },
      ],
      closing: [],
    });
  });

  it('reads a body without opening, numbers or signature as preamble', () => {
    expect(parseLetterSections('\u3000\u3000第一段\r\n\r\n第二段\n')).toEqual({
      preamble: ['第一段', '第二段'],
      sections: [],
      closing: [],
    });
  });

  it('takes only a trailing run of thanks as the closing, and leaves each section a paragraph', () => {
    const text = ['一、唯一部分', '感谢您的关心。', '随着工作推进，情况将好转。', '欢迎多提意见。'].join('\n');
    expect(parseLetterSections(text)).toEqual({
      preamble: [],
      sections: [{ heading: '唯一部分', paragraphs: ['感谢您的关心。'] }],
      closing: ['随着工作推进，情况将好转。', '欢迎多提意见。'],
    });
  });

  it('stops the body at a date, a contact line or a cc line', () => {
    const text = ['一、部分。正文', '2023年7月13日', '尾注'].join('\n');
    expect(parseLetterSections(text).sections).toEqual([{ heading: '部分', paragraphs: ['正文'] }]);
    expect(parseLetterSections('一、部分。正文\n（联系人：王丽）').sections[0].paragraphs).toEqual(['正文']);
    expect(parseLetterSections('一、部分。正文\n抄送：市政协提案委（2份）。').sections[0].paragraphs).toEqual(['正文']);
  });
});
