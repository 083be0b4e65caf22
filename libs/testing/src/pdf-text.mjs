// Prints the text layer of a PDF as JSON (the PdfText interface in pdf-text.ts):
//   node pdf-text.mjs <file.pdf>
// A separate process because pdfjs-dist 5 is ESM-only and Jest (CommonJS) cannot load it.
import { readFile } from 'node:fs/promises';

// pdfjs-dist 5 calls Promise.withResolvers, which Node 20 lacks.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const MM_PER_PT = 25.4 / 72;
const round = (value) => Math.round(value * 1000) / 1000;
const IDENTITY = [1, 0, 0, 1, 0, 0];

/** m1 × m2 for PDF's [a b c d e f] matrices (row vectors, so m1 applies first). */
function multiply(m1, m2) {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

const translation = (tx, ty) => [1, 0, 0, 1, tx, ty];

/** pdfjs passes a matrix either as six arguments or as one array-like of six. */
function matrixArgs(args) {
  const source = args.length === 1 ? args[0] : args;
  return Array.from({ length: 6 }, (_, i) => Number(source[i]));
}

function infoStrings(info) {
  const strings = {};
  for (const [key, value] of Object.entries(info ?? {})) {
    if (typeof value === 'string') strings[key] = value;
  }
  return strings;
}

/** The font's own name (ABCDEF+FandolFang-Regular), not pdfjs's internal id (g_d0_f1). */
function baseFontName(page, fontId) {
  try {
    const font = page.commonObjs.get(fontId);
    return typeof font?.name === 'string' ? font.name : fontId;
  } catch {
    return fontId;
  }
}

/**
 * Where each glyph starts. pdfjs's text content merges a whole line into one item, so glyph
 * positions come from replaying the text operators of the operator list (enough of the PDF
 * graphics state for horizontal text).
 */
function glyphPositions(page, operatorList, pageHeightPt) {
  const glyphs = [];
  let state = {
    ctm: IDENTITY,
    fontId: '',
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    leading: 0,
  };
  const saved = [];
  let textMatrix = IDENTITY;
  let lineMatrix = IDENTITY;
  const moveText = (tx, ty) => {
    lineMatrix = multiply(translation(tx, ty), lineMatrix);
    textMatrix = lineMatrix;
  };
  const showText = (parts) => {
    for (const part of parts) {
      if (typeof part === 'number') {
        textMatrix = multiply(translation((-part / 1000) * state.fontSize * state.hScale, 0), textMatrix);
        continue;
      }
      if (part === null || typeof part !== 'object') continue;
      const device = multiply(multiply(translation(0, state.rise), textMatrix), state.ctm);
      if (typeof part.unicode === 'string' && part.unicode !== '') {
        glyphs.push({
          text: part.unicode,
          xMm: round(device[4] * MM_PER_PT),
          yMm: round((pageHeightPt - device[5]) * MM_PER_PT),
          fontSizePt: round(state.fontSize * Math.hypot(device[2], device[3])),
          fontName: baseFontName(page, state.fontId),
        });
      }
      const spacing = state.charSpacing + (part.isSpace ? state.wordSpacing : 0);
      const advance = ((part.width ?? 0) / 1000) * state.fontSize + spacing;
      textMatrix = multiply(translation(advance * state.hScale, 0), textMatrix);
    }
  };
  const { fnArray, argsArray } = operatorList;
  for (let i = 0; i < fnArray.length; i += 1) {
    const args = argsArray[i] ?? [];
    switch (fnArray[i]) {
      case OPS.save:
        saved.push({ ...state });
        break;
      case OPS.restore:
        state = saved.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(matrixArgs(args), state.ctm);
        break;
      case OPS.beginText:
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        break;
      case OPS.setTextMatrix:
        lineMatrix = matrixArgs(args);
        textMatrix = lineMatrix;
        break;
      case OPS.moveText:
        moveText(args[0], args[1]);
        break;
      case OPS.setLeadingMoveText:
        state.leading = -args[1];
        moveText(args[0], args[1]);
        break;
      case OPS.nextLine:
        moveText(0, -state.leading);
        break;
      case OPS.setLeading:
        state.leading = args[0];
        break;
      case OPS.setFont:
        state.fontId = args[0];
        state.fontSize = args[1];
        break;
      case OPS.setCharSpacing:
        state.charSpacing = args[0];
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = args[0];
        break;
      case OPS.setHScale:
        state.hScale = args[0] / 100;
        break;
      case OPS.setTextRise:
        state.rise = args[0];
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(args[0]);
        break;
      case OPS.nextLineShowText:
        moveText(0, -state.leading);
        showText(args[0]);
        break;
      case OPS.nextLineSetSpacingShowText:
        state.wordSpacing = args[0];
        state.charSpacing = args[1];
        moveText(0, -state.leading);
        showText(args[2]);
        break;
      default:
        break;
    }
  }
  return glyphs;
}

async function readPage(page) {
  const [, , pageWidthPt, pageHeightPt] = page.view;
  // Replaying the operator list also loads the fonts, so their real names can be looked up.
  const glyphs = glyphPositions(page, await page.getOperatorList(), pageHeightPt);
  // Unnormalised, so a text layer that maps 一 to the Kangxi radical ⼀ shows up as such.
  const content = await page.getTextContent({ disableNormalization: true });
  const items = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const [a, b, , , e, f] = item.transform;
    items.push({
      text: item.str,
      xMm: round(e * MM_PER_PT),
      yMm: round((pageHeightPt - f) * MM_PER_PT),
      widthMm: round(item.width * MM_PER_PT),
      fontSizePt: round(Math.hypot(a, b)),
      fontName: baseFontName(page, item.fontName),
    });
  }
  return {
    number: page.pageNumber,
    widthMm: round(pageWidthPt * MM_PER_PT),
    heightMm: round(pageHeightPt * MM_PER_PT),
    items,
    glyphs,
  };
}

async function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: node pdf-text.mjs <file.pdf>');
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= document.numPages; n += 1) pages.push(await readPage(await document.getPage(n)));
    const { info } = await document.getMetadata();
    process.stdout.write(JSON.stringify({ info: infoStrings(info), pages }));
  } finally {
    await document.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
