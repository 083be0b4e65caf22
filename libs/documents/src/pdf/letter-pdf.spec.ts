import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sealPng } from '@dafu/testing/letters';
import { type PdfLine, type PdfText, pdfLines, pdfPlainText, readPdfText } from '@dafu/testing/pdf-text';
import { EXPECTED_LETTERS, seedSignedLetter } from '@dafu/testing/seed-letters';
import { composeLetter, type Letter, LetterFormat } from '../domain/letter';
import { DEBIAN_LETTER_FONTS } from '../fonts/letter-fonts';
import { LetterPdfRenderer, LetterRenderError } from './letter-pdf';

const run = promisify(execFile);

/** GB/T 9704-2012: 28 characters in 156 mm, 22 lines in 225 mm, the block 37 mm from the top. */
const CHAR_PITCH_MM = 156 / 28;
const LINE_PITCH_MM = 225 / 22;
const BLOCK_LEFT_MM = 28;
const BLOCK_RIGHT_MM = 184;
const MM_PER_PT = 25.4 / 72;
/** The baseline of the first line: the top of the block plus the 16 pt em box's ascent (0.88 em). */
const FIRST_BASELINE_MM = 37 + 0.88 * 16 * MM_PER_PT;
const TOLERANCE_MM = 0.05;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

const compact = (text: string) => text.replace(/\s+/g, '');

/** Common hanzi, no punctuation: lines of them must fill the grid exactly. */
const HANZI =
  '的一是在不了有和人这中大为上们个国我以要他时来用生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

function hanzi(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => HANZI[(seed * 131 + i * 7) % HANZI.length]).join('');
}

const LENGTHS = [61, 143, 27, 230, 95, 56, 181, 33, 120, 75, 200, 44];
let paragraphSeed = 0;
const paragraph = () => hanzi(++paragraphSeed, LENGTHS[paragraphSeed % LENGTHS.length]);

/** Long enough for three pages and more; every body paragraph pure CJK. */
const LONG_LETTER: Letter = {
  format: LetterFormat.Document,
  headerTitle: '三门峡市民政局文件',
  documentNumber: '三民文〔2023〕21号',
  signatoryLine: '签发人：李立明',
  gradeMark: '办理结果：A',
  title: '对市政协八届一次会议第146号提案的答复',
  addresseeLine: '姚峥、左锋杰、韩冰委员：',
  openingParagraphs: [paragraph(), paragraph()],
  sections: ['一、', '二、', '三、'].map((number, i) => ({
    number,
    heading: hanzi(100 + i, 12),
    paragraphs: [paragraph(), paragraph(), paragraph()],
  })),
  headingsOnOwnLine: true,
  closingParagraphs: [paragraph()],
  issuer: '三门峡市民政局',
  date: '2023年7月13日',
  contactLine: '（联系人：郭振波\u3000联系电话：0393-6687009）',
  ccLine: '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
  seal: null,
  signedOn: '2023-07-13',
};

/** Runs a poppler tool (pdffonts, pdfimages) on the PDF and returns its table rows. */
async function popplerRows(tool: 'pdffonts' | 'pdfimages', pdf: Buffer): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-letter-pdf-'));
  try {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(tool, tool === 'pdfimages' ? ['-list', file] : [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function bodyLines(text: PdfText): PdfLine[] {
  return pdfLines(text).filter((line) => !PAGE_NUMBER.test(line.text));
}

/** The lines each paragraph was set on, found in reading order. */
function linesOfParagraphs(lines: PdfLine[], paragraphs: string[]): PdfLine[][] {
  let next = 0;
  return paragraphs.map((text) => {
    while (next < lines.length && !text.startsWith(compact(lines[next].text))) next += 1;
    const own: PdfLine[] = [];
    let rest = text;
    while (rest !== '' && next < lines.length) {
      const line = compact(lines[next].text);
      expect(rest.startsWith(line)).toBe(true);
      own.push(lines[next]);
      rest = rest.slice(line.length);
      next += 1;
    }
    expect(rest).toBe('');
    return own;
  });
}

function expectClose(actual: number, expected: number, tolerance = TOLERANCE_MM): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

/** Each string found after the one before it. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) throw new Error(`"${part}" not found after position ${from} in:\n${text}`);
    from = at + part.length;
  }
}

/** The five real letters, in both formats by turns; those without a number or signatory get one. */
const SEED_LETTERS = EXPECTED_LETTERS.map((expected, i) => {
  const signed = seedSignedLetter(expected);
  return composeLetter(
    {
      ...signed,
      documentNumber: signed.documentNumber ?? 'X〔2023〕1号',
      signatoryName: signed.signatoryName ?? '某某',
      grade: signed.grade ?? 'B',
      printGradeMark: true,
    },
    {
      format: i % 2 === 0 ? LetterFormat.Document : LetterFormat.Letter,
      headerTitle: i % 2 === 0 ? `${expected.issuer ?? '市民政局'}文件` : (expected.issuer ?? '市民政局'),
      printsGradeMark: true,
      seal: null,
    },
  );
});

const HOSTILE_TITLE = '*粗体* _斜体_ #set page(width: 1cm) $x^2$ @ref <lbl> [a] \\ "引号" `raw`';

describe('LetterPdfRenderer', () => {
  let renderer: LetterPdfRenderer;
  let documentPdf: Buffer;
  let documentText: PdfText;
  let letterText: PdfText;
  let hostileText: PdfText;
  let seedTexts: PdfText[];

  // Every PDF read back at once: each read is a Node process of its own.
  beforeAll(async () => {
    renderer = new LetterPdfRenderer(DEBIAN_LETTER_FONTS);
    documentPdf = renderer.render(LONG_LETTER);
    const letterPdf = renderer.render({ ...LONG_LETTER, format: LetterFormat.Letter, headerTitle: '三门峡市民政局' });
    const hostilePdf = renderer.render({ ...LONG_LETTER, title: HOSTILE_TITLE });
    const seedPdfs = SEED_LETTERS.map((letter) => renderer.render(letter));
    [documentText, letterText, hostileText, ...seedTexts] = await Promise.all(
      [documentPdf, letterPdf, hostilePdf, ...seedPdfs].map((pdf) => readPdfText(pdf)),
    );
  });

  it('sets every full line of a paragraph as 28 characters from 28 mm to 184 mm, 5.571 mm apart', () => {
    const paragraphs = [
      ...LONG_LETTER.openingParagraphs,
      ...LONG_LETTER.sections.flatMap((section) => section.paragraphs),
      ...LONG_LETTER.closingParagraphs,
    ];
    for (const text of [documentText, letterText]) {
      const fullLines = linesOfParagraphs(bodyLines(text), paragraphs).flatMap((lines) =>
        lines.slice(0, -1).map((line, i) => ({ line, first: i === 0 })),
      );
      expect(fullLines.length).toBeGreaterThan(40);
      for (const { line, first } of fullLines) {
        const glyphs = line.glyphs.filter((glyph) => glyph.text.trim() !== '');
        const indent = first ? 2 : 0;
        expect(glyphs).toHaveLength(28 - indent);
        glyphs.forEach((glyph, i) => {
          expectClose(glyph.xMm, BLOCK_LEFT_MM + (indent + i) * CHAR_PITCH_MM);
          expect(glyph.fontName).toMatch(/\+FandolFang-Regular$/);
          expect(glyph.fontSizePt).toBe(16);
        });
        expectClose(glyphs[glyphs.length - 1].xMm + 16 * MM_PER_PT, BLOCK_RIGHT_MM, 0.1);
      }
    }
  });

  it('fills a full page with 22 lines 10.227 mm apart, and keeps later pages on the same grid', () => {
    for (const text of [documentText, letterText]) {
      expect(text.pages.length).toBeGreaterThanOrEqual(3);
      const pageTwo = bodyLines(text).filter((line) => line.page === 2);
      expect(pageTwo).toHaveLength(22);
      pageTwo.forEach((line, i) => expectClose(line.yMm, FIRST_BASELINE_MM + i * LINE_PITCH_MM));

      const laterLines = bodyLines(text).filter((line) => line.page > 1 && line.items[0].fontSizePt === 16);
      for (const line of laterLines) {
        const steps = (line.yMm - FIRST_BASELINE_MM) / LINE_PITCH_MM;
        expectClose(steps * LINE_PITCH_MM, Math.round(steps) * LINE_PITCH_MM);
      }
    }
  });

  it('numbers pages — n — at the foot, even pages left and odd pages right, one character in', () => {
    const numbers = (text: PdfText) =>
      pdfLines(text)
        .filter((line) => PAGE_NUMBER.test(line.text))
        .map((line) => ({ ...line, text: compact(line.text) }));
    const documentNumbers = numbers(documentText);
    expect(documentNumbers.map((line) => line.text)).toEqual(documentText.pages.map((page) => `—${page.number}—`));
    const oneChar = 14 * MM_PER_PT;
    for (const line of documentNumbers) {
      expect(line.items[0].fontSizePt).toBe(14);
      if (line.page % 2 === 0) expectClose(line.xStartMm, BLOCK_LEFT_MM + oneChar, 0.1);
      else expectClose(line.xEndMm, BLOCK_RIGHT_MM - oneChar, 0.3);
    }
    // 信函格式 prints no number on page 1.
    expect(numbers(letterText).map((line) => line.text)).toEqual(
      letterText.pages.slice(1).map((page) => `—${page.number}—`),
    );
  });

  it('prints the number, 签发人, grade mark and title on page 1', () => {
    for (const text of [documentText, letterText]) {
      const pageOne = bodyLines(text).filter((line) => line.page === 1);
      const find = (part: string) => pageOne.find((line) => compact(line.text).includes(part));
      expect(find('三民文〔2023〕21号')).toBeDefined();
      expect(find('签发人：李立明')).toBeDefined();
      expect(find('办理结果：A')).toBeDefined();
      expect(find('三门峡市民政局')?.items[0].fontName).toMatch(/NotoSerifCJKsc-Black/);
      const title = find(LONG_LETTER.title);
      expect(title?.items[0].fontSizePt).toBe(22);
    }
    // 文件格式: number and 签发人 share a line; 信函格式: the number stands flush right.
    const documentPageOne = bodyLines(documentText).filter((line) => line.page === 1);
    expect(documentPageOne.find((line) => compact(line.text) === '三民文〔2023〕21号签发人：李立明')).toBeDefined();
    const letterNumber = bodyLines(letterText).find((line) => compact(line.text) === '三民文〔2023〕21号');
    expectClose(letterNumber?.xEndMm ?? 0, BLOCK_RIGHT_MM, 0.2);
  });

  it('writes a correct text layer: 一 is U+4E00, never the Kangxi radical', () => {
    const text = pdfPlainText(documentText);
    expect(text).toContain('\u4e00、');
    expect(text).not.toMatch(/[\u2f00-\u2fdf\u2e80-\u2eff]/);
  });

  it('renders the same letter as one SVG of A4 pages one under another, with the text selectable', () => {
    const svg = renderer.renderSvg(LONG_LETTER);
    const pages = [...svg.matchAll(/class="typst-page"[^>]*data-page-width="(\d+)" data-page-height="(\d+)"/g)];
    expect(pages).toHaveLength(documentText.pages.length);
    for (const [, width, height] of pages) expect([Number(width), Number(height)]).toEqual([596, 842]);
    expect(svg).toMatch(new RegExp(`viewBox="0 0 596(\\.0+)? ${842 * pages.length}(\\.0+)?"`));
    expect(svg).toContain(LONG_LETTER.title);
    expect(svg).toContain(LONG_LETTER.documentNumber);
  });

  it('escapes a hostile title in the SVG', () => {
    const svg = renderer.renderSvg({ ...LONG_LETTER, title: '<script>alert(1)</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script');
  });

  it('fixes the metadata and produces the same bytes for the same letter', () => {
    expect(documentText.info.Title).toBe(LONG_LETTER.title);
    expect(documentText.info.Author).toBe(LONG_LETTER.issuer);
    expect(documentText.info.Keywords).toBe(LONG_LETTER.documentNumber);
    expect(documentText.info.CreationDate).toMatch(/^D:20230713/);
    expect(documentText.info.ModDate).toMatch(/^D:20230713/);
    expect(renderer.render(LONG_LETTER).equals(documentPdf)).toBe(true);
  });

  it('embeds subsets of the configured faces only, FangSong for the body', async () => {
    const fonts = await popplerRows('pdffonts', documentPdf);
    const names = fonts.map(([name]) => name.replace(/^[A-Z]{6}\+/, '').replace(/-Identity-H$/, ''));
    expect(names.sort()).toEqual(
      ['FandolFang-Regular', 'FandolKai-Regular', 'NotoSansCJKsc-Regular', 'NotoSerifCJKsc-Black'].sort(),
    );
    for (const row of fonts) expect(row.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
  });

  it('prints a hostile title literally', () => {
    expect(compact(pdfPlainText(hostileText))).toContain(compact(HOSTILE_TITLE));
    expect(hostileText.info.Title).toBe(HOSTILE_TITLE);
  });

  it('embeds the seal image when the letter has one', async () => {
    const withSeal = renderer.render({ ...LONG_LETTER, seal: { content: sealPng(), contentType: 'image/png' } });
    expect(await popplerRows('pdfimages', withSeal)).not.toHaveLength(0);
    expect(await popplerRows('pdfimages', documentPdf)).toHaveLength(0);
  });

  it('sets the cc line at the foot of a short letter’s only page, not on a page of its own', async () => {
    const short = renderer.render({
      ...LONG_LETTER,
      // 文件格式's header takes ten lines of page 1: this leaves room for the cc block at its foot.
      openingParagraphs: [hanzi(7, 20)],
      sections: [{ number: '一、', heading: hanzi(8, 10), paragraphs: [hanzi(9, 20)] }],
      headingsOnOwnLine: false,
      closingParagraphs: [],
    });
    const lines = pdfLines(await readPdfText(short));
    expect(new Set(lines.map((line) => line.page))).toEqual(new Set([1]));
    const cc = lines.find((line) => line.text.startsWith('抄送'));
    const contact = lines.find((line) => line.text.includes('联系人'));
    expect(cc!.yMm).toBeGreaterThan(contact!.yMm + LINE_PITCH_MM);
    expect(cc!.yMm).toBeGreaterThan(37 + 225 - 2 * LINE_PITCH_MM);
  });

  it('wraps a long cc line between recipients, aligned after 抄送：, and keeps its punctuation full width instead of squeezing it onto one line', async () => {
    const lines = pdfLines(
      await readPdfText(
        renderer.render({
          ...LONG_LETTER,
          ccLine: '抄送：市政协提案委（2份），市委市政府督查局（2份），市财政局（1份），市卫生健康委（1份）。',
        }),
      ),
    );
    const first = lines.findIndex((line) => line.text.startsWith('抄送'));
    const [ccFirst, ccSecond] = [lines[first], lines[first + 1]];
    expect(ccSecond.page).toBe(ccFirst.page);
    // The break falls between recipients, never between a name and its copies.
    expect(ccFirst.text).toBe('抄送：市政协提案委（2份），市委市政府督查局（2份），');
    expect(ccSecond.text).toBe('市财政局（1份），市卫生健康委（1份）。');
    // 4 号 is 14 pt, 4.94 mm: a full-width ：or （ takes a whole character's width.
    const em = (14 * 25.4) / 72;
    const advanceAfter = (mark: string) => {
      const i = ccFirst.glyphs.findIndex((glyph) => glyph.text === mark);
      return ccFirst.glyphs[i + 1].xMm - ccFirst.glyphs[i].xMm;
    };
    expect(advanceAfter('：')).toBeCloseTo(em, 0);
    expect(advanceAfter('（')).toBeGreaterThan(em * 0.9);
    // The second line starts under the first name, three characters in (抄送：).
    expect(ccSecond.xStartMm - ccFirst.xStartMm).toBeCloseTo(3 * em, 0);
  });

  it('refuses a font that the configured file does not hold', () => {
    expect(
      () =>
        new LetterPdfRenderer({ ...DEBIAN_LETTER_FONTS, kai: { ...DEBIAN_LETTER_FONTS.kai, family: 'No Such Kai' } }),
    ).toThrow(LetterRenderError);
  });

  describe('the seed letters', () => {
    it.each(EXPECTED_LETTERS.map((expected, i) => [expected.file, i]))(
      '%s prints every part of the letter in order',
      (_, i) => {
        const letter = SEED_LETTERS[i];
        const text = compact(
          bodyLines(seedTexts[i])
            .map((line) => line.text)
            .join(''),
        );
        const parts = [
          letter.gradeMark,
          letter.documentNumber,
          letter.signatoryLine,
          letter.title,
          letter.addresseeLine,
          ...letter.openingParagraphs,
          ...letter.sections.flatMap((section) => [`${section.number}${section.heading}`, ...section.paragraphs]),
          ...letter.closingParagraphs,
          letter.issuer,
          letter.date,
          letter.contactLine,
          letter.ccLine,
        ];
        expectInOrder(text, parts.filter((part): part is string => part !== null).map(compact));
      },
    );

    it.each(EXPECTED_LETTERS.map((expected, i) => [expected.file, i]))(
      '%s never leaves the issuer and date alone on a page',
      (_, i) => {
        const lines = bodyLines(seedTexts[i]);
        const issuer = lines.findLast((line) => compact(line.text) === SEED_LETTERS[i].issuer);
        expect(issuer).toBeDefined();
        const above = lines.filter((line) => line.page === issuer?.page && line.yMm < (issuer?.yMm ?? 0));
        expect(above.length).toBeGreaterThan(0);
      },
    );
  });
});
