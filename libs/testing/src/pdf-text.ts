import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Reading PDFs back in tests. pdfjs-dist 5 is ESM-only and cannot be loaded inside Jest, so
 * pdf-text.mjs runs in its own Node process and prints what it reads as JSON. Positions are in
 * millimetres from the page's top-left corner; y is the baseline.
 */

/** One run of text as pdfjs's text content gives it (Typst writes a whole line as one run). */
export interface PdfTextItem {
  text: string;
  xMm: number;
  yMm: number;
  widthMm: number;
  fontSizePt: number;
  /** The embedded font's name, e.g. ABCDEF+FandolFang-Regular. */
  fontName: string;
}

/** One glyph and where it starts: what checks of character pitch need. */
export interface PdfGlyph {
  text: string;
  xMm: number;
  yMm: number;
  fontSizePt: number;
  fontName: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  widthMm: number;
  heightMm: number;
  items: PdfTextItem[];
  glyphs: PdfGlyph[];
}

export interface PdfText {
  /** The document information dictionary: Title, Author, Keywords, CreationDate, … */
  info: Record<string, string>;
  pages: PdfPage[];
}

export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page. */
  yMm: number;
  /** The items' text joined left to right. */
  text: string;
  xStartMm: number;
  xEndMm: number;
  items: PdfTextItem[];
  /** The glyphs on this baseline, left to right. */
  glyphs: PdfGlyph[];
}

const SCRIPT = join(__dirname, 'pdf-text.mjs');
const run = promisify(execFile);

export async function readPdfText(pdf: Buffer): Promise<PdfText> {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-pdf-text-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(process.execPath, [SCRIPT, file], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as PdfText;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Items (and glyphs) whose baselines are this close share a line. */
const SAME_LINE_MM = 0.5;

/** The text of every page as lines, top to bottom, each line's items left to right. */
export function pdfLines(pdfText: PdfText): PdfLine[] {
  return pdfText.pages.flatMap((page) => {
    const lines: PdfLine[] = [];
    const items = [...page.items].sort((a, b) => a.yMm - b.yMm || a.xMm - b.xMm);
    for (const item of items) {
      const last = lines.at(-1);
      if (last && Math.abs(item.yMm - last.yMm) <= SAME_LINE_MM) last.items.push(item);
      else
        lines.push({ page: page.number, yMm: item.yMm, text: '', xStartMm: 0, xEndMm: 0, items: [item], glyphs: [] });
    }
    for (const line of lines) {
      line.items.sort((a, b) => a.xMm - b.xMm);
      line.text = line.items.map((item) => item.text).join('');
      line.xStartMm = Math.min(...line.items.map((item) => item.xMm));
      line.xEndMm = Math.max(...line.items.map((item) => item.xMm + item.widthMm));
      line.glyphs = page.glyphs
        .filter((glyph) => Math.abs(glyph.yMm - line.yMm) <= SAME_LINE_MM)
        .sort((a, b) => a.xMm - b.xMm);
    }
    return lines;
  });
}

/** All the text, one line per line of the PDF, pages one after the other. */
export function pdfPlainText(pdfText: PdfText): string {
  return pdfLines(pdfText)
    .map((line) => line.text)
    .join('\n');
}
