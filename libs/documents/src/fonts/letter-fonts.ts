/**
 * The faces a letter is set in. Offices use the commercial 仿宋_GB2312 and 方正小标宋简体, which no
 * Debian package carries, so every face is configuration: a family name as the font file
 * declares it (what Typst selects and what the DOCX names) and the file it is loaded from.
 */
export interface LetterFont {
  family: string;
  path: string;
  /** CSS weight (400 regular, 900 black): a collection such as Noto Serif CJK holds several. */
  weight: number;
}

export interface LetterFonts {
  /** FangSong (仿宋): the body, the number, the date, contact and cc lines. */
  body: LetterFont;
  /** A heavy Song (小标宋): the red 发文机关标志 and the title. */
  title: LetterFont;
  /** Hei (黑体): the 一、二、 headings. */
  heading: LetterFont;
  /** Kai (楷体): second-level headings （一）（二）. */
  kai: LetterFont;
}

export type LetterFontRole = keyof LetterFonts;

export const LETTER_FONT_ROLES: readonly LetterFontRole[] = ['body', 'title', 'heading', 'kai'];

const FANDOL = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol';
const NOTO = '/usr/share/fonts/opentype/noto';

/**
 * Free faces from Debian's packages (texlive-lang-chinese, fonts-noto-cjk, fonts-noto-cjk-extra):
 * all cover the 6,763 GB2312 hanzi. Noto Serif CJK Black stands in for 小标宋.
 */
export const DEBIAN_LETTER_FONTS: LetterFonts = {
  body: { family: 'FandolFang', path: `${FANDOL}/FandolFang-Regular.otf`, weight: 400 },
  title: { family: 'Noto Serif CJK SC', path: `${NOTO}/NotoSerifCJK-Black.ttc`, weight: 900 },
  heading: { family: 'Noto Sans CJK SC', path: `${NOTO}/NotoSansCJK-Regular.ttc`, weight: 400 },
  kai: { family: 'FandolKai', path: `${FANDOL}/FandolKai-Regular.otf`, weight: 400 },
};
