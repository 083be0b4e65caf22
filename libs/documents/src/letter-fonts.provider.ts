import { Injectable } from '@nestjs/common';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DEBIAN_LETTER_FONTS, LETTER_FONT_ROLES, type LetterFonts } from './fonts/letter-fonts';
import { LetterPdfRenderer } from './pdf/letter-pdf';

/** The configured faces (LETTER_FONT_*), each unset one kept at its Debian default. */
@Injectable()
export class LetterFontsProvider {
  readonly fonts: LetterFonts;
  private renderer?: LetterPdfRenderer;

  constructor(config: DafuConfig) {
    const fonts = { ...DEBIAN_LETTER_FONTS };
    for (const role of LETTER_FONT_ROLES) {
      const configured = config.letterFonts[role];
      // A commercial face is one file of one weight; the weight only picks within a collection.
      if (configured) fonts[role] = { ...configured, weight: 400 };
    }
    this.fonts = fonts;
  }

  /** One PDF renderer per process, made on first use: loading the faces takes a moment. */
  get pdfRenderer(): LetterPdfRenderer {
    this.renderer ??= new LetterPdfRenderer(this.fonts);
    return this.renderer;
  }
}
