import { join } from 'node:path';
import { NodeCompiler, type NodeError, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import type { Letter } from '../domain/letter';
import { LETTER_FONT_ROLES, type LetterFont, type LetterFonts } from '../fonts/letter-fonts';
import { fontFaceNames } from './font-face-names';
import { letterTypstSource, sealAssetPath, typstString } from './letter-typst-source';
import { mailroomListSource, type MailroomList } from './mailroom-list-source';

/** A letter that Typst could not set: a bug in the layout or a font that is not where configured. */
export class LetterRenderError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly string[] = [],
  ) {
    super(diagnostics.length === 0 ? message : `${message}: ${diagnostics.join('; ')}`);
    this.name = new.target.name;
  }
}

/**
 * The compiler's root. Nothing is read from it: the source comes in as a string and the seal is
 * mapped in memory, so a letter can reach no file on the machine.
 */
const WORKSPACE = '/dafu-letter';

/**
 * Typst memoises layouts in a global cache; entries unused for this many compilations are
 * dropped. That bounds the cache, but typst-ts-node-compiler 0.6.0 still keeps about 0.2 MB of
 * native memory per compiled letter that neither eviction nor a new compiler gives back, so a
 * process that renders thousands of letters needs recycling.
 */
const CACHE_MAX_AGE = 10;

function diagnosticMessages(error: NodeError | null): string[] {
  if (error === null) return [];
  const diagnostics: unknown[] = error.shortDiagnostics;
  return diagnostics.map((diagnostic) => {
    if (typeof diagnostic === 'object' && diagnostic !== null && 'message' in diagnostic) {
      return String(diagnostic.message);
    }
    return String(diagnostic);
  });
}

/**
 * Typst names a face by one of the family names in its file, not always the one people use:
 * FandolFang-Regular.otf is "FandolFang R" to Typst. Candidates are the configured name and the
 * names of the faces in the configured file that go by it; the first Typst knows wins.
 */
function familyCandidates(font: LetterFont): string[] {
  const wanted = font.family.trim().toLowerCase();
  const matching = fontFaceNames(font.path).filter((face) =>
    [face.family, face.typographicFamily].some((name) => name?.trim().toLowerCase() === wanted),
  );
  const names = matching.flatMap((face) => [face.typographicFamily, face.family]);
  return [...new Set([font.family, ...names.filter((name): name is string => name !== null)])];
}

/**
 * Renders final letters as PDF with Typst. One renderer holds one compiler (fonts loaded once);
 * create it once per process and reuse it. `render` is synchronous and not re-entrant, which is
 * what a single JavaScript thread gives.
 */
export class LetterPdfRenderer {
  private readonly compiler: NodeCompiler;
  /** The configured fonts, each family as Typst knows it. */
  private readonly typstFonts: LetterFonts;

  constructor(fonts: LetterFonts) {
    const paths = [...new Set(LETTER_FONT_ROLES.map((role) => fonts[role].path))];
    // The API has no switch to leave out system fonts; `fallback: false` in the source keeps
    // them from being used.
    this.compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontPaths: paths }] });
    this.typstFonts = {
      body: this.resolveFont(fonts.body),
      title: this.resolveFont(fonts.title),
      heading: this.resolveFont(fonts.heading),
      kai: this.resolveFont(fonts.kai),
    };
  }

  render(letter: Letter): Buffer {
    return this.compileLetter(letter, (compiled) => this.compiler.pdf(compiled));
  }

  /**
   * The same letter as one SVG, its A4 pages one under another: compiled from the same Typst
   * source as the PDF, so a preview breaks lines and pages exactly where the print will.
   */
  renderSvg(letter: Letter): string {
    return this.compileLetter(letter, (compiled) => this.compiler.svg(compiled));
  }

  private compileLetter<T>(letter: Letter, output: (compiled: NodeTypstDocument) => T): T {
    const source = letterTypstSource(letter, this.typstFonts);
    const sealFile = letter.seal && { path: join(WORKSPACE, sealAssetPath(letter.seal)), content: letter.seal.content };
    if (sealFile) this.compiler.mapShadow(sealFile.path, sealFile.content);
    try {
      return output(this.compile(source, `Letter ${letter.documentNumber} did not compile`));
    } finally {
      if (sealFile) this.compiler.unmapShadow(sealFile.path);
      this.compiler.evictCache(CACHE_MAX_AGE);
    }
  }

  /**
   * Decodes the image a letter would print, as rendering would: a file that only starts like a
   * PNG or JPEG throws here, at upload, rather than failing every letter of the bureau later.
   */
  assertPrintable(image: NonNullable<Letter['seal']>): void {
    const path = join(WORKSPACE, sealAssetPath(image));
    this.compiler.mapShadow(path, image.content);
    try {
      const source = `#set page(width: 50mm, height: 50mm, margin: 0mm)\n#image(${typstString(sealAssetPath(image))}, width: 42mm)`;
      this.compiler.pdf(this.compile(source, 'The image cannot be printed'));
    } finally {
      this.compiler.unmapShadow(path);
      this.compiler.evictCache(CACHE_MAX_AGE);
    }
  }

  /** The mailroom's printable list of letters to post, in the letters' faces. */
  renderMailroomList(list: MailroomList): Buffer {
    try {
      return this.compiler.pdf(
        this.compile(mailroomListSource(list, this.typstFonts), 'The mailroom list did not compile'),
      );
    } finally {
      this.compiler.evictCache(CACHE_MAX_AGE);
    }
  }

  /**
   * Any other document in the letters' faces (the supervision report): the source is built from
   * the faces as Typst knows them, and warnings fail as for letters.
   */
  renderWithFonts(source: (fonts: LetterFonts) => string, failure: string): Buffer {
    try {
      return this.compiler.pdf(this.compile(source(this.typstFonts), failure));
    } finally {
      this.compiler.evictCache(CACHE_MAX_AGE);
    }
  }

  /** Warnings fail too: the only ones a letter can raise are about fonts, and would misprint it. */
  private compile(source: string, failure: string): NodeTypstDocument {
    const result = this.compiler.compile({ mainFileContent: source });
    const errors = result.hasError() ? diagnosticMessages(result.takeError() ?? result.takeDiagnostics()) : [];
    const warnings = diagnosticMessages(result.takeWarnings());
    const compiled = result.result;
    if (errors.length > 0 || warnings.length > 0 || compiled === null) {
      throw new LetterRenderError(failure, [...errors, ...warnings]);
    }
    return compiled;
  }

  private resolveFont(font: LetterFont): LetterFont {
    for (const family of familyCandidates(font)) {
      const probe = `#set text(font: ${typstString(family)}, weight: ${Math.round(font.weight)}, fallback: false)\n一`;
      try {
        this.compile(probe, 'probe');
        return { ...font, family };
      } catch (error) {
        if (!(error instanceof LetterRenderError)) throw error;
      }
    }
    throw new LetterRenderError(`No face of family "${font.family}" found in ${font.path}`);
  }
}
