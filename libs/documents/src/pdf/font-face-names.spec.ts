import { DEBIAN_LETTER_FONTS } from '../fonts/letter-fonts';
import { fontFaceNames } from './font-face-names';

describe('fontFaceNames', () => {
  it('reads both family names of a single-face OpenType file', () => {
    expect(fontFaceNames(DEBIAN_LETTER_FONTS.body.path)).toEqual([
      { family: 'FandolFang R', typographicFamily: 'FandolFang', postScriptName: 'FandolFang-Regular' },
    ]);
  });

  it('reads every face of a collection', () => {
    const faces = fontFaceNames(DEBIAN_LETTER_FONTS.title.path);
    expect(faces.length).toBeGreaterThan(1);
    expect(faces).toContainEqual({
      family: 'Noto Serif CJK SC Black',
      typographicFamily: 'Noto Serif CJK SC',
      postScriptName: 'NotoSerifCJKsc-Black',
    });
  });

  it('fails on a file that is not a font', () => {
    expect(() => fontFaceNames(__filename)).toThrow(RangeError);
  });
});
