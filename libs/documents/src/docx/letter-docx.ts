import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { LetterFormat, type Letter, type LetterSection } from '../domain/letter';
import type { LetterFont, LetterFonts } from '../fonts/letter-fonts';
import { fixZipTimestamps } from './zip-timestamps';

/*
 * GB/T 9704-2012 in twips (1/20 pt). The body is 22 lines of 28 characters; Word keeps that grid
 * itself through w:docGrid, so an editor who types into the letter stays on it.
 */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);
const EMUS_PER_TWIP = 635;

const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN_TOP = mm(37);
const MARGIN_LEFT = mm(28);
const MARGIN_RIGHT = mm(26);
const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
const CHARS_PER_LINE = 28;
const LINES_PER_PAGE = 22;
const GRID_LINE_PITCH = 580;
/** (grid pitch − 16 pt) × 4096 in points: what Word writes for 28 characters of its 16 pt Normal style. */
const GRID_CHAR_SPACE = -848;
/** 35 mm less 0.07: exactly 22 grid lines, so Word's page setup reports the 22 × 28 grid rather than 21 lines. */
const MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - LINES_PER_PAGE * GRID_LINE_PITCH;
const CHAR = Math.round(TEXT_WIDTH / CHARS_PER_LINE);
/** Exact line height rather than snapping to the grid: the pitch then does not hang on how an application measures the face. 22 × 579 fits the block. */
const LINE = 579;
/** 7.5: the page number's dashes sit 7 mm under the text block. */
const PAGE_NUMBER_LINE = 400;
const FOOTER_DISTANCE = MARGIN_BOTTOM - mm(7) - PAGE_NUMBER_LINE;

const BODY_SIZE = 32;
const TITLE_SIZE = 44;
/** 四号: the 版记 and the page number. */
const SMALL_SIZE = 28;
/** The red names' sizes as the PDF sets them (17 mm and 15 mm), in half-points. */
const DOCUMENT_NAME_SIZE = 96;
const LETTER_NAME_SIZE = 85;
const RED = 'FF0000';
/** 信函格式's double rules, as the PDF draws them: 2 pt and 0.5 pt (eighths of a point), 1 pt apart. */
const THICK_RULE = 16;
const THIN_RULE = 4;
const RULE_GAP = 20;
const RULE_OVERHANG = mm(7);
const SEAL_SIZE = mm(42);

/** Lines the body advances by, as spacing before a paragraph (空二行 = two lines). */
const lines = (count: number): number => count * LINE;

/**
 * Office names a face of a weight other than regular or bold by a family of its own (the name table's
 * legacy family, "Noto Serif CJK SC Black"), which is what Word and LibreOffice look up.
 */
const LEGACY_WEIGHT_NAMES: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  500: 'Medium',
  600: 'SemiBold',
  800: 'ExtraBold',
  900: 'Black',
};

interface OfficeFace {
  family: string;
  bold: boolean;
}

function officeFace(font: LetterFont): OfficeFace {
  const suffix = LEGACY_WEIGHT_NAMES[font.weight];
  if (suffix === undefined || font.family.endsWith(` ${suffix}`))
    return { family: font.family, bold: font.weight === 700 };
  return { family: `${font.family} ${suffix}`, bold: false };
}

type Faces = Record<keyof LetterFonts, OfficeFace>;

function faceRun(face: OfficeFace, size: number): Pick<IRunOptions, 'font' | 'size' | 'sizeComplexScript' | 'bold'> {
  const { family } = face;
  // hint: quotes and dashes are shared between scripts; without it Word sets “” and — in the Latin slot.
  return {
    font: { eastAsia: family, ascii: family, hAnsi: family, cs: family, hint: 'eastAsia' },
    size,
    sizeComplexScript: size,
    bold: face.bold ? true : undefined,
  };
}

/** XML 1.0's Char production; lone surrogates fall outside it too. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** docx escapes < & " but writes control characters as they are, which corrupts the file: they are dropped. */
function printable(text: string): string {
  let kept = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0) as number)) kept += ch;
  return kept;
}

/** A paragraph typed with line breaks prints as several paragraphs, as the reply preview shows it. */
function paragraphLines(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((p) => printable(p).split(/\r\n|\r|\n/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Same rule as the reply preview (reply-text sectionLines): a run-in heading is a sentence of its own. */
const SENTENCE_END = /[。！？；：.!?;:…]$/;

/** Width in characters of the grid: ASCII is half a character in FangSong, as reply-text counts it. */
function widthInChars(text: string): number {
  let halves = 0;
  for (const ch of text) halves += (ch.codePointAt(0) as number) < 0x7f ? 1 : 2;
  return halves / 2;
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** 信函格式's rules are 170 mm long (7.2.3 there), 7 mm past the text block on each side. */
function rulePara(rule: IBorderOptions): Paragraph {
  return new Paragraph({
    spacing: { line: RULE_GAP, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { left: -RULE_OVERHANG, right: -RULE_OVERHANG },
    border: { bottom: rule },
    run: { size: 2 },
  });
}

const nameLine = (size: number): number => Math.round(size * 10 * 1.25);
/** What an exact line adds above the glyphs: taken off so the name's top lands where the standard puts it. */
const halfLeading = (size: number): number => Math.round((nameLine(size) - size * 10) / 2);

class LetterLayout {
  private readonly faces: Faces;

  constructor(
    private readonly letter: Letter,
    fonts: LetterFonts,
  ) {
    this.faces = {
      body: officeFace(fonts.body),
      title: officeFace(fonts.title),
      heading: officeFace(fonts.heading),
      kai: officeFace(fonts.kai),
    };
  }

  text(text: string, face: keyof LetterFonts = 'body', extra: IRunOptions = {}): TextRun {
    return new TextRun({ text: printable(text), ...faceRun(this.faces[face], BODY_SIZE), ...extra });
  }

  /** Faces larger than the grid's 16 pt would take two grid cells per character in Word; they stay off the character grid. */
  offGrid(text: string, face: keyof LetterFonts, size: number, color?: string): TextRun {
    return new TextRun({ text: printable(text), ...faceRun(this.faces[face], size), color, snapToGrid: false });
  }

  /** Body paragraph: two characters in (firstLineChars for Word, the twips for readers that ignore it). */
  bodyParagraph(children: TextRun[], options: IParagraphOptions = {}): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
      ...options,
      children,
    });
  }

  gradeMark(): Paragraph | null {
    const { gradeMark } = this.letter;
    if (gradeMark === null) return null;
    return new Paragraph({ alignment: AlignmentType.RIGHT, children: [this.text(gradeMark, 'heading')] });
  }

  /**
   * 发文机关标志 on one line: a name too long for the block is narrowed (w:w), not shrunk or
   * wrapped, as the PDF does, so it keeps its height.
   */
  headerTitle(size: number, spacingBefore: number, border?: IBorderOptions): Paragraph {
    const { headerTitle } = this.letter;
    const natural = widthInChars(headerTitle) * size * 10;
    const scale = natural > TEXT_WIDTH ? Math.floor((100 * TEXT_WIDTH) / natural) : undefined;
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: nameLine(size), lineRule: LineRuleType.EXACT, before: spacingBefore, after: 0 },
      indent: border ? { left: -RULE_OVERHANG, right: -RULE_OVERHANG } : undefined,
      border: border ? { bottom: border } : undefined,
      children: [
        new TextRun({
          text: printable(headerTitle),
          ...faceRun(this.faces.title, size),
          color: RED,
          snapToGrid: false,
          scale,
        }),
      ],
    });
  }

  /** 文件格式: the 发文机关标志 35 mm under the top of the block, number and 签发人 two lines under it, a red rule 4 mm under them. */
  documentFormatHead(): Paragraph[] {
    const { documentNumber, signatoryLine } = this.letter;
    const grade = this.gradeMark();
    const before = mm(35) - (grade ? LINE : 0) - halfLeading(DOCUMENT_NAME_SIZE);
    const [label, name] = splitSignatory(signatoryLine);
    const numberLine = new Paragraph({
      indent: { firstLine: CHAR, firstLineChars: 100 },
      spacing: { before: lines(2) },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 5 } },
      children: [
        this.text(documentNumber),
        new TextRun({ children: [new Tab()], ...faceRun(this.faces.body, BODY_SIZE) }),
        this.text(label),
        this.text(name, 'kai'),
      ],
    });
    return [...(grade ? [grade] : []), this.headerTitle(DOCUMENT_NAME_SIZE, before), numberLine];
  }

  /**
   * 信函格式: the name sits 30 mm from the top of the page, above the 37 mm margin, so it lives in
   * the first page's header (with the grade mark above it). Each line of the double rule is a rule
   * of its own: which line of an OOXML thick-thin border lies on top depends on the reader.
   */
  letterFormatFirstHeader(): Header {
    const grade = this.gradeMark();
    return new Header({
      children: [
        ...(grade ? [grade] : []),
        this.headerTitle(LETTER_NAME_SIZE, 0, { style: BorderStyle.SINGLE, size: THICK_RULE, color: RED, space: 7 }),
        rulePara({ style: BorderStyle.SINGLE, size: THIN_RULE, color: RED, space: 0 }),
      ],
    });
  }

  letterFormatHeaderDistance(): number {
    return mm(30) - halfLeading(LETTER_NAME_SIZE) - (this.letter.gradeMark === null ? 0 : LINE);
  }

  /** 信函格式: the lower red double rule 20 mm above the bottom edge (thin over thick), and no page number. */
  letterFormatFirstFooter(): Footer {
    return new Footer({
      children: [
        rulePara({ style: BorderStyle.SINGLE, size: THIN_RULE, color: RED, space: 0 }),
        rulePara({ style: BorderStyle.SINGLE, size: THICK_RULE, color: RED, space: 0 }),
      ],
    });
  }

  letterFormatHead(): Paragraph[] {
    const { documentNumber, signatoryLine } = this.letter;
    const [label, name] = splitSignatory(signatoryLine);
    return [
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [this.text(documentNumber)] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [this.text(label), this.text(name, 'kai')] }),
    ];
  }

  title(): Paragraph[] {
    return paragraphLines([this.letter.title]).map(
      (titleLine, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 ? lines(2) : 0 },
          children: [this.offGrid(titleLine, 'title', TITLE_SIZE)],
        }),
    );
  }

  addressee(): Paragraph[] {
    const { addresseeLine } = this.letter;
    if (addresseeLine.trim() === '') return [];
    return [new Paragraph({ spacing: { before: lines(1) }, children: [this.text(addresseeLine)] })];
  }

  section(section: LetterSection): Paragraph[] {
    const heading = `${section.number}${printable(section.heading)}`;
    const paragraphs = paragraphLines(section.paragraphs);
    const plain = paragraphs.map((p) => this.bodyParagraph([this.text(p)]));
    if (this.letter.headingsOnOwnLine) return [this.bodyParagraph([this.text(heading, 'heading')]), ...plain];
    const runIn = SENTENCE_END.test(heading) ? heading : `${heading}。`;
    const [first, ...rest] = paragraphs;
    const firstRuns = [this.text(runIn, 'heading'), ...(first === undefined ? [] : [this.text(first)])];
    return [this.bodyParagraph(firstRuns), ...rest.map((p) => this.bodyParagraph([this.text(p)]))];
  }

  /**
   * 7.3.5.1: the date four characters from the right, the issuer centred over it. The seal is
   * centred on the date with its foot 1 mm above the next line (the contact line), so issuer and
   * date sit under its centre and its top stays within a line of the text, as in the PDF.
   */
  signature(): Paragraph[] {
    const { issuer, date } = this.letter;
    const dateRightIndent = 4 * CHAR;
    const dateWidth = widthInChars(date) * CHAR;
    const issuerRightIndent = Math.max(0, Math.round(dateRightIndent + (dateWidth - widthInChars(issuer) * CHAR) / 2));
    const dateCentre = TEXT_WIDTH - dateRightIndent - dateWidth / 2;
    return [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        // Room for the seal within a line of the text (7.3.5.1); one line when nothing is pressed on (7.3.5.2).
        spacing: { before: lines(this.letter.seal === null ? 1 : 2) },
        indent: { right: issuerRightIndent },
        children: [this.text(issuer)],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: dateRightIndent },
        children: [...this.seal(dateCentre), this.text(date)],
      }),
    ];
  }

  /** Anchored to the date's paragraph, so it moves with the signature when the body grows or shrinks. */
  seal(centreFromMargin: number): ImageRun[] {
    const { seal } = this.letter;
    if (seal === null) return [];
    // Fitted into a 42 mm square and centred in it, so a wide signature keeps its proportions.
    const pixels = imageSize(seal.content) ?? { width: 1, height: 1 };
    const fit = SEAL_SIZE / Math.max(pixels.width, pixels.height);
    const width = pixels.width * fit;
    const height = pixels.height * fit;
    const boxTop = LINE - mm(1) - SEAL_SIZE;
    const twipsToPixels = (twips: number): number => (twips / 1440) * 96;
    const emus = (twips: number): number => Math.round(twips * EMUS_PER_TWIP);
    return [
      new ImageRun({
        type: seal.contentType === 'image/png' ? 'png' : 'jpg',
        data: seal.content,
        transformation: { width: twipsToPixels(width), height: twipsToPixels(height) },
        // A fixed id: docx would otherwise count drawings across every document the process renders.
        altText: { id: '1', name: 'seal', description: printable(this.letter.issuer) },
        floating: {
          horizontalPosition: {
            relative: HorizontalPositionRelativeFrom.MARGIN,
            offset: emus(centreFromMargin - width / 2),
          },
          verticalPosition: {
            relative: VerticalPositionRelativeFrom.PARAGRAPH,
            offset: emus(boxTop + (SEAL_SIZE - height) / 2),
          },
          behindDocument: true,
          allowOverlap: true,
          lockAnchor: true,
          wrap: { type: TextWrappingType.NONE },
        },
      }),
    ];
  }

  contact(): Paragraph[] {
    const { contactLine } = this.letter;
    return contactLine === null
      ? []
      : [this.bodyParagraph([this.text(contactLine)], { alignment: AlignmentType.LEFT })];
  }

  /**
   * 7.4 版记: 四号, one character in from both sides, wrapped lines aligned after 抄送：. 文件格式
   * puts it between two full-width rules; a bordered paragraph would draw them from its 4-character
   * indent, so the rules are a borderless-sided table's. 信函格式 prints it without rules.
   */
  carbonCopy(): (Paragraph | Table)[] {
    const { ccLine, format } = this.letter;
    if (ccLine === null) return [];
    const labelWidth = widthInChars(ccLine.slice(0, ccLine.indexOf('：') + 1)) * CHAR;
    const cc = new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { left: CHAR + labelWidth, hanging: labelWidth, right: CHAR },
      children: [this.text(ccLine, 'body', { size: SMALL_SIZE, sizeComplexScript: SMALL_SIZE })],
    });
    const spacer = new Paragraph({ children: [] });
    if (format === LetterFormat.Letter) return [spacer, cc];
    const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
    const table = new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: {
        top: rule,
        bottom: rule,
        left: NO_BORDER,
        right: NO_BORDER,
        insideHorizontal: NO_BORDER,
        insideVertical: NO_BORDER,
      },
      rows: [
        new TableRow({
          children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [cc] })],
        }),
      ],
    });
    // Word always keeps a paragraph after a closing table; a hairline one cannot push a new page.
    const tail = new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 } });
    return [spacer, table, tail];
  }

  /** 7.5: — 1 — in 四号, odd pages one character in from the right, even pages from the left. */
  pageNumberFooter(side: 'odd' | 'even'): Footer {
    return new Footer({
      children: [
        new Paragraph({
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
          spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              ...faceRun(this.faces.body, SMALL_SIZE),
              snapToGrid: false,
            }),
          ],
        }),
      ],
    });
  }

  document(): Document {
    const { letter } = this;
    const isLetterFormat = letter.format === LetterFormat.Letter;
    const head = isLetterFormat ? this.letterFormatHead() : this.documentFormatHead();
    const children = [
      ...head,
      ...this.title(),
      ...this.addressee(),
      ...paragraphLines(letter.openingParagraphs).map((p) => this.bodyParagraph([this.text(p)])),
      ...letter.sections.flatMap((s) => this.section(s)),
      ...paragraphLines(letter.closingParagraphs).map((p) => this.bodyParagraph([this.text(p)])),
      ...this.signature(),
      ...this.contact(),
      ...this.carbonCopy(),
    ];
    const body = this.faces.body.family;
    return new Document({
      creator: printable(letter.issuer),
      title: printable(letter.title),
      keywords: printable(letter.documentNumber),
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          // The grid's charSpace is relative to the Normal size: it must be the body's 16 pt.
          document: {
            run: {
              font: { eastAsia: body, ascii: body, hAnsi: body, cs: body, hint: 'eastAsia' },
              size: BODY_SIZE,
              sizeComplexScript: BODY_SIZE,
              language: { value: 'zh-CN', eastAsia: 'zh-CN' },
            },
            paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
          },
        },
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
              margin: {
                top: MARGIN_TOP,
                bottom: MARGIN_BOTTOM,
                left: MARGIN_LEFT,
                right: MARGIN_RIGHT,
                header: isLetterFormat ? this.letterFormatHeaderDistance() : mm(15),
                footer: FOOTER_DISTANCE,
                gutter: 0,
              },
            },
            grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID_LINE_PITCH, charSpace: GRID_CHAR_SPACE },
            titlePage: isLetterFormat,
          },
          headers: isLetterFormat ? { first: this.letterFormatFirstHeader() } : undefined,
          footers: {
            default: this.pageNumberFooter('odd'),
            even: this.pageNumberFooter('even'),
            ...(isLetterFormat ? { first: this.letterFormatFirstFooter() } : {}),
          },
          children,
        },
      ],
    });
  }
}

/** 签发人：李立明 → the label in FangSong, the name in Kai (7.2.6). */
function splitSignatory(signatoryLine: string): [string, string] {
  const colon = signatoryLine.indexOf('：');
  if (colon < 0) return [signatoryLine, ''];
  return [signatoryLine.slice(0, colon + 1), signatoryLine.slice(colon + 1)];
}

/** Pixel size from a PNG's IHDR or a JPEG's start-of-frame, to keep a non-square signature's proportions. */
function imageSize(image: Buffer): { width: number; height: number } | null {
  if (image.length >= 24 && image.readUInt32BE(0) === 0x89504e47) {
    return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
  }
  if (image.length < 4 || image[0] !== 0xff || image[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < image.length && image[offset] === 0xff) {
    const marker = image[offset + 1];
    const length = image.readUInt16BE(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      const size = { height: image.readUInt16BE(offset + 5), width: image.readUInt16BE(offset + 7) };
      return size.width > 0 && size.height > 0 ? size : null;
    }
    offset += 2 + length;
  }
  return null;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** docx stamps core.xml with the time of rendering; the letter's date keeps a re-render byte-identical. */
function coreProperties(letter: Letter, signedAt: string): string {
  const element = (name: string, value: string): string =>
    value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', printable(letter.title)) +
    element('dc:creator', printable(letter.issuer)) +
    element('cp:keywords', printable(letter.documentNumber)) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${signedAt}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${signedAt}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The final letter as an editable Word document (GB/T 9704-2012, 文件格式 or 信函格式). The same
 * Letter always gives the same bytes: core.xml and the zip entries carry `signedOn`, never the clock.
 */
export async function renderLetterDocx(letter: Letter, fonts: LetterFonts): Promise<Buffer> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(letter.signedOn);
  if (!match) throw new RangeError(`Expected signedOn as YYYY-MM-DD, got "${letter.signedOn}"`);
  const [year, month, day] = match.slice(1).map(Number);
  const document = new LetterLayout(letter, fonts).document();
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(letter, `${letter.signedOn}T00:00:00Z`) },
  ]);
  return fixZipTimestamps(packed, { year, month, day });
}
