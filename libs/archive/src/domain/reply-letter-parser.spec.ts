import { EXPECTED_LETTERS, readSeedLetter } from '@dafu/testing/seed-letters';
import { parseChineseNumber } from '@dafu/proposals/domain/chinese-numerals';
import { PARSED_FIELDS, ParsedField, parseReplyLetter } from './reply-letter-parser';

/** The expected.json entry as a plain record, `file` left out. */
function expectedFields(file: string): Record<ParsedField, unknown> {
  const entry = EXPECTED_LETTERS.find((letter) => letter.file === file);
  if (!entry) throw new Error(`no expected entry for ${file}`);
  const record = entry as unknown as Record<string, unknown>;
  return Object.fromEntries(PARSED_FIELDS.map((field) => [field, record[field]])) as Record<ParsedField, unknown>;
}

function parsedFields(text: string): Record<ParsedField, unknown> {
  const parsed = parseReplyLetter(text);
  return Object.fromEntries(PARSED_FIELDS.map((field) => [field, parsed[field]])) as Record<ParsedField, unknown>;
}

const FILES = EXPECTED_LETTERS.map((letter) => letter.file);

describe('parseReplyLetter on the seed letters', () => {
  const cases = FILES.flatMap((file) => PARSED_FIELDS.map((field) => [file, field] as const));

  it.each(cases)('%s: %s', (file, field) => {
    const parsed = parseReplyLetter(readSeedLetter(file));
    expect(parsed[field]).toEqual(expectedFields(file)[field]);
  });

  it.each(FILES)('%s: reports no problems', (file) => {
    expect(parseReplyLetter(readSeedLetter(file)).problems).toEqual([]);
  });

  it('covers every field of expected.json', () => {
    for (const letter of EXPECTED_LETTERS) {
      expect(
        Object.keys(letter)
          .filter((key) => key !== 'file')
          .sort(),
      ).toEqual([...PARSED_FIELDS].sort());
    }
  });
});

/* ---------------------------------------------------------------------------------------------- */

const lines = (text: string) => text.split('\n');

/** The title line: the first that says 答复 other than the opening's 现答复如下. */
function titleIndex(text: string): number {
  return lines(text).findIndex((line) => /答\s*复/.test(line) && !/如下|收悉/.test(line));
}

function mutateTitle(text: string, mutate: (line: string) => string): string {
  const all = lines(text);
  const i = titleIndex(text);
  all[i] = mutate(all[i]);
  return all.join('\n');
}

/** Bookmarks at the start of the title, inside the addressee line and at the start of a section. */
function withBookmarks(text: string): string {
  return lines(text)
    .map((line, i) => {
      if (i === titleIndex(text)) return `[bookmark: _GoBack]${line}`;
      if (/^\s*[一二三]、/.test(line)) return `[bookmark: _Toc1306188${i}]${line}`;
      if (/[：:]\s*$/.test(line) && line.length < 30) return line.replace(/[：:]/, '[bookmark: _GoBack]：');
      return line;
    })
    .join('\n');
}

/** Page footers on lines of their own, in the middle of the body and after the letter. */
function withFooters(text: string): string {
  const all = lines(text);
  const start = titleIndex(text) + 3;
  const middle = Math.floor((start + all.length) / 2);
  all.splice(middle, 0, '', '— 1 —', '');
  all.splice(start + 1, 0, '- 2 -');
  return [...all, '－3－', '  — 4 —  '].join('\n');
}

const withCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

const ASCII: Record<string, string> = { '：': ':', '（': '(', '）': ')', '，': ',', '、': ',', '〔': '[', '〕': ']' };

/** ASCII punctuation in the number/signatory/grade, addressee, contact and cc lines. */
function withAsciiPunctuation(text: string): string {
  const title = titleIndex(text);
  return lines(text)
    .map((line, i) => {
      const isHeader = i < title && /签发人|办理结果|〔/.test(line);
      const isAddressee = /^\s*(尊敬的)?[\u4e00-\u9fff、]{2,20}[：:]\s*$/.test(line);
      const isFoot = /联系人|^\s*抄送/.test(line);
      return isHeader || isAddressee || isFoot ? line.replace(/[：（），、〔〕]/g, (ch) => ASCII[ch]) : line;
    })
    .join('\n');
}

/** 对市政协…第146号 / 提案的答复: the title over two lines (濮阳's 228 is split already). */
function withSplitTitle(text: string): string {
  return mutateTitle(text, (line) => {
    const at = line.indexOf('号');
    if (!/答复/.test(line) || at < 0) return line;
    return `${line.slice(0, at + 1)}\n  ${line.slice(at + 1)}`;
  });
}

/** 关于对市政协…会议 / 第146号提案的 / 答复: over three lines (after 会议 or 号, and before 答复). */
function withTitleInThreeLines(text: string): string {
  return mutateTitle(text, (line) => {
    const reply = line.lastIndexOf('答复');
    if (reply < 0) return line;
    const first = line.includes('会议') ? line.indexOf('会议') + 2 : line.indexOf('号') + 1;
    return [line.slice(0, first), line.slice(first, reply), line.slice(reply)].join('\n');
  });
}

/** 答复 → 答    复 in the title. */
const withSpacedReply = (text: string) =>
  mutateTitle(text, (line) => line.replace(/答\s*复/, '答    复').replace(/\s*$/, '\u3000 '));

/** 答复 → 答 复, with full-width spaces around the title. */
const withNarrowSpacedReply = (text: string) =>
  mutateTitle(text, (line) => `\u3000\u3000${line.replace(/答\s*复/, '答 复')}\u3000`);

function withEverything(text: string): string {
  return withCrlf(withFooters(withBookmarks(withAsciiPunctuation(withSpacedReply(withSplitTitle(text))))));
}

const MUTATIONS: [string, (text: string) => string][] = [
  ['bookmarks', withBookmarks],
  ['page footers', withFooters],
  ['CRLF', withCrlf],
  ['ASCII punctuation', withAsciiPunctuation],
  ['title split over two lines', withSplitTitle],
  ['title split over three lines', withTitleInThreeLines],
  ['答    复 spaced out', withSpacedReply],
  ['答 复 spaced out', withNarrowSpacedReply],
  ['all of them at once', withEverything],
];

describe('parseReplyLetter on mutated seed letters', () => {
  it.each(MUTATIONS)('the mutation "%s" changes the text', (_name, mutate) => {
    expect(FILES.some((file) => mutate(readSeedLetter(file)) !== readSeedLetter(file))).toBe(true);
  });

  const cases = MUTATIONS.flatMap(([name, mutate]) => FILES.map((file) => [name, file, mutate] as const));

  it.each(cases)('%s: %s gives the expected fields and no problems', (_name, file, mutate) => {
    const text = mutate(readSeedLetter(file));
    expect(parsedFields(text)).toEqual(expectedFields(file));
    expect(parseReplyLetter(text).problems).toEqual([]);
  });
});

/** Layouts other cities' letters use, made from a seed letter by one change each. */
describe('parseReplyLetter on layouts of other cities', () => {
  const puyang = () => readSeedLetter('puyang-cppcc-9-2-228.txt');
  const sanmenxia = () => readSeedLetter('sanmenxia-cppcc-8-1-146.txt');

  /** Parses the changed letter; the fields named in `changed` must be as given, every other as expected.json says. */
  function expectFields(file: string, text: string, changed: Partial<Record<ParsedField, unknown>> = {}) {
    const parsed = parseReplyLetter(text);
    expect(parsed.problems).toEqual([]);
    expect(parsedFields(text)).toEqual({ ...expectedFields(file), ...changed });
  }

  it('drops page numbers a PDF conversion left: 第 1 页 共 3 页, 2/3, Page 3 of 3', () => {
    const text = puyang()
      .replace('一、建立完善机制', '第 1 页 共 3 页\n一、建立完善机制')
      .replace('二、支持发展多元', '2/3\n二、支持发展多元')
      .concat('\nPage 3 of 3\n');
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('cuts a footer run into the middle of a heading', () => {
    const text = puyang().replace('一、建立完善机制，构建', '一、建立完善机制，构建 — 2 — ');
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('reads a cc list wrapped over two lines', () => {
    const text = puyang().replace('（2份），市委', '（2份），\n        市委');
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('reads a contact over two lines with a dash of another kind in the phone number', () => {
    const text = puyang().replace(
      /（联系人：郭振波\s+联系电话：0393-6687009）/,
      '联系人：郭振波\n联系电话：0393—6687009',
    );
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('reads a contact placed just above the date', () => {
    const text = puyang()
      .replace(/（联系人：郭振波\s+联系电话：0393-6687009）\n/, '')
      .replace(/(\s+2024年6月4日)/, '\n（联系人：郭振波，联系电话：0393-6687009）$1');
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('reads 联系方式 as the phone label', () => {
    const text = puyang().replace('联系电话：', '联系方式：');
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('reads the issuer and the date printed on one line', () => {
    const text = readSeedLetter('benxi-cppcc-1014.txt').replace(
      /本溪市民政局\s*\n\s*2022年2月14日/,
      '本溪市民政局    2022年2月14日',
    );
    expectFields('benxi-cppcc-1014.txt', text);
  });

  it('reads an addressee line that the opening runs on from', () => {
    const text = readSeedLetter('jiaozuo-cppcc-192.txt').replace('岳益民委员：\n', '岳益民委员：');
    expectFields('jiaozuo-cppcc-192.txt', text);
  });

  it('reads the names printed before 等3位委员', () => {
    const text = sanmenxia().replace('姚峥、左锋杰、韩冰委员：', '姚峥、左锋杰等3位委员：');
    expectFields('sanmenxia-cppcc-8-1-146.txt', text, {
      addressees: { people: ['姚峥', '左锋杰'], title: '委员', organisation: null },
    });
  });

  it('takes the issuer from a title that opens with it, and keeps it out of the session label', () => {
    const text = sanmenxia().replace('对市政协八届一次会议', '三门峡市民政局关于对市政协八届一次会议');
    expectFields('sanmenxia-cppcc-8-1-146.txt', text, { issuer: '三门峡市民政局' });
  });

  it.each(['A类', '（A）', 'A类答复', '答复类型：A', '办理结果：A（已解决或基本解决）', '类别：A类'])(
    'reads the grade mark written %s',
    (mark) => {
      const text = sanmenxia().replace('办理结果:A', mark);
      expectFields('sanmenxia-cppcc-8-1-146.txt', text);
    },
  );

  it.each(['中共濮阳市委宣传部', '濮阳市公安局交通警察支队', '中国人民银行濮阳市分行'])(
    'reads the issuer %s',
    (issuer) => {
      const text = puyang().replace('濮阳市民政局', issuer);
      expectFields('puyang-cppcc-9-2-228.txt', text, { issuer });
    },
  );

  it('reads names set apart by spaces', () => {
    const text = sanmenxia().replace('姚峥、左锋杰、韩冰委员：', '姚峥　左锋杰  韩冰委员：');
    expectFields('sanmenxia-cppcc-8-1-146.txt', text);
  });

  it('reads （一）（二） as the headings of a letter that has no 一、二、', () => {
    const text = puyang().replace(/^([一二三])、/gm, (_all, n: string) => `（${n}）`);
    expectFields('puyang-cppcc-9-2-228.txt', text);
  });

  it('does not take 各位委员 for a name', () => {
    const parsed = parseReplyLetter(puyang().replace('刘晓静委员:', '各位委员:'));
    expect(parsed.addressees).toBeNull();
    expect(parsed.problems.map((p) => p.field)).toEqual(['addressees']);
  });

  it('reads a mobile number whole, and a contact line that names the phone with the person', () => {
    const file = 'puyang-cppcc-9-2-228.txt';
    const line = '（联系人：郭振波         联系电话：0393-6687009）';
    expectFields(file, puyang().replace('0393-6687009', '13839312345'), {
      contact: { name: '郭振波', phone: '13839312345' },
    });
    expectFields(file, puyang().replace(line, '联系人及电话：郭振波 0393-6687009'));
    expectFields(file, puyang().replace(line, '联系人：郭振波 0393-6687009'));
    const tooLong = parseReplyLetter(puyang().replace('0393-6687009', '0393-668700912'));
    expect(tooLong.contact).toBeNull();
    expect(tooLong.problems.map((p) => p.field)).toEqual(['contact']);
  });

  it('reads a grade mark printed on the number’s line apart from the number', () => {
    const file = 'sanmenxia-cppcc-8-1-146.txt';
    const text = sanmenxia()
      .replace(
        '三民文〔2023〕21号                  签发人：李立明',
        'A类          三民文〔2023〕21号          签发人：李立明',
      )
      .replace('办理结果:A', '');
    expectFields(file, text);
  });

  it('takes the issuer from a title that opens with it before 对, and keeps it out of the session label', () => {
    const parsed = parseReplyLetter(
      readSeedLetter('jiaozuo-cppcc-192.txt').replace(
        ' 第192号提案的答复',
        '焦作市民政局对市政协十四届二次会议第192号提案的答复函',
      ),
    );
    expect(parsed.session).toEqual({ label: '市政协十四届二次会议', body: 'cppcc', term: 14, sitting: 2 });
    expect(parsed.issuer).toBe('焦作市民政局');
    expect(parsed.proposalNumber).toBe(192);
  });

  it('reads a letter saved from a website, with the page title repeated above its header lines', () => {
    const file = 'puyang-cppcc-9-2-228.txt';
    const page =
      '关于对市政协九届二次会议第228号提案的答复\n' +
      '首页 > 政务公开 > 建议提案办理\n发布时间：2024-06-20 10:20  来源：市民政局  浏览次数：156\n【字体：大 中 小】\n';
    expectFields(file, page + puyang() + '\n【关闭窗口】  【打印本页】\n');
  });

  it('drops conversion bookmarks written with full-width brackets or colon', () => {
    const file = 'sanmenxia-cppcc-8-1-146.txt';
    expectFields(file, sanmenxia().replace('[bookmark: _Toc130618874]', '［bookmark：_Toc130618874］'));
  });

  it('ignores zero-width characters left inside words', () => {
    const file = 'puyang-cppcc-9-2-228.txt';
    expectFields(file, puyang().replace('刘晓静委员', '刘晓静委\u200b员').replace('答  复', '答\ufeff  复'));
  });

  it('reads the quoted title when the proposal number or 题为 stands before it', () => {
    const file = 'puyang-cppcc-9-2-228.txt';
    const opening = '您提出的“关于发展养老事业和养老产业，加强养老服务保障的提案”已收悉。';
    expectFields(file, puyang().replace(opening, opening.replace('您提出的', '您提出的第228号')));
    expectFields(file, puyang().replace(opening, opening.replace('您提出的', '您提出的题为')));
  });

  it('reads headings numbered in figures (1、 2、) when a letter has no 一、 or （一）', () => {
    const file = 'puyang-cppcc-9-2-228.txt';
    const figures = puyang()
      .replace('\n一、建立完善机制', '\n1、建立完善机制')
      .replace('\n二、支持发展多元', '\n2.支持发展多元')
      .replace('\n三、强化人才支撑', '\n3、强化人才支撑');
    expectFields(file, figures);
    // A figure with a decimal point opens no heading.
    const decimal = parseReplyLetter(figures.replace('\n2.支持发展多元', '\n2.5万人支持发展多元'));
    expect(decimal.sectionHeadings).toEqual(['建立完善机制，构建养老服务保障体系']);
  });

  it('reads a person addressed as 同志 as a person without a title, not as an organisation', () => {
    const parsed = parseReplyLetter(sanmenxia().replace('姚峥、左锋杰、韩冰委员：', '姚峥同志：'));
    expect(parsed.addressees).toEqual({ people: ['姚峥'], title: null, organisation: null });
    expect(parsed.problems).toEqual([]);
  });

  it('reports a proposal number, term or sitting beyond any real one instead of keeping it', () => {
    const number = parseReplyLetter(sanmenxia().replace('第146号', '第99999999999号'));
    expect(number.proposalNumber).toBeNull();
    expect(number.problems.map((p) => p.field)).toEqual(['proposalNumber']);
    const term = parseReplyLetter(sanmenxia().replace('八届一次', '一百二十届一次'));
    expect(term.session).toBeNull();
    expect(term.problems.map((p) => p.field)).toContain('session');
    expect(parseReplyLetter(sanmenxia().replace('第146号', '第20230146号')).proposalNumber).toBe(20_230_146);
  });
});

describe('parseReplyLetter on texts that are not letters', () => {
  const notLetters: [string, string][] = [
    ['a random paragraph', '今天天气很好，我们去公园散步，看到许多人在跑步。晚上回家吃饭，然后读了一会儿书。'],
    ['English text', 'The quick brown fox jumps over the lazy dog.\nNothing to see here: really.'],
    ['footers and bookmarks only', '[bookmark: _GoBack]\n— 1 —\n\n- 2 -\n'],
    ['whitespace', ' \r\n\u3000\t\n'],
    ['empty', ''],
  ];

  it.each(notLetters)('%s: every field null and named in problems', (_name, text) => {
    let parsed: ReturnType<typeof parseReplyLetter> | undefined;
    expect(() => (parsed = parseReplyLetter(text))).not.toThrow();
    for (const field of PARSED_FIELDS) expect(parsed![field]).toBeNull();
    expect(parsed!.problems.map((p) => p.field).sort()).toEqual([...PARSED_FIELDS].sort());
    for (const problem of parsed!.problems) expect(problem.reason).not.toBe('');
  });

  it('never throws on the empty string', () => {
    expect(() => parseReplyLetter('')).not.toThrow();
  });

  it('never throws on a letter cut off after its title', () => {
    expect(() => parseReplyLetter('对市政协八届一次会议第146号提案的答复\n')).not.toThrow();
  });
});

describe('parseReplyLetter naming what it cannot read', () => {
  const seed = () => readSeedLetter('puyang-cppcc-9-2-228.txt');

  it('names a contact line it cannot read and leaves contact null', () => {
    const parsed = parseReplyLetter(seed().replace('联系电话：0393-6687009', '联系电话：见附件'));
    expect(parsed.contact).toBeNull();
    expect(parsed.problems.map((p) => p.field)).toEqual(['contact']);
  });

  it('reads a cc entry without a copy count as copies null: the letter does not say', () => {
    const parsed = parseReplyLetter(seed().replace('市政协提案委（2份）', '市政协提案委'));
    expect(parsed.cc).toEqual([
      { recipient: '市政协提案委', copies: null },
      { recipient: '市委市政府督查局', copies: 2 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('names a cc line it cannot read and leaves cc null', () => {
    const parsed = parseReplyLetter(seed().replace('市政协提案委（2份）', '市政协提案委（2分）'));
    expect(parsed.cc).toBeNull();
    expect(parsed.problems.map((p) => p.field)).toEqual(['cc']);
  });

  it('names an impossible date and leaves date null', () => {
    const parsed = parseReplyLetter(seed().replace('2024年6月4日', '2024年2月30日'));
    expect(parsed.date).toBeNull();
    expect(parsed.problems.map((p) => p.field)).toEqual(['date']);
  });

  it.each(['二〇二四年六月四日', '2024.6.4', '2024-06-04', '2024/6/4'])('reads the date written %s', (written) => {
    const parsed = parseReplyLetter(seed().replace('2024年6月4日', written));
    expect(parsed.date).toBe('2024-06-04');
    expect(parsed.problems).toEqual([]);
  });

  it('names a grade mark without a grade', () => {
    const parsed = parseReplyLetter(readSeedLetter('sanmenxia-cppcc-8-1-146.txt').replace('办理结果:A', '办理结果：'));
    expect(parsed.grade).toBeNull();
    expect(parsed.problems.map((p) => p.field)).toEqual(['grade']);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['八', 8],
    ['十', 10],
    ['十四', 14],
    ['二十', 20],
    ['二十三', 23],
    ['一百零二', 102],
    ['二〇二三', 2023],
    ['14', 14],
  ])('%s → %d', (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });

  it.each(['', '甲', '十十', '四五十'])('%s is not a numeral', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  it('reads 第十四届 and 第二次 in a title', () => {
    const text = readSeedLetter('sanmenxia-cppcc-8-1-146.txt').replace(
      '市政协八届一次会议',
      '市政协第十四届第二次会议',
    );
    expect(parseReplyLetter(text).session).toEqual({
      label: '市政协第十四届第二次会议',
      body: 'cppcc',
      term: 14,
      sitting: 2,
    });
  });
});
