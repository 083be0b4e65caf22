import { createHash } from 'node:crypto';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { type Letter, LetterFormat, type LetterSection } from '../domain/letter';
import type { LetterFontRole, LetterFonts } from '../fonts/letter-fonts';

/**
 * The Typst source of a letter in the GB/T 9704-2012 layout. Every piece of the letter's text
 * goes in as a Typst string literal, never as markup, so a title with `*`, `#`, `$`, `@` or `]`
 * prints as typed and cannot run code.
 *
 * The faces are named as Typst knows them (LetterPdfRenderer resolves them from the font files).
 */

/** A Typst string literal that evaluates to `text`. */
export function typstString(text: string): string {
  let literal = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') literal += '\\\\';
    else if (ch === '"') literal += '\\"';
    else if (ch === '\n') literal += '\\n';
    else if (ch === '\r') literal += '\\r';
    else if (ch === '\t') literal += '\\t';
    // A lone surrogate cannot be written as UTF-8, and Typst rejects it as an escape.
    else if (code >= 0xd800 && code <= 0xdfff) literal += '\\u{fffd}';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) literal += `\\u{${code.toString(16)}}`;
    else literal += ch;
  }
  return `${literal}"`;
}

/**
 * Where the seal image lives in the compiler's virtual workspace: named after its content, so a
 * new seal never hits Typst's cache of an old one.
 */
export function sealAssetPath(seal: NonNullable<Letter['seal']>): string {
  const digest = createHash('sha256').update(seal.content).digest('hex').slice(0, 32);
  return `/seal-${digest}.${seal.contentType === 'image/png' ? 'png' : 'jpg'}`;
}

/**
 * Each role's face first, then the other text faces for any character it lacks. Typst's own
 * fallback is off: it would pick whatever system font covers the character.
 */
function fontList(fonts: LetterFonts, role: LetterFontRole): string {
  const order: LetterFontRole[] = [role, 'body', 'kai', 'heading'];
  const families = [...new Set(order.map((r) => fonts[r].family))];
  return `(${families.map(typstString).join(', ')},)`;
}

/** A run-in heading ends its sentence before the paragraph goes on, as the plain-text letter does. */
const SENTENCE_END = /[。！？；：.!?;:…]$/;

/** A paragraph of the body: its Typst source and the text it prints. */
interface BodyParagraph {
  source: string;
  text: string;
}

function bodyParagraph(text: string): BodyParagraph {
  return { source: `#par(${typstString(text)})`, text };
}

function sectionParagraphs(section: LetterSection, headingsOnOwnLine: boolean): BodyParagraph[] {
  const heading = `${section.number}${section.heading}`;
  if (headingsOnOwnLine) {
    const headingParagraph = { source: `#par(face("heading", ${typstString(heading)}))`, text: heading };
    return [headingParagraph, ...section.paragraphs.map(bodyParagraph)];
  }
  const runIn = SENTENCE_END.test(heading) ? heading : `${heading}。`;
  const [first = '', ...rest] = section.paragraphs;
  const firstParagraph = {
    source: `#par[#face("heading", ${typstString(runIn)})#${typstString(first)}]`,
    text: runIn + first,
  };
  return [firstParagraph, ...rest.map(bodyParagraph)];
}

/** At most this many lines of the last paragraph move to the next page with the issuer and date. */
const STICKY_LINES_MAX = 4;

/** Lines a body paragraph takes: 56 half characters a line (ASCII is half), two characters of indent. */
function lineCount(text: string): number {
  let halves = 4;
  for (const ch of text) halves += (ch.codePointAt(0) as number) < 0x7f ? 1 : 2;
  return Math.ceil(halves / 56);
}

function documentDate(signedOn: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(signedOn);
  if (!match) throw new RangeError(`Expected signedOn as YYYY-MM-DD, got "${signedOn}"`);
  const [year, month, day] = match.slice(1).map(Number);
  return `datetime(year: ${year}, month: ${month}, day: ${day})`;
}

function formatName(format: LetterFormat): string {
  switch (format) {
    case LetterFormat.Document:
      return 'document';
    case LetterFormat.Letter:
      return 'letter';
    default:
      return assertUnreachable(format);
  }
}

/** 签发人：李立明 → the label, set in FangSong, and the name, set in Kai (GB/T 9704-2012 7.2.5). */
function signatorySource(signatoryLine: string): string {
  if (signatoryLine.trim() === '') return 'none';
  const colon = signatoryLine.indexOf('：');
  const label = colon < 0 ? signatoryLine : signatoryLine.slice(0, colon + 1);
  const name = colon < 0 ? '' : signatoryLine.slice(colon + 1);
  return `(label: ${typstString(label)}, name: ${typstString(name)})`;
}

/**
 * The layout, shared by every letter. Dimensions follow GB/T 9704-2012: A4, text block 156 × 225 mm
 * at 37 mm from the top and 28 mm from the left, 22 lines of 28 characters in 16 pt FangSong.
 * Every line sits on the 10.227 mm grid: a line box is exactly 16 pt (the ideographic em box)
 * and paragraphs are spaced by the same leading as their lines, so nothing adds to the pitch.
 */
const LAYOUT = String.raw`
#let char-pitch = 156mm / 28
#let line-pitch = 225mm / 22
#let body-size = 16pt
#let leading = line-pitch - body-size
#let block-left = 28mm
#let block-top = 37mm
#let block-width = 156mm
#let red = rgb("#ff0000")

#let face(role, body) = text(font: faces.at(role).font, weight: faces.at(role).weight, body)

// Lines the flow skips on page 1 so the title lands on a grid line under the header.
#let blank-lines(count) = block(height: count * line-pitch - leading)

#let at-block(dx, dy, body) = place(top + left, dx: block-left + dx, dy: block-top + dy, body)

// The red name is condensed to the block width when it is too long, as printers do with 小标宋.
#let red-name(size, body) = context {
  let mark = face("title", text(fill: red, size: size, tracking: 0pt, top-edge: 0.88em, bottom-edge: -0.12em, body))
  let natural = measure(mark).width
  let fitted = if natural <= block-width { mark } else { scale(x: block-width / natural * 100%, reflow: true, mark) }
  box(width: block-width, align(center, fitted))
}

#let right-aligned(body) = box(width: block-width, align(right, body))

#let signatory-line = if signatory != none [#signatory.label#face("kai", signatory.name)]

// 信函格式: name 30 mm from the top of the page, red double rule 4 mm under it (thick over thin),
// number flush right 7/8 of a character under the rule, 签发人 on the next line, and the title
// on the first grid line at least two lines under that.
#let letter-name-size = 15mm
#let letter-rule-top = 30mm + letter-name-size + 4mm - block-top
#let letter-rule-depth = 2pt + 1pt + 0.5pt
#let letter-number-top = letter-rule-top + letter-rule-depth + 7 / 8 * body-size
#let letter-signatory-top = letter-number-top + line-pitch
#let letter-title-line = calc.ceil((letter-signatory-top + 3 * line-pitch) / line-pitch)

// 文件格式: name 35 mm under the top of the block, number two lines under it with 签发人 on the same
// line, a red rule 4 mm under the number, the title two lines under the rule.
#let document-name-size = 17mm
#let document-number-line = 8
#let document-number-top = (document-number-line - 1) * line-pitch
#let document-rule-top = document-number-top + body-size + 4mm
#let document-title-line = document-number-line + 3

#let double-rule(y, thick-first) = {
  let thick = 2pt
  let thin = 0.5pt
  let gap = 1pt
  let (first, second) = if thick-first { (thick, thin) } else { (thin, thick) }
  // GB/T 9704-2012 7.2.3 puts 信函格式's rules 170 mm long, centred on the page.
  let rule(dy, weight) = place(top + left, dx: 20mm, dy: y + dy + weight / 2, line(length: 170mm, stroke: weight + red))
  rule(0pt, first)
  rule(first + gap, second)
}

#let first-page-header() = {
  if format == "document" {
    if grade-mark != none { at-block(0mm, 0mm, right-aligned(face("heading", grade-mark))) }
    at-block(0mm, 35mm, red-name(document-name-size, header-title))
    if signatory == none {
      at-block(0mm, document-number-top, box(width: block-width, align(center, document-number)))
    } else {
      at-block(char-pitch, document-number-top, document-number)
      at-block(0mm, document-number-top, box(width: block-width - char-pitch, align(right, signatory-line)))
    }
    at-block(0mm, document-rule-top, line(length: block-width, stroke: 0.5mm + red))
  } else {
    // Above the name, in the top margin: the first lines under the rule hold the number.
    if grade-mark != none { at-block(0mm, -17mm, right-aligned(face("heading", grade-mark))) }
    place(top + left, dx: block-left, dy: 30mm, red-name(letter-name-size, header-title))
    double-rule(block-top + letter-rule-top, true)
    at-block(0mm, letter-number-top, right-aligned(document-number))
    if signatory != none { at-block(0mm, letter-signatory-top, right-aligned(signatory-line)) }
    // The closing double rule of page 1, 20 mm above the bottom edge, thin over thick.
    double-rule(297mm - 20mm - (2pt + 1pt + 0.5pt), false)
  }
}

// 4 号 numbers between em dashes 7 mm under the block; odd pages right, even pages left, one
// character in (GB/T 9704-2012 7.5). 信函格式 prints none on page 1.
#let page-number(n) = if not (format == "letter" and n == 1) {
  let size = 14pt
  let label = text(size: size, tracking: 0pt, "— " + str(n) + " —")
  let dy = block-top + 225mm + 7mm - size / 2
  if calc.odd(n) {
    place(top + right, dx: -(210mm - block-left - block-width) - size, dy: dy, label)
  } else {
    place(top + left, dx: block-left + size, dy: dy, label)
  }
}

#let page-art(n) = {
  if n == 1 { first-page-header() }
  page-number(n)
}

#let title-block(body) = {
  set align(center)
  set par(first-line-indent: 0pt, justify: false)
  // 2 号 (22 pt) glyphs on the 16 pt line box keep each title line on one grid line.
  face("title", text(size: 22pt, tracking: 0pt, top-edge: 0.88 * body-size, bottom-edge: -0.12 * body-size, par(body)))
}

// GB/T 9704-2012 7.3.5.1: the date four characters in from the right, the issuer centred over
// it, and the seal centred on the date with its foot just above the next line (the contact
// line), so issuer and date sit below its centre and its top stays within a line of the text.
// The seal is drawn first, under the text: a JPEG has no transparency and would hide them.
#let signature(issuer, date, seal) = context {
  let date-width = measure(date).width
  let issuer-width = measure(issuer).width
  let date-left = block-width - 4 * char-pitch - date-width
  let issuer-left = calc.max(0mm, calc.min(block-width - issuer-width, date-left + (date-width - issuer-width) / 2))
  let seal-size = 42mm
  block(width: 100%, breakable: false, {
    if seal != none {
      let dx = date-left + date-width / 2 - seal-size / 2
      let dy = 2 * line-pitch - 1mm - seal-size
      place(top + left, dx: dx, dy: dy, image(seal, width: seal-size, height: seal-size, fit: "contain"))
    }
    set par(first-line-indent: 0pt, justify: false)
    if issuer != "" { par[#h(issuer-left)#issuer] }
    par[#h(date-left)#date]
  })
}

// 版记: 4 号 FangSong, one character in from both sides, wrapped lines aligned after 抄送：; ragged
// right, because justifying would squeeze its punctuation to half width to pull up a line.
// 文件格式 rules it with thick lines; 信函格式 has none (7.3.7, 10.1). A bottom float: at the foot
// of the last page, or of a page of its own when the text fills the last one.
#let cc-block(body, ruled) = place(bottom, float: true, clearance: leading, {
  block(width: 100%, breakable: false, {
    set block(spacing: 3mm)
    set text(size: 14pt, tracking: 0pt)
    set par(first-line-indent: 0pt, hanging-indent: 3em, leading: 0.5em, justify: false)
    if ruled { line(length: 100%, stroke: 0.35mm) }
    // A line breaks between recipients, never inside one's name and copies.
    let recipients = body.split("，")
    let last = recipients.len() - 1
    // A name too long for a line may still break.
    let unbroken(r) = if r.clusters().len() > 20 { r } else { r.clusters().join(sym.wj) }
    pad(left: 1em, right: 1em, par(recipients.enumerate().map(((i, r)) => unbroken(if i < last { r + "，" } else { r })).join()))
    if ruled { line(length: 100%, stroke: 0.35mm) }
  })
})

#set text(
  font: faces.body.font,
  weight: faces.body.weight,
  size: body-size,
  lang: "zh",
  region: "cn",
  top-edge: 0.88em,
  bottom-edge: -0.12em,
  tracking: char-pitch - body-size,
  overhang: false,
  cjk-latin-spacing: none,
  costs: (widow: 0%, orphan: 0%),
  fallback: false,
)
#set par(leading: leading, spacing: leading, justify: true, first-line-indent: (amount: 2 * char-pitch, all: true))
#set block(spacing: leading)
#set page(
  paper: "a4",
  margin: (top: block-top, left: block-left, right: 210mm - block-left - block-width, bottom: 297mm - block-top - 225mm),
  header: none,
  footer: none,
  background: context page-art(here().page()),
)
`;

/** The complete Typst source of the letter: pure, so the same letter always gives the same PDF. */
export function letterTypstSource(letter: Letter, fonts: LetterFonts): string {
  const faces = (['body', 'title', 'heading', 'kai'] as const)
    .map((role) => `${role}: (font: ${fontList(fonts, role)}, weight: ${Math.round(fonts[role].weight)})`)
    .join(', ');
  const seal = letter.seal === null ? 'none' : typstString(sealAssetPath(letter.seal));
  const format = formatName(letter.format);
  const titleLine = letter.format === LetterFormat.Document ? 'document-title-line' : 'letter-title-line';

  const body = [
    ...letter.openingParagraphs.map(bodyParagraph),
    ...letter.sections.flatMap((section) => sectionParagraphs(section, letter.headingsOnOwnLine)),
    ...letter.closingParagraphs.map(bodyParagraph),
  ];
  // GB/T 9704-2012 7.3.5: the issuer and date should not stand on a page without text, so a
  // short last paragraph sticks to them and goes over with them when they do not fit. A long one
  // would leave most of a page blank behind it, and Typst cannot split it to move only its end.
  const last = body.at(-1);
  const stickyLast = last !== undefined && lineCount(last.text) <= STICKY_LINES_MAX ? body.pop() : undefined;
  const content: string[] = [
    `#blank-lines(${titleLine} - 1)`,
    `#title-block(${typstString(letter.title)})`,
    '#blank-lines(1)',
    `#par(first-line-indent: 0pt, ${typstString(letter.addresseeLine)})`,
    ...body.map((paragraph) => paragraph.source),
    ...(stickyLast === undefined ? [] : [`#block(sticky: true)[${stickyLast.source}]`]),
    // Room for the seal to sit within a line of the text (7.3.5.1); one line otherwise (7.3.5.2).
    `#block(sticky: true, blank-lines(${letter.seal === null && !letter.sealRoomOnly ? 1 : 2}))`,
    `#signature(${typstString(letter.issuer)}, ${typstString(letter.date)}, ${seal})`,
    ...(letter.contactLine === null ? [] : [bodyParagraph(letter.contactLine).source]),
    ...(letter.ccLine === null
      ? []
      : [`#cc-block(${typstString(letter.ccLine)}, ${letter.format === LetterFormat.Document})`]),
  ];

  return [
    `#set document(title: ${typstString(letter.title)}, author: ${typstString(letter.issuer)}, ` +
      `keywords: (${typstString(letter.documentNumber)},), date: ${documentDate(letter.signedOn)})`,
    `#let faces = (${faces})`,
    `#let format = ${typstString(format)}`,
    `#let header-title = ${typstString(letter.headerTitle)}`,
    `#let document-number = ${typstString(letter.documentNumber)}`,
    `#let signatory = ${signatorySource(letter.signatoryLine)}`,
    `#let grade-mark = ${letter.gradeMark === null ? 'none' : typstString(letter.gradeMark)}`,
    LAYOUT,
    content.join('\n\n'),
    '',
  ].join('\n');
}
