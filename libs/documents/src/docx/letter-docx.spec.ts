import JSZip from 'jszip';
import { EXPECTED_LETTERS, seedSignedLetter } from '@dafu/testing/seed-letters';
import { composeLetter, LetterFormat, type Letter } from '../domain/letter';
import { DEBIAN_LETTER_FONTS, type LetterFonts } from '../fonts/letter-fonts';
import { renderLetterDocx } from './letter-docx';

/** The faces offices have: every weight regular, so the DOCX must name each family exactly as given. */
const OFFICE_FONTS: LetterFonts = {
  body: { family: '仿宋_GB2312', path: '/fonts/fs.ttf', weight: 400 },
  title: { family: '方正小标宋简体', path: '/fonts/xbs.ttf', weight: 400 },
  heading: { family: '黑体', path: '/fonts/hei.ttf', weight: 400 },
  kai: { family: '楷体_GB2312', path: '/fonts/kai.ttf', weight: 400 },
};

/** 1 × 1 PNG. */
const SEAL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function sampleLetter(overrides: Partial<Letter> = {}): Letter {
  return {
    format: LetterFormat.Document,
    headerTitle: '三门峡市民政局文件',
    documentNumber: '三民文〔2023〕21号',
    signatoryLine: '签发人：李立明',
    gradeMark: '办理结果：A',
    title: '对市政协八届一次会议第146号提案的答复',
    addresseeLine: '姚峥、左锋杰、韩冰委员：',
    openingParagraphs: ['您提出的“关于推动老龄事业发展的提案”已收悉。现答复如下：'],
    sections: [
      { number: '一、', heading: '完善政策配套，健全养老服务机制', paragraphs: ['我市积极贯彻落实。', '第二段。'] },
      { number: '二、', heading: '聚焦老有所养', paragraphs: ['加快养老服务设施供给。'] },
    ],
    headingsOnOwnLine: false,
    closingParagraphs: ['感谢您对民政工作的关心和支持。'],
    issuer: '三门峡市民政局',
    date: '2023年7月13日',
    contactLine: '（联系人：郭振波\u3000联系电话：0393-6687009）',
    ccLine: '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
    seal: { content: SEAL_PNG, contentType: 'image/png' },
    signedOn: '2023-07-13',
    ...overrides,
  };
}

interface Rendered {
  zip: JSZip;
  document: string;
  part(path: string): Promise<string>;
  /** The part a section's w:headerReference / w:footerReference of this type points to, or null. */
  sectionPart(kind: 'header' | 'footer', type: 'default' | 'first' | 'even'): Promise<string | null>;
}

async function open(docx: Buffer): Promise<Rendered> {
  const zip = await JSZip.loadAsync(docx);
  const part = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (file === null) throw new Error(`No ${path} in the DOCX`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const relationships = await part('word/_rels/document.xml.rels');
  return {
    zip,
    document,
    part,
    async sectionPart(kind, type) {
      const reference = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(document);
      if (reference === null) return null;
      const target = new RegExp(
        `Id="${reference[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${reference[1]}"`,
      ).exec(relationships);
      return part(`word/${target![1] ?? target![2]}`);
    },
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Each paragraph's text: its w:t contents joined (a paragraph holds no nested paragraphs here). */
function paragraphTexts(xml: string): string[] {
  const paragraphs = xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(''))
    .filter((text) => text !== '');
}

function runs(xml: string): { text: string; properties: string }[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((run) => ({
    text: [...run[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(''),
    properties: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run[1])?.[1] ?? '',
  }));
}

function eastAsiaFontOf(xml: string, text: string): string | undefined {
  const run = runs(xml).find((r) => r.text.includes(text));
  if (run === undefined) throw new Error(`No run holds "${text}"`);
  return /w:eastAsia="([^"]*)"/.exec(run.properties)?.[1];
}

function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Every printed string of the letter, in reading order (the grade mark sits above the header). */
function printedInOrder(letter: Letter): string[] {
  return [
    ...(letter.gradeMark === null ? [] : [letter.gradeMark]),
    letter.headerTitle,
    letter.documentNumber,
    letter.signatoryLine,
    letter.title,
    letter.addresseeLine,
    ...letter.openingParagraphs,
    ...letter.sections.flatMap((s) => [`${s.number}${s.heading}`, ...s.paragraphs]),
    ...letter.closingParagraphs,
    letter.issuer,
    letter.date,
    ...(letter.contactLine === null ? [] : [letter.contactLine]),
    ...(letter.ccLine === null ? [] : [letter.ccLine]),
  ].flatMap(lines);
}

/** The text a reader sees from the top of page 1: the first page's header (信函格式 prints the name there), then the body. */
async function readingText(rendered: Rendered): Promise<string> {
  const firstHeader = await rendered.sectionPart('header', 'first');
  return [...paragraphTexts(firstHeader ?? ''), ...paragraphTexts(rendered.document)].join('\n');
}

function expectInOrder(text: string, expected: string[]): void {
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(piece, from);
    if (at < 0) throw new Error(`"${piece}" is missing after position ${from} of:\n${text}`);
    from = at + piece.length;
  }
}

describe('renderLetterDocx', () => {
  describe('文件格式', () => {
    let rendered: Rendered;
    const letter = sampleLetter();

    beforeAll(async () => {
      rendered = await open(await renderLetterDocx(letter, OFFICE_FONTS));
    });

    it('prints every paragraph of the letter in reading order', async () => {
      expectInOrder(await readingText(rendered), printedInOrder(letter));
    });

    it('runs a heading in before its first paragraph, in Hei, with a full stop', () => {
      const paragraphs = paragraphTexts(rendered.document);
      expect(paragraphs).toContain('一、完善政策配套，健全养老服务机制。我市积极贯彻落实。');
      expect(eastAsiaFontOf(rendered.document, '一、完善政策配套')).toBe('黑体');
      expect(eastAsiaFontOf(rendered.document, '我市积极贯彻落实')).toBe('仿宋_GB2312');
    });

    it('declares each face for East Asian text', () => {
      const { document } = rendered;
      expect(eastAsiaFontOf(document, letter.headerTitle)).toBe('方正小标宋简体');
      expect(eastAsiaFontOf(document, letter.title)).toBe('方正小标宋简体');
      expect(eastAsiaFontOf(document, letter.addresseeLine)).toBe('仿宋_GB2312');
      expect(eastAsiaFontOf(document, '感谢您对民政工作')).toBe('仿宋_GB2312');
      expect(eastAsiaFontOf(document, letter.date)).toBe('仿宋_GB2312');
      expect(eastAsiaFontOf(document, '李立明')).toBe('楷体_GB2312');
      expect(eastAsiaFontOf(document, letter.gradeMark!)).toBe('黑体');
    });

    it('prints the 发文机关标志 in red, and a red rule under the number', () => {
      const header = runs(rendered.document).find((r) => r.text === letter.headerTitle)!;
      expect(header.properties).toContain('<w:color w:val="FF0000"/>');
      const numberLine = rendered.document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*三民文〔2023〕21号[\s\S]*?<\/w:p>/)![0];
      expect(numberLine).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
      expect(numberLine).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    });

    it('sets A4, the GB/T 9704 margins and Word’s 22 × 28 grid', () => {
      const { document } = rendered;
      expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1980" w:left="1587"/);
      expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="580" w:charSpace="-848"/>');
    });

    it('numbers every page, odd pages right and even pages left', async () => {
      const odd = (await rendered.sectionPart('footer', 'default'))!;
      const even = (await rendered.sectionPart('footer', 'even'))!;
      for (const footer of [odd, even]) {
        expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
        expect(paragraphTexts(footer)).toEqual(['—  —']);
      }
      expect(odd).toContain('<w:jc w:val="right"/>');
      expect(even).toContain('<w:jc w:val="left"/>');
      expect(rendered.document).not.toMatch(/<w:titlePg\/>|<w:titlePg w:val="true"\/>/);
    });

    it('puts the cc line between two full-width rules', () => {
      const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(rendered.document)![0];
      expect(paragraphTexts(table)).toEqual([letter.ccLine]);
      expect(table).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*\/><w:left w:val="none"/);
      expect(table).toMatch(/<w:bottom w:val="single"/);
    });

    it('floats the seal behind the issuer and date', async () => {
      const media = rendered.zip.file(/^word\/media\//);
      expect(media).toHaveLength(1);
      expect(await media[0].async('nodebuffer')).toEqual(SEAL_PNG);
      expect(rendered.document).toMatch(/<wp:anchor[^>]*behindDoc="1"/);
    });
  });

  describe('信函格式', () => {
    let rendered: Rendered;
    const letter = sampleLetter({
      format: LetterFormat.Letter,
      headerTitle: '三门峡市民政局',
      headingsOnOwnLine: true,
    });

    beforeAll(async () => {
      rendered = await open(await renderLetterDocx(letter, OFFICE_FONTS));
    });

    it('prints every paragraph of the letter in reading order', async () => {
      expectInOrder(await readingText(rendered), printedInOrder(letter));
    });

    it('sets headings on their own line in Hei, without an added full stop', () => {
      const paragraphs = paragraphTexts(rendered.document);
      expect(paragraphs).toContain('一、完善政策配套，健全养老服务机制');
      expect(paragraphs).toContain('我市积极贯彻落实。');
      expect(eastAsiaFontOf(rendered.document, '一、完善政策配套')).toBe('黑体');
    });

    it('prints the red name in the first page’s header, and no page number on page 1', async () => {
      expect(rendered.document).toMatch(/<w:titlePg\/>|<w:titlePg w:val="true"\/>/);
      const firstHeader = (await rendered.sectionPart('header', 'first'))!;
      expect(paragraphTexts(firstHeader)).toEqual([letter.gradeMark, letter.headerTitle]);
      expect(runs(firstHeader).find((r) => r.text === letter.headerTitle)!.properties).toContain('FF0000');
      const firstFooter = (await rendered.sectionPart('footer', 'first'))!;
      expect(firstFooter).not.toContain('PAGE');
      expect(paragraphTexts(firstFooter)).toEqual([]);
      expect(await rendered.sectionPart('footer', 'default')).toContain('PAGE');
    });

    it('prints the number flush right, 签发人 under it', () => {
      const [number, signatory] = paragraphTexts(rendered.document);
      expect([number, signatory]).toEqual([letter.documentNumber, letter.signatoryLine]);
    });
  });

  /** Just enough of each format for the size to be read: a PNG's IHDR, a JPEG's SOF0 after an APP0. */
  const widePng = Buffer.from(SEAL_PNG);
  widePng.writeUInt32BE(300, 16);
  widePng.writeUInt32BE(100, 20);
  const tallJpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.alloc(14),
    Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x00, 0x64, 0x03]),
    Buffer.alloc(9),
    Buffer.from([0xff, 0xd9]),
  ]);

  it.each([
    ['a wide PNG', widePng, 'image/png', 3],
    ['a tall JPEG', tallJpeg, 'image/jpeg', 0.5],
    ['a square PNG', SEAL_PNG, 'image/png', 1],
  ] as const)('fits %s into the 42 mm square, keeping its proportions', async (_, content, contentType, ratio) => {
    const rendered = await open(await renderLetterDocx(sampleLetter({ seal: { content, contentType } }), OFFICE_FONTS));
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(rendered.document)!.map(Number);
    const sealEmus = (42 / 25.4) * 914400;
    expect(Math.max(cx, cy)).toBeCloseTo(sealEmus, -4);
    expect(cx / cy).toBeCloseTo(ratio, 2);
  });

  it('leaves out what a letter does not have', async () => {
    const letter = sampleLetter({ gradeMark: null, seal: null, contactLine: null, ccLine: null });
    const rendered = await open(await renderLetterDocx(letter, OFFICE_FONTS));
    const text = await readingText(rendered);
    expect(text).not.toContain('办理结果');
    expect(text).not.toContain('联系人');
    expect(text).not.toContain('抄送');
    expect(rendered.zip.file(/^word\/media\//)).toHaveLength(0);
    expect(rendered.document).not.toContain('<wp:anchor');
    expectInOrder(text, printedInOrder(letter));
  });

  it('names the Black weight of a collection by its Office family name', async () => {
    const rendered = await open(await renderLetterDocx(sampleLetter(), DEBIAN_LETTER_FONTS));
    expect(eastAsiaFontOf(rendered.document, '对市政协八届一次会议')).toBe('Noto Serif CJK SC Black');
    expect(eastAsiaFontOf(rendered.document, '我市积极贯彻落实')).toBe(DEBIAN_LETTER_FONTS.body.family);
    expect(eastAsiaFontOf(rendered.document, '一、完善政策配套')).toBe(DEBIAN_LETTER_FONTS.heading.family);
  });

  describe.each(EXPECTED_LETTERS.map((expected) => [expected.file, expected] as const))(
    'seed letter %s',
    (_, expected) => {
      const signed = seedSignedLetter(expected);
      const unsigned = signed.documentNumber === null || signed.signatoryName === null;
      const letterIn = (format: LetterFormat): Letter =>
        composeLetter(unsigned ? { ...signed, documentNumber: 'X〔2023〕1号', signatoryName: '某某' } : signed, {
          format,
          headerTitle: '某市民政局',
          printsGradeMark: true,
          seal: null,
        });

      it.each([LetterFormat.Document, LetterFormat.Letter])('prints every paragraph in order (%s)', async (format) => {
        const letter = letterIn(format);
        const rendered = await open(await renderLetterDocx(letter, DEBIAN_LETTER_FONTS));
        expectInOrder(await readingText(rendered), printedInOrder(letter));
        for (const heading of expected.sectionHeadings) expect(rendered.document).toContain(heading);
      });
    },
  );

  describe('repeatability', () => {
    /** docx reads the clock for core.xml and for the zip entries' times; timers stay real so its promises run. */
    const fakeOnlyTheClock = (now: Date): void => {
      jest.useFakeTimers({
        now,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    };

    afterEach(() => jest.useRealTimers());

    it('gives the same bytes for the same letter, whatever the clock says', async () => {
      const letter = sampleLetter();
      fakeOnlyTheClock(new Date('2024-02-29T13:37:11Z'));
      const first = await renderLetterDocx(letter, DEBIAN_LETTER_FONTS);
      jest.setSystemTime(new Date('2031-11-05T23:59:58Z'));
      const second = await renderLetterDocx(letter, DEBIAN_LETTER_FONTS);
      expect(second.equals(first)).toBe(true);

      const rendered = await open(first);
      const core = await rendered.part('docProps/core.xml');
      expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-07-13T00:00:00Z</dcterms:created>');
      expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-07-13T00:00:00Z</dcterms:modified>');
      expect(core).toContain(`<dc:title>${letter.title}</dc:title>`);
      expect(core).toContain(`<cp:keywords>${letter.documentNumber}</cp:keywords>`);
      expect(core).toContain(`<dc:creator>${letter.issuer}</dc:creator>`);
      for (const entry of Object.values(rendered.zip.files)) {
        expect([entry.date.getUTCFullYear(), entry.date.getUTCMonth() + 1, entry.date.getUTCDate()]).toEqual([
          2023, 7, 13,
        ]);
      }
    });
  });

  it('keeps hostile text intact', async () => {
    const unbroken = 'W'.repeat(3000);
    const unbrokenHanzi = '长'.repeat(600);
    const letter = sampleLetter({
      headerTitle: '<b>&amp;"民政局"</b>',
      title: `关于"<script>alert('x')</script>"&的答复`,
      addresseeLine: '🧓🏽张三 & 李四 <委员>：',
      openingParagraphs: [unbroken, unbrokenHanzi],
      sections: [{ number: '一、', heading: 'A & B < C > D "E"', paragraphs: ["]]><![CDATA[ 👍 ']"] }],
      issuer: 'R&D <局>',
      documentNumber: '<号>&"',
    });
    const rendered = await open(await renderLetterDocx(letter, OFFICE_FONTS));
    expectInOrder(await readingText(rendered), printedInOrder(letter));
    const paragraphs = paragraphTexts(rendered.document);
    expect(paragraphs).toContain(unbroken);
    expect(paragraphs).toContain('一、A & B < C > D "E"。]]><![CDATA[ 👍 \']');
    expect(rendered.document).not.toContain('<script>');
    const core = await rendered.part('docProps/core.xml');
    expect(unescapeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)![1])).toBe(letter.title);
    expect(unescapeXml(/<dc:creator>([^<]*)<\/dc:creator>/.exec(core)![1])).toBe(letter.issuer);
  });

  it('drops characters XML cannot carry rather than writing a corrupt file', async () => {
    const letter = sampleLetter({ closingParagraphs: ['控制\u0001字符\u000B与孤立代理\uD800项'] });
    const rendered = await open(await renderLetterDocx(letter, OFFICE_FONTS));
    expect(paragraphTexts(rendered.document)).toContain('控制字符与孤立代理项');
  });

  it('refuses a signing date it cannot put in the file', async () => {
    await expect(renderLetterDocx(sampleLetter({ signedOn: '13/07/2023' }), OFFICE_FONTS)).rejects.toThrow(RangeError);
  });
});
